package io.creditguard.http;

import java.util.List;

import io.creditguard.validation.FieldError;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem detail, written as {@code application/problem+json}.
 *
 * @param type stable identifier of the kind of problem (see {@link ProblemType}); clients switch on it
 * @param title short summary of the kind of problem, the same for every occurrence
 * @param status the HTTP status code
 * @param detail what went wrong with this request, in plain words
 * @param errors one entry per offending field, with its JSON path ({@code $.options[0].costRate}) and pointer
 */
@RegisterForReflection
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null);
    }

    public static Problem of(ProblemType type, String detail, List<FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, List.copyOf(errors));
    }
}
