package io.creditguard.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.json.Json;
import io.creditguard.store.StoreBusy;
import io.creditguard.store.StoreUnreadable;
import io.creditguard.validation.FieldError;
import io.creditguard.validation.Refusal;

/**
 * What a domain throws, knowing no HTTP, and the problem the adapter answers for it: a refusal by the records is the
 * caller's (404, 409, naming the field), a lost race a 503 saying to send again, an unreadable record a 500 naming
 * the record and its repair, any other I/O failure a 500 that gives away nothing but the request id.
 */
class DomainFaultAnswerTest {

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(Refusal.unknown(FieldError.at("id", "no customer c-9 is in the ledger")), 404,
                        "no-such-record", "no customer c-9 is in the ledger", "id"),
                Arguments.of(Refusal.conflict(FieldError.at("$.disputed", "cannot be changed: invoice 1042 is paid")), 409,
                        "conflict", "cannot be changed: invoice 1042 is paid", "$.disputed"),
                Arguments.of(new StoreBusy("The invoice was changed by other writers; send the event again."), 503,
                        "store-busy", "The invoice was changed by other writers; send the event again.", null),
                Arguments.of(new StoreUnreadable("customers/c-1.json", "the next reminder run writes it again",
                        new IOException("Unexpected end-of-input")), 500, "internal-error",
                        "customers/c-1.json cannot be read; the next reminder run writes it again", null),
                Arguments.of(new IOException("/var/task/secret-path: permission denied"), 500, "internal-error",
                        "The request could not be completed. Quote request id req-7 when reporting it.", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aDomainFaultIsAnsweredAsTheProblemItIs(Exception fault, int status, String type, String detail, String field)
            throws Exception {
        ApiGateway gateway = new ApiGateway(io.creditguard.validation.InputReader.standalone(Clock.systemUTC()),
                Optional.empty(), false);
        APIGatewayV2HTTPEvent event = GatewayEvents.event("POST", "/webhooks/test", "", null, "{}", "req-7");

        APIGatewayV2HTTPResponse response = gateway.handle(event, List.of(Route.postRaw("/webhooks/test", r -> {
            if (fault instanceof IOException e) {
                throw e;
            }
            throw (RuntimeException) fault;
        })));

        assertThat(response.getStatusCode()).isEqualTo(status);
        JsonNode body = Json.MAPPER.readTree(response.getBody());
        assertThat(body.get("type").asText()).isEqualTo("urn:creditguard:problem:" + type);
        assertThat(body.get("detail").asText()).isEqualTo(detail);
        assertThat(body.get("instance").asText()).isEqualTo("urn:creditguard:request:req-7");
        if (field == null) {
            assertThat(body.path("errors").size()).isZero();
        } else {
            assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo(field);
        }
    }
}
