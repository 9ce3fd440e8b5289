package io.creditguard.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.creditguard.digest.Sha256;
import io.creditguard.json.Json;
import io.creditguard.receivables.Invoice;
import io.creditguard.store.ObjectStore;

/**
 * Writes what the platforms send into the receivables book, so the reminder run reads it with
 * everything else: each invoice is a one-line book file {@code receivables/webhooks/<source>/<key>.jsonl}.
 *
 * <p>Idempotent and order-proof: an event id seen before changes nothing ({@code webhooks/events/…}
 * keeps one marker per event); an event older than the stored state (by the platform's event time,
 * not arrival) is kept out; a newer one replaces the platform's fields and keeps what creditguard
 * itself recorded (reminders sent, insurer report, pause, dispute).
 */
@ApplicationScoped
class IntakeStore {

    private final ObjectStore store;

    IntakeStore(ObjectStore store) {
        this.store = store;
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

    /** Stores {@code incoming} unless older than what is stored, then marks the event as seen. */
    IntakeResult upsert(String source, String eventId, Invoice incoming) {
        String key = bookKey(source, incoming.invoiceId());
        try {
            Optional<Invoice> stored = read(key);
            IntakeResult result;
            if (stored.isPresent() && stored.get().updatedAt() != null && incoming.updatedAt() != null
                    && stored.get().updatedAt().isAfter(incoming.updatedAt())) {
                result = IntakeResult.of("stale", incoming.invoiceId(), "the stored state of " + stored.get().updatedAt()
                        + " is newer than this event's " + incoming.updatedAt() + "; kept");
            } else {
                Invoice merged = stored.map(s -> keepOwnFields(incoming, s)).orElse(incoming);
                store.write(key, (Json.write(merged) + "\n").getBytes(StandardCharsets.UTF_8), "application/x-ndjson");
                result = IntakeResult.of("accepted", incoming.invoiceId(), "stored");
            }
            markSeen(source, eventId, result);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps a notification that carries no invoice data (Xero) until the invoice can be fetched; newest wins. */
    IntakeResult queue(String source, String resourceKey, Instant eventTime, Map<String, Object> notification) {
        String key = "webhooks/pending/" + source + "/" + slug(resourceKey) + ".json";
        try {
            Optional<InputStream> existing = store.read(key);
            if (existing.isPresent()) {
                try (InputStream in = existing.get()) {
                    String time = Json.MAPPER.readTree(in).path("eventTime").asText("");
                    if (!time.isEmpty() && Instant.parse(time).isAfter(eventTime)) {
                        return IntakeResult.of("stale", resourceKey, "a newer notification is already queued");
                    }
                }
            }
            store.write(key, Json.write(notification).getBytes(StandardCharsets.UTF_8), "application/json");
            return IntakeResult.of("queued", resourceKey, "queued for fetching from " + source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Invoice> read(String key) throws IOException {
        Optional<InputStream> content = store.read(key);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = content.get()) {
            return Optional.of(Json.MAPPER.readValue(in, Invoice.class));
        }
    }

    /** The platform's new state, with what creditguard recorded kept: an agreed fee or a dispute stays known. */
    private static Invoice keepOwnFields(Invoice incoming, Invoice stored) {
        Invoice.Terms terms = incoming.terms();
        Invoice.Dunning dunning = stored.dunning();
        return new Invoice(incoming.invoiceId(), incoming.invoiceNumber(), incoming.currency(), incoming.issueDate(),
                incoming.dueDate(), incoming.amount(), incoming.openAmount(), incoming.customer(),
                new Invoice.Terms(terms.interestRate(), terms.reminderFeeAgreed() || stored.terms().reminderFeeAgreed(),
                        terms.governingLaw(), terms.paymentTerms()),
                incoming.payments(), incoming.credits(),
                new Invoice.Dunning(incoming.disputed() || dunning.disputed(), dunning.pausedUntil(), dunning.remindersSent(),
                        dunning.insurerNotifiedOn()),
                incoming.source(), incoming.updatedAt());
    }

    private void markSeen(String source, String eventId, IntakeResult result) throws IOException {
        store.write(markerKey(source, eventId), Json.write(Map.of("eventId", eventId, "status", result.status()))
                .getBytes(StandardCharsets.UTF_8), "application/json");
    }

    static String bookKey(String source, String invoiceId) {
        return "receivables/webhooks/" + source + "/" + slug(invoiceId) + ".jsonl";
    }

    private static String markerKey(String source, String eventId) {
        return "webhooks/events/" + source + "/" + Sha256.hex(Signatures.utf8(eventId)) + ".json";
    }

    /** A readable, store-safe key part: the id's safe characters and a hash that keeps distinct ids apart. */
    private static String slug(String id) {
        String safe = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
        return (safe.length() > 60 ? safe.substring(0, 60) : safe) + "-" + Sha256.hex(Signatures.utf8(id))
                .substring(0, 12);
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
