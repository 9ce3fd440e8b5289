package io.creditguard.filings;

/**
 * A registry (Bolagsverket, KvK) that did not give what was asked. Never the caller's fault: a check
 * goes on without the registry's data and says why.
 */
public final class RegistryException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** No answer, a timeout, a 5xx or 429 after the retries: try again later. */
        UNAVAILABLE,
        /** The registry refused our credentials (the token request, or a 401/403 with a fresh token). */
        REFUSED,
        /** An answer that is not what the registry documents. */
        BAD_ANSWER
    }

    private final Kind kind;

    public RegistryException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
