package io.creditguard.validation;

/**
 * A well-formed request the records refuse: it names one the store does not hold ({@link Why#UNKNOWN}), or asks a
 * change the record's state forbids ({@link Why#CONFLICT}: a paid invoice is not disputed). Either names the field
 * that made it so. The caller's to fix, like an {@link InvalidInputException}; the HTTP adapter answers it 404 or
 * 409 with the field, so a domain says what it refuses without knowing HTTP.
 */
public final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a request is refused. */
    public enum Why { UNKNOWN, CONFLICT }

    private final Why why;
    private final transient FieldError error;

    private Refusal(Why why, FieldError error) {
        super(error.message(), null, false, false);
        this.why = why;
        this.error = error;
    }

    /** The request names a record the store does not hold. */
    public static Refusal unknown(FieldError error) {
        return new Refusal(Why.UNKNOWN, error);
    }

    /** The record's state forbids the change the request asks. */
    public static Refusal conflict(FieldError error) {
        return new Refusal(Why.CONFLICT, error);
    }

    public Why why() {
        return why;
    }

    public FieldError error() {
        return error;
    }
}
