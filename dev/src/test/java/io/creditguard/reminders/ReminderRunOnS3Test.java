package io.creditguard.reminders;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.creditguard.Events;
import io.creditguard.store.ObjectStore;
import io.creditguard.store.S3ProxyResource;
import io.creditguard.store.S3ProxyServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The scheduled run as on AWS: CREDITGUARD_STORE=s3://…, against a real S3-compatible server. */
@QuarkusTest
@TestProfile(ReminderRunOnS3Test.Export.class)
@QuarkusTestResource(value = S3ProxyResource.class, restrictToAnnotatedClass = true)
class ReminderRunOnS3Test {

    public static class Export implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "reminders-run");
        }
    }

    @Inject
    ObjectStore store;

    @ConfigProperty(name = "creditguard.s3.endpoint")
    URI endpoint;

    /**
     * Beside the book, what an operator's tools may leave in the bucket: the S3 console's folder, and a copy whose name
     * holds a control character (a backspace typed into a name), which no key can name and S3 can write into a
     * listing only URL-encoded: the listing failed to parse and with it the whole run; both are left out now.
     */
    @Test
    void runReadsTheBookFromS3AndWritesEverythingBack() throws IOException {
        assertThat(store.describe()).isEqualTo("s3://creditguard-test/tenant-a/");
        try (S3Client s3 = S3ProxyServer.client(endpoint)) {
            for (String name : new String[] {"receivables/", "receivables/copy\b.jsonl"}) {
                s3.putObject(b -> b.bucket(S3ProxyServer.BUCKET).key("tenant-a/" + name), RequestBody.fromString(""));
            }
        }
        store.write("receivables/sample-book.jsonl", Files.readAllBytes(Path.of("../samples/receivables/sample-book.jsonl")),
                "application/x-ndjson");
        JsonPath report = given().port(Events.LAMBDA_PORT).body(Events.read("reminders-run.json")
                .getBytes(StandardCharsets.UTF_8)).post("/_lambda_").then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("store")).isEqualTo("s3://creditguard-test/tenant-a/");
        assertThat(report.getLong("invoicesRead")).isEqualTo(30);
        int dunned = report.getMap("dunned").values().stream().mapToInt(v -> ((Number) v).intValue()).sum();
        int reports = report.getInt("insurerNotifications");
        assertThat(store.list("reminders/")).hasSize(dunned + reports);
        assertThat(store.list("letters/")).hasSize(3 * (report.getInt("letters") + reports));
        assertThat(store.list("letters/").stream().filter(k -> k.endsWith(".pdf"))).hasSize(report.getInt("letters") + reports);
        assertThat(store.list("runs/2026-11-30/")).hasSize(1);
        try (var book = store.read("receivables/sample-book.jsonl").orElseThrow()) {
            assertThat(new String(book.readAllBytes(), StandardCharsets.UTF_8)).contains("\"sentOn\":\"2026-11-30\"");
        }
    }
}
