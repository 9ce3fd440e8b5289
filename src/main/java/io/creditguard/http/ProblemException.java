package io.creditguard.http;

import java.util.List;

/** Ends a request with a problem answer; thrown by parsing and validation, never for server faults. */
public final class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public ProblemException(ProblemType type, String detail) {
        this(Problem.of(type, detail));
    }

    /** A single-field validation failure (422). */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, field + " " + message,
                List.of(new Problem.FieldError(field, message))));
    }

    public Problem problem() {
        return problem;
    }
}
