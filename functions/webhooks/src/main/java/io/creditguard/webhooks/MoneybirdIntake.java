package io.creditguard.webhooks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.http.HttpRequest;
import io.creditguard.receivables.Invoice;
import io.creditguard.validation.InputReader;

/**
 * Moneybird webhooks ({@code POST /webhooks/moneybird}). Moneybird signs nothing; it sends the
 * webhook's token in the payload ({@code webhook_token}), compared in constant time with
 * MONEYBIRD_WEBHOOK_TOKEN. Sales-invoice events carry the invoice ({@code entity}); a contact with a
 * company name is a business, otherwise a consumer. Drafts are not receivables yet and are ignored.
 *
 * <p>A push is known by its {@code Idempotency-Key} header, which Moneybird keeps when it retries the push
 * (developer.moneybird.com/webhooks, "Idempotency"); failing that by the payload's {@code idempotency_key};
 * failing both, by the invoice, the action and the invoice's {@code updated_at}.
 */
@ApplicationScoped
class MoneybirdIntake {

    static final String SOURCE = "moneybird";

    private final Secrets secrets;
    private final IntakeStore store;
    private final Normalizer normalizer;
    private final InputReader inputs;

    MoneybirdIntake(Secrets secrets, IntakeStore store, Normalizer normalizer, InputReader inputs) {
        this.secrets = secrets;
        this.store = store;
        this.normalizer = normalizer;
        this.inputs = inputs;
    }

    IntakeResult handle(HttpRequest request) {
        String expected = secrets.require("MONEYBIRD_WEBHOOK_TOKEN");
        JsonNode payload = inputs.tree(request.bodyText());
        if (!Signatures.same(expected, payload.path("webhook_token").asText(null))) {
            throw Signatures.unauthorized("webhook_token is missing or is not this endpoint's token.");
        }
        if (!"SalesInvoice".equals(payload.path("entity_type").asText())) {
            return IntakeResult.of(IntakeResult.Status.IGNORED, null, payload.path("entity_type").asText("an event") + " is not a sales invoice");
        }
        JsonNode entity = payload.path("entity");
        String state = entity.path("state").asText("");
        if (state.equals("draft")) {
            return IntakeResult.of(IntakeResult.Status.IGNORED, null, "a draft invoice is not a receivable yet");
        }
        Instant updated = instant(Payloads.text(entity, "updated_at", "$.entity.updated_at"), "$.entity.updated_at");
        JsonNode payloadKey = payload.path("idempotency_key");
        String eventId = key(request.header("idempotency-key").orElse(null))
                .or(() -> key(payloadKey.isTextual() ? payloadKey.asText() : null))
                .orElseGet(() -> Payloads.text(entity, "id", "$.entity.id") + "/" + payload.path("action").asText("") + "/"
                        + updated);
        if (store.seen(SOURCE, eventId)) {
            return IntakeResult.of(IntakeResult.Status.DUPLICATE, null, "event " + eventId + " was processed before");
        }
        return store.upsert(SOURCE, eventId, inputs.check(IntakeStore.reconciled(SOURCE, map(entity, state, updated)), "$.entity"), true);
    }

    /**
     * A push's idempotency key: one that is empty or blank identifies no push, and taken as one it would make every such
     * push after the first a duplicate.
     */
    private static Optional<String> key(String given) {
        return Optional.ofNullable(given).filter(k -> !k.isBlank());
    }

    private Invoice map(JsonNode e, String state, Instant updated) {
        JsonNode contact = e.path("contact");
        String company = contact.path("company_name").asText("").strip();
        String person = (contact.path("firstname").asText("") + " " + contact.path("lastname").asText("")).strip();
        String country = normalizer.country(contact.path("country").asText(null));
        String address = String.join("\n", List.of(contact.path("address1").asText(""),
                (contact.path("zipcode").asText("") + " " + contact.path("city").asText("")).strip())).strip();
        boolean settled = state.equals("paid") || state.equals("uncollectible");
        BigDecimal total = decimal(e, "total_price_incl_tax");
        BigDecimal open = settled ? BigDecimal.ZERO : decimal(e, "total_unpaid");
        String id = Payloads.text(e, "id", "$.entity.id");
        return new Invoice("moneybird:" + id, e.path("invoice_id").asText(id), Payloads.currency(e, "currency", "$.entity.currency"),
                date(e, "invoice_date"), date(e, "due_date"), total, open,
                new Invoice.Customer(Payloads.text(contact, "id", "$.entity.contact.id"), company.isEmpty() ? person : company,
                        company.isEmpty() ? Invoice.CustomerType.CONSUMER : Invoice.CustomerType.BUSINESS, country,
                        Normalizer.languageOf(country), contact.path("email").asText(null), address.isEmpty() ? null : address,
                        null, null, null),
                Invoice.Terms.NONE, payments(e), List.of(), Invoice.Dunning.NONE, SOURCE, updated);
    }

    /** {@code payments[]}: each with its {@code id}, {@code payment_date} and {@code price} (a decimal string). */
    private static List<Invoice.Payment> payments(JsonNode e) {
        List<Invoice.Payment> payments = new java.util.ArrayList<>();
        JsonNode list = Payloads.array(e, "payments", "$.entity.payments");
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            String path = "$.entity.payments[" + i + "]";
            payments.add(new Invoice.Payment("moneybird:" + Payloads.text(p, "id", path + ".id"),
                    Payloads.date(Payloads.text(p, "payment_date", path + ".payment_date"), path + ".payment_date"),
                    decimal(p, "price", path), null, null));
        }
        return List.copyOf(payments);
    }

    /** Moneybird writes amounts as decimal strings ({@code "121.0"}). */
    private static BigDecimal decimal(JsonNode e, String field) {
        return decimal(e, field, "$.entity");
    }

    private static BigDecimal decimal(JsonNode e, String field, String path) {
        return Payloads.amount(e.path(field).asText(""), path + "." + field, "must be a decimal amount such as \"121.00\"");
    }

    private static LocalDate date(JsonNode e, String field) {
        return Payloads.date(Payloads.text(e, field, "$.entity." + field), "$.entity." + field);
    }

    private static Instant instant(String text, String field) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException ex) {
            throw Payloads.invalid(field, "must be an ISO date-time with offset");
        }
    }
}
