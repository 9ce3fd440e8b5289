package io.creditguard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.creditguard.SampleDay;
import io.creditguard.json.Json;
import io.creditguard.validation.InputReader;

/**
 * API Gateway's payload 2.0 read from the JSON tree: what Jackson's data binding onto the AWS event classes read
 * before, field for field, on AWS's documented example and every sample event of the checkout; a field of the wrong
 * JSON type refused with a 400 naming it; the answer written as API Gateway reads it.
 */
class GatewayJsonTest {

    /** Data binding as Funqy did it before: unknown fields (stage variables, the client certificate) skipped. */
    private static final ObjectMapper BINDING = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** What {@link HttpRequest} and {@link Caller} read of an event. */
    record Read(String routeKey, String rawPath, String rawQueryString, List<String> cookies, Map<String, String> headers,
            Map<String, String> pathParameters, String body, boolean base64, String requestId, String method,
            Map<String, String> claims, List<String> scopes) {

        static Read of(APIGatewayV2HTTPEvent e) {
            var context = Optional.ofNullable(e.getRequestContext());
            var jwt = context.map(c -> c.getAuthorizer()).map(a -> a.getJwt());
            return new Read(e.getRouteKey(), e.getRawPath(), e.getRawQueryString(), e.getCookies(), e.getHeaders(),
                    e.getPathParameters(), e.getBody(), e.getIsBase64Encoded(), context.map(c -> c.getRequestId()).orElse(null),
                    context.map(c -> c.getHttp()).map(h -> h.getMethod()).orElse(null),
                    jwt.map(j -> j.getClaims()).orElse(null), jwt.map(j -> j.getScopes()).orElse(null));
        }
    }

    /**
     * The example of "Create AWS Lambda proxy integrations for HTTP APIs in API Gateway", payload format 2.0
     * (docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).
     */
    private static JsonNode documentedExample() throws IOException {
        try (InputStream in = GatewayJsonTest.class.getResourceAsStream("payload-2.0-example.json")) {
            return Json.MAPPER.readTree(in);
        }
    }

    @Test
    void theDocumentedExampleReadsAsTheGatewayWroteIt() throws IOException {
        APIGatewayV2HTTPEvent event = GatewayJson.event(documentedExample());

        assertThat(Read.of(event)).isEqualTo(new Read("$default", "/my/path", "parameter1=value1&parameter1=value2&parameter2=value",
                List.of("cookie1", "cookie2"), Map.of("header1", "value1", "header2", "value1,value2"),
                Map.of("parameter1", "value1"), "Hello from Lambda", false, "id", "POST",
                Map.of("claim1", "value1", "claim2", "value2"), List.of("scope1", "scope2")));
        HttpRequest request = HttpRequest.from(event);
        assertThat(request.header("Header2")).contains("value1,value2");
        assertThat(request.queryParameter("parameter2")).contains("value");
        assertThat(request.bodyText()).isEqualTo("Hello from Lambda");
    }

