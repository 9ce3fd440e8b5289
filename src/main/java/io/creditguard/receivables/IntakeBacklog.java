package io.creditguard.receivables;

import java.util.List;

/**
 * Work an intake left for the run: invoices a platform only named (Xero's webhooks carry ids, not
 * invoices), fetched into the book before the run reads it, so today's letters see them.
 */
public interface IntakeBacklog {

    /**
     * What one drain did; it never throws, what went wrong is in {@code problems}.
     *
     * @param stillQueued entries left for the next run (not fetched, or failed)
     */
    record Report(String source, int fetched, int stillQueued, List<String> problems) {
    }

    Report drain();
}
