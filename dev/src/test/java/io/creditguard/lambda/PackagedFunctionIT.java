package io.creditguard.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.creditguard.Events;
import io.creditguard.TestFolders;
import io.creditguard.json.Json;
import io.creditguard.webhooks.SignedEvents;
import io.restassured.path.json.JsonPath;

/**
 * The deployment packages, run as deployed (failsafe, after {@code package}): each function's zip
 * ({@code functions/<module>/target/function.zip}) unpacked and started, as the managed Java runtime starts it, or — built with
 * {@code -Pnative} on a machine with GraalVM/Mandrel — its native {@code bootstrap}. Each is fed the raw
 * events of {@code events/} through the Lambda Runtime API.
 *
 * <p>Not {@code @QuarkusIntegrationTest}: Funqy starts its Lambda poll loop only in a native build
 * ({@code FunqyLambdaBuildStep.startPoolLoop} is {@code onlyIf NativeBuild}); the JVM artifact is driven
 * by the runtime client calling its handler, so {@code java -jar} of it never polls and the test would
 * wait forever. Running the zip the way Lambda runs it tests the package itself: its lib/, resources
 * and configuration.
 *
 * <p>Packaged, the function runs in Quarkus's normal mode, as in a deployed stage: the caller check is
 * on and cannot be configured off.
 */
class PackagedFunctionIT {

    private static final Path WORK = Path.of("target/packaged-it");
    private static final Path STORE = WORK.resolve("store");
    private static final Map<String, PackagedFunction> RUNNING = new HashMap<>();
    /** No publisher is reachable from a build machine: the refresh is refused at once (one attempt) and says so. */
    private static final String UNREACHABLE = "http://127.0.0.1:9";

    /** Every exported function, as the template deploys them. */
    private static final List<String> EXPORTS = List.of("breakeven", "credit-check", "reminders-preview", "reminders-run",
            "claims", "webhooks", "customers", "connections", "reference-rates");

    /**
     * The store with the sample book, then every function started at once, as Lambda starts the environments of
     * functions called together: nine JVMs started one after another left one of the build's two cores idle.
     */
    @BeforeAll
    static void startEveryFunction() throws IOException {
        TestFolders.delete(WORK);
        Files.createDirectories(STORE.resolve("receivables"));
        Files.copy(Path.of("../samples/receivables/sample-book.jsonl"), STORE.resolve("receivables/sample-book.jsonl"));
        for (String export : EXPORTS) {
            RUNNING.put(export, PackagedFunction.start(
                    PackagedFunction.unpack(PackagedFunction.zip(export), WORK.resolve("task-" + export)), export,
                    Map.of("CREDITGUARD_AUTH_ISSUER", Events.ISSUER, "CREDITGUARD_STORE", "file:" + STORE.toAbsolutePath(),
                            "STRIPE_WEBHOOK_SECRET", "whsec_packaged_it", "STANDARD_WEBHOOK_SECRET_ACME_BILLING",
                            SignedEvents.ACME_SECRET, "CREDITGUARD_RATES_RIKSBANK_URL", UNREACHABLE,
                            "CREDITGUARD_RATES_ECB_URL", UNREACHABLE, "CREDITGUARD_RATES_BUNDESBANK_URL", UNREACHABLE,
                            "CREDITGUARD_RATES_STATBANK_URL", UNREACHABLE, "CREDITGUARD_RATES_ATTEMPTS", "1"),
                    List.of(), WORK.resolve(export + ".log")));
        }
    }

    @AfterAll
    static void stop() {
        RUNNING.values().forEach(PackagedFunction::close);
    }

    /** One execution environment per function, reused, as Lambda reuses a warm one. */
    private static JsonPath invoke(String export, String event) {
        LambdaRuntimeApi.Answer answer = java.util.Objects.requireNonNull(RUNNING.get(export), export + " is not in EXPORTS")
                .invoke(event);
        assertThat(answer.error()).as("%s reported an error: %s", export, answer.body()).isFalse();
        return JsonPath.from(answer.body());
    }