    /** The checkout's HTTP events: a schedule's input ({@code reminders-run.json}) has no route. */
    static Stream<Path> httpSamples() throws IOException {
        try (Stream<Path> files = Files.list(GatewayEvents.samples())) {
            List<Path> http = new java.util.ArrayList<>();
            for (Path f : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                if (Json.MAPPER.readTree(f.toFile()).has("routeKey")) {
                    http.add(f);
                }
            }
            assertThat(http).hasSizeGreaterThan(15);
            return http.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("httpSamples")
    void everySampleEventReadsAsDataBindingReadIt(Path sample) throws IOException {
        JsonNode event = Json.MAPPER.readTree(sample.toFile());

        assertThat(Read.of(GatewayJson.event(event))).isEqualTo(Read.of(BINDING.treeToValue(event, APIGatewayV2HTTPEvent.class)));
    }

    @Test
    void theDocumentedExampleReadsAsDataBindingReadIt() throws IOException {
        JsonNode event = documentedExample();
        assertThat(Read.of(GatewayJson.event(event))).isEqualTo(Read.of(BINDING.treeToValue(event, APIGatewayV2HTTPEvent.class)));
    }

    @Test
    void absentAndNullAreTheSame() throws IOException {
        Read read = Read.of(GatewayJson.event(Json.MAPPER.readTree(
                "{\"routeKey\":\"GET /customers\",\"body\":null,\"headers\":null,\"requestContext\":{\"authorizer\":{}}}")));

        assertThat(read).isEqualTo(new Read("GET /customers", null, null, null, null, null, null, false, null, null, null,
                null));
    }

    /** API Gateway writes every claim as a string; one that is not is kept as its JSON text. */
    @Test
    void aClaimThatIsNotAStringIsKeptAsItsJson() throws IOException {
        Read read = Read.of(GatewayJson.event(Json.MAPPER.readTree(
                "{\"requestContext\":{\"authorizer\":{\"jwt\":{\"claims\":{\"sub\":\"u-1\",\"groups\":[\"a\",\"b\"]}}}}}")));

        assertThat(read.claims()).containsExactlyInAnyOrderEntriesOf(Map.of("sub", "u-1", "groups", "[\"a\",\"b\"]"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "[]; $; an object",
            "{\"headers\":[]}; $.headers; an object",
            "{\"headers\":{\"x-count\":2}}; $.headers.x-count; a string",
            "{\"pathParameters\":\"id=7\"}; $.pathParameters; an object",
            "{\"cookies\":\"a=b\"}; $.cookies; a list of strings",
            "{\"cookies\":[\"a=b\",7]}; $.cookies[1]; a string",
            "{\"body\":{\"currency\":\"SEK\"}}; $.body; a string",
            "{\"isBase64Encoded\":\"true\"}; $.isBase64Encoded; true or false",
            "{\"requestContext\":\"ctx\"}; $.requestContext; an object",
            "{\"requestContext\":{\"http\":\"POST\"}}; $.requestContext.http; an object",
            "{\"requestContext\":{\"http\":{\"method\":1}}}; $.requestContext.http.method; a string",
            "{\"requestContext\":{\"authorizer\":{\"jwt\":{\"scopes\":\"read\"}}}}; $.requestContext.authorizer.jwt.scopes; a list of strings"})
    void aFieldOfTheWrongTypeIsRefusedByName(String event, String field, String expected) throws IOException {
        JsonNode tree = Json.MAPPER.readTree(event);

        assertThatThrownBy(() -> GatewayJson.event(tree)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(400);
            assertThat(e.problem().detail()).isEqualTo("The event's " + field + " must be " + expected
                    + ", as API Gateway's HTTP API (payload 2.0) sends it.");
        });
    }

    @Test
    void theGatewayAnswersAMalformedEventWithAProblem() throws IOException {
        ApiGateway gateway = new ApiGateway(InputReader.standalone(SampleDay.CLOCK), Optional.empty(), false);

        JsonNode answer = gateway.handle(Json.MAPPER.readTree("{\"routeKey\":\"POST /x\",\"body\":{\"a\":1}}"), List.of());

        assertThat(answer.get("statusCode").asInt()).isEqualTo(400);
        assertThat(answer.get("headers").get("content-type").asText()).isEqualTo("application/problem+json");
        assertThat(Json.MAPPER.readTree(answer.get("body").asText()).get("detail").asText()).contains("$.body must be a string");
    }

    @Test
    void theAnswerIsWrittenAsApiGatewayReadsIt() {
        APIGatewayV2HTTPResponse answer = APIGatewayV2HTTPResponse.builder().withStatusCode(302)
                .withHeaders(Map.of("location", "https://apps.fortnox.se/oauth-v1/auth")).withCookies(List.of("state=s1; Secure"))
                .withBody("").withIsBase64Encoded(false).build();

        JsonNode written = GatewayJson.response(answer);

        assertThat(written.toString()).isEqualTo("{\"statusCode\":302,\"headers\":{\"location\":"
                + "\"https://apps.fortnox.se/oauth-v1/auth\"},\"cookies\":[\"state=s1; Secure\"],\"body\":\"\","
                + "\"isBase64Encoded\":false}");
        APIGatewayV2HTTPResponse file = APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("JVBERi0=")
                .withIsBase64Encoded(true).build();
        assertThat(GatewayJson.response(file).toString()).isEqualTo("{\"statusCode\":200,\"body\":\"JVBERi0=\","
                + "\"isBase64Encoded\":true}");
    }
}
