package io.creditguard.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import io.creditguard.VirtualTime;
import io.creditguard.http.HttpRequest;
import io.creditguard.store.FileObjectStore;
import io.creditguard.validation.FieldError;
import io.creditguard.validation.InputReader;
import io.creditguard.validation.InvalidInputException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Xero's webhooks: {@code x-xero-signature} over the body, and the events it lists queued for a fetch. */
class XeroIntakeTest {

    private static final String KEY = "xero-intake-test-key";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T09:13:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    private XeroIntake intake() {
        return intake(CLOCK);
    }

    private XeroIntake intake(Clock clock) {
        var config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of("XERO_WEBHOOK_KEY", KEY),
                "test", 100)).build();
        return new XeroIntake(new Secrets(config), store(clock), InputReader.standalone(clock));
    }

    private IntakeStore store(Clock clock) {
        return new IntakeStore(new FileObjectStore(root), InputReader.standalone(clock), clock);
    }

    /** Signed as Xero signs: base64 of HMAC-SHA256 of the raw body with the webhook key. */
    private static HttpRequest signed(String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        return HttpRequest.from(APIGatewayV2HTTPEvent.builder().withRouteKey("POST /webhooks/xero").withRawPath("/webhooks/xero")
                .withHeaders(Map.of("content-type", "application/json", "x-xero-signature", signature)).withBody(body).build());
    }

    /** One event as Xero sends it, on one line: each line of a {@code @CsvSource} is a row. */
    private static final String EVENT = "{\"resourceUrl\":\"https://api.xero.com/api.xro/2.0/Invoices/8f7c2b0e-4a1d-4c53-9e2f-"
            + "6b1a0d3c5e77\",\"resourceId\":\"8f7c2b0e-4a1d-4c53-9e2f-6b1a0d3c5e77\",\"eventDateUtc\":\"2026-11-28T09:12:41.123\","
            + "\"eventType\":\"UPDATE\",\"eventCategory\":\"INVOICE\",\"tenantId\":\"c2cc9b6e-9458-4c7d-93cc-f02b81b0594f\","
            + "\"tenantType\":\"ORGANISATION\"}";

    /**
     * {@code events} is an array (developer.xero.com, Webhooks, "The webhooks payload"; empty in the intent-to-receive
     * check); one that is no array is a field that cannot be used, 422 naming it, never a 500 or nothing queued.
     */
    @ParameterizedTest(name = "events {0}")
    @CsvSource(delimiter = '|', value = {
            "{\"first\":" + EVENT + "}",
            "\"INVOICE\"",
            "1"})
    void eventsThatAreNoArrayAreRefusedNamingTheField(String events) throws Exception {
        HttpRequest request = signed("{\"events\":" + events + ",\"firstEventSequence\":1,\"lastEventSequence\":1,"
                + "\"entropy\":\"TLWQDXVRXUVIAHFTDPKZ\"}");
        assertThatThrownBy(() -> intake().handle(request)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("$.events"));
    }

    @ParameterizedTest(name = "events {0}")
    @CsvSource(delimiter = '|', value = {
            "[]|0",
            "[" + EVENT + "]|1"})
    void eventsInAnArrayAreQueued(String events, int queued) throws Exception {
        assertThat(intake().handle(signed("{\"events\":" + events + "}")).getStatusCode()).isEqualTo(200);
        assertThat(store(CLOCK).queued("xero")).hasSize(queued);
    }

    /**
     * A resource's queued notification is replaced only by one at least as new (newest wins, by {@code eventDateUtc});
     * one in the future, up to the last second of the year 999999999 an ISO date-time names, counts as no later than
     * creditguard's clock, so the next event, a minute later, replaces it rather than being kept out as older.
     */
    @ParameterizedTest(name = "eventDateUtc {0}")
    @CsvSource({
            "2026-11-28T09:20:00.000",
            "2999-01-01T00:00:00.000",
            "+999999999-12-31T23:59:59"})
    void anEventTimeInTheFutureDoesNotKeepLaterEventsOut(String future) throws Exception {
        VirtualTime time = new VirtualTime(CLOCK.instant());
        XeroIntake intake = intake(time);
        intake.handle(signed("{\"events\":[" + EVENT.replace("2026-11-28T09:12:41.123", future).replace("UPDATE", "CREATE")
                + "]}"));

        time.pass(Duration.ofMinutes(1)); // 09:14
        intake.handle(signed("{\"events\":[" + EVENT.replace("2026-11-28T09:12:41.123", "2026-11-28T09:14:00.000") + "]}"));
        IntakeStore store = store(time);
        Map<?, ?> queued = store.notification(store.queued("xero").get(0)).orElseThrow();
        assertThat(queued.get("eventType")).as("eventType").isEqualTo("UPDATE");
        assertThat(queued.get("eventTime")).as("eventTime").isEqualTo("2026-11-28T09:14:00Z");
    }
}
