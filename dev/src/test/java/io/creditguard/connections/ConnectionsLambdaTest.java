package io.creditguard.connections;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.creditguard.Events;
import io.creditguard.TestFolders;
import io.creditguard.json.Json;
import io.creditguard.reminders.RemindersRunFunction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The connections Lambda through the Lambda contract (raw API Gateway and scheduler events), against a local
 * Fortnox: the consent from the authorize route to the callback, the sync on the schedule, and the reminder
 * run, which syncs before it reads the book and duns the one overdue invoice, with its OCR number, and never
 * the credited, cancelled or paid ones.
 */
@QuarkusTest
@TestProfile(ConnectionsProfile.class)
class ConnectionsLambdaTest {

    private static final Pattern APPROVE = Pattern.compile("id=\"approve\" href=\"([^\"]+)\"");

    @Inject
    RemindersRunFunction run;
    @Inject
    Sync sync;

    /** The tokens the local Fortnox issues: none may reach a log, an answer or a report. */
    private static final Pattern TOKEN = Pattern.compile("(access|refresh)-[0-9a-f]{8}-");

    private FortnoxStandIn fortnox;
    private final StringBuffer logged = new StringBuffer();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.append(record.getMessage()).append(' ');
            if (record.getParameters() != null) {
                for (Object p : record.getParameters()) {
                    logged.append(p).append(' ');
                }
            }
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                logged.append(t).append(' ');
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void emptyStoreAndFortnox() throws IOException {
        TestFolders.delete(ConnectionsProfile.STORE);
        fortnox = ConnectionsProfile.Servers.fortnox;
        fortnox.reset();
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void noTokenWasLogged() {
        Logger.getLogger("").removeHandler(capture);
        assertThat(TOKEN.matcher(logged).find()).as("a token in the logs").isFalse();
    }

    private static JsonPath send(JsonNode event) {
        return given().port(Events.LAMBDA_PORT).body(Json.write(event).getBytes(StandardCharsets.UTF_8)).post("/_lambda_")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The sample GET /connections event, made into another route of the function. */
    private static ObjectNode event(String method, String path, String routeKey, String query) throws IOException {
        ObjectNode event = (ObjectNode) Json.MAPPER.readTree(Events.read("connections-list.json"));
        event.put("routeKey", routeKey).put("rawPath", path).put("rawQueryString", query);
        ((ObjectNode) event.get("requestContext")).put("routeKey", routeKey);
        ((ObjectNode) event.at("/requestContext/http")).put("method", method).put("path", path);
        return event;
    }

    private static JsonPath body(JsonPath response) {
        return JsonPath.from(response.getString("body"));
    }

    private static JsonPath schedule() {
        return send(Json.MAPPER.createObjectNode());
    }

    /** The admin clicks Connect, approves at Fortnox, and the browser comes back with the code, the state and the cookie. */
    private JsonPath consent() throws Exception {
        ObjectNode authorize = event("GET", "/connections/fortnox/authorize", "GET /connections/{platform}/authorize", "");
        ((ObjectNode) authorize.get("headers")).put("accept", "text/html");
        JsonPath redirect = send(authorize);
        assertThat(redirect.getInt("statusCode")).isEqualTo(302);
        String location = redirect.getString("headers.location");
        assertThat(location).startsWith(fortnox.base() + "/oauth-v1/auth?response_type=code");
        List<String> cookies = redirect.getList("cookies");
        assertThat(cookies).singleElement().satisfies(c -> assertThat(c).startsWith("cg_consent_fortnox=").contains("HttpOnly"));

        String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(location)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher approve = APPROVE.matcher(page);
        assertThat(approve.find()).isTrue();
        URI back = URI.create(approve.group(1));
        assertThat(back.getPath()).isEqualTo("/connections/fortnox/callback");

        ObjectNode callback = event("GET", back.getPath(), "GET /connections/{platform}/callback", back.getRawQuery());
        ((ObjectNode) callback.get("requestContext")).remove("authorizer");
        ((ObjectNode) callback.get("headers")).put("accept-language", "sv-SE,sv;q=0.9");
        ArrayNode sent = callback.putArray("cookies");
        sent.add(cookies.get(0).substring(0, cookies.get(0).indexOf(';')));
        return send(callback);
    }

    private static List<String> book() {
        return TestFolders.texts(ConnectionsProfile.STORE.resolve("receivables/webhooks/fortnox"));
    }

    @Test
    void consentCallbackSyncAndTheRunDunningOnlyTheOverdueInvoiceWithItsOcr() throws Exception {
        fortnox.sampleBook();
        JsonPath before = body(send(Json.MAPPER.readTree(Events.read("connections-list.json"))));
        assertThat(before.getString("platforms.find { it.platform == 'fortnox' }.state")).isEqualTo("NOT_CONNECTED");
        assertThat(before.getBoolean("platforms.find { it.platform == 'fortnox' }.configured")).isTrue();
        assertThat(before.getBoolean("platforms.find { it.platform == 'exact' }.configured")).isFalse();

        JsonPath connected = consent();

        assertThat(connected.getInt("statusCode")).isEqualTo(200);
        assertThat(connected.getString("headers.content-type")).startsWith("text/html");
        assertThat(connected.getString("body")).contains("Fortnox är anslutet");
        assertThat(connected.getString("headers.content-security-policy")).contains("default-src 'none'");
        String stored = Files.readString(ConnectionsProfile.STORE.resolve("connections/fortnox.json"));
        assertThat(stored).contains("\"status\":\"CONNECTED\"").contains("\"refreshToken\":\"refresh-");

        JsonPath synced = schedule();
        assertThat(synced.getString("syncs[0].platform")).isEqualTo("fortnox");
        assertThat(synced.getString("syncs[0].status")).isEqualTo("OK");
        assertThat(synced.getInt("syncs[0].read.invoices")).isEqualTo(4);
        assertThat(synced.getList("syncs[0].unmapped.id")).containsExactlyInAnyOrder("fortnox:1006", "fortnox:1007",
                "fortnox:1008");
        JsonPath listed = body(send(Json.MAPPER.readTree(Events.read("connections-list.json"))));
        assertThat(listed.getString("platforms.find { it.platform == 'fortnox' }.state")).isEqualTo("CONNECTED");
        assertThat(listed.getString("platforms.find { it.platform == 'fortnox' }.lastSync.status")).isEqualTo("OK");
        assertThat(listed.getString("platforms.find { it.platform == 'fortnox' }.cursor.since")).isNotBlank();
        assertThat(TOKEN.matcher(send(Json.MAPPER.readTree(Events.read("connections-list.json"))).getString("body")).find())
                .isFalse();

        // A payment Fortnox records after the sync reaches the run too: the run syncs before it reads the book.
        JsonNode report = run.fire(Json.MAPPER.readTree("{\"asOf\":\"2026-12-07\"}"));

        assertThat(TOKEN.matcher(Json.write(report)).find()).isFalse();
        assertThat(report.path("intake").findValuesAsText("source")).contains("fortnox");
        JsonNode intake = report.path("intake").findParents("source").stream()
                .filter(r -> r.path("source").asText().equals("fortnox")).findFirst().orElseThrow();
        assertThat(intake.path("status").asText()).isEqualTo("OK");
        assertThat(report.path("dunned").path("PAYMENT_REMINDER").asLong()).isEqualTo(1);
        assertThat(report.path("letters").asLong()).isEqualTo(1);
        assertThat(report.path("skipped").path("PAID").asLong()).isEqualTo(3);
        assertThat(report.path("platformReminders").path(0).path("invoiceId").asText()).isEqualTo("fortnox:1001");
        assertThat(report.path("platformReminders").path(0).path("warning").asText()).contains("fortnox reports 1 reminder");
        Path letters = ConnectionsProfile.STORE.resolve("letters");
        try (Stream<Path> files = Files.list(letters)) {
            List<Path> text = files.filter(p -> p.toString().endsWith(".txt")).toList();
            assertThat(text).singleElement().satisfies(p -> assertThat(Files.readString(p)).contains("faktura 1001")
                    .contains("ange OCR/referens 100115").doesNotContain("1002").doesNotContain("1003").doesNotContain("1005"));
        }
        try (Stream<Path> files = Files.list(letters)) {
            assertThat(files.filter(p -> p.toString().endsWith(".html")).toList()).singleElement()
                    .satisfies(p -> assertThat(Files.readString(p)).contains("100115"));
        }
    }

    @Test
    void aReSyncDuplicatesNothing() throws Exception {
        fortnox.sampleBook();
        consent();
        schedule();
        assertThat(book()).hasSize(4);

        JsonPath again = schedule();
        assertThat(again.getString("syncs[0].status")).isEqualTo("OK");
        assertThat(book()).hasSize(4);
        assertThat(String.join("", book())).containsOnlyOnce("fortnox:payment:501").containsOnlyOnce("\"documentId\":\"fortnox:1004\"");
    }

    @Test
    void anOutageChangesNothing() throws Exception {
        fortnox.sampleBook();
        consent();
        schedule();
        List<String> settled = book();
        String cursor = Files.readString(ConnectionsProfile.STORE.resolve("connections/fortnox.json")).replaceAll(
                ".*\"cursor\":(\\{[^}]*\\}).*", "$1");
        fortnox.fault = FortnoxStandIn.Fault.OUTAGE;
        JsonPath failed = schedule();
        assertThat(failed.getString("syncs[0].status")).isEqualTo("FAILED");
        assertThat(failed.getString("syncs[0].reason")).contains("HTTP 503");
        assertThat(book()).isEqualTo(settled);
        assertThat(Files.readString(ConnectionsProfile.STORE.resolve("connections/fortnox.json"))).contains(cursor)
                .contains("\"status\":\"CONNECTED\"");
    }

    @Test
    void twoSyncsAtOnceKeepTheConnection() throws Exception {
        fortnox.sampleBook();
        consent();
        fortnox.oauth.expireAccessToken();
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Callable<SyncReport> both = () -> sync.sync(Platform.FORTNOX, Duration.ofMinutes(4));
            for (Future<SyncReport> f : two.invokeAll(List.of(both, both))) {
                assertThat(f.get().status()).isEqualTo(SyncReport.Status.OK);
            }
        } finally {
            two.shutdownNow();
        }
        assertThat(fortnox.oauth.refused.get()).isZero();
        assertThat(Files.readString(ConnectionsProfile.STORE.resolve("connections/fortnox.json")))
                .contains("\"status\":\"CONNECTED\"").contains(fortnox.oauth.currentRefreshToken());
        assertThat(book()).hasSize(4);
    }

    @Test
    void aReusedStateIsRefusedAndStoresNothing() throws Exception {
        JsonPath first = consent();
        assertThat(first.getInt("statusCode")).isEqualTo(200);
        TestFolders.delete(ConnectionsProfile.STORE.resolve("connections/fortnox.json"));
        ObjectNode replay = event("GET", "/connections/fortnox/callback", "GET /connections/{platform}/callback",
                "code=code-x&state=a-state-never-issued");
        ((ObjectNode) replay.get("requestContext")).remove("authorizer");
        JsonPath refused = send(replay);
        assertThat(refused.getInt("statusCode")).isEqualTo(400);
        assertThat(refused.getString("body")).contains("unknown or was used already");
        assertThat(ConnectionsProfile.STORE.resolve("connections/fortnox.json")).doesNotExist();
    }

    @Test
    void disconnectingRevokesAndAnUnknownPlatformIs404() throws Exception {
        consent();
        JsonPath deleted = send(event("DELETE", "/connections/fortnox", "DELETE /connections/{platform}", ""));
        assertThat(deleted.getInt("statusCode")).isEqualTo(200);
        assertThat(body(deleted).getString("revocation")).isEqualTo("REVOKED");
        assertThat(fortnox.oauth.revoked).isTrue();
        JsonPath unknown = send(event("DELETE", "/connections/sage", "DELETE /connections/{platform}", ""));
        assertThat(unknown.getInt("statusCode")).isEqualTo(404);
        assertThat(body(unknown).getString("detail")).contains("fortnox, exact and visma");
        JsonPath notConfigured = send(event("GET", "/connections/visma/authorize", "GET /connections/{platform}/authorize", ""));
        assertThat(notConfigured.getInt("statusCode")).isEqualTo(503);
        assertThat(body(notConfigured).getString("detail")).contains("VISMA_CLIENT_ID");
    }

    @Test
    void theScheduleInputMustBeAnObject() {
        given().port(Events.LAMBDA_PORT).body("[1]").post("/_lambda_").then().statusCode(500);
        assertThat(Map.of()).isEmpty();
    }
}
