package io.creditguard.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.creditguard.Events;
import io.creditguard.http.HttpFunction;
import io.creditguard.json.Json;
import io.creditguard.http.Route;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The bad-input corpus of src/test/resources/bad-input/, run against every POST route through the
 * API Gateway contract: each case is written into a payload-2.0 event (as Funqy reads it from
 * Lambda) and handed to the function that owns the route. Every answer must be the expected 4xx
 * with a problem body naming the field; never a 5xx, a stack trace or a Lambda error.
 */
@QuarkusTest
@TestProfile(BadInputCorpusTest.WithSecrets.class)
class BadInputCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/bad-input");
    private static final String EXACT_WEBHOOK = "POST /webhooks/exact";

    /** Distinct values, so a test can search the logs for any of them. */
    static final List<String> SECRETS = List.of("whsec_stripe_value_9f3a", "whsec_c3RhbmRhcmQtdmFsdWUtN2Iy",
            "xero-key-value-4c1d", "moneybird-token-value-8e2f", "intake-api-key-value-5a6b", "exact-webhook-secret-value-3d7e");

    /** Webhook routes then check their callers (401) rather than refuse to run (503). */
    public static class WithSecrets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("STRIPE_WEBHOOK_SECRET", SECRETS.get(0), "STANDARD_WEBHOOK_SECRET", SECRETS.get(1),
                    "XERO_WEBHOOK_KEY", SECRETS.get(2), "MONEYBIRD_WEBHOOK_TOKEN", SECRETS.get(3), "INTAKE_API_KEY", SECRETS.get(4),
                    "EXACT_WEBHOOK_SECRET", SECRETS.get(5), "creditguard.store", "file:target/corpus-store");
        }
    }

    @Inject
    Instance<HttpFunction> functions;

    @Inject
    ObjectMapper funqyMapper;

    @TestFactory
    Stream<DynamicTest> genericCasesOnEveryPostRoute() throws IOException {
        JsonNode corpus = Json.MAPPER.readTree(CORPUS.resolve("generic.json").toFile());
        List<DynamicTest> tests = new ArrayList<>();
        for (HttpFunction function : functions) {
            for (Route<?> route : function.routes()) {
                if (!route.method().equals("POST")) {
                    continue;
                }
                for (JsonNode c : corpus.get("cases")) {
                    tests.add(DynamicTest.dynamicTest(route.key() + ": " + c.get("name").asText(), () -> {
                        JsonNode response = function.handle(event(route, c));
                        if (route.key().equals(EXACT_WEBHOOK) && c.get("name").asText().equals("empty body")) {
                            // Exact validates a subscription with an empty POST, which must get 200; it stores nothing.
                            assertThat(response.get("statusCode").asInt()).isEqualTo(200);
                            assertThat(response.path("body").asText()).isEmpty();
                            return;
                        }
                        assertProblem(response, route.isRaw() ? 0 : c.get("expectStatus").asInt(),
                                route.isRaw() ? null : c.get("expectType").asText(), null);
                    }));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> fieldCasesPerRoute() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("route-")).sorted().toList()) {
                JsonNode spec = Json.MAPPER.readTree(file.toFile());
                String routeKey = spec.get("route").asText();
                HttpFunction function = functions.stream()
                        .filter(f -> f.routes().stream().anyMatch(r -> r.key().equals(routeKey))).findFirst().orElseThrow();
                Route<?> route = function.routes().stream().filter(r -> r.key().equals(routeKey)).findFirst().orElseThrow();
                String sample = Json.MAPPER.readTree(Events.read(spec.get("event").asText())).get("body").asText();
                for (JsonNode c : spec.get("cases")) {
                    tests.add(DynamicTest.dynamicTest(routeKey + ": " + c.get("name").asText(), () -> {
                        ObjectNode kase = ((ObjectNode) c.deepCopy());
                        kase.put("body", body(c, sample));
                        JsonNode response = function.handle(event(route, kase));
                        assertProblem(response, c.get("expectStatus").asInt(), null, c.get("expectField").asText());
                    }));
                }
            }
        }
        return tests.stream();
    }

    private static String body(JsonNode c, String sample) throws IOException {
        if (c.has("set")) {
            JsonNode tree = Json.MAPPER.readTree(sample);
            c.get("set").fields().forEachRemaining(e -> {
                String pointer = e.getKey();
                int slash = pointer.lastIndexOf('/');
                JsonNode parent = slash == 0 ? tree : tree.at(pointer.substring(0, slash));
                String last = pointer.substring(slash + 1);
                if (parent instanceof ObjectNode object) {
                    object.set(last, e.getValue());
                } else {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), e.getValue());
                }
            });
            return Json.write(tree);
        }
        JsonNode body = c.get("body");
        return body.isTextual() ? body.asText() : Json.write(body);
    }

    /** The event as API Gateway sends it, as the mapper Funqy uses for Lambda input reads it. */
    private JsonNode event(Route<?> route, JsonNode c) throws IOException {
        Map<String, Object> event = new HashMap<>();
        String path = route.path().replace("{source}", "corpus");
        Map<String, String> headers = new HashMap<>();
        if (!c.has("contentType")) {
            headers.put("content-type", "application/json");
        } else if (!c.get("contentType").isNull()) {
            headers.put("content-type", c.get("contentType").asText());
        }
        String body;
        if (c.has("bodyRepeat")) {
            JsonNode r = c.get("bodyRepeat");
            body = r.get("prefix").asText() + r.get("text").asText().repeat(r.get("times").asInt()) + r.get("suffix").asText();
        } else if (c.has("bodyBase64")) {
            body = c.get("bodyBase64").asText();
        } else {
            body = c.get("body").asText();
        }
        event.put("version", "2.0");
        event.put("routeKey", route.key());
        event.put("rawPath", path);
        event.put("headers", headers);
        event.put("requestContext", Map.of("http", Map.of("method", "POST", "path", path), "requestId", "corpus"));
        event.put("body", body);
        event.put("isBase64Encoded", c.path("isBase64Encoded").asBoolean(false));
        return funqyMapper.readTree(funqyMapper.writeValueAsString(event));
    }

    /** @param status the exact status, or 0 for any 4xx */
    private static void assertProblem(JsonNode response, int status, String type, String field) throws IOException {
        if (status == 0) {
            assertThat(response.get("statusCode").asInt()).isBetween(400, 499);
        } else {
            assertThat(response.get("statusCode").asInt()).as(response.get("body").asText()).isEqualTo(status);
        }
        assertThat(response.get("headers").get("content-type").asText()).isEqualTo("application/problem+json");
        JsonNode problem = Json.MAPPER.readTree(response.get("body").asText());
        assertThat(problem.get("type").asText()).startsWith("urn:creditguard:problem:");
        if (type != null) {
            assertThat(problem.get("type").asText()).isEqualTo("urn:creditguard:problem:" + type);
        }
        if (field != null) {
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(e -> fields.add(e.get("field").asText()));
            assertThat(fields).as(response.get("body").asText()).contains(field);
        }
        assertThat(response.get("body").asText()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
