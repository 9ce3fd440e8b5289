package io.creditguard.credit;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.creditguard.Events;
import io.creditguard.filings.LocalBolagsverket;
import io.creditguard.json.Json;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The credit-check Lambda with Bolagsverket and KvK answered by {@link LocalBolagsverket}, the filed accounts
 * kept in {@link #STORE}; the tests that share it share one Quarkus start. Raw API Gateway events go in
 * through the Lambda contract, as deployed.
 */
public class FiledAccountsProfile implements QuarkusTestProfile {

    static final Path STORE = Path.of("target/filings-lambda-store");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.funqy.export", "credit-check", "creditguard.store", "file:" + STORE);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Registry.class));
    }

    /** Starts the registries' stand-in before Quarkus, so the function's configuration can name it. */
    public static class Registry implements QuarkusTestResourceLifecycleManager {
        static LocalBolagsverket server;

        @Override
        public Map<String, String> start() {
            server = new LocalBolagsverket();
            return new HashMap<>(server.config());
        }

        @Override
        public void stop() {
            server.close();
        }
    }

    /** {@code POST /credit-checks} with {@code body}, as API Gateway would hand it over; the Lambda's answer. */
    static JsonPath check(String body, String acceptLanguage) {
        ObjectNode event;
        try {
            event = (ObjectNode) Json.MAPPER.readTree(Events.read("credit-check.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        event.put("body", body);
        ObjectNode headers = (ObjectNode) event.get("headers");
        headers.remove("content-length");
        if (acceptLanguage != null) {
            headers.put("accept-language", acceptLanguage);
        }
        return invoke(Json.write(event));
    }

    /** {@code GET /companies/{country}/{id}/accounts}, from the sample event. */
    static JsonPath accounts(String country, String id, String acceptLanguage) {
        String event = Events.read("companies-accounts.json").replace("/companies/SE/5590179924/accounts",
                "/companies/" + country + "/" + id + "/accounts").replace("\"country\": \"SE\"", "\"country\": \"" + country + "\"")
                .replace("\"id\": \"5590179924\"", "\"id\": \"" + id + "\"")
                .replace("sv-SE,sv;q=0.9,en;q=0.5", acceptLanguage);
        return invoke(event);
    }

    private static JsonPath invoke(String event) {
        return given().port(Events.LAMBDA_PORT).body(event.getBytes(StandardCharsets.UTF_8)).post("/_lambda_").then()
                .statusCode(200).extract().jsonPath();
    }
}
