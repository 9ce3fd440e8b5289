package io.creditguard.connections;

import java.time.Instant;
import java.util.List;

/**
 * What one sync of one platform did, as {@code GET /connections} and the reminder run's report show it.
 *
 * @param requests calls made to the platform's API
 * @param read what the book holds as the platform has it: stored by this sync, or found already recorded
 * @param stale invoices kept out because the book holds a later state of them (by the platform's modification time)
 * @param pending payments and credit notes kept until the invoice they name arrives, each with the platform's id and why
 * @param unmapped records that could not become book invoices, each with the platform's id and why; nothing of
 *     them was stored
 * @param warnings what was stored but needs a look (an OCR number whose check digit is wrong, reminders the
 *     platform sent itself)
 * @param reason why the sync failed, stopped early or did not run
 */
public record SyncReport(Platform platform, Status status, Instant startedAt, Instant finishedAt, int requests, Counts read,
        List<Unmapped> stale, List<Unmapped> pending, List<Unmapped> unmapped, List<String> warnings, String reason) {

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

    /** Invoices, payments and credit notes in the book as the platform has them. */
    public record Counts(int invoices, int payments, int credits) {

        static final Counts NONE = new Counts(0, 0, 0);

        Counts plus(Counts other) {
            return new Counts(invoices + other.invoices, payments + other.payments, credits + other.credits);
        }
    }

    /**
     * A platform record not (or not yet) in the book, and why: a due date and terms missing, an unknown currency, a
     * negative amount; a later state stored; its invoice not yet arrived.
     */
    public record Unmapped(String id, String reason) {
    }

    public SyncReport {
        // A report kept before stale and pending were reported has neither.
        stale = stale == null ? List.of() : List.copyOf(stale);
        pending = pending == null ? List.of() : List.copyOf(pending);
        unmapped = List.copyOf(unmapped);
        warnings = List.copyOf(warnings);
    }

    /** A sync that read nothing: it did not run, or failed before it asked the platform. */
    SyncReport(Platform platform, Status status, Instant startedAt, Instant finishedAt, String reason) {
        this(platform, status, startedAt, finishedAt, 0, Counts.NONE, List.of(), List.of(), List.of(), List.of(), reason);
    }
}
