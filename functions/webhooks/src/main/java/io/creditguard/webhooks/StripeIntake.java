package io.creditguard.webhooks;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.http.HttpRequest;
import io.creditguard.money.Currencies;
import io.creditguard.receivables.Invoice;
import io.creditguard.validation.InputReader;

/**
 * Stripe invoice events ({@code POST /webhooks/stripe}). The {@code Stripe-Signature} header is
 * {@code t=<unix>,v1=<hex>[,v1=…]}: HMAC-SHA256 over {@code "<t>.<raw body>"} with the endpoint's
 * signing secret; any v1 may match, and a timestamp more than five minutes away is refused as a
 * possible replay. Amounts arrive as integers in the currency's minor unit.
 */
@ApplicationScoped
class StripeIntake {

    static final String SOURCE = "stripe";
    private static final Set<String> INVOICE_EVENTS = Set.of("invoice.finalized", "invoice.paid", "invoice.payment_failed",
            "invoice.overdue", "invoice.voided", "invoice.marked_uncollectible", "invoice.updated");
    /** An invoice payment (API 2025-03-31 "basil" and later): one payment, its amount and when it was paid. */
    private static final String PAYMENT_EVENT = "invoice_payment.paid";
    /**
     * Where Stripe's minor unit is not ISO 4217's (docs.stripe.com/currencies): MGA is one of Stripe's zero-decimal
     * currencies, and ISK stays two-decimal in Stripe's API (100 is 1 króna) though ISO gives it none.
     */
    private static final Map<String, Integer> STRIPE_MINOR_UNITS = Map.of("MGA", 0, "ISK", 2);
    private static final long EARLIEST = LocalDate.MIN.toEpochSecond(LocalTime.MIN, ZoneOffset.UTC);
    private static final long LATEST = LocalDate.MAX.toEpochSecond(LocalTime.MAX, ZoneOffset.UTC);
    /** What {@code t=} may be: an integer, as {@link Long#parseLong} reads one. */
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private final Secrets secrets;
    private final IntakeStore store;
    private final Normalizer normalizer;
    private final InputReader inputs;
    private final Clock clock;

    StripeIntake(Secrets secrets, IntakeStore store, Normalizer normalizer, InputReader inputs, Clock clock) {
        this.secrets = secrets;
        this.store = store;
        this.normalizer = normalizer;
        this.inputs = inputs;
        this.clock = clock;
    }

    IntakeResult handle(HttpRequest request) {
        verify(request, secrets.require("STRIPE_WEBHOOK_SECRET"));
        JsonNode event = inputs.tree(request.bodyText());
        String eventId = Payloads.text(event, "id", "$.id");
        String type = Payloads.text(event, "type", "$.type");
        if (!INVOICE_EVENTS.contains(type) && !type.equals(PAYMENT_EVENT)) {
            return IntakeResult.of(IntakeResult.Status.IGNORED, null, type + " is not an invoice event this endpoint uses");
        }
        if (store.seen(SOURCE, eventId)) {
            return IntakeResult.of(IntakeResult.Status.DUPLICATE, null, "event " + eventId + " was processed before");
        }
        JsonNode object = event.path("data").path("object");
        if (type.equals(PAYMENT_EVENT)) {
            return payment(eventId, object);
        }
        Invoice mapped = inputs.check(map(object, type, instant(event.path("created"), "$.created")), "$.data.object");
        return store.upsert(SOURCE, eventId, mapped, false);
    }

    /** {@code invoice_payment}: {@code amount_paid} in minor units, {@code status_transitions.paid_at}, {@code invoice}. */
    private IntakeResult payment(String eventId, JsonNode o) {
        Currency currency = Payloads.currency(o, "currency", "$.data.object.currency");
        BigDecimal amount = minor(o, "amount_paid", minorUnits(currency));
        if (amount.signum() == 0) {
            throw Payloads.invalid("$.data.object.amount_paid", "must be a positive amount for a paid invoice payment");
        }
        LocalDate paidOn = day(o.path("status_transitions").path("paid_at"), "$.data.object.status_transitions.paid_at");
        String id = Payloads.text(o, "id", "$.data.object.id");
        String invoice = Payloads.text(o, "invoice", "$.data.object.invoice");
        Invoice.Payment payment = inputs.check(new Invoice.Payment("stripe:" + id, paidOn, amount, currency, null),
                "$.data.object");
        return store.addPayment(SOURCE, eventId, "stripe:" + invoice, payment, "$.data.object");
    }

