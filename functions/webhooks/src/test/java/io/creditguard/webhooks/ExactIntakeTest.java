package io.creditguard.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import io.creditguard.VirtualTime;
import io.creditguard.http.HttpRequest;
import io.creditguard.http.ProblemException;
import io.creditguard.store.FileObjectStore;
import io.creditguard.validation.InputReader;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Exact Online's webhook: HashCode is the upper-case hex HMAC-SHA256 of the Content value's text exactly as
 * sent; the subscription's validation request is an empty POST.
 */
class ExactIntakeTest {

    static final String SECRET = "exact-webhook-secret";
    /** The morning the event in {@link #CONTENT} was created. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T08:15:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    private ExactIntake intake() {
        return intake(CLOCK);
    }

    private ExactIntake intake(Clock clock) {
        var config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of("EXACT_WEBHOOK_SECRET", SECRET),
                "test", 100)).build();
        return new ExactIntake(new Secrets(config), store(clock), InputReader.standalone(clock), clock);
    }

    private IntakeStore store(Clock clock) {
        return new IntakeStore(new FileObjectStore(root), InputReader.standalone(clock), clock);
    }

    /** A body as Exact sends it, signed over {@code content} exactly as written. */
    static String signed(String content, String secret) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String hash = HexFormat.of().withUpperCase().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
            return "{\"Content\":" + content + ",\"HashCode\":\"" + hash + "\"}";
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static final String CONTENT = "{\"Topic\":\"SalesInvoices\",\"ClientId\":\"0f5c2d3e-7b61-4b7f-9d2a-3c1e5f6a7b8c\","
            + "\"Division\":2841947,\"Action\":\"Update\",\"Key\":\"9b1c4f1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b\","
            + "\"ExactOnlineEndpoint\":\"https://start.exactonline.nl/api/v1/2841947/salesinvoice/SalesInvoices"
            + "(guid'9b1c4f1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b')\",\"EventCreatedOn\":\"2026-12-07T08:14:09.973\"}";

    private static HttpRequest post(String body) {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRouteKey("POST /webhooks/exact")
                .withRawPath("/webhooks/exact").withHeaders(Map.of("content-type", "application/json")).withBody(body).build();
        return HttpRequest.from(event);
    }

    @Test
    void aSignedNotificationIsQueuedForTheSync() throws Exception {
        ExactIntake exact = intake();
        APIGatewayV2HTTPResponse answer = exact.handle(post(signed(CONTENT, SECRET)));
        assertThat(answer.getStatusCode()).isEqualTo(200);
        IntakeStore store = store(CLOCK);
        assertThat(store.queued("exact")).singleElement().satisfies(key -> {
            assertThat(key).startsWith("webhooks/pending/exact/2841947_salesinvoices_9b1c4f1e");
            try {
                Map<?, ?> queued = store.notification(key).orElseThrow();
                assertThat(queued.get("Key")).isEqualTo("9b1c4f1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b");
                assertThat(queued.get("Topic")).isEqualTo("SalesInvoices");
                assertThat(queued.get("eventTime")).isEqualTo("2026-12-07T08:14:09.973Z");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void theSignatureCoversTheContentExactlyAsSentWhitespaceAndKeyOrderIncluded() throws Exception {
        String spaced = "{ \"Key\" : \"k-1\",\n  \"Topic\":\"SalesInvoices\", \"Division\": 2841947 }";
        assertThat(intake().handle(post(signed(spaced, SECRET))).getStatusCode()).isEqualTo(200);
        // The same Content written compactly is another text, so the first signature does not cover it.
        String body = signed(spaced, SECRET).replace(spaced, "{\"Key\":\"k-1\",\"Topic\":\"SalesInvoices\",\"Division\":2841947}");
        assertThatThrownBy(() -> intake().handle(post(body))).isInstanceOf(ProblemException.class);
    }

    @Test
    void aWrongOrMissingHashCodeIsRefusedAndStoresNothing() throws Exception {
        for (String body : new String[] {signed(CONTENT, "another-secret"), signed(CONTENT, SECRET).toLowerCase(),
                "{\"Content\":" + CONTENT + "}", "{\"HashCode\":\"00\"}", "not json"}) {
            assertThatThrownBy(() -> intake().handle(post(body))).as(body).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.problem().status()).isEqualTo(401));
        }
        assertThat(store(CLOCK).queued("exact")).isEmpty();
    }

    @Test
    void theSubscriptionsValidationRequestIsAnswered() {
        assertThat(intake().handle(post(null)).getStatusCode()).isEqualTo(200);
    }

    /**
     * {@code EventCreatedOn} in the .NET JSON form Exact's REST API writes dates in ({@code /Date(<ms since 1970>)/}) or
     * as ISO; what is neither, a count of milliseconds beyond 64 bits included, leaves the arrival time as the
     * notification's time, and the notification is queued all the same.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/Date(1796631249973)/, 2026-12-07T08:14:09.973Z",
            "2026-12-07T08:14:09.973, 2026-12-07T08:14:09.973Z",
            "yesterday, 2026-12-07T08:15:00Z",
            "/Date(99999999999999999999)/, 2026-12-07T08:15:00Z"})
    void theEventTimeIsExactsOrElseTheArrivalTime(String createdOn, String expected) throws Exception {
        String content = CONTENT.replace("2026-12-07T08:14:09.973", createdOn);
        assertThat(intake().handle(post(signed(content, SECRET))).getStatusCode()).isEqualTo(200);
        IntakeStore store = store(CLOCK);
        assertThat(store.notification(store.queued("exact").get(0)).orElseThrow().get("eventTime")).isEqualTo(expected);
    }

    /**
     * A record's queued notification is replaced only by one at least as new (newest wins, by {@code EventCreatedOn});
     * one in the future, in Exact's {@code /Date(ms)/} up to the last millisecond 64 bits hold or as ISO up to the year
     * 999999999, counts as no later than creditguard's clock, so the next one, a minute later, replaces it rather than
     * being kept out as older.
     */
    @ParameterizedTest(name = "EventCreatedOn {0}")
    @CsvSource({
            "2026-12-07T08:20:00.000",
            "/Date(32503680000000)/",
            "/Date(9223372036854775807)/",
            "+999999999-12-31T23:59:59"})
    void anEventTimeInTheFutureDoesNotKeepLaterNotificationsOut(String future) throws Exception {
        VirtualTime time = new VirtualTime(CLOCK.instant());
        ExactIntake exact = intake(time);
        exact.handle(post(signed(CONTENT.replace("2026-12-07T08:14:09.973", future).replace("Update", "Create"), SECRET)));

        time.pass(Duration.ofMinutes(1)); // 08:16
        exact.handle(post(signed(CONTENT.replace("2026-12-07T08:14:09.973", "2026-12-07T08:16:00.000"), SECRET)));
        IntakeStore store = store(time);
        Map<?, ?> queued = store.notification(store.queued("exact").get(0)).orElseThrow();
        assertThat(queued.get("Action")).as("Action").isEqualTo("Update");
        assertThat(queued.get("eventTime")).as("eventTime").isEqualTo("2026-12-07T08:16:00Z");
    }
}
