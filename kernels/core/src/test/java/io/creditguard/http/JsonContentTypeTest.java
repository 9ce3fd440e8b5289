package io.creditguard.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import io.creditguard.SampleDay;
import io.creditguard.validation.InputReader;

/**
 * The media types a JSON route takes: JSON in UTF-8, however RFC 9110 §8.3.1 lets a client write it (the charset's
 * value a token or a quoted string, in any case), and nothing else.
 */
class JsonContentTypeTest {

    record Loss(@NotBlank String currency) {
    }

    private static final List<Route<?>> ROUTES = List.of(Route.post("/breakeven/loss", Loss.class, "creditguard/breakeven",
            loss -> Map.of("currency", loss.currency())));
    private static final ApiGateway GATEWAY = new ApiGateway(InputReader.standalone(SampleDay.CLOCK), Optional.empty(),
            false);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "application/json | 200",
            "application/json; charset=utf-8 | 200",
            "Application/JSON;charset=UTF-8 | 200",
            "application/json; charset=\"utf-8\" | 200",
            "application/json; charset=\"UTF-8\" | 200",
            "application/problem+json | 200",
            "application/json; charset=iso-8859-1 | 415",
            "application/json; charset=\"iso-8859-1\" | 415",
            "application/json; charset=utf-8x | 415",
            "application/json; charset= | 415",
            "text/plain | 415",
            "text/plain; charset=utf-8 | 415"})
    void aJsonRouteTakesJsonInUtf8AsEachWayOfWritingItSaysSo(String contentType, int status) {
        APIGatewayV2HTTPEvent event = GatewayEvents.event("POST", "/breakeven/loss", "", null, "{\"currency\":\"SEK\"}",
                "req-1");
        event.setHeaders(Map.of("content-type", contentType));

        var response = GATEWAY.handle(event, ROUTES);

        assertThat(response.getStatusCode()).isEqualTo(status);
        if (status == 415) {
            assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
            assertThat(response.getBody()).contains("urn:creditguard:problem:unsupported-media-type");
        }
    }
}
