package io.creditguard.reminders;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.creditguard.Events;
import io.creditguard.TestFolders;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The reminders-run Lambda as deployed: QUARKUS_FUNQY_EXPORT=reminders-run, the scheduler's input
 * from events/ in, a file store holding the shipped sample book.
 */
@QuarkusTest
@TestProfile(ReminderRunLambdaTest.Export.class)
class ReminderRunLambdaTest {

    private static final Path STORE = Path.of("target/run-lambda-store");
    private static final Path BOOK = STORE.resolve("receivables/sample-book.jsonl");

    public static class Export implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "reminders-run", "creditguard.store", "file:" + STORE);
        }
    }

    @BeforeEach
    void freshStoreWithTheSampleBook() throws IOException {
        TestFolders.delete(STORE);
        Files.createDirectories(BOOK.getParent());
        Files.copy(Path.of("../samples/receivables/sample-book.jsonl"), BOOK);
    }

    private static JsonPath fire(String input) {
        return given().port(Events.LAMBDA_PORT).body(input.getBytes(StandardCharsets.UTF_8)).post("/_lambda_")
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<String> files(String folder) throws IOException {
        Path dir = STORE.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void runWritesLettersRecordsAndReportAndARerunAddsNothing() throws IOException {
        JsonPath report = fire(Events.read("reminders-run.json"));
        assertThat(report.getString("asOf")).isEqualTo("2026-11-30");
        assertThat(report.getLong("invoicesRead")).isEqualTo(30);
        assertThat(report.getLong("dunned.PAYMENT_REMINDER")).isPositive();
        assertThat(report.getLong("skipped.PAID")).isEqualTo(2);
        assertThat(report.getLong("skipped.DISPUTED")).isEqualTo(1);
        long dunned = report.getMap("dunned").values().stream().mapToLong(v -> ((Number) v).longValue()).sum();
        long reports = report.getLong("insurerNotifications");
        long letters = report.getLong("letters");
        // One record per invoice dunned and per insurer report; a letter (and a report) as text, HTML and PDF.
        List<String> records = files("reminders");
        assertThat(records).hasSize((int) (dunned + reports));
        assertThat(letters).isPositive().isLessThanOrEqualTo(dunned);
        assertThat(files("letters")).hasSize(3 * (int) (letters + reports));
        assertThat(files("letters")).filteredOn(f -> f.endsWith(".pdf")).hasSize((int) (letters + reports));
        assertThat(files("runs/2026-11-30")).hasSize(1);
        assertThat(Files.readString(BOOK)).contains("{\"level\":1,\"sentOn\":\"2026-11-30\",\"letterId\":\"let_");

        JsonPath rerun = fire(Events.read("reminders-run.json"));
        assertThat(rerun.getMap("dunned")).isEmpty();
        assertThat(rerun.getLong("letters")).isZero();
        assertThat(rerun.getLong("invoicesRead")).isEqualTo(30);
        assertThat(files("reminders")).isEqualTo(records);
        assertThat(files("runs/2026-11-30")).hasSize(2);
    }

    @Test
    void aRunThatDiedBeforeUpdatingTheBookIsRepeatedWithoutDuplicates() throws IOException {
        String originalBook = Files.readString(BOOK);
        fire(Events.read("reminders-run.json"));
        List<String> letters = files("letters");
        // As if the process died after writing the documents but before the book was replaced.
        Files.writeString(BOOK, originalBook);
        JsonPath again = fire(Events.read("reminders-run.json"));
        assertThat(again.getMap("dunned")).isNotEmpty();
        assertThat(files("letters")).isEqualTo(letters);
        assertThat(Files.readString(BOOK)).contains("\"sentOn\":\"2026-11-30\"");
    }

    @Test
    void aCorruptLineIsReportedAndTheRestProceed() throws IOException {
        Files.writeString(BOOK, "{\"invoiceId\": \"broken\", \"currency\": \"XXY\"}\nnot json at all\n",
                java.nio.file.StandardOpenOption.APPEND);
        JsonPath report = fire("{\"asOf\":\"2026-11-30\"}");
        assertThat(report.getLong("invalidLines")).isEqualTo(2);
        assertThat(report.getLong("invoicesRead")).isEqualTo(30);
        assertThat(report.getList("errors.location")).containsExactly("receivables/sample-book.jsonl:31",
                "receivables/sample-book.jsonl:32");
        assertThat(Files.readString(BOOK)).contains("not json at all");
    }

    @Test
    void dryRunWritesNothing() throws IOException {
        String book = Files.readString(BOOK);
        JsonPath report = fire("{\"asOf\":\"2026-11-30\",\"dryRun\":true}");
        assertThat(report.getBoolean("dryRun")).isTrue();
        assertThat(report.getMap("dunned")).isNotEmpty();
        assertThat(report.getLong("letters")).isZero();
        assertThat(files("letters")).isEmpty();
        assertThat(files("runs")).isEmpty();
        assertThat(Files.readString(BOOK)).isEqualTo(book);
    }

    @Test
    void malformedScheduleInputFailsTheInvocationWithAClearMessage() {
        String error = given().port(Events.LAMBDA_PORT).body("{\"asOf\":\"30/11/2026\"}").post("/_lambda_")
                .then().extract().asString();
        assertThat(error).contains("asOf must be an ISO date such as 2026-11-30");
    }

    /**
     * A day the dated tables do not cover (the preview's bounds: ten years back, two ahead) fails the invocation and
     * writes nothing: a typo in a schedule's input would date, charge interest on and send every letter wrongly.
     */
    @Test
    void aRunDatedBeyondTheTablesFailsTheInvocationAndWritesNothing() throws IOException {
        String book = Files.readString(BOOK);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Stockholm"));
        for (String asOf : List.of("9999-12-31", "1900-01-01", "-999999999-01-01", today.plusYears(2).plusDays(2).toString(),
                today.minusYears(10).minusDays(2).toString())) {
            String error = given().port(Events.LAMBDA_PORT).body("{\"asOf\":\"" + asOf + "\"}").post("/_lambda_")
                    .then().extract().asString();
            assertThat(error).as(asOf).contains("asOf must be within 10 years before and 2 years after today");
        }
        assertThat(files("letters")).isEmpty();
        assertThat(files("runs")).isEmpty();
        assertThat(Files.readString(BOOK)).isEqualTo(book);
    }
}
