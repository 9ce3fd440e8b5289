package io.creditguard.reference;

/**
 * How a row of reference data is known, in its {@code evidence} column. The product computes with
 * what a source backs and nothing else: an unverified figure stays in the file, for the record and
 * the next check, and is never used.
 */
public enum Evidence {
    /** Seen at its official publisher, or a verbatim copy of its text. */
    PRIMARY,
    /** Seen only in a secondary source the row names (commentary, a practitioner, a published table). */
    SECONDARY,
    /**
     * Computed from a primary figure by the rule the statute itself states, as the reference-rates
     * function does for Finland's viitekorko from the ECB rate (korkolaki 12 §).
     */
    DERIVED,
    /** Estimated or not found. */
    UNVERIFIED;

    public boolean usable() {
        return this != UNVERIFIED;
    }
}
