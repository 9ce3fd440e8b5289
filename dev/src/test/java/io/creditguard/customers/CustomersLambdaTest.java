package io.creditguard.customers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.creditguard.Events;
import io.creditguard.TestFolders;
import io.creditguard.json.Json;
import io.creditguard.reminders.ReminderRun;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * The customers Lambda as deployed: QUARKUS_FUNQY_EXPORT=customers, the raw API Gateway events of events/ in,
 * over a file store holding the sample book after the reminder run of 2026-11-30 built its ledger.
 */
@QuarkusTest
@TestProfile(CustomersLambdaTest.Export.class)
class CustomersLambdaTest {

    private static final Path STORE = Path.of("target/customers-lambda-store");
    private static final Path BOOK = STORE.resolve("receivables/sample-book.jsonl");

    public static class Export implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "customers", "creditguard.store", "file:" + STORE);
        }
    }

    @Inject
    ReminderRun run;
    private ReminderRun.Report report;

    @BeforeEach
    void theSampleBookAfterItsRun() throws IOException {
        TestFolders.delete(STORE);
        Files.createDirectories(BOOK.getParent());
        Files.copy(Path.of("../samples/receivables/sample-book.jsonl"), BOOK);
        report = run.run(Optional.of(LocalDate.parse("2026-11-30")), false);
    }

    /** The Lambda's answer to {@code event}: status, headers and body. */
    private static JsonPath invoke(String event) {
        return given().port(Events.LAMBDA_PORT).body(event.getBytes(StandardCharsets.UTF_8)).post("/_lambda_")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath body(JsonPath response) {
        return JsonPath.from(response.getString("body")).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /** {@code event} with its body (a JSON text) replaced. */
    private static String withBody(String event, String body) throws IOException {
        ObjectNode node = (ObjectNode) Json.MAPPER.readTree(Events.read(event));
        node.put("body", body);
        return Json.write(node);
    }

    private static String withPath(String event, String from, String to) {
        return Events.read(event).replace(from, to);
    }

    @Test
    void theListingLargestExposureFirstWithTotalsAndOpenAlerts() {
        JsonPath response = invoke(Events.read("customers-list.json"));
        assertThat(response.getInt("statusCode")).isEqualTo(200);
        JsonPath list = body(response);
        assertThat(list.getString("asOf")).isEqualTo("2026-11-30");
        assertThat(list.getString("run")).startsWith("runs/2026-11-30/");
        assertThat(list.getString("currency")).isEqualTo("SEK");
        assertThat(list.getString("sort")).isEqualTo("exposure");
        assertThat(list.getInt("total")).isEqualTo(22);
        // The SEK customers by their open amounts, then the rest: Norrlands Metall 366 000, Byggmästarna 212 500, ...
        assertThat(list.getList("customers.customerId").subList(0, 2)).containsExactly("c-metall", "c-byggab");
        assertThat(list.getString("customers[1].byCurrency[0].open")).isEqualTo("212500.00");
        assertThat(list.getString("customers[1].byCurrency[0].overdue")).isEqualTo("173500.00");
        assertThat(list.getList("customers")).hasSize(20);
        // The book's totals per currency are the run report's KPIs.
        for (var kpis : report.kpis().byCurrency()) {
            String code = kpis.currency().getCurrencyCode();
            assertThat(list.getString("totals.find { it.currency == '" + code + "' }.open")).as(code)
                    .isEqualTo(kpis.open().amount().toPlainString());
            assertThat(list.getString("totals.find { it.currency == '" + code + "' }.overdue")).as(code)
                    .isEqualTo(kpis.overdue().amount().toPlainString());
        }
        assertThat(list.getString("totals.find { it.currency == 'SEK' }.open")).isEqualTo("694735.00");
        assertThat(list.getString("totals.find { it.currency == 'SEK' }.largestExposure.customerId")).isEqualTo("c-metall");
        assertThat(list.getList("openAlerts.alert.type")).containsOnly("NO_LIMIT");
        assertThat(list.getInt("openAlertCount")).isEqualTo(6);
    }

    /** A page past the listing is empty however far past it is: 100000000 × 25 rows to skip is beyond an int. */
    @Test
    void aPagePastTheListingIsEmpty() {
        for (int[] c : new int[][] {{2, 20, 2}, {3, 20, 0}, {100_000_000, 25, 0}, {Integer.MAX_VALUE, 200, 0}}) {
            JsonPath response = invoke(withPath("customers-list.json", "page=1&size=20", "page=" + c[0] + "&size=" + c[1]));
            assertThat(response.getInt("statusCode")).as("page %d", c[0]).isEqualTo(200);
            JsonPath list = body(response);
            assertThat(list.getLong("page")).as("page %d", c[0]).isEqualTo(c[0]);
            assertThat(list.getInt("total")).as("page %d", c[0]).isEqualTo(22);
            assertThat(list.getList("customers")).as("page %d", c[0]).hasSize(c[2]);
        }
    }

    @Test
    void theRunsFromADayWithTheirFiguresAsTheReportsGaveThem() throws IOException {
        // A dry run of the next day builds no figures of the book: it is not in the history.
        run.run(Optional.of(LocalDate.parse("2026-12-01")), true);
        JsonPath runs = body(invoke(Events.read("runs.json")));
        assertThat(runs.getString("from")).isEqualTo("2026-11-01");
        assertThat(runs.getList("runs")).hasSize(1);
        assertThat(runs.getString("runs[0].run")).startsWith("runs/2026-11-30/");
        for (var kpis : report.kpis().byCurrency()) {
            String code = kpis.currency().getCurrencyCode();
            String at = "runs[0].byCurrency.find { it.currency == '" + code + "' }.";
            assertThat(runs.getString(at + "open")).as(code).isEqualTo(kpis.open().amount().toPlainString());
            assertThat(runs.getString(at + "overdue")).as(code).isEqualTo(kpis.overdue().amount().toPlainString());
            assertThat(runs.getList(at + "aging.amount").stream().map(String::valueOf).toList()).as(code)
                    .isEqualTo(kpis.aging().stream().map(b -> b.amount().amount().toPlainString()).toList());
        }
        assertThat(runs.getInt("omitted")).isZero();
        JsonPath refused = invoke(withPath("runs.json", "from=2026-11-01", "from=yesterday"));
        assertThat(refused.getInt("statusCode")).isEqualTo(400);
        assertThat(body(refused).getString("errors[0].field")).isEqualTo("from");
    }

    @Test
    void aCustomersLedgerWithItsOpenInvoicesLettersAndPaymentRecord() {
        JsonPath ledger = body(invoke(Events.read("customers-get.json")));
        assertThat(ledger.getString("customer.name")).isEqualTo("Byggmästarna i Mälardalen AB");
        assertThat(ledger.getString("currencies[0].currency")).isEqualTo("SEK");
        assertThat(ledger.getString("currencies[0].open")).isEqualTo("212500.00");
        assertThat(ledger.getList("currencies[0].aging.bucket")).containsExactly("NOT_DUE", "DAYS_1_30", "DAYS_31_60",
                "DAYS_61_90", "OVER_90");
        assertThat(ledger.getString("currencies[0].aging[1].amount")).isEqualTo("173500.00");
        assertThat(ledger.getString("currencies[0].paymentRecord.last12Months.from")).isEqualTo("2025-12-01");
        assertThat(ledger.getString("openInvoices[0].invoiceId")).isEqualTo("inv-0002");
        assertThat(ledger.getString("openInvoices[0].dunning.next.step")).isEqualTo("LETTER");
        assertThat(ledger.getInt("openInvoices[0].dunning.level")).isEqualTo(1);
        assertThat(ledger.getList("alerts.type")).containsExactly("NO_LIMIT");
        assertThat(ledger.getList("limitHistory")).isEmpty();
    }

    @Test
    void aLimitByHandIsKeptWithWhoSetItAndShowsAtOnce() {
        JsonPath set = body(invoke(Events.read("customers-limit.json")));
        assertThat(set.getString("limit.amount")).isEqualTo("250000.00");
        assertThat(set.getString("limit.source")).isEqualTo("MANUAL");
        assertThat(set.getString("headroom")).isEqualTo("37500.00");
        assertThat(set.getString("utilisation")).isEqualTo("0.8500");
        assertThat(set.getString("limitHistory[0].by")).isEqualTo("3f2a8c1e-7b4d-4e6a-9c0f-5d1b2a3c4e5f (client 5ghk2r1vq3example)");
        assertThat(set.getString("limitHistory[0].via")).isEqualTo("PUT /customers/{id}/limit");
        assertThat(set.getString("limitHistory[0].requestId")).isEqualTo("Hm7dS3gHiJ0EMoy=");
        assertThat(set.getString("limitHistory[0].note")).startsWith("Raised after the credit check");
        // The listing shows the new limit before the next run does.
        JsonPath list = body(invoke(Events.read("customers-list.json")));
        assertThat(list.getString("customers.find { it.customerId == 'c-byggab' }.limit.amount")).isEqualTo("250000.00");
        assertThat(list.getString("customers.find { it.customerId == 'c-byggab' }.headroom")).isEqualTo("37500.00");
    }

    @Test
    void aDisputeIsWrittenIntoTheBookWithWhoAndWhenAndTheRunKeepsIt() throws IOException {
        JsonPath decided = body(invoke(Events.read("invoices-patch.json")));
        assertThat(decided.getString("invoiceId")).isEqualTo("inv-0001");
        assertThat(decided.getString("customerId")).isEqualTo("c-byggab");
        assertThat(decided.getBoolean("disputed")).isTrue();
        assertThat(decided.getString("decidedBy")).startsWith("3f2a8c1e-7b4d-4e6a-9c0f-5d1b2a3c4e5f");
        assertThat(decided.getString("decidedAt")).isNotBlank();
        String line = Files.readAllLines(BOOK).stream().filter(l -> l.contains("\"inv-0001\"")).findFirst().orElseThrow();
        assertThat(line).contains("\"disputed\":true").contains("\"disputeReason\":\"The customer says 40 of the 120 m")
                .contains("\"by\":\"3f2a8c1e").contains("\"email\":\"ekonomi@c-byggab.example\"");
        JsonPath ledger = body(invoke(Events.read("customers-get.json")));
        assertThat(ledger.getBoolean("openInvoices.find { it.invoiceId == 'inv-0001' }.dunning.decisions.disputed")).isTrue();
        // The next run skips it as disputed and keeps what was decided.
        ReminderRun.Report next = run.run(Optional.of(LocalDate.parse("2026-12-01")), false);
        assertThat(next.skipped().get(io.creditguard.reminders.ReminderEngine.SkipReason.DISPUTED)).isEqualTo(2L);
        assertThat(Files.readString(BOOK)).contains("\"disputeReason\":\"The customer says 40 of the 120 m");

        // A promise to pay, then taken back: merge-patch null clears it.
        String promised = LocalDate.now(java.time.ZoneOffset.UTC).plusDays(5).toString();
        assertThat(body(invoke(withBody("invoices-patch.json", "{\"promisedPaymentDate\":\"" + promised + "\"}")))
                .getString("promisedPaymentDate")).isEqualTo(promised);
        assertThat(body(invoke(withBody("invoices-patch.json", "{\"promisedPaymentDate\":null}")))
                .getString("promisedPaymentDate")).isNull();
    }

    /**
     * The operator's claims policy ({@code config/claims-policy.json}) gives the insurer's limits; one that cannot be
     * used leaves them out and says why beside the figures, instead of failing the listing and every ledger.
     */
    @Test
    void aClaimsPolicyThatCannotBeUsedIsSaidBesideTheFigures() throws IOException {
        Path policy = STORE.resolve("config/claims-policy.json");
        Files.createDirectories(policy.getParent());
        String[][] cases = {
                {"{", "config/claims-policy.json:1: "},
                {"[]", "config/claims-policy.json:1: "},
                {"null", "config/claims-policy.json names no currency: no insurer's limit counts until it is mended"},
                {"{\"insurer\":\"Atradius\",\"currency\":\"SEK\",\"creditLimits\":[null]}",
                        "config/claims-policy.json $.creditLimits[0] lacks its buyerId, amount or approvedOn: left out"}};
        for (String[] c : cases) {
            Files.writeString(policy, c[0]);
            JsonPath list = invoke(Events.read("customers-list.json"));
            assertThat(list.getInt("statusCode")).as(c[0]).isEqualTo(200);
            assertThat(body(list).getList("problems", String.class)).as(c[0]).singleElement().asString().startsWith(c[1]);
            JsonPath one = invoke(Events.read("customers-get.json"));
            assertThat(one.getInt("statusCode")).as(c[0]).isEqualTo(200);
            assertThat(body(one).getList("problems", String.class)).as(c[0]).singleElement().asString().startsWith(c[1]);
            assertThat(body(one).getString("limit")).as(c[0]).isNull();
            // the run goes on and reports it (JSON null stopped it with a NullPointerException before)
            ReminderRun.Report again = run.run(Optional.of(LocalDate.parse("2026-11-30")), true);
            assertThat(again.customers().errors()).as(c[0]).anySatisfy(e -> assertThat(e).startsWith(c[1]));
        }
        Files.writeString(policy, "{\"insurer\":\"Atradius\",\"currency\":\"SEK\",\"creditLimits\":"
                + "[{\"buyerId\":\"c-byggab\",\"amount\":300000,\"approvedOn\":\"2026-01-15\"}]}");
        JsonPath one = body(invoke(Events.read("customers-get.json")));
        assertThat(one.getList("problems")).isEmpty();
        assertThat(one.getString("limit.source")).isEqualTo("INSURER");
        assertThat(one.getString("limit.amount")).isEqualTo("300000.00");
    }

    /** As API Gateway does, the local gateway decodes a path parameter once: {@code c%2Dbyggab} names c-byggab. */
    @Test
    void aPercentEncodedIdThroughTheLocalGatewayNamesTheCustomer() {
        given().port(Events.GATEWAY_PORT).urlEncodingEnabled(false).get("/customers/c%2Dbyggab").then().statusCode(200)
                .body("customer.name", equalTo("Byggmästarna i Mälardalen AB"));
        given().port(Events.GATEWAY_PORT).urlEncodingEnabled(false).get("/customers/c%2Dnobody").then().statusCode(404)
                .body("errors[0].message", startsWith("no customer c-nobody is in the ledger"));
    }

    @Test
    void aLetterAsSent() {
        JsonPath response = invoke(Events.read("letters-pdf.json"));
        assertThat(response.getInt("statusCode")).isEqualTo(200);
        assertThat(response.getString("headers.content-type")).isEqualTo("application/pdf");
        assertThat(response.getBoolean("isBase64Encoded")).isTrue();
        byte[] pdf = Base64.getDecoder().decode(response.getString("body"));
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    /** Each bad request and the problem it gets: status, type and the field named. */
    @Test
    void badRequestsAreProblemsNamingTheField() throws IOException {
        List<String[]> cases = new ArrayList<>(List.of(
                new String[] {withPath("customers-get.json", "c-byggab", "c-nobody"), "404", "no-such-record", "id"},
                // longer than any key holds percent-encoded (the store's keys stop at 900 characters): still not a customer
                new String[] {withPath("customers-get.json", "c-byggab", "x".repeat(3000)), "404", "no-such-record", "id"},
                new String[] {withPath("customers-get.json", "c-byggab", "中".repeat(100)), "404", "no-such-record", "id"},
                new String[] {withPath("customers-limit.json", "c-byggab", "x".repeat(3000)), "404", "no-such-record",
                        "customerId"},
                new String[] {withBody("customers-limit.json", "{\"amount\":-1,\"currency\":\"SEK\"}"), "422",
                        "validation-failed", "$.amount"},
                new String[] {withBody("customers-limit.json", "{\"amount\":1000,\"currency\":\"JPY\"}"), "422",
                        "validation-failed", "$.currency"},
                new String[] {withBody("customers-limit.json", "{\"amount\":1000.005,\"currency\":\"SEK\"}"), "422",
                        "validation-failed", "$.amount"},
                new String[] {withBody("customers-limit.json", "{\"amount\":1000,\"currency\":\"SEK\",\"validUntil\":\"2020-01-01\"}"),
                        "422", "validation-failed", "$.validUntil"},
                new String[] {withBody("invoices-patch.json", "{\"promisedPaymentDate\":\"" + LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1)
                        + "\"}"), "422", "validation-failed", "$.promisedPaymentDate"},
                new String[] {withBody("invoices-patch.json", "{\"promisedPaymentDate\":\"" + LocalDate.now(java.time.ZoneOffset.UTC).plusYears(1)
                        .plusDays(1) + "\"}"), "422", "validation-failed", "$.promisedPaymentDate"},
                new String[] {withBody("invoices-patch.json", "{\"disputed\":true}"), "422", "validation-failed",
                        "$.disputeReason"},
                new String[] {withBody("invoices-patch.json", "{}"), "422", "validation-failed", "$"},
                new String[] {withPath("invoices-patch.json", "inv-0001", "inv-9999"), "404", "no-such-record", "invoiceId"},
                new String[] {withPath("customers-list.json", "sort=exposure", "sort=largest"), "400", "invalid-field", "sort"},
                new String[] {withPath("customers-list.json", "size=20", "size=1000"), "422", "validation-failed", "size"},
                new String[] {withPath("letters-pdf.json", "let_aeedf5ae4ee57c127d2a077f", "let_000000000000000000000000"),
                        "404", "no-such-record", "letterId"}));
        for (String[] c : cases) {
            JsonPath response = invoke(c[0]);
            assertThat(response.getInt("statusCode")).as(c[3]).isEqualTo(Integer.parseInt(c[1]));
            JsonPath problem = JsonPath.from(response.getString("body"));
            assertThat(problem.getString("type")).as(c[3]).isEqualTo("urn:creditguard:problem:" + c[2]);
            assertThat(problem.getList("errors.field")).as(c[3]).contains(c[3]);
        }
    }

    @Test
    void anInvoicePaidSinceTheRunIsAConflict() throws IOException {
        // inv-0011 had 7 500 open; the rest arrives after the run.
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(BOOK)) {
            if (line.contains("\"inv-0011\"")) {
                ObjectNode node = (ObjectNode) Json.MAPPER.readTree(line);
                node.withArray("payments").addObject().put("id", "pay-rest").put("date", "2026-11-30").put("amount", 7500);
                node.put("openAmount", 0);
                line = Json.write(node);
            }
            lines.add(line);
        }
        Files.write(BOOK, lines);
        JsonPath response = invoke(withPath("invoices-patch.json", "inv-0001", "inv-0011"));
        assertThat(response.getInt("statusCode")).isEqualTo(409);
        JsonPath problem = JsonPath.from(response.getString("body"));
        assertThat(problem.getString("type")).isEqualTo("urn:creditguard:problem:conflict");
        assertThat(problem.getList("errors.field")).containsExactly("$.disputed");
        assertThat(Files.readString(BOOK)).doesNotContain("\"decided\"");
    }
}
