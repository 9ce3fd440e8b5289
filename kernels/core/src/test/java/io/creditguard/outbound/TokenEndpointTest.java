package io.creditguard.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.sun.net.httpserver.HttpServer;

import io.creditguard.LocalHttp;
import io.creditguard.json.Json;

/**
 * A token answer's {@code expires_in} (RFC 6749 §5.1: "The lifetime in seconds of the access token"), read as the
 * servers creditguard asks send it (Fortnox, Visma and Xero a number, Bolagsverket too; a quoted number is read as
 * one) and bounded to a day whatever it says.
 */
class TokenEndpointTest {

    private HttpServer server;
    private volatile String refusal;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", exchange -> LocalHttp.send(exchange, 400, "application/json", refusal));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @ParameterizedTest(name = "expires_in {0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // what the servers document
            "3600                  | PT1H", "1800                  | PT30M", "600                   | PT10M",
            "`\"600\"`             | PT10M", "0                     | PT0S",
            // a fraction of a second is not a second more
            "599.9                 | PT9M59S",
            // a day at most: one beyond what a date can hold once failed the grant's bookkeeping
            "86400                 | PT24H", "86401                 | PT24H", "9223372036854775807   | PT24H",
            "99999999999999999999  | PT24H", "1e400                 | PT24H", "1e400000000           | PT24H",
            "`\"1e400\"`           | PT24H",
            // a lifetime already over
            "-1                    | PT0S", "-9223372036854775808  | PT0S", "-1e400                | PT0S",
            // absent or not a number: the usual hour
            "null                  | PT1H", "true                  | PT1H", "`\"soon\"`            | PT1H",
            "`\"\"`                | PT1H", "[3600]                | PT1H", "`{\"s\":3600}`        | PT1H"})
    void theLifetimeIsTakenFromZeroToADay(String expiresIn, Duration taken) throws Exception {
        assertThat(TokenEndpoint.lifetime(Json.MAPPER.readTree("{\"expires_in\":" + expiresIn + "}").path("expires_in")))
                .isEqualTo(taken);
    }

    @ParameterizedTest
    @CsvSource({"{}", "{\"access_token\":\"a\"}"})
    void anAnswerWithoutExpiresInLastsTheUsualHour(String answer) throws Exception {
        assertThat(TokenEndpoint.lifetime(Json.MAPPER.readTree(answer).path("expires_in"))).isEqualTo(Duration.ofHours(1));
    }

    /**
     * A refusal's {@code error} is said as the code it is (RFC 6749 §5.2's characters), else as {@code unreadable_error}:
     * it reaches the connection's status, a log line and the page a consent ends on.
     */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "invalid_grant           | invalid_grant", "unsupported_grant_type  | unsupported_grant_type",
            "'invalid grant'         | invalid grant", "'a\\\\b'                | unreadable_error",
            "'a\\\"b'                 | unreadable_error", "'line\\nbreak'          | unreadable_error",
            "'\\u00e5tkomst'         | unreadable_error", "'\\u0000'               | unreadable_error"})
    void aRefusalsErrorIsSaidAsACodeOrNotAtAll(String error, String said) throws IOException {
        refusal = Json.write(Map.of("error", Json.MAPPER.readValue("\"" + error + "\"", String.class)));
        assertRefusedWith(said);
    }

    @Test
    void anErrorLongerThanAnyCodeIsNotRepeated() {
        refusal = Json.write(Map.of("error", "x".repeat(10_000)));
        assertRefusedWith("unreadable_error");
    }

    private void assertRefusedWith(String error) {
        TokenEndpoint endpoint = new TokenEndpoint(new HttpFetcher(new HttpFetcher.Limits(Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1, Duration.ZERO, 1 << 20)));
        URI token = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
        assertThatThrownBy(() -> endpoint.request(token, new TokenEndpoint.Client("id", "secret", TokenEndpoint.ClientAuth.BASIC),
                Map.of("grant_type", "refresh_token", "refresh_token", "r")))
                .isInstanceOfSatisfying(TokenEndpoint.Refused.class, r -> assertThat(r.error()).isEqualTo(error))
                .hasMessageEndingWith(" " + error);
    }
}
