package io.creditguard.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import io.creditguard.VirtualTime;
import io.creditguard.http.HttpRequest;
import io.creditguard.http.ProblemException;
import io.creditguard.receivables.Invoice;
import io.creditguard.store.FileObjectStore;
import io.creditguard.validation.FieldError;
import io.creditguard.validation.InputReader;
import io.creditguard.validation.InvalidInputException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Stripe invoice events read into the book: amounts in Stripe's minor unit of each currency. */
class StripeIntakeTest {

    private static final String SECRET = "whsec_stripe_intake_test";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T09:10:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    private StripeIntake intake() {
        return intake(CLOCK);
    }

    private StripeIntake intake(Clock clock) {
        var config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of("STRIPE_WEBHOOK_SECRET", SECRET),
                "test", 100)).build();
        return new StripeIntake(new Secrets(config), new IntakeStore(new FileObjectStore(root), InputReader.standalone(clock), clock),
                new Normalizer("SE"), InputReader.standalone(clock), clock);
    }

    /** An {@code invoice.finalized} event for an open invoice of {@code amount} minor units in {@code currency}. */
    private static String finalized(String currency, long amount) {
        return """
                {"id":"evt_1","type":"invoice.finalized","created":1795857000,"data":{"object":{"id":"in_1","number":"N-1",
                 "status":"open","currency":"%s","amount_due":%d,"amount_remaining":%d,"created":1795857000,
                 "due_date":1798449000,"customer":"cus_1","customer_name":"Byggmästarna AB","customer_address":{"country":"SE"}}}}"""
                .formatted(currency, amount, amount);
    }

    /** Signed as Stripe signs: {@code t=<unix>,v1=hex(HMAC-SHA256(secret, "<t>.<body>"))}. */
    private static HttpRequest signed(String body) throws Exception {
        return signed(body, CLOCK);
    }

    private static HttpRequest signed(String body, Clock clock) throws Exception {
        long t = clock.instant().getEpochSecond();
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String v1 = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        return HttpRequest.from(APIGatewayV2HTTPEvent.builder().withRouteKey("POST /webhooks/stripe").withRawPath("/webhooks/stripe")
                .withHeaders(Map.of("content-type", "application/json", "stripe-signature", "t=" + t + ",v1=" + v1))
                .withBody(body).build());
    }

    private Invoice stored(String invoiceId) throws Exception {
        byte[] line = new FileObjectStore(root).bytes(IntakeStore.bookKey(StripeIntake.SOURCE, invoiceId)).orElseThrow();
        return InputReader.standalone(CLOCK).read(new String(line, StandardCharsets.UTF_8), Invoice.class);
    }

    /**
     * Stripe's amounts are integers of the currency's smallest unit as Stripe counts it (docs.stripe.com/currencies,
     * "Minor units in API amounts"): zero-decimal currencies, MGA among them, are whole units; three-decimal ones such as
     * KWD thousandths; ISK, zero-decimal at ISO 4217, "will remain a two-decimal currency in the Stripe API, and an ISK
     * amount of 100 will continue to represent 1 króna" (support.stripe.com, "Deprecation of fractional ISK charges").
     */
    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource({
            "sek, 4850000, 48500",
            "jpy, 50000, 50000",
            "kwd, 50000, 50",
            "mga, 50000, 50000",
            "isk, 50000, 500"})
    void amountsAreReadInStripesMinorUnit(String currency, long minor, String expected) throws Exception {
        IntakeResult result = intake().handle(signed(finalized(currency, minor)));
        assertThat(result.status()).isEqualTo(IntakeResult.Status.ACCEPTED);
        Invoice invoice = stored("stripe:in_1");
        assertThat(invoice.amount()).as("amount").isEqualByComparingTo(new BigDecimal(expected));
        assertThat(invoice.openAmount()).as("openAmount").isEqualByComparingTo(new BigDecimal(expected));
    }

    /**
     * ISO 4217 codes that name no currency of payment (no minor unit: the test code XXX, gold XAU, the SDR XDR) are a
     * field that cannot be used, 422 naming it, for an invoice and for an invoice payment alike.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "invoice.finalized, xxx",
            "invoice.finalized, xau",
            "invoice_payment.paid, xdr"})
    void aCodeOfNoCurrencyOfPaymentIsRefusedNamingTheField(String type, String currency) {
        String body = type.equals("invoice.finalized") ? finalized(currency, 50000) : """
                {"id":"evt_2","type":"invoice_payment.paid","created":1795857000,"data":{"object":{"id":"inpay_1",
                 "amount_paid":50000,"currency":"%s","invoice":"in_1","status_transitions":{"paid_at":1795857000}}}}"""
                .formatted(currency);
        assertThatThrownBy(() -> intake().handle(signed(body))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("$.data.object.currency"));
    }

    /**
     * An event's {@code created} orders the invoice's updates in the book, which keeps out an older one (README,
     * Webhooks: {@code stale}); one in the future, up to the last second of the year 999999999 the intake reads, counts
     * as no later than creditguard's clock, so the next event, a minute later, is stored, not answered stale and dropped.
     */
    @ParameterizedTest(name = "created {0}")
    @CsvSource({
            "1795857300",
            "32503680000",
            "31556889832780799"})
    void anEventTimeInTheFutureDoesNotKeepLaterEventsOut(long created) throws Exception {
        VirtualTime time = new VirtualTime(CLOCK.instant());
        StripeIntake intake = intake(time);
        String first = finalized("sek", 4850000).replaceFirst("\"created\":1795857000", "\"created\":" + created);
        assertThat(intake.handle(signed(first, time)).status()).isEqualTo(IntakeResult.Status.ACCEPTED);

        time.pass(Duration.ofMinutes(1));
        String paidDown = finalized("sek", 4850000).replace("evt_1", "evt_2")
                .replaceFirst("\"created\":1795857000", "\"created\":" + time.instant().getEpochSecond())
                .replace("\"amount_remaining\":4850000", "\"amount_remaining\":1000000");
        assertThat(intake.handle(signed(paidDown, time)).status()).isEqualTo(IntakeResult.Status.ACCEPTED);
        assertThat(stored("stripe:in_1").openAmount()).isEqualByComparingTo("10000.00");
    }

    /**
     * {@code Stripe-Signature} is {@code t=<unix seconds>,v1=<signature>} (docs.stripe.com/webhooks, "Verify the events
     * manually"); what is wrong with one that does not hold is what its 401 says: a part that is missing, a {@code t}
     * that is no integer, or one, however many digits it has, outside the five minutes' tolerance.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "v1=00                            | has no t= timestamp",
            "t=1795857000                     | has no v1= signature",
            "t=99999999999999999999,v1=00     | more than 300 seconds from now",
            "t=1795857000.5,v1=00             | t= is not unix seconds",
            "t=,v1=00                         | t= is not unix seconds",
            "t=now,v1=00                      | t= is not unix seconds"})
    void aSignatureHeaderThatDoesNotHoldIsRefusedSayingWhy(String header, String why) {
        HttpRequest request = HttpRequest.from(APIGatewayV2HTTPEvent.builder().withRouteKey("POST /webhooks/stripe")
                .withRawPath("/webhooks/stripe").withHeaders(Map.of("content-type", "application/json", "stripe-signature",
                        header)).withBody(finalized("sek", 4850000)).build());
        assertThatThrownBy(() -> intake().handle(request)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(401);
            assertThat(e.problem().detail()).contains(why);
        });
    }
}
