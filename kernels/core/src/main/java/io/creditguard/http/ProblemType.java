package io.creditguard.http;

/**
 * The kinds of problem the API answers with. The {@link #uri()} values are part of the public
 * contract: clients may switch on them, so they never change meaning. Documented in README.
 */
public enum ProblemType {
    MALFORMED_JSON(400, "Malformed JSON"),
    INVALID_FIELD(400, "Invalid field"),
    INVALID_BODY(400, "Invalid request body"),
    UNAUTHORIZED(401, "Unauthorized"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "No such route"),
    NO_SUCH_RECORD(404, "No such record"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    CONFLICT(409, "Conflicts with the record"),
    NOT_FILEABLE(409, "Claim cannot be filed"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    VALIDATION_FAILED(422, "Validation failed"),
    INTERNAL_ERROR(500, "Internal error"),
    NOT_CONFIGURED(503, "Not configured"),
    MAIL_UNAVAILABLE(503, "Mail server unavailable"),
    STORE_BUSY(503, "Store busy");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** e.g. {@code urn:creditguard:problem:validation-failed}. */
    public String uri() {
        return "urn:creditguard:problem:" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
