package io.creditguard.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.creditguard.digest.Sha256;
import io.creditguard.json.Json;
import io.creditguard.receivables.Invoice;
import io.creditguard.store.ObjectStore;
import io.creditguard.store.StoreBusy;
import io.creditguard.store.Updates;
import io.creditguard.validation.FieldError;
import io.creditguard.validation.InputReader;
import io.creditguard.validation.InvalidInputException;

/**
 * Writes what the platforms send into the receivables book, so the reminder run reads it with
 * everything else: each invoice is a one-line book file {@code receivables/webhooks/<source>/<key>.jsonl}.
 *
 * <p>Idempotent and order-proof: an event id seen before changes nothing ({@code webhooks/events/…}
 * keeps one marker per event); an event older than the stored state (by the platform's event time,
 * not arrival, and never later than creditguard's clock: see {@link #noLaterThanNow}) is kept out; a
 * newer one replaces the platform's fields and keeps what creditguard itself recorded (reminders sent,
 * insurer report, pause, dispute). A payment or a credit note for an invoice not yet received waits
 * under {@code webhooks/adjustments/…} and is applied when it arrives.
 *
 * <p>Every change is a compare-and-set of the invoice's file ({@link Updates}): a webhook and the
 * reminder run, or two webhooks, never overwrite each other's change; one that keeps losing the race
 * is answered 503 (the platform sends it again), never written over.
 *
 * <p>The ledger's rules (what is kept, how payments and credits add up to the open amount) are
 * {@link InvoiceLedger}'s; this class reads and writes what they decide.
 */
@ApplicationScoped
public class IntakeStore {

    private static final Logger LOG = Logger.getLogger(IntakeStore.class);
    private static final String CONTENT_TYPE = "application/x-ndjson";

    /** A payment or credit note waiting for its invoice. */
    record Adjustment(Invoice.Payment payment, Invoice.Credit credit, Currency currency) {
    }

    private final ObjectStore store;
    private final InputReader inputs;
    private final Clock clock;

    public IntakeStore(ObjectStore store, InputReader inputs, Clock clock) {
        this.store = store;
        this.inputs = inputs;
        this.clock = clock;
    }

