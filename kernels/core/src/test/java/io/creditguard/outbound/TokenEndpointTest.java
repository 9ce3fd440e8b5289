package io.creditguard.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.creditguard.json.Json;

/**
 * A token answer's {@code expires_in} (RFC 6749 §5.1: "The lifetime in seconds of the access token"), read as the
 * servers creditguard asks send it (Fortnox, Visma and Xero a number, Bolagsverket too; a quoted number is read as
 * one) and bounded to a day whatever it says.
 */
class TokenEndpointTest {

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
}
