package io.creditguard.webhooks;

/**
 * What intake did with one event: {@code accepted} (stored), {@code duplicate} (seen before, nothing
 * changed), {@code stale} (older than the state already stored, kept out), {@code ignored} (not an
 * invoice event), {@code queued} (noted for a later fetch).
 */
public record IntakeResult(String status, String invoiceId, String detail) {

    static IntakeResult of(String status, String invoiceId, String detail) {
        return new IntakeResult(status, invoiceId, detail);
    }
}
