package io.creditguard.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.creditguard.Events;
import io.creditguard.TestFolders;
import io.creditguard.json.Json;
import io.creditguard.reminders.ReminderRun;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** The webhooks Lambda as deployed, fed the events of events/ signed as each platform signs them. */
@QuarkusTest
@TestProfile(WebhooksLambdaTest.Export.class)
class WebhooksLambdaTest {

    private static final Path STORE = Path.of("target/webhooks-store");

    public static class Export implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "webhooks", "creditguard.store", "file:" + STORE,
                    "STRIPE_WEBHOOK_SECRET", SignedEvents.STRIPE_SECRET,
                    "STANDARD_WEBHOOK_SECRET", SignedEvents.STANDARD_SECRET,
                    "STANDARD_WEBHOOK_SECRET_ACME_BILLING", SignedEvents.ACME_SECRET,
                    "XERO_WEBHOOK_KEY", SignedEvents.XERO_KEY,
                    "MONEYBIRD_WEBHOOK_TOKEN", SignedEvents.MONEYBIRD_TOKEN,
                    "INTAKE_API_KEY", SignedEvents.API_KEY,
                    "EXACT_WEBHOOK_SECRET", SignedEvents.EXACT_SECRET);
        }
    }

    @Inject
    ReminderRun run;

    @Inject
    io.creditguard.customers.CustomerService customers;

    @BeforeEach
    void emptyStore() throws IOException {
        TestFolders.delete(STORE);
    }

    private static JsonPath send(ObjectNode event) {
        return given().port(Events.LAMBDA_PORT).body(Json.write(event).getBytes(StandardCharsets.UTF_8)).post("/_lambda_")
                .then().statusCode(200).extract().jsonPath();
    }

    private static int status(JsonPath response) {
        return response.getInt("statusCode");
    }

    private static JsonPath body(JsonPath response) {
        return JsonPath.from(response.getString("body"));
    }

    private static List<String> book() throws IOException {
        Path dir = STORE.resolve("receivables/webhooks");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static ObjectNode stripeEvent(String type, String eventId, long created, long remaining) {
        ObjectNode event = SignedEvents.event("webhooks-stripe.json");
        ObjectNode payload = (ObjectNode) SignedEvents.stripeObject(event);
        payload.put("type", type).put("id", eventId).put("created", created);
        ObjectNode invoice = (ObjectNode) payload.get("data").get("object");
        invoice.put("amount_remaining", remaining).put("status", remaining == 0 ? "paid" : "open");
        return SignedEvents.withBody(event, Json.write(payload));
    }

    @Test
    void stripeInvoiceIsStoredOnceAndTheRunReadsIt() throws IOException {
        ObjectNode event = SignedEvents.stripe(SignedEvents.event("webhooks-stripe.json"), SignedEvents.STRIPE_SECRET, Instant.now());
        JsonPath first = send(event);
        assertThat(status(first)).isEqualTo(200);
        assertThat(body(first).getString("status")).isEqualTo("accepted");
        assertThat(body(first).getString("invoiceId")).isEqualTo("stripe:in_1QxY2aL3kT9aZ8mNbC7dE6fG");
        List<String> stored = book();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)).contains("\"openAmount\":48500.00").contains("\"currency\":\"SEK\"")
                .contains("\"dueDate\":\"2026-12-28\"").contains("\"language\":\"sv\"");

        JsonPath again = send(event);
        assertThat(status(again)).isEqualTo(200);
        assertThat(body(again).getString("status")).isEqualTo("duplicate");
        assertThat(book()).isEqualTo(stored);

        ReminderRun.Report report = run.run(Optional.of(java.time.LocalDate.parse("2026-11-30")), true);
        assertThat(report.invoicesRead()).isEqualTo(1);
        assertThat(report.skipped()).containsKey(io.creditguard.reminders.ReminderEngine.SkipReason.NOT_YET_DUE);
    }

    @Test
    void theSameEventDeliveredConcurrentlyIsStoredOnce() throws Exception {
        ObjectNode event = SignedEvents.stripe(SignedEvents.event("webhooks-stripe.json"), SignedEvents.STRIPE_SECRET, Instant.now());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<JsonPath>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> send(event)));
            }
            for (var answer : answers) {
                JsonPath response = answer.get();
                assertThat(status(response)).isEqualTo(200);
                assertThat(body(response).getString("status")).isIn("accepted", "duplicate");
            }
        } finally {
            pool.shutdown();
        }
        assertThat(book()).singleElement().asString().contains("stripe:in_1QxY2aL3kT9aZ8mNbC7dE6fG");
    }

    @Test
    void aFinanceUsersDecisionOutlivesThePlatformsNextUpdate() throws IOException {
        long finalized = 1_795_857_000L;
        send(SignedEvents.stripe(stripeEvent("invoice.finalized", "evt_final", finalized, 4_850_000),
                SignedEvents.STRIPE_SECRET, Instant.now()));
        run.run(Optional.of(java.time.LocalDate.parse("2026-11-30")), false);
        customers.decide("stripe:in_1QxY2aL3kT9aZ8mNbC7dE6fG", new io.creditguard.customers.InvoicePatch(true,
                "The customer disputes the delivery of 12 November", null, null), java.util.Set.of("disputed", "disputeReason"),
                new io.creditguard.customers.CustomerService.Who("ekonomi", "PATCH /invoices/{invoiceId}", null));
        JsonPath later = send(SignedEvents.stripe(stripeEvent("invoice.updated", "evt_updated", finalized + 3600, 4_850_000),
                SignedEvents.STRIPE_SECRET, Instant.now()));
        assertThat(body(later).getString("status")).isEqualTo("accepted");
        assertThat(book()).singleElement().asString().contains("\"disputed\":true")
                .contains("\"disputeReason\":\"The customer disputes the delivery of 12 November\"")
                .contains("\"by\":\"ekonomi\"");
    }

    @Test
    void laterStateWinsWhateverTheArrivalOrder() throws IOException {
        long finalized = 1_795_857_000L;
        send(SignedEvents.stripe(stripeEvent("invoice.paid", "evt_paid", finalized + 3600, 0), SignedEvents.STRIPE_SECRET, Instant.now()));
        JsonPath late = send(SignedEvents.stripe(stripeEvent("invoice.finalized", "evt_final", finalized, 4_850_000),
                SignedEvents.STRIPE_SECRET, Instant.now()));
        assertThat(body(late).getString("status")).isEqualTo("stale");
        assertThat(book()).singleElement().asString().contains("\"openAmount\":0.00");
    }

    @Test
    void stripeRefusesForgedReplayedAndUnsignedCalls() {
        Instant now = Instant.now();
        ObjectNode tampered = SignedEvents.stripe(SignedEvents.event("webhooks-stripe.json"), SignedEvents.STRIPE_SECRET, now);
        SignedEvents.withBody(tampered, SignedEvents.body(tampered).replace("4850000", "1"));
        ObjectNode wrongSecret = SignedEvents.stripe(SignedEvents.event("webhooks-stripe.json"), "whsec_someone_else", now);
        ObjectNode stale = SignedEvents.stripe(SignedEvents.event("webhooks-stripe.json"), SignedEvents.STRIPE_SECRET,
                now.minusSeconds(301));
        ObjectNode unsigned = SignedEvents.header(SignedEvents.event("webhooks-stripe.json"), "stripe-signature", null);
        for (ObjectNode event : List.of(tampered, wrongSecret, stale, unsigned)) {
            JsonPath response = send(event);
            assertThat(status(response)).isEqualTo(401);
            assertThat(body(response).getString("type")).isEqualTo("urn:creditguard:problem:unauthorized");
        }
        assertThat(STORE.resolve("receivables")).doesNotExist();
    }

    /**
     * A signed Stripe event whose invoice cannot be used is a 422 naming the field, and nothing is stored: timestamps
     * are integers of unix seconds (Stripe API reference, "The Invoice object": {@code created}, {@code due_date}),
     * amounts integers of the minor unit that fit 64 bits, a preferred locale a language tag.
     */
    @Test
    void stripeInvoiceFieldsThatCannotBeUsedAre422() throws IOException {
        String tooLarge = "100000000000000000000000000000"; // 10^30: beyond 64 bits, and beyond any day
        Object[][] cases = {
                {"created", "\"1e400\"", "$.created"},
                {"created", tooLarge, "$.created"},
                {"data.object.created", "\"1795857000\"", "$.data.object.created"},
                {"data.object.created", null, "$.data.object.created"},
                {"data.object.due_date", tooLarge, "$.data.object.due_date"},
                {"data.object.due_date", "\"soon\"", "$.data.object.due_date"},
                {"data.object.amount_remaining", tooLarge, "$.data.object.amount_remaining"},
                {"data.object.amount_due", "18446744073709551616", "$.data.object.amount_due"}};
        for (Object[] c : cases) {
            ObjectNode event = SignedEvents.event("webhooks-stripe.json");
            ObjectNode payload = (ObjectNode) SignedEvents.stripeObject(event);
            String[] path = ((String) c[0]).split("\\.");
            ObjectNode parent = payload;
            for (int i = 0; i < path.length - 1; i++) {
                parent = (ObjectNode) parent.get(path[i]);
            }
            if (c[1] == null) {
                parent.remove(path[path.length - 1]);
            } else {
                parent.set(path[path.length - 1], Json.MAPPER.readTree((String) c[1]));
            }
            JsonPath response = send(SignedEvents.stripe(SignedEvents.withBody(event, Json.write(payload)),
                    SignedEvents.STRIPE_SECRET, Instant.now()));
            assertThat(status(response)).as(c[0] + " = " + c[1]).isEqualTo(422);
            assertThat(body(response).getList("errors.field")).as(c[0] + " = " + c[1]).containsExactly(c[2]);
        }
        assertThat(book()).isEmpty();
    }

    /** A preferred locale that names no language (" ", "x") leaves the language to the customer's country. */
    @Test
    void aStripeLocaleWithoutALanguageFallsBackToTheCountry() throws IOException {
        for (String locale : List.of(" ", "x", "sv-SE")) {
            TestFolders.delete(STORE);
            ObjectNode event = SignedEvents.event("webhooks-stripe.json");
            ObjectNode payload = (ObjectNode) SignedEvents.stripeObject(event);
            ((ObjectNode) payload.get("data").get("object")).putArray("customer_preferred_locales").add(locale);
            JsonPath response = send(SignedEvents.stripe(SignedEvents.withBody(event, Json.write(payload)),
                    SignedEvents.STRIPE_SECRET, Instant.now()));
            assertThat(status(response)).as(locale).isEqualTo(200);
            // the sample customer's address is in Sweden (SE)
            assertThat(book()).singleElement().asString().as(locale).contains("\"language\":\"sv\"");
        }
    }

    @Test
    void otherStripeEventsAreAcknowledgedAndIgnored() {
        ObjectNode event = SignedEvents.event("webhooks-stripe.json");
        ObjectNode payload = (ObjectNode) SignedEvents.stripeObject(event);
        payload.put("type", "customer.created");
        JsonPath response = send(SignedEvents.stripe(SignedEvents.withBody(event, Json.write(payload)),
                SignedEvents.STRIPE_SECRET, Instant.now()));
        assertThat(status(response)).isEqualTo(200);
        assertThat(body(response).getString("status")).isEqualTo("ignored");
    }

    @Test
    void standardWebhooksUseTheSourcesOwnSecret() throws IOException {
        JsonPath accepted = send(SignedEvents.standard(SignedEvents.event("webhooks-standard.json"), SignedEvents.ACME_SECRET,
                Instant.now()));
        assertThat(status(accepted)).isEqualTo(200);
        assertThat(body(accepted).getString("invoiceId")).isEqualTo("acme-billing:INV-7781");
        assertThat(book()).singleElement().asString().contains("Bouwbedrijf De Vries");
        JsonPath generalSecret = send(SignedEvents.standard(SignedEvents.event("webhooks-standard.json"),
                SignedEvents.STANDARD_SECRET, Instant.now()));
        assertThat(status(generalSecret)).isEqualTo(401);
        JsonPath stale = send(SignedEvents.standard(SignedEvents.event("webhooks-standard.json"), SignedEvents.ACME_SECRET,
                Instant.now().minusSeconds(600)));
        assertThat(status(stale)).isEqualTo(401);
    }

    @Test
    void standardWebhookWithAnUnusableInvoiceIs422() {
        ObjectNode event = SignedEvents.event("webhooks-standard.json");
        SignedEvents.withBody(event, SignedEvents.body(event).replace("\"dueDate\": \"2026-11-19\"", "\"dueDate\": \"2026-01-19\""));
        JsonPath response = send(SignedEvents.standard(event, SignedEvents.ACME_SECRET, Instant.now()));
        assertThat(status(response)).isEqualTo(422);
        assertThat(body(response).getList("errors.field")).containsExactly("$.data.dueDate");
    }

    @Test
    void xeroIntentToReceiveAndQueuedInvoices() throws IOException {
        ObjectNode intent = SignedEvents.withBody(SignedEvents.event("webhooks-xero.json"),
                "{\"events\":[],\"firstEventSequence\":0,\"lastEventSequence\":0,\"entropy\":\"YSXCMKAQBJOEPFMUMGEH\"}");
        JsonPath valid = send(SignedEvents.xero(intent.deepCopy(), SignedEvents.XERO_KEY));
        assertThat(status(valid)).isEqualTo(200);
        assertThat(valid.getString("body")).isEmpty();
        assertThat(status(send(SignedEvents.xero(intent, "not-the-key")))).isEqualTo(401);

        JsonPath invoice = send(SignedEvents.xero(SignedEvents.event("webhooks-xero.json"), SignedEvents.XERO_KEY));
        assertThat(status(invoice)).isEqualTo(200);
        try (Stream<Path> pending = Files.walk(STORE.resolve("webhooks/pending/xero"))) {
            assertThat(pending.filter(Files::isRegularFile).toList()).singleElement()
                    .satisfies(p -> assertThat(Files.readString(p)).contains("8f7c2b0e-4a1d-4c53-9e2f-6b1a0d3c5e77"));
        }
    }

    @Test
    void moneybirdConsumerInvoiceWithTheRightToken() throws IOException {
        ObjectNode event = SignedEvents.event("webhooks-moneybird.json");
        SignedEvents.withBody(event, SignedEvents.body(event).replace("set-by-the-test", SignedEvents.MONEYBIRD_TOKEN));
        JsonPath response = send(event);
        assertThat(status(response)).isEqualTo(200);
        assertThat(body(response).getString("status")).isEqualTo("accepted");
        assertThat(book()).singleElement().asString().contains("\"type\":\"CONSUMER\"").contains("\"name\":\"Johan Bakker\"")
                .contains("\"openAmount\":640.0");
        assertThat(body(send(event)).getString("status")).isEqualTo("duplicate");
        ObjectNode forged = SignedEvents.event("webhooks-moneybird.json");
        assertThat(status(send(forged))).isEqualTo(401);
    }

    /**
     * A figure no currency's amount can be ({@code 1e400000000}, {@code 1e-400000000}: short texts, valid numbers) is
     * a 422 at once: the arithmetic that reconciles an invoice would first write out all its digits.
     */
    @Test
    // a separate thread, so that a regression fails here instead of holding the build: the digits are not interruptible
    @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aPlatformsFigureNoAmountCanBeIs422AtOnce() throws IOException {
        for (String figure : List.of("1e400000000", "1e-400000000")) {
            ObjectNode event = SignedEvents.event("webhooks-moneybird.json");
            ObjectNode payload = (ObjectNode) Json.MAPPER.readTree(SignedEvents.body(event)
                    .replace("set-by-the-test", SignedEvents.MONEYBIRD_TOKEN));
            ((ObjectNode) payload.get("entity")).putRawValue("total_price_incl_tax",
                    new com.fasterxml.jackson.databind.util.RawValue(figure));
            JsonPath moneybird = send(SignedEvents.withBody(event, Json.write(payload)));
            assertThat(status(moneybird)).as(figure).isEqualTo(422);
            assertThat(body(moneybird).getList("errors.field")).as(figure).containsExactly("$.entity.total_price_incl_tax");

            ObjectNode peppol = SignedEvents.header(SignedEvents.event("invoices-peppol.json"), "x-api-key", SignedEvents.API_KEY);
            SignedEvents.withBody(peppol, SignedEvents.body(peppol).replace("125000.00</cbc:PayableAmount>",
                    figure + "</cbc:PayableAmount>"));
            JsonPath refused = send(peppol);
            assertThat(status(refused)).as(figure).isEqualTo(422);
            assertThat(body(refused).getList("errors.field")).as(figure).contains("BT-115 cac:LegalMonetaryTotal/cbc:PayableAmount");
        }
        assertThat(book()).isEmpty();
    }

    @Test
    void exactNotificationSignedInItsBodyIsQueuedAndAForgedOneRefused() throws IOException {
        ObjectNode event = SignedEvents.event("webhooks-exact.json");
        assertThat(status(send(event))).isEqualTo(200);
        try (Stream<Path> queued = Files.walk(STORE.resolve("webhooks/pending/exact"))) {
            assertThat(queued.filter(Files::isRegularFile).toList()).singleElement().satisfies(p -> assertThat(Files.readString(p))
                    .contains("\"Key\":\"9b1c4f1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b\"").contains("\"Topic\":\"SalesInvoices\""));
        }
        ObjectNode forged = SignedEvents.withBody(event, event.get("body").asText().replace("\"Update\"", "\"Delete\""));
        assertThat(status(send(forged))).isEqualTo(401);
        assertThat(status(send(SignedEvents.withBody(event, "")))).as("the subscription's validation request").isEqualTo(200);
    }

    @Test
    void peppolInvoiceWithTheApiKey() throws IOException {
        ObjectNode event = SignedEvents.header(SignedEvents.event("invoices-peppol.json"), "x-api-key", SignedEvents.API_KEY);
        JsonPath response = send(event);
        assertThat(status(response)).isEqualTo(200);
        assertThat(body(response).getString("invoiceId")).isEqualTo("peppol:5567321707:F2026-5531");
        assertThat(book()).singleElement().asString().contains("\"id\":\"0007:5560360793\"")
                .contains("\"name\":\"Norrlands Metall & Svets AB\"").contains("\"openAmount\":125000.00")
                .contains("\"dueDate\":\"2026-12-02\"").contains("\"paymentReference\":\"55312026002\"");
        assertThat(body(send(event)).getString("status")).isEqualTo("duplicate");
        assertThat(status(send(SignedEvents.header(SignedEvents.event("invoices-peppol.json"), "x-api-key", "wrong")))).isEqualTo(401);
    }

    @Test
    void peppolRefusesExternalEntitiesMalformedXmlAndMissingElements() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE Invoice [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">&secret;</Invoice>""";
        ObjectNode base = SignedEvents.header(SignedEvents.event("invoices-peppol.json"), "x-api-key", SignedEvents.API_KEY);
        JsonPath refused = send(SignedEvents.withBody(base.deepCopy(), xxe));
        assertThat(status(refused)).isEqualTo(400);
        assertThat(body(refused).getString("detail")).contains("DOCTYPE");
        assertThat(refused.getString("body")).doesNotContain("root:");

        assertThat(status(send(SignedEvents.withBody(base.deepCopy(), "<Invoice><unclosed></Invoice>")))).isEqualTo(400);
        // an encoding no Java runtime has, and bytes that are not the declared encoding's: the sender's fault, not ours
        for (String declaration : List.of("<?xml version=\"1.0\" encoding=\"NaN\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-16\"?>")) {
            String body = SignedEvents.body(base).replaceFirst("<\\?xml[^>]*\\?>",
                    java.util.regex.Matcher.quoteReplacement(declaration));
            JsonPath unreadable = send(SignedEvents.withBody(base.deepCopy(), body));
            assertThat(status(unreadable)).as(declaration).isEqualTo(400);
            assertThat(body(unreadable).getString("type")).as(declaration).isEqualTo("urn:creditguard:problem:invalid-body");
        }

        String noDueDate = SignedEvents.body(base).replace("<cbc:DueDate>2026-12-02</cbc:DueDate>", "");
        JsonPath missing = send(SignedEvents.withBody(base.deepCopy(), noDueDate));
        assertThat(status(missing)).isEqualTo(422);
        assertThat(body(missing).getList("errors.field")).containsExactly("BT-9 cbc:DueDate");

        JsonPath json = send(SignedEvents.header(base.deepCopy(), "content-type", "application/json"));
        assertThat(status(json)).isEqualTo(415);
    }
}
