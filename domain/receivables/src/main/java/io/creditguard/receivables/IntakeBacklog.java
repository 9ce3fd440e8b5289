package io.creditguard.receivables;

import java.util.List;

/**
 * What the book must take in before the run reads it, so today's letters see today's state: invoices a
 * platform only named (Xero's webhooks carry ids, not invoices), and the platforms creditguard is
 * connected to and polls (Fortnox, Exact Online, Visma).
 */
public interface IntakeBacklog {

    /** How a drain went: everything in, part of it (the rest next time), nothing (the reason in the problems). */
    enum Status {
        OK, PARTIAL, FAILED, NEEDS_CONSENT
    }

    /**
     * What one drain did; it never throws, what went wrong is in {@code problems}.
     *
     * @param fetched records brought into the book
     * @param stillQueued entries left for the next run (not fetched, or failed)
     */
    record Report(String source, Status status, int fetched, int stillQueued, List<String> problems) {

        /** A report whose status follows from what it says: OK without problems, PARTIAL with some fetched, else FAILED. */
        public Report(String source, int fetched, int stillQueued, List<String> problems) {
            this(source, problems.isEmpty() ? Status.OK : fetched > 0 ? Status.PARTIAL : Status.FAILED, fetched, stillQueued,
                    problems);
        }
    }

    /** One report per source drained. */
    List<Report> drain();
}
