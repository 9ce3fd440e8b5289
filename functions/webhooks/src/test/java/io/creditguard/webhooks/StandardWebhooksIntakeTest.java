package io.creditguard.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import io.creditguard.http.HttpRequest;
import io.creditguard.http.ProblemException;
import io.creditguard.receivables.Invoice;
import io.creditguard.store.FileObjectStore;
import io.creditguard.validation.FieldError;
import io.creditguard.validation.InputReader;
import io.creditguard.validation.InvalidInputException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** A Standard Webhooks sender's invoices and payments, under its source's name space. */
class StandardWebhooksIntakeTest {

    private static final byte[] KEY = "standard-webhooks-intake-test-32".getBytes(StandardCharsets.UTF_8);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T09:10:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    private StandardWebhooksIntake intake() {
        var config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of("STANDARD_WEBHOOK_SECRET",
                "whsec_" + Base64.getEncoder().encodeToString(KEY)), "test", 100)).build();
        return new StandardWebhooksIntake(new Secrets(config), new IntakeStore(new FileObjectStore(root),
                InputReader.standalone(CLOCK), CLOCK), InputReader.standalone(CLOCK), CLOCK);
    }

    /** Signed as the spec says: {@code v1,base64(HMAC-SHA256(key, "<id>.<timestamp>.<body>"))}. */
    private static HttpRequest signed(String id, String body) throws Exception {
        String t = Long.toString(CLOCK.instant().getEpochSecond());
        return signed(id, body, t, t);
    }

    /** Sent with {@code webhook-timestamp: <sent>}, signed over {@code "<id>.<signedAs>.<body>"}. */
    private static HttpRequest signed(String id, String body, String sent, String signedAs) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(KEY, "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal((id + "." + signedAs + "." + body)
                .getBytes(StandardCharsets.UTF_8)));
        return HttpRequest.from(APIGatewayV2HTTPEvent.builder().withRouteKey("POST /webhooks/standard/{source}")
                .withRawPath("/webhooks/standard/acme").withPathParameters(Map.of("source", "acme"))
                .withHeaders(Map.of("content-type", "application/json", "webhook-id", id, "webhook-timestamp", sent,
                        "webhook-signature", "v1," + signature)).withBody(body).build());
    }

    /** Invoice INV-1 of 1 000 EUR, of which payment pay-1 paid 400: its payments[] lists every payment (README, Webhooks). */
    private static final String INVOICE = """
            {"type":"invoice.updated","data":{"invoiceId":"INV-1","invoiceNumber":"1","currency":"EUR",
             "issueDate":"2026-11-02","dueDate":"2026-11-30","amount":1000.00,"openAmount":600.00,
             "customer":{"id":"c-1","name":"Bouwbedrijf De Vries B.V.","type":"BUSINESS","country":"NL"},
             "payments":[{"id":"pay-1","date":"2026-11-20","amount":400.00}]}}""";

    /** INV-1 before anything was paid. */
    private static final String UNPAID = """
            {"type":"invoice.updated","data":{"invoiceId":"INV-1","invoiceNumber":"1","currency":"EUR",
             "issueDate":"2026-11-02","dueDate":"2026-11-30","amount":1000.00,"openAmount":1000.00,
             "customer":{"id":"c-1","name":"Bouwbedrijf De Vries B.V.","type":"BUSINESS","country":"NL"}}}""";

    /** The same payment pay-1 on its own, as {@code invoice.payment} sends it. */
    private static final String PAYMENT = """
            {"type":"invoice.payment","data":{"invoiceId":"INV-1","payment":{"id":"pay-1","date":"2026-11-20","amount":400.00}}}""";

    /**
     * A payment is recorded once by its id (README, Webhooks: {@code invoice.payment} "idempotent by the payment's id"),
     * whether it came in the invoice's {@code payments[]} or on its own, in either order: 600 stay open.
     */
    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource({
            "invoice, payment",
            "payment, invoice"})
    void aPaymentListedOnTheInvoiceAndSentOnItsOwnCountsOnce(String first, String second) throws Exception {
        StandardWebhooksIntake intake = intake();
        for (String what : new String[] {first, second}) {
            intake.handle(signed("msg_" + what, what.equals("invoice") ? INVOICE : PAYMENT));
        }
        Invoice invoice = stored();
        assertThat(invoice.payments()).as("payments").hasSize(1);
        assertThat(invoice.openAmount()).as("openAmount").isEqualByComparingTo(new BigDecimal("600.00"));
    }

    /** The book's line of INV-1, read as the reminder run reads it. */
    private Invoice stored() throws Exception {
        byte[] line = new FileObjectStore(root).bytes(IntakeStore.bookKey("acme", "acme:INV-1")).orElseThrow();
        return InputReader.standalone(CLOCK).read(new String(line, StandardCharsets.UTF_8), Invoice.class);
    }

    /**
     * A payment's id is at most 100 characters in the book (Invoice.Payment), its source's name space included: one
     * whose stored id would be longer is refused naming the field, and the book's line stays one the run can read.
     */
    @ParameterizedTest(name = "an id of {0} characters")
    @CsvSource({
            "95, true",
            "96, false",
            "100, false"})
    void aPaymentIdTooLongForTheBookIsRefusedAndTheBookStaysReadable(int length, boolean accepted) throws Exception {
        StandardWebhooksIntake intake = intake();
        intake.handle(signed("msg_invoice", UNPAID));
        HttpRequest payment = signed("msg_payment", PAYMENT.replace("pay-1", "p".repeat(length)));
        if (accepted) {
            assertThat(intake.handle(payment).status()).isEqualTo(IntakeResult.Status.ACCEPTED);
        } else {
            assertThatThrownBy(() -> intake.handle(payment)).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("$.data.payment.id"));
        }
        assertThat(stored().payments()).as("payments").hasSize(accepted ? 1 : 0);
    }

    /**
     * The spec signs {@code {msg_id}.{timestamp}.{payload}} with {@code webhook-timestamp}, an "integer unix timestamp
     * (seconds since epoch)" (standard-webhooks spec, "Signature scheme" and "Webhook headers"): the header's digits are
     * signed as sent, leading zeros and all, so a signature over other text does not hold for them; a timestamp with a
     * sign or a fraction is no such integer and is refused saying so, before any signature is compared; one of more digits
     * than 64 bits hold is outside the replay window like any other far time.
     */
    @ParameterizedTest(name = "webhook-timestamp {0}, signed as {1}: {2}")
    @CsvSource({
            "1795857000, 1795857000, accepted",
            "01795857000, 01795857000, accepted",
            "0000000001795857000, 0000000001795857000, accepted",
            "01795857000, 1795857000, No v1 signature",
            "+1795857000, +1795857000, digits only",
            "1795857000.0, 1795857000.0, digits only",
            "99999999999999999999, 99999999999999999999, more than five minutes"})
    void theTimestampIsSignedAsSent(String sent, String signedAs, String outcome) throws Exception {
        HttpRequest request = signed("msg_invoice", UNPAID, sent, signedAs);
        if (outcome.equals("accepted")) {
            assertThat(intake().handle(request).status()).isEqualTo(IntakeResult.Status.ACCEPTED);
        } else {
            assertThatThrownBy(() -> intake().handle(request)).isInstanceOfSatisfying(ProblemException.class, e -> {
                assertThat(e.problem().status()).isEqualTo(401);
                assertThat(e.problem().detail()).contains(outcome);
            });
        }
    }
}
