package io.creditguard.store;

/**
 * Other writers kept changing the same record through every attempt of {@link Updates}; nothing was written over.
 * A domain's answer to a lost race, which the HTTP adapter answers 503 (send again later) and a run reports.
 */
public final class StoreBusy extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what was not changed and what the caller may do, in words fit for the answer */
    public StoreBusy(String message) {
        super(message, null, false, false);
    }
}