    private void verify(HttpRequest request, String secret) {
        String header = request.header("stripe-signature")
                .orElseThrow(() -> Signatures.unauthorized("The Stripe-Signature header is missing."));
        String t = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                t = kv[1].trim();
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                signatures.add(Signatures.hex(kv[1]));
            }
        }
        if (t == null) {
            throw Signatures.unauthorized("The Stripe-Signature header has no t= timestamp.");
        }
        if (signatures.isEmpty()) {
            throw Signatures.unauthorized("The Stripe-Signature header has no v1= signature.");
        }
        if (!INTEGER.matcher(t).matches()) {
            throw Signatures.unauthorized("The Stripe-Signature t= is not unix seconds: an integer is expected.");
        }
        long timestamp = Signatures.seconds(t);
        if (!Signatures.fresh(clock, timestamp)) {
            throw Signatures.unauthorized("The Stripe-Signature timestamp is more than " + Signatures.TOLERANCE_SECONDS
                    + " seconds from now; refused as a possible replay.");
        }
        byte[] expected = Signatures.hmacSha256(Signatures.utf8(secret), Signatures.utf8(timestamp + "."), request.body());
        if (signatures.stream().noneMatch(s -> Signatures.same(expected, s))) {
            throw Signatures.unauthorized("No v1 signature in Stripe-Signature matches this body and the endpoint secret.");
        }
    }

    private Invoice map(JsonNode o, String type, Instant eventTime) {
        Currency currency = Payloads.currency(o, "currency", "$.data.object.currency");
        int scale = minorUnits(currency);
        BigDecimal amount = minor(o, "amount_due", scale);
        boolean settled = type.equals("invoice.voided") || "void".equals(o.path("status").asText())
                || "paid".equals(o.path("status").asText());
        BigDecimal open = settled ? BigDecimal.ZERO.setScale(scale) : minor(o, "amount_remaining", scale);
        LocalDate issued = day(o.path("created"), "$.data.object.created");
        JsonNode dueDate = o.path("due_date");
        LocalDate due = dueDate.isMissingNode() || dueDate.isNull() ? issued : day(dueDate, "$.data.object.due_date");
        JsonNode address = o.path("customer_address");
        String country = normalizer.country(address.path("country").asText(null));
        // a locale such as "sv-SE"; one that names no language is as if none were given
        String language = Locale.forLanguageTag(o.path("customer_preferred_locales").path(0).asText("")).getLanguage();
        if (language.isEmpty()) {
            language = Normalizer.languageOf(country);
        }
        String customerId = Payloads.text(o, "customer", "$.data.object.customer");
        String name = o.path("customer_name").asText(o.path("customer_email").asText(customerId));
        JsonNode metadata = o.path("metadata");
        Invoice.CustomerType kind = "consumer".equalsIgnoreCase(metadata.path("customer_type").asText())
                ? Invoice.CustomerType.CONSUMER : Invoice.CustomerType.BUSINESS;
        String street = String.join("\n", List.of(address.path("line1").asText(""),
                (address.path("postal_code").asText("") + " " + address.path("city").asText("")).trim())).strip();
        String id = Payloads.text(o, "id", "$.data.object.id");
        return new Invoice("stripe:" + id, o.path("number").asText(id), currency, issued, due, amount, open,
                new Invoice.Customer(customerId, name, kind, country, language, o.path("customer_email").asText(null),
                        street.isEmpty() ? null : street, null, null, null),
                new Invoice.Terms(null, false, null, null, null, flag(metadata, "payment_terms_agreed"), null,
                        Boolean.TRUE.equals(flag(metadata, "consumer_notice_on_invoice")), null, null, null),
                List.of(), List.of(), Invoice.Dunning.NONE, SOURCE, eventTime);
    }

    /** A metadata value {@code true} or {@code false} (Stripe keeps metadata as strings); absent or other, null. */
    private static Boolean flag(JsonNode metadata, String key) {
        String value = metadata.path(key).asText("");
        return value.equalsIgnoreCase("true") ? Boolean.TRUE : value.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }

    /** Decimals of the unit Stripe counts {@code currency}'s amounts in. */
    private static int minorUnits(Currency currency) {
        Integer stripe = STRIPE_MINOR_UNITS.get(currency.getCurrencyCode());
        if (stripe != null) {
            return stripe;
        }
        // XXX, XAU, XDR: ISO codes, but of no currency an invoice is paid in, so without a minor unit to read amounts by
        if (currency.getDefaultFractionDigits() < 0) {
            throw Payloads.invalid("$.data.object.currency", "must be an ISO 4217 currency of payment such as SEK or EUR");
        }
        return Currencies.minorUnits(currency);
    }

    private static BigDecimal minor(JsonNode o, String field, int scale) {
        JsonNode value = o.path(field);
        // canConvertToLong: a larger integer would be cut to its low 64 bits by asLong, a wrong amount
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw Payloads.invalid("$.data.object." + field, "must be a non-negative integer amount in minor units");
        }
        return BigDecimal.valueOf(value.asLong(), scale);
    }

    /** The UTC day of a Stripe timestamp; {@code pointer} names the field in the error. */
    private static LocalDate day(JsonNode value, String pointer) {
        return instant(value, pointer).atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** A Stripe timestamp: an integer of unix seconds, within the days a date can name ({@code pointer} in the error). */
    private static Instant instant(JsonNode value, String pointer) {
        if (value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= EARLIEST && value.asLong() <= LATEST) {
            return Instant.ofEpochSecond(value.asLong());
        }
        throw Payloads.invalid(pointer, "must be a unix time in seconds");
    }
}