    boolean seen(String source, String eventId) {
        try {
            Optional<InputStream> marker = store.read(markerKey(source, eventId));
            marker.ifPresent(IntakeStore::close);
            return marker.isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stores {@code incoming} unless older than what is stored, then marks the event as seen.
     *
     * @param itemisesPayments the platform's invoice lists every payment ({@code payments[]} replaces the
     *     stored ones); false where payments arrive as events of their own (they are kept)
     */
    public IntakeResult upsert(String source, String eventId, Invoice stated, boolean itemisesPayments) {
        String key = bookKey(source, stated.invoiceId());
        String prefix = adjustmentPrefix(source, stated.invoiceId());
        Instant now = clock.instant();
        Invoice incoming = stated.withUpdatedAt(noLaterThanNow(stated.updatedAt(), now));
        try {
            List<String> waiting = store.list(prefix);
            List<Adjustment> adjustments = new ArrayList<>();
            for (String k : waiting) {
                read(k, Adjustment.class).ifPresent(adjustments::add);
            }
            IntakeResult result = update(key, stored -> {
                // the stored time too: one written in the future before times were held to the clock blocks no longer
                Instant held = stored.map(s -> noLaterThanNow(s.updatedAt(), now)).orElse(null);
                if (held != null && incoming.updatedAt() != null && held.isAfter(incoming.updatedAt())) {
                    return Updates.Result.unchanged(IntakeResult.of(IntakeResult.Status.STALE, incoming.invoiceId(), "the stored state of "
                            + held + " is newer than this event's " + incoming.updatedAt() + "; kept"));
                }
                List<String> notes = new ArrayList<>();
                List<String> dropped = new ArrayList<>();
                Invoice merged = InvoiceLedger.merge(source, incoming, stored, itemisesPayments, adjustments, notes, dropped);
                dropped.forEach(error -> LOG.errorf("%s %s: a waiting adjustment was dropped: %s", source,
                        incoming.invoiceId(), error));
                return new Updates.Result<>(line(merged), IntakeResult.of(IntakeResult.Status.ACCEPTED, incoming.invoiceId(),
                        notes.isEmpty() ? "stored" : "stored; " + String.join("; ", notes)));
            });
            if (result.status() == IntakeResult.Status.ACCEPTED) {
                for (String k : waiting) {
                    store.delete(k);
                }
            }
            markSeen(source, eventId, result);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A payment reported on its own (a Stripe invoice payment, a Standard Webhooks {@code invoice.payment}),
     * added to its invoice, or kept until the invoice arrives. Idempotent by payment id.
     *
     * @param field where the payment sits in the payload, for the problem a bad payment is answered with
     * @throws InvalidInputException 422 for a payment dated before the invoice or in another currency
     */
    public IntakeResult addPayment(String source, String eventId, String invoiceId, Invoice.Payment payment, String field) {
        return adjust(source, eventId, invoiceId, new Adjustment(payment, null, payment.currency()), field);
    }

    /**
     * A credit note crediting an invoice, applied to it or kept until it arrives. Idempotent by the
     * credit note's document id: the same id with another amount or date is refused.
     *
     * @throws InvalidInputException 422 for a credit larger than the invoice, in another currency, or
     *     repeating an id with other figures
     */
    public IntakeResult addCredit(String source, String eventId, String invoiceId, Invoice.Credit credit, Currency currency,
            String field) {
        return adjust(source, eventId, invoiceId, new Adjustment(null, credit, currency), field);
    }

    private IntakeResult adjust(String source, String eventId, String invoiceId, Adjustment adjustment, String field) {
        String key = bookKey(source, invoiceId);
        try {
            IntakeResult result = update(key, stored -> {
                if (stored.isEmpty()) {
                    return Updates.Result.unchanged(null);
                }
                Invoice invoice = stored.get();
                List<FieldError> errors = InvoiceLedger.check(invoice, adjustment, field);
                if (!errors.isEmpty()) {
                    throw InvalidInputException.invalid(errors);
                }
                List<String> notes = new ArrayList<>();
                Invoice adjusted = InvoiceLedger.apply(source, invoice, List.of(adjustment), invoice.openAmount(), notes);
                if (adjusted.equals(invoice)) {
                    return Updates.Result.unchanged(IntakeResult.of(IntakeResult.Status.DUPLICATE, invoiceId, "already recorded"));
                }
                return new Updates.Result<>(line(adjusted), IntakeResult.of(IntakeResult.Status.ACCEPTED, invoiceId,
                        notes.isEmpty() ? "applied" : "applied; " + String.join("; ", notes)));
            });
            if (result == null) {
                String id = adjustment.payment() != null ? adjustment.payment().id() : adjustment.credit().documentId();
                store.write(adjustmentPrefix(source, invoiceId) + ObjectStore.keyPart(id) + ".json", Json.write(adjustment)
                        .getBytes(StandardCharsets.UTF_8), "application/json");
                result = IntakeResult.of(IntakeResult.Status.PENDING, invoiceId, "kept until invoice " + invoiceId + " arrives");
            }
            markSeen(source, eventId, result);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A change of the stored invoice, which may run again on what another writer left. */
    @FunctionalInterface
    private interface InvoiceChange<T> {
        Updates.Result<T> apply(Optional<Invoice> stored) throws IOException;
    }

    /**
     * Reads, changes and writes back the book file.
     *
     * @throws StoreBusy when other writers keep winning (the HTTP adapter answers 503)
     */
    private <T> T update(String key, InvoiceChange<T> change) throws IOException {
        try {
            return Updates.update(store, key, CONTENT_TYPE, current -> change.apply(current.map(b -> parse(key, b))));
        } catch (ObjectStore.VersionConflict e) {
            LOG.warnf("%s: %s", key, e.getMessage());
            throw new StoreBusy("The invoice was changed by other writers through " + Updates.ATTEMPTS
                    + " attempts; nothing was overwritten. Send the event again.");
        }
    }

    /**
     * A platform's invoice with its open amount reconciled with the payments and credits it itemises
     * (see the class comment), so it can be checked as a ledger before it is stored.
     */
    public static Invoice reconciled(String source, Invoice mapped) {
        return InvoiceLedger.reconciled(source, mapped);
    }

    /**
     * Keeps a notification that carries no invoice data (Xero, Exact) until the invoice can be fetched; newest wins, by
     * {@code eventTime} held to the clock as an invoice's update time is ({@link #noLaterThanNow}), and recorded as the
     * notification's {@code eventTime}.
     */
    public IntakeResult queue(String source, String resourceKey, Instant eventTime, Map<String, Object> notification) {
        String key = pendingPrefix(source) + ObjectStore.keyPart(resourceKey) + ".json";
        Instant now = clock.instant();
        Instant time = noLaterThanNow(eventTime, now);
        try {
            Optional<Map<?, ?>> existing = read(key, Map.class).map(m -> (Map<?, ?>) m);
            if (existing.isPresent()) {
                Object queued = existing.get().get("eventTime");
                if (queued instanceof String t && !t.isEmpty() && noLaterThanNow(Instant.parse(t), now).isAfter(time)) {
                    return IntakeResult.of(IntakeResult.Status.STALE, resourceKey, "a newer notification is already queued");
                }
            }
            Map<String, Object> kept = new LinkedHashMap<>(notification);
            kept.put("eventTime", time.toString());
            store.write(key, Json.write(kept).getBytes(StandardCharsets.UTF_8), "application/json");
            return IntakeResult.of(IntakeResult.Status.QUEUED, resourceKey, "queued for fetching from " + source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A platform's time as the book orders its updates by: as stated, but never later than creditguard's clock. An
     * update older than what the book holds is kept out, so a time in the future (a platform's clock ahead, a Moneybird
     * {@code updated_at} or a Stripe {@code created} in the year 999999999) would keep out every later update of the
     * invoice until then; an earlier one only lets a later update win. The webhooks and the connections' sync alike.
     */
    private static Instant noLaterThanNow(Instant stated, Instant now) {
        return stated == null || stated.isBefore(now) ? stated : now;
    }

    /** The keys of the notifications queued for {@code source}, oldest key first. */
    public List<String> queued(String source) throws IOException {
        return store.list(pendingPrefix(source));
    }

    public Optional<Map<?, ?>> notification(String key) throws IOException {
        return read(key, Map.class).map(m -> (Map<?, ?>) m);
    }

    public void dequeue(String key) throws IOException {
        store.delete(key);
    }

    private <T> Optional<T> read(String key, Class<T> type) throws IOException {
        Optional<InputStream> content = store.read(key);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = content.get()) {
            return Optional.of(Json.MAPPER.readValue(in, type));
        }
    }

    private Invoice parse(String key, byte[] line) {
        try {
            return inputs.read(new String(line, StandardCharsets.UTF_8), Invoice.class);
        } catch (InvalidInputException e) {
            // Only intake and the run write these files; one that no longer reads is a fault to look at, not to overwrite.
            throw new IllegalStateException(store.describe() + "/" + key + " is not a valid invoice: " + e.summary(), e);
        }
    }

    private static byte[] line(Invoice invoice) {
        return (Json.write(invoice) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private void markSeen(String source, String eventId, IntakeResult result) throws IOException {
        store.write(markerKey(source, eventId), Json.write(Map.of("eventId", eventId, "status", result.status().id()))
                .getBytes(StandardCharsets.UTF_8), "application/json");
    }

    static String bookKey(String source, String invoiceId) {
        return "receivables/webhooks/" + source + "/" + ObjectStore.keyPart(invoiceId) + ".jsonl";
    }

    private static String adjustmentPrefix(String source, String invoiceId) {
        return "webhooks/adjustments/" + source + "/" + ObjectStore.keyPart(invoiceId) + "/";
    }

    private static String pendingPrefix(String source) {
        return "webhooks/pending/" + source + "/";
    }

    private static String markerKey(String source, String eventId) {
        return "webhooks/events/" + source + "/" + Sha256.hex(eventId.getBytes(StandardCharsets.UTF_8)) + ".json";
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
