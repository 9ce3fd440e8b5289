package io.creditguard.rates;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.creditguard.Events;
import io.creditguard.TestFolders;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Lambda {@code reference-rates} through the Lambda contract, against a local server answering as the
 * publishers do ({@link RecordedFeeds}), with the reminders preview reading what it wrote.
 */
@QuarkusTest
@TestProfile(ReferenceRatesLambdaTest.Export.class)
class ReferenceRatesLambdaTest {

    private static final Path STORE = Path.of("target/rates-lambda-store");

    public static class Export implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The table is read again on every request here, so a file written by a test is seen at once.
            return Map.of("quarkus.funqy.export", "reference-rates", "creditguard.store", "file:" + STORE,
                    "creditguard.rates.cache", "0S");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Feeds.class));
        }
    }

    /** Starts the publishers' stand-in before Quarkus, so the function's configuration can name it. */
    public static class Feeds implements QuarkusTestResourceLifecycleManager {
        static RecordedFeeds server;

        @Override
        public Map<String, String> start() {
            server = new RecordedFeeds();
            return new HashMap<>(server.config());
        }

        @Override
        public void stop() {
            server.close();
        }
    }

    @BeforeEach
    void emptyStore() {
        TestFolders.delete(STORE);
        Feeds.server.reset();
    }

    private static JsonPath fire(String input) {
        return given().port(Events.LAMBDA_PORT).body(input.getBytes(StandardCharsets.UTF_8)).post("/_lambda_")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath refresh(String asOf) {
        return fire("{\"asOf\":\"" + asOf + "\"}");
    }

    /** What the function printed on standard output while {@code action} ran: the metric lines. */
    private static String stdout(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** 10 000 kr due Tuesday 15 September 2026, previewed on 30 November: 76 days overdue. */
    private static JsonPath preview() {
        String invoice = """
                {"invoiceId":"i-1","invoiceNumber":"F-1","currency":"SEK","issueDate":"2026-08-16","dueDate":"2026-09-15",
                 "amount":10000,"openAmount":10000,
                 "customer":{"id":"c-1","name":"Kund AB","type":"BUSINESS","country":"SE","language":"sv"}}""";
        return given().port(Events.GATEWAY_PORT).contentType(ContentType.JSON)
                .body("{\"asOf\":\"2026-11-30\",\"invoices\":[" + invoice + "]}").post("/reminders/preview").then()
                .statusCode(200).extract().jsonPath();
    }

    private static final String INTEREST = "letters[0].invoices[0].line.balance.interest";

    private static Map<String, String> files() throws IOException {
        Map<String, String> files = new HashMap<>();
        Path rates = STORE.resolve("rates");
        if (Files.isDirectory(rates)) {
            try (Stream<Path> list = Files.list(rates)) {
                for (Path file : list.toList()) {
                    files.put(file.getFileName().toString(), Files.readString(file));
                }
            }
        }
        return files;
    }

    @Test
    void aNewHalfYearInTheFeedIsChargedByTheNextPreview() throws IOException {
        // Before: the shipped file has no verified referensränta for 2026H2, so no interest after 30 June.
        JsonPath before = preview();
        assertThat(before.getBoolean(INTEREST + ".complete")).isFalse();

        JsonPath summary = fire(Events.read("reference-rates.json").replace("{}", "{\"asOf\":\"2026-11-30\"}"));
        assertThat(summary.getString("sources.riksbank.status")).isEqualTo("OK");
        assertThat(summary.getInt("sources.riksbank.rowsAdded")).isEqualTo(3);
        assertThat(summary.getString("sources.ecb.status")).isEqualTo("OK");
        assertThat(summary.getString("sources.bundesbank.status")).isEqualTo("OK");
        assertThat(summary.getString("sources.statbank.status")).isEqualTo("OK");
        assertThat(summary.getString("sources.ecb-exchange-rates.status")).isEqualTo("OK");
        assertThat(files()).containsKeys("SE_REFERENSRANTA.txt", "ECB_MRO.txt", "FI_VIITEKORKO.txt", "DE_BASISZINSSATZ.txt",
                "DK_UDLAANSRENTE.txt", "EXR.txt");
        assertThat(files().get("SE_REFERENSRANTA.txt"))
                .contains("SE_REFERENSRANTA | 2026-07-01 | 2026-12-31 | 2.00 | PRIMARY | ")
                .containsPattern("\\| [0-9a-f]{64} \\| Sveriges Riksbank, SWEA series SECBREFEFF");

        // After: räntelagen 6 §, 2.00 + 8 = 10 %; 16 September to 30 November, 76 days on 10 000 kr: 208.22.
        JsonPath after = preview();
        assertThat(after.getBoolean(INTEREST + ".complete")).isTrue();
        assertThat(after.getDouble(INTEREST + ".periods[0].ratePercent")).isEqualTo(10.00);
        assertThat(after.getDouble(INTEREST + ".accrued")).isEqualTo(208.22);

        // A second refresh the same day finds nothing new and writes nothing.
        JsonPath again = refresh("2026-11-30");
        assertThat(again.getInt("sources.riksbank.rowsAdded")).isZero();
        assertThat(again.getInt("sources.riksbank.rowsUnchanged")).isEqualTo(3);
    }

    @Test
    void aFetchedRateThatContradictsAShippedOneIsIgnoredAndReported() {
        Feeds.server.riksbank("conflict");
        String[] printed = new String[1];
        JsonPath[] summary = new JsonPath[1];
        printed[0] = stdout(() -> summary[0] = refresh("2026-11-30"));
        assertThat(summary[0].getList("conflicts.what")).contains("SE_REFERENSRANTA");
        assertThat(summary[0].getDouble("conflicts.find { it.what == 'SE_REFERENSRANTA' }.fetched")).isEqualTo(2.50);
        assertThat(summary[0].getDouble("conflicts.find { it.what == 'SE_REFERENSRANTA' }.shipped")).isEqualTo(2.00);
        assertThat(printed[0]).contains("\"ReferenceRateConflict\":1")
                .contains("\"Scheme\":\"SE_REFERENSRANTA\"");
        // 2025H2 stays at the shipped 2.00 % (10 % with the margin).
        String invoice = """
                {"invoiceId":"i-2","invoiceNumber":"F-2","currency":"SEK","issueDate":"2025-08-01","dueDate":"2025-09-01",
                 "amount":10000,"openAmount":10000,
                 "customer":{"id":"c-2","name":"Kund AB","type":"BUSINESS","country":"SE","language":"sv"}}""";
        JsonPath preview = given().port(Events.GATEWAY_PORT).contentType(ContentType.JSON)
                .body("{\"asOf\":\"2025-10-01\",\"invoices\":[" + invoice + "]}").post("/reminders/preview").then()
                .statusCode(200).extract().jsonPath();
        assertThat(preview.getDouble("letters[0].invoices[0].line.balance.interest.periods[0].ratePercent")).isEqualTo(10.00);
    }

    @Test
    void thePublishersAreAskedAtOnceSoOneSilentPublisherHoldsUpNoOther() {
        // Each publisher answers only once the five feeds' first requests are all in: asked one after the
        // other, every feed but the last would be refused.
        Feeds.server.answerOnlyTogether(5, uri -> true);
        JsonPath summary = refresh("2026-11-30");
        for (String source : List.of("riksbank", "ecb", "ecb-exchange-rates", "bundesbank", "statbank")) {
            assertThat(summary.getString("sources.'" + source + "'.status")).as(source).isEqualTo("OK");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = RecordedFeeds.Fault.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void aBrokenFeedChangesNothing(RecordedFeeds.Fault fault) throws IOException {
        refresh("2026-11-30");
        Map<String, String> before = files();
        Feeds.server.fault("*", fault);
        JsonPath summary = refresh("2026-11-30");
        for (String source : List.of("riksbank", "ecb", "ecb-exchange-rates", "bundesbank", "statbank")) {
            assertThat(summary.getString("sources.'" + source + "'.status")).as(source).isEqualTo("FAILED");
            assertThat(summary.getString("sources.'" + source + "'.error")).as(source).isNotBlank();
        }
        assertThat(files()).isEqualTo(before);
    }

    @Test
    void theOperatorsFileOverridesEveryOtherRate() throws IOException {
        refresh("2026-11-30");
        Files.createDirectories(STORE.resolve("config"));
        Files.writeString(STORE.resolve("config/reference-rates.txt"), """
                # The operator's correction, as the Riksbank announced it.
                scheme | validFrom | validTo | ratePercent | evidence | fetchedAt | sha256 | source
                SE_REFERENSRANTA | 2026-07-01 | 2026-12-31 | 3.00 | PRIMARY | - | - | operator: test
                """);
        // 3.00 + 8 = 11 %: 76 days on 10 000 kr = 229.04.
        JsonPath preview = preview();
        assertThat(preview.getDouble(INTEREST + ".periods[0].ratePercent")).isEqualTo(11.00);
        assertThat(preview.getDouble(INTEREST + ".accrued")).isEqualTo(229.04);
    }

    @Test
    void aHalfYearBegunWithoutItsRateRaisesTheAlarmOnTheSecondOfJuly() {
        Feeds.server.riksbank("unpublished");
        JsonPath[] summary = new JsonPath[1];
        String printed = stdout(() -> summary[0] = refresh("2026-07-02"));
        assertThat(summary[0].getList("missing.findAll { it.stage == 'BEGUN' }.scheme")).contains("SE_REFERENSRANTA")
                .doesNotContain("ECB_MRO", "DE_BASISZINSSATZ", "DK_UDLAANSRENTE", "FI_VIITEKORKO");
        assertThat(summary[0].getString("missing.find { it.scheme == 'SE_REFERENSRANTA' }.from")).isEqualTo("2026-07-01");
        assertThat(printed).contains("\"Namespace\":\"creditguard\"").contains("\"MissingReferenceRate\":1")
                .contains("\"Scheme\":\"SE_REFERENSRANTA\"").contains("\"Function\":\"reference-rates\"");
    }

    @Test
    void fromAFortnightBeforeTheHalfYearTheComingRateIsLookedFor() {
        JsonPath summary = refresh("2026-12-20");
        assertThat(summary.getList("missing.findAll { it.stage == 'COMING' }.from")).containsOnly("2027-01-01");
        assertThat(summary.getList("missing.findAll { it.stage == 'COMING' }.scheme")).contains("SE_REFERENSRANTA", "ECB_MRO");
    }

    @Test
    void exchangeRatesAreFilledBackToTheOldestOpenInvoiceInOneRequestPerCurrency() throws IOException {
        // A Swedish seller's EUR invoice due Wednesday 1 July 2026: the 450 kr of lag (1981:739) 4 a § fall due on
        // 2 July and are converted at that day's rate, which the last ten days of a refresh on 30 November lack.
        String invoice = """
                {"invoiceId":"i-3","invoiceNumber":"F-3","currency":"EUR","issueDate":"2026-06-01","dueDate":"2026-07-01",
                 "amount":4000,"openAmount":4000,
                 "customer":{"id":"c-3","name":"Kund GmbH","type":"BUSINESS","country":"DE","language":"en"}}""";
        Files.createDirectories(STORE.resolve("receivables"));
        Files.writeString(STORE.resolve("receivables/book.jsonl"), invoice.replace("\n", "") + "\n");
        String fee = "letters[0].invoices[0].line.balance.fees.find { it.code == 'FIXED_COMPENSATION' }";
        JsonPath before = preview(invoice);
        assertThat(before.getString(fee)).isNull();
        assertThat(before.getList("warnings.message")).anySatisfy(w -> assertThat((String) w)
                .contains("no euro reference rate of SEK and EUR on 2026-07-02"));

        JsonPath summary = refresh("2026-11-30");
        assertThat(summary.getString("sources.'ecb-exchange-backfill'.status")).isEqualTo("OK");
        // One request per currency, each from a week before the due date (a conversion looks back a week).
        List<String> backfill = Feeds.server.uris().stream().filter(u -> u.contains("/data/EXR/") && !u.contains("+")).toList();
        assertThat(backfill).hasSize(7).allSatisfy(u -> assertThat(u).contains("startPeriod=2026-06-24&endPeriod=2026-11-30"));
        assertThat(backfill).extracting(u -> u.substring(u.indexOf("/D.") + 3, u.indexOf(".EUR.")))
                .containsExactlyInAnyOrder("SEK", "NOK", "DKK", "PLN", "GBP", "USD", "CHF");
        assertThat(files().get("EXR.txt")).contains("SEK | 2026-07-02 | ");

        JsonPath after = preview(invoice);
        assertThat(after.getDouble(fee + ".amount")).isPositive();
        assertThat(after.getString(fee + ".conversion.rateDate")).isEqualTo("2026-07-02");

        // Filled once: the next refresh asks only for the last ten days.
        Feeds.server.reset();
        JsonPath again = refresh("2026-12-01");
        assertThat(again.getList("sources.'ecb-exchange-backfill'.notes")).containsExactly(
                "every currency has its rates back to 2026-06-24");
        assertThat(Feeds.server.uris().stream().filter(u -> u.contains("/data/EXR/"))).singleElement()
                .satisfies(u -> assertThat(u).contains("startPeriod=2026-11-21"));
    }

    @Test
    void theCurrenciesAreFilledBackAtOnceSoASilentAnswerHoldsUpNoOther() throws IOException {
        Files.createDirectories(STORE.resolve("receivables"));
        Files.writeString(STORE.resolve("receivables/book.jsonl"), "{\"invoiceId\":\"i-4\",\"invoiceNumber\":\"F-4\","
                + "\"currency\":\"EUR\",\"issueDate\":\"2026-06-01\",\"dueDate\":\"2026-07-01\",\"amount\":4000,"
                + "\"openAmount\":4000,\"customer\":{\"id\":\"c-4\",\"name\":\"Kund GmbH\",\"type\":\"BUSINESS\","
                + "\"country\":\"DE\",\"language\":\"en\"}}\n");
        // The seven currencies' requests (one currency each, no '+') are answered only once all seven are in:
        // asked one after the other, the first ones would be refused.
        Feeds.server.answerOnlyTogether(7, uri -> uri.contains("/data/EXR/") && !uri.contains("+"));
        JsonPath summary = refresh("2026-11-30");
        assertThat(summary.getString("sources.'ecb-exchange-backfill'.status")).isEqualTo("OK");
        assertThat(summary.getList("sources.'ecb-exchange-backfill'.notes")).hasSize(7);
    }

    private static JsonPath preview(String invoice) {
        return given().port(Events.GATEWAY_PORT).contentType(ContentType.JSON)
                .body("{\"asOf\":\"2026-11-30\",\"invoices\":[" + invoice + "]}").post("/reminders/preview").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void aMalformedInputIsAnsweredNotThrown() {
        JsonPath summary = fire("{\"asOf\":\"2 July\"}");
        assertThat(summary.getString("error")).contains("asOf must be an ISO date");
    }
}
