package io.creditguard.http;

import java.util.Map;

/**
 * Ends a request with a problem answer. Thrown for what the HTTP exchange itself gets wrong (route,
 * media type, size, signature, a secret not configured); an input that breaks a field rule is an
 * {@link io.creditguard.validation.InvalidInputException} instead. Never for a fault of ours.
 */
public final class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    /** @param headers sent with the answer, such as {@code Allow} on a 405 or {@code WWW-Authenticate} on a 401 */
    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public ProblemException(ProblemType type, String detail) {
        this(Problem.of(type, detail));
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
