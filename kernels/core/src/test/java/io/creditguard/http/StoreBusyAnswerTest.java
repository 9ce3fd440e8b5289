package io.creditguard.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import io.creditguard.json.Json;
import io.creditguard.store.StoreBusy;
import io.creditguard.validation.InputReader;

/** A domain's lost race ({@link StoreBusy}) is answered 503 store-busy with its words, not 500. */
class StoreBusyAnswerTest {

    @Test
    void aLostRaceIsA503SayingWhatToDo() throws Exception {
        ApiGateway gateway = new ApiGateway(InputReader.standalone(Clock.systemUTC()), Optional.empty(), false);
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath("/webhooks/test").build();
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("POST /webhooks/test")
                .withRawPath("/webhooks/test").withHeaders(Map.of("content-type", "application/json"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http).withRequestId("req-7").build())
                .withBody("{}").withIsBase64Encoded(false).build();

        APIGatewayV2HTTPResponse response = gateway.handle(event, List.of(Route.postRaw("/webhooks/test", r -> {
            throw new StoreBusy("The invoice was changed by other writers; send the event again.");
        })));

        assertThat(response.getStatusCode()).isEqualTo(503);
        var body = Json.MAPPER.readTree(response.getBody());
        assertThat(body.get("type").asText()).isEqualTo("urn:creditguard:problem:store-busy");
        assertThat(body.get("detail").asText()).isEqualTo("The invoice was changed by other writers; send the event again.");
    }
}
