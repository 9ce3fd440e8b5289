package io.creditguard.http;

/**
 * Ends a request with a problem answer. Thrown for what the HTTP exchange itself gets wrong (route,
 * media type, size, signature, a secret not configured); an input that breaks a field rule is an
 * {@link io.creditguard.validation.InvalidInputException} instead. Never for a fault of ours.
 */
public final class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public ProblemException(ProblemType type, String detail) {
        this(Problem.of(type, detail));
    }

    public Problem problem() {
        return problem;
    }
}
