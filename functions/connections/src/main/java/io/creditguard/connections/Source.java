package io.creditguard.connections;

import java.io.IOException;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.creditguard.receivables.Invoice;

/**
 * What one platform changed since the cursor, a batch at a time (a page of invoices, of payments, a sync
 * endpoint's answer). A source is made for one sync and may remember where it is in it. A batch is read
 * whole before anything of it is written, so a platform that fails half-way through a batch leaves the book
 * and the cursor as they were.
 */
interface Source {

    /**
     * The next batch after {@code cursor}, or empty when the sync has caught up.
     *
     * @throws PlatformClient.Stop when the budget or the allowance ran out
     * @throws IOException when the platform cannot be read
     */
    Optional<Batch> next(Map<String, String> cursor, PlatformClient api) throws IOException, PlatformClient.Stop;

    /**
     * A batch read from the platform, to write and then to move the cursor past.
     *
     * @param cursor where the next batch starts, once this one is stored
     * @param warnings what was mapped but needs a look
     * @param done queued webhook notifications ({@code webhooks/pending/<platform>/…}) this batch covers, removed
     *     once it is stored
     */
    record Batch(List<Change> changes, Map<String, String> cursor, List<String> warnings, List<String> done) {

        Batch(List<Change> changes, Map<String, String> cursor, List<String> warnings) {
            this(changes, cursor, warnings, List.of());
        }
    }

    /** One record of the platform, as the book takes it in. */
    sealed interface Change {
    }

    /**
     * A platform invoice, whole and checked.
     *
     * @param itemisesPayments the invoice lists every payment (they replace the stored ones); false where payments
     *     arrive as records of their own
     */
    record Upsert(Invoice invoice, boolean itemisesPayments) implements Change {
    }

    /** A payment the platform lists on its own, for its invoice. */
    record Payment(String invoiceId, Invoice.Payment payment) implements Change {
    }

    /** A credit note crediting an invoice of the platform. */
    record Credit(String invoiceId, Invoice.Credit credit, Currency currency) implements Change {
    }

    /** A record that cannot become part of the book, with why; nothing of it is stored. */
    record Unmappable(String id, String reason) implements Change {
    }
}
