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
 * @param instance this occurrence: the request id as a URN ({@code urn:creditguard:request:<id>}), to quote
 *     when reporting it
 * @param errors one entry per offending field, with its JSON path ({@code $.options[0].costRate}) and its
 *     JSON Pointer (RFC 6901, {@code /options/0/costRate})
 */
@RegisterForReflection
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, null);
    }

    public static Problem of(ProblemType type, String detail, List<FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, List.copyOf(errors));
    }

    /** This problem as the occurrence of request {@code requestId}; unchanged without one. */
    public Problem at(String requestId) {
        return requestId == null || requestId.isBlank() ? this
                : new Problem(type, title, status, detail, "urn:creditguard:request:" + requestId, errors);
    }
}
