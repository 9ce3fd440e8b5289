package io.creditguard.connections;

import java.time.Instant;
import java.util.List;

/**
 * What one sync of one platform did, as {@code GET /connections} and the reminder run's report show it.
 *
 * @param requests calls made to the platform's API
 * @param read what was brought into the book
 * @param unmapped records that could not become book invoices, each with the platform's id and why; nothing of
 *     them was stored
 * @param warnings what was stored but needs a look (an OCR number whose check digit is wrong, reminders the
 *     platform sent itself)
 * @param reason why the sync failed, stopped early or did not run
 */
public record SyncReport(Platform platform, Status status, Instant startedAt, Instant finishedAt, int requests, Counts read,
        List<Unmapped> unmapped, List<String> warnings, String reason) {

    public enum Status {
        /** Everything changed since the last sync is in the book. */
        OK,
        /** The time budget or the day's allowance ran out; the next sync goes on from the cursor. */
        PARTIAL,
        /** The platform could not be read (an outage, HTML, a truncated answer): nothing of it changed, the cursor stayed. */
        FAILED,
        /** The platform refused the refresh token: an admin must connect it again. */
        NEEDS_CONSENT,
        /** Not connected on this deployment: nothing to do. */
        NOT_CONNECTED
    }

    /** Invoices, payments and credit notes brought into the book. */
    public record Counts(int invoices, int payments, int credits) {

        static final Counts NONE = new Counts(0, 0, 0);

        Counts plus(Counts other) {
            return new Counts(invoices + other.invoices, payments + other.payments, credits + other.credits);
        }
    }

    /** A platform record that cannot become a book invoice: a due date and terms missing, an unknown currency, a negative amount. */
    public record Unmapped(String id, String reason) {
    }

    public SyncReport {
        unmapped = List.copyOf(unmapped);
        warnings = List.copyOf(warnings);
    }
}
