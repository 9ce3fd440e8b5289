package io.creditguard.store;

import java.io.IOException;

/**
 * A stored record that is there but cannot be read, and what repairs it. Ours to fix, never the caller's: the HTTP
 * adapter answers 500 with this message (it names the key and the repair, never the content), a run reports it
 * and goes on.
 */
public final class StoreUnreadable extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param key the record's key
     * @param repair what writes it again, in words fit for the answer ({@code the next reminder run writes it again})
     */
    public StoreUnreadable(String key, String repair, Throwable cause) {
        super(key + " cannot be read; " + repair, cause);
    }
}
