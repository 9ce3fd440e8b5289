package io.creditguard.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.creditguard.generated.Gen;
import io.creditguard.json.Json;

/**
 * What the generated-input tests of every route share: API Gateway events around a body, and bodies
 * made by breaking one field of a valid request in every way a caller could.
 */
public final class RouteFuzzing {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private RouteFuzzing() {
    }

    public static APIGatewayV2HTTPEvent post(String path, String body) {
        return GatewayEvents.event("POST", path, null, signedIn(), body, "fuzz");
    }

    /** The authorizer context of a staff member signed in with every scope, as API Gateway writes it. */
    public static APIGatewayV2HTTPEvent.RequestContext.Authorizer signedIn() {
        String scopes = "creditguard/credit-check creditguard/claims creditguard/reminders creditguard/breakeven";
        return GatewayEvents.jwt(Map.of("sub", "fuzz-user", "iss", GatewayEvents.ISSUER, "scope", scopes),
                List.of(scopes.split(" ")));
    }

    /** The body of a sample event in events/. */
    public static String sampleBody(String event) {
        return GatewayEvents.sampleBody(event);
    }

    /** The answer is a success or a client error with a problem body, never a fault of ours. */
    public static void assertAnsweredWithoutFault(APIGatewayV2HTTPResponse response, String body) {
        assertThat(response.getStatusCode()).as("status for %s", body).isLessThan(500);
        if (response.getStatusCode() >= 400) {
            assertThat(response.getHeaders().get("content-type")).isEqualTo("application/problem+json");
            assertThat(response.getBody()).contains("urn:creditguard:problem:").doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
    }

    /** A valid body with one field replaced, removed, or wrapped, in a shape a caller could send. */
    public static String mutation(Gen gen, String validBody) {
        JsonNode valid;
        try {
            valid = Json.MAPPER.readTree(validBody);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> paths = new ArrayList<>();
        collect(valid, "", paths);
        return Json.write(mutate(valid.deepCopy(), gen.pick(paths), nastyValue(gen), gen.integer(0, 9)));
    }

    private static void collect(JsonNode node, String path, List<String> paths) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                paths.add(path + "/" + name);
                collect(node.get(name), path + "/" + name, paths);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                paths.add(path + "/" + i);
                collect(node.get(i), path + "/" + i, paths);
            }
        }
    }

    /** Operation 0 removes the field, 1 wraps the value in an array, the others replace it. */
    private static JsonNode mutate(JsonNode root, String path, JsonNode value, int operation) {
        int slash = path.lastIndexOf('/');
        JsonNode parent = slash == 0 ? root : root.at(path.substring(0, slash));
        String last = path.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            if (operation == 0) {
                object.remove(last);
            } else if (operation == 1) {
                object.set(last, NODES.arrayNode().add(value));
            } else {
                object.set(last, value);
            }
        } else if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(last);
            if (operation == 0) {
                array.remove(index);
            } else {
                array.set(index, value);
            }
        }
        return root;
    }

    private static final List<String> SPECIALS = List.of("NaN", "Infinity", "-Infinity", "-0", "1e400", "2026-02-30",
            "9999-12-31", "0001-01-01", "+10000-01-01", "1234567890123456789012345678901234567890", "", " ", "SE", "XXX",
            "XAU", "sek", "BUSINESS", "<script>alert(1)</script>", "\u0000\u001f", "\ud83d\ude00", "../../etc/passwd",
            "2026-11-28T25:61:00Z", "a@b.se\r\nBcc: x@y.se");
    private static final List<String> HUGE = List.of("1e400", "-1e400", "1e-400", "123456789012345678901234567890.123");

    /** A value a hostile or careless caller might put anywhere. */
    static JsonNode nastyValue(Gen gen) {
        return switch (gen.integer(0, 5)) {
            case 0 -> NODES.textNode(gen.pick(SPECIALS));
            case 1 -> NODES.textNode(gen.anyString(300));
            case 2 -> NODES.numberNode(gen.decimal("-1e20", "1e20", 6));
            case 3 -> NODES.numberNode(new java.math.BigDecimal(gen.pick(HUGE)));
            case 4 -> NODES.numberNode(gen.anyLong());
            default -> gen.pick(List.of(NODES.nullNode(), NODES.booleanNode(true), NODES.booleanNode(false),
                    NODES.arrayNode(), NODES.objectNode(), NODES.numberNode(0), NODES.numberNode(-1)));
        };
    }
}
