package io.creditguard.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import io.creditguard.VirtualTime;
import io.creditguard.http.HttpRequest;
import io.creditguard.receivables.Invoice;
import io.creditguard.store.FileObjectStore;
import io.creditguard.validation.FieldError;
import io.creditguard.validation.InputReader;
import io.creditguard.validation.InvalidInputException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Moneybird's sales-invoice webhooks, authenticated by the token in the payload. */
class MoneybirdIntakeTest {

    private static final String TOKEN = "moneybird-intake-test-token";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T09:10:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    private MoneybirdIntake intake() {
        return intake(CLOCK);
    }

    private MoneybirdIntake intake(Clock clock) {
        var config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of("MONEYBIRD_WEBHOOK_TOKEN", TOKEN),
                "test", 100)).build();
        return new MoneybirdIntake(new Secrets(config), new IntakeStore(new FileObjectStore(root), InputReader.standalone(clock),
                clock), new Normalizer("SE"), InputReader.standalone(clock));
    }

    /** A payload shaped as developer.moneybird.com/webhooks/payload shows it, the invoice's {@code payments} as given. */
    private static HttpRequest salesInvoice(String payments) {
        return salesInvoice(payments, "2026-11-28T09:05:12.000Z", "640.0");
    }

    /** The same invoice as changed at {@code updatedAt}, {@code unpaid} of its 640.0 open. */
    private static HttpRequest salesInvoice(String payments, String updatedAt, String unpaid) {
        return post(body(payments, updatedAt, unpaid), Map.of());
    }

    private static String body(String payments, String updatedAt, String unpaid) {
        return """
                {"administration_id":"123456789012345678","webhook_id":"398765432109876543","webhook_token":"%s",
                 "entity_type":"SalesInvoice","entity_id":"412345678901234567","state":"open",
                 "action":"sales_invoice_state_changed_to_open",
                 "entity":{"id":"412345678901234567","invoice_id":"2026-0117","state":"open","invoice_date":"2026-11-02",
                  "due_date":"2026-11-16","currency":"EUR","total_price_incl_tax":"640.0","total_unpaid":"%s",
                  "updated_at":"%s",
                  "contact":{"id":"402233445566778899","company_name":"","firstname":"Johan","lastname":"Bakker","country":"NL"}
                  %s}}""".formatted(TOKEN, unpaid, updatedAt, payments.isEmpty() ? "" : ",\"payments\":" + payments);
    }

    /** {@code body} posted as Moneybird posts it, with {@code headers} besides its content type. */
    private static HttpRequest post(String body, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("content-type", "application/json");
        return HttpRequest.from(APIGatewayV2HTTPEvent.builder().withRouteKey("POST /webhooks/moneybird")
                .withRawPath("/webhooks/moneybird").withHeaders(all).withBody(body).build());
    }

    /** {@code payments} is an array of payments (Moneybird API, sales invoices); absent or empty, the invoice has none. */
    @ParameterizedTest(name = "payments {0}")
    @CsvSource(delimiter = '|', value = {
            "''",
            "[]",
            "null"})
    void anInvoiceWithoutPaymentsIsStored(String payments) {
        assertThat(intake().handle(salesInvoice(payments)).status()).isEqualTo(IntakeResult.Status.ACCEPTED);
    }

    /** Any other {@code payments} is a field that cannot be used, 422 naming it, never read as no payments or a 500. */
    @ParameterizedTest(name = "payments {0}")
    @CsvSource(delimiter = '|', value = {
            "{\"id\":\"430000000000000001\",\"payment_date\":\"2026-11-20\",\"price\":\"200.0\"}",
            "\"200.0\"",
            "200"})
    void paymentsThatAreNoArrayAreRefusedNamingTheField(String payments) {
        assertThatThrownBy(() -> intake().handle(salesInvoice(payments))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("$.entity.payments"));
    }

    /**
     * The book keeps out an event older than the invoice's stored update time (README, Webhooks: {@code stale}), so an
     * {@code updated_at} in the future, up to the last second of the year 999999999 an ISO date-time names, counts as no
     * later than creditguard's clock: the next event, a minute later, is stored, not answered stale and dropped.
     */
    @ParameterizedTest(name = "updated_at {0}")
    @CsvSource({
            "2026-11-28T09:15:00.000Z",
            "2999-01-01T00:00:00.000Z",
            "+999999999-12-31T23:59:59Z"})
    void anUpdateTimeInTheFutureDoesNotKeepLaterEventsOut(String future) throws Exception {
        VirtualTime time = new VirtualTime(CLOCK.instant());
        MoneybirdIntake intake = intake(time);
        assertThat(intake.handle(salesInvoice("", future, "640.0")).status()).isEqualTo(IntakeResult.Status.ACCEPTED);

        time.pass(Duration.ofMinutes(1));
        assertThat(intake.handle(salesInvoice("", time.instant().toString(), "240.0")).status())
                .isEqualTo(IntakeResult.Status.ACCEPTED);
        assertThat(stored().openAmount()).isEqualByComparingTo("240.0");
        assertThat(stored().updatedAt()).isEqualTo(time.instant());
    }

    /** The book's line of the invoice, read as the reminder run reads it. */
    private Invoice stored() throws Exception {
        byte[] line = new FileObjectStore(root).bytes(IntakeStore.bookKey(MoneybirdIntake.SOURCE, "moneybird:412345678901234567"))
                .orElseThrow();
        return InputReader.standalone(CLOCK).read(new String(line, StandardCharsets.UTF_8), Invoice.class);
    }

    /**
     * Moneybird's key for a push is its {@code Idempotency-Key} header, "unique for each individual webhook push" and the
     * same when a push is retried (developer.moneybird.com/webhooks, "Idempotency"); a payload's {@code idempotency_key}
     * stands in where the header is absent. A key that is empty, blank or no text identifies nothing: two pushes that
     * change the invoice, the second paying 400 of it, are each stored, not the second answered duplicate and dropped.
     */
    @ParameterizedTest(name = "payload key {0}, headers {1} and {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "''           | ''  | ''  | ACCEPTED",
            "'\"\"'       | ''  | ''  | ACCEPTED",
            "'\"   \"'    | ''  | ''  | ACCEPTED",
            "'{}'         | ''  | ''  | ACCEPTED",
            "'\"k-1\"'    | ''  | ''  | DUPLICATE",
            "'\"k-1\"'    | h-1 | h-2 | ACCEPTED",
            "'\"k-1\"'    | h-1 | h-1 | DUPLICATE",
            "''           | h-1 | h-1 | DUPLICATE"})
    void aPushIsKnownByItsIdempotencyKeyAndAnEmptyKeyKnowsNone(String payloadKey, String first, String second,
            IntakeResult.Status secondIs) {
        MoneybirdIntake intake = intake();
        assertThat(intake.handle(push(body("", "2026-11-28T09:05:12.000Z", "640.0"), payloadKey, first)).status())
                .isEqualTo(IntakeResult.Status.ACCEPTED);
        assertThat(intake.handle(push(body("", "2026-11-28T09:06:30.000Z", "240.0"), payloadKey, second)).status())
                .isEqualTo(secondIs);
    }

    /** {@code body} with {@code "idempotency_key":<payloadKey>} when given, and {@code Idempotency-Key: <header>} when given. */
    private static HttpRequest push(String body, String payloadKey, String header) {
        String keyed = payloadKey.isEmpty() ? body : body.replaceFirst("\\{", "{\"idempotency_key\":" + payloadKey + ",");
        return post(keyed, header.isEmpty() ? Map.of() : Map.of("Idempotency-Key", header));
    }
}