    private static ObjectNode event(String name) throws IOException {
        return (ObjectNode) Json.MAPPER.readTree(Events.read(name));
    }

    private static JsonPath body(JsonPath response) {
        return JsonPath.from(response.getString("body"));
    }

    @ParameterizedTest(name = "{0} answers {1}")
    @CsvSource(delimiter = '|', textBlock = """
            breakeven         | breakeven-loss.json        | requiredSales       | 1000000.0
            breakeven         | breakeven-factoring.json   | assessment.verdict  | WORTH_A_CLOSER_LOOK
            credit-check      | credit-check.json          | riskClass           | A
            reminders-preview | reminders-preview.json     | asOf                | 2026-11-30
            claims            | claims.json                | status              | CLAIMABLE
            """)
    void eachApiFunctionAnswersItsSampleEvent(String export, String event, String path, String expected) {
        JsonPath response = invoke(export, Events.read(event));
        assertThat(response.getInt("statusCode")).isEqualTo(200);
        assertThat(response.getString("headers.content-type")).isEqualTo("application/json");
        assertThat(body(response).getString(path)).isEqualTo(expected);
    }

    /**
     * Each zip's validator knows the request types its function reads: in Quarkus's predefined scope a type left out
     * of a function's index would pass with no violation and no error, which dev's application of every function would
     * never show. So every function that reads a body is sent its sample with one field breaking a rule, nested ones
     * too (the cascade into an invoice), and must answer 422 naming that field.
     */
    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            breakeven         | breakeven-loss.json      | /loss                       | -1    | $.loss
            credit-check      | credit-check.json        | /requestedTermsDays         | 400   | $.requestedTermsDays
            reminders-preview | reminders-preview.json   | /invoices/0/invoiceNumber   | ""    | $.invoices[0].invoiceNumber
            claims            | claims.json              | /policy/insuredPercentage   | 1.5   | $.policy.insuredPercentage
            customers         | customers-limit.json     | /amount                     | -1    | $.amount
            customers         | invoices-patch.json      | /disputeReason              | "a\\nb" | $.disputeReason
            webhooks          | webhooks-standard.json   | /data/invoiceNumber         | ""    | $.data.invoiceNumber
            """)
    void eachFunctionChecksTheFieldRulesOfWhatItReads(String export, String event, String pointer, String value,
            String field) throws IOException {
        ObjectNode sample = event(event);
        ObjectNode body = (ObjectNode) Json.MAPPER.readTree(sample.get("body").asText());
        ObjectNode parent = (ObjectNode) body.at(pointer.substring(0, pointer.lastIndexOf('/')));
        parent.set(pointer.substring(pointer.lastIndexOf('/') + 1), Json.MAPPER.readTree(value));
        sample.put("body", Json.write(body));
        if (export.equals("webhooks")) {
            SignedEvents.standard(SignedEvents.header(sample, "webhook-id", "msg_packaged_it_" + System.nanoTime()),
                    SignedEvents.ACME_SECRET, java.time.Instant.now());
        }
        JsonPath response = invoke(export, Json.write(sample));
        assertThat(response.getInt("statusCode")).as(body(response).prettify()).isEqualTo(422);
        assertThat(body(response).getString("type")).isEqualTo("urn:creditguard:problem:validation-failed");
        assertThat(body(response).getList("errors.field", String.class)).contains(field);
    }

    @Test
    void aFunctionRunsWithTheJvmOptionsOfADeployedOne() throws IOException {
        invoke("breakeven", Events.read("breakeven-loss.json"));
        // The JVM names the options it took from the environment on its first line.
        assertThat(Files.readAllLines(WORK.resolve("breakeven.log")).get(0))
                .isEqualTo("Picked up JAVA_TOOL_OPTIONS: -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:MetaspaceSize=64m"
                        + " -XX:NewSize=128m");
    }

    @Test
    void theScheduledRunReadsTheBookInTheStore() {
        JsonPath report = invoke("reminders-run", Events.read("reminders-run.json"));
        assertThat(report.getString("asOf")).isEqualTo("2026-11-30");
        assertThat(report.getLong("invoicesRead")).isEqualTo(30);
    }

    @Test
    void theCustomersFunctionListsTheLedgerTheRunBuilt() {
        invoke("reminders-run", Events.read("reminders-run.json"));
        JsonPath response = invoke("customers", Events.read("customers-list.json"));
        assertThat(response.getInt("statusCode")).isEqualTo(200);
        assertThat(body(response).getString("asOf")).isEqualTo("2026-11-30");
        assertThat(body(response).getInt("total")).isEqualTo(22);
        JsonPath letter = invoke("customers", Events.read("letters-pdf.json"));
        assertThat(letter.getInt("statusCode")).isEqualTo(200);
        assertThat(letter.getBoolean("isBase64Encoded")).isTrue();
    }

    @Test
    void theConnectionsFunctionAnswersItsRouteAndItsScheduleFromOneHandler() {
        JsonPath listed = invoke("connections", Events.read("connections-list.json"));
        assertThat(listed.getInt("statusCode")).isEqualTo(200);
        assertThat(body(listed).getList("platforms.platform")).containsExactly("fortnox", "exact", "visma");
        assertThat(body(listed).getList("platforms.configured")).containsOnly(false);
        JsonPath synced = invoke("connections", Events.read("connections.json"));
        assertThat(synced.getList("syncs")).isEmpty();
    }

    @Test
    void theWebFormAndTheOpenApiDocumentAreInThePackage() throws IOException {
        ObjectNode page = event("credit-check.json");
        page.put("routeKey", "GET /openapi.yaml").put("rawPath", "/openapi.yaml").remove("body");
        ((ObjectNode) page.get("requestContext")).put("routeKey", "GET /openapi.yaml");
        ((ObjectNode) page.at("/requestContext/http")).put("method", "GET").put("path", "/openapi.yaml");
        JsonPath response = invoke("credit-check", Json.write(page));
        assertThat(response.getInt("statusCode")).isEqualTo(200);
        assertThat(response.getString("body")).contains("\nopenapi: 3.1.0\n");
    }

    @Test
    void anEventWithoutTheAuthorizersContextIsRefused() throws IOException {
        ObjectNode event = event("breakeven-loss.json");
        ((ObjectNode) event.get("requestContext")).remove("authorizer");
        JsonPath response = invoke("breakeven", Json.write(event));
        assertThat(response.getInt("statusCode")).isEqualTo(401);
        assertThat(response.getString("headers.www-authenticate")).startsWith("Bearer");
        assertThat(body(response).getString("type")).isEqualTo("urn:creditguard:problem:unauthorized");
    }

    @Test
    void aForgedContextOfAnotherIssuerIsRefused() throws IOException {
        ObjectNode event = event("breakeven-loss.json");
        ((ObjectNode) event.at("/requestContext/authorizer/jwt/claims")).put("iss", "https://attacker.example/");
        assertThat(invoke("breakeven", Json.write(event)).getInt("statusCode")).isEqualTo(401);
    }

    @Test
    void aTokenWithoutTheRoutesScopeIsForbidden() throws IOException {
        ObjectNode event = event("claims.json");
        ((ObjectNode) event.at("/requestContext/authorizer/jwt")).putArray("scopes").add("creditguard/breakeven");
        ((ObjectNode) event.at("/requestContext/authorizer/jwt/claims")).put("scope", "creditguard/breakeven");
        JsonPath response = invoke("claims", Json.write(event));
        assertThat(response.getInt("statusCode")).isEqualTo(403);
        assertThat(body(response).getString("type")).isEqualTo("urn:creditguard:problem:forbidden");
    }

    @Test
    void aWebhookWhoseSignatureDoesNotMatchIsRefused() {
        JsonPath response = invoke("webhooks", Events.read("webhooks-stripe.json"));
        assertThat(response.getInt("statusCode")).isEqualTo(401);
        assertThat(body(response).getString("type")).isEqualTo("urn:creditguard:problem:unauthorized");
    }

    @Test
    void theRatesRefreshReportsPublishersItCannotReachAndKeepsTheShippedRates() {
        JsonPath summary = invoke("reference-rates", Events.read("reference-rates.json"));
        Map<String, Map<String, Object>> sources = summary.getMap("sources");
        assertThat(sources).isNotEmpty();
        assertThat(sources.values()).allSatisfy(source -> assertThat(source.get("status")).isEqualTo("FAILED"));
    }

    /**
     * Each zip holds its own function only (README "Layout"): no other function's class; the rates refresh, which
     * reads no ledger and writes no letter, none of the letters' and the mail's libraries; the webhooks, whose Peppol
     * intake takes its default payment terms from the deployment, neither the ledger, the rates, the reminder policy,
     * the mail nor the letters; connections, which share the webhooks' intake store, the same; breakeven, which takes the
     * book's totals, neither the ledger, the invoice, the reminder policy nor the mail; the ledger's readers
     * (customers, credit-check), which read the alerts the nightly pass raised, neither the pass, its alert
     * thresholds nor the mail of its digest; claims, which reads the reminders' records and the policy, not the
     * reminders' law, letters and run.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            breakeven       | io/creditguard/breakeven/BreakevenFunction.class         | io.creditguard.customers-, io.creditguard.receivables-, io.creditguard.reminder-policy-, io.creditguard.mail-, pdfbox, angus-mail, qute
            credit-check    | io/creditguard/credit/CreditCheckFunction.class          | io.creditguard.reminder-policy-, io.creditguard.ledger-pass-, io.creditguard.alert-policy-, io.creditguard.mail-, angus-mail, pdfbox, qute
            claims          | io/creditguard/claims/ClaimsFunction.class               | io.creditguard.reminders-
            connections     | io/creditguard/connections/ConnectionsFunction.class     | io.creditguard.customers-, io.creditguard.rates-, io.creditguard.reminder-policy-, io.creditguard.alert-policy-, io.creditguard.mail-, angus-mail, pdfbox, qute
            customers       | io/creditguard/customers/CustomersFunction.class         | io.creditguard.reminder-policy-, io.creditguard.ledger-pass-, io.creditguard.alert-policy-, io.creditguard.mail-, angus-mail, pdfbox, qute
            webhooks        | io/creditguard/webhooks/WebhooksFunction.class           | io.creditguard.customers-, io.creditguard.rates-, io.creditguard.reminder-policy-, io.creditguard.alert-policy-, io.creditguard.mail-, angus-mail, pdfbox, qute
            reference-rates | io/creditguard/rates/ReferenceRatesFunction.class        | pdfbox, angus-mail, qute
            """)
    void aZipHoldsItsFunctionAndNotTheOthers(String module, String own, String absentLibraries) throws IOException {
        List<String> entries = new java.util.ArrayList<>();
        try (var zip = new java.util.zip.ZipFile(Path.of("../functions", module, "target/function.zip").toFile())) {
            zip.stream().map(java.util.zip.ZipEntry::getName).forEach(entries::add);
            for (String jar : entries.stream().filter(e -> e.endsWith(".jar") && e.contains("io.creditguard")).toList()) {
                try (var in = new java.util.zip.ZipInputStream(zip.getInputStream(zip.getEntry(jar)))) {
                    for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                        entries.add(entry.getName());
                    }
                }
            }
        }
        assertThat(entries).contains(own);
        assertThat(entries.stream().filter(e -> e.endsWith("Function.class") && e.startsWith("io/creditguard/")
                && !e.startsWith("io/creditguard/http/"))).as("function classes").containsExactly(own);
        for (String library : absentLibraries == null ? new String[0] : absentLibraries.split(",\\s*")) {
            assertThat(entries).as(library).noneMatch(e -> e.startsWith("lib/") && e.contains(library));
        }
    }
}
