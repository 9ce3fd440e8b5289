package io.creditguard.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.creditguard.TestFolders;
import io.creditguard.LocalHttp;
import io.creditguard.Standalone;
import io.creditguard.receivables.IntakeBacklog;
import io.creditguard.reminders.ReminderRun;
import io.creditguard.store.FileObjectStore;
import io.creditguard.validation.InputReader;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The Xero fetch against a local server answering as Xero's documented endpoints do: the
 * client-credentials token, {@code GET /api.xro/2.0/Invoices/{InvoiceID}} with a 429 on the way.
 */
class XeroFetchTest {

    private static final String CLIENT_ID = "xero-client-id";
    private static final String CLIENT_SECRET = "xero-client-secret";

    @TempDir
    Path root;

    private HttpServer xero;
    private final AtomicInteger tokens = new AtomicInteger();
    private final AtomicInteger invoiceCalls = new AtomicInteger();
    private volatile boolean rateLimitFirst = true;
    private volatile int failWith = 0;
    private volatile String status = "AUTHORISED";
    private volatile String type = "ACCREC";
    /** One text of the invoice answer replaced by another, where a test breaks a field. */
    private volatile Map.Entry<String, String> edit = Map.entry("", "");

    @BeforeEach
    void start() throws IOException {
        xero = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        xero.createContext("/connect/token", this::token);
        xero.createContext("/api.xro/2.0/Invoices/", this::invoice);
        xero.start();
    }

    @AfterEach
    void stop() {
        xero.stop(0);
    }

    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!"POST".equals(exchange.getRequestMethod()) || !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                || !body.equals("grant_type=client_credentials")) {
            LocalHttp.send(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        tokens.incrementAndGet();
        LocalHttp.send(exchange, 200, "application/json", "{\"access_token\":\"token-" + tokens.get()
                + "\",\"expires_in\":1800,\"token_type\":\"Bearer\",\"scope\":\"accounting.invoices.read\"}");
    }

    private void invoice(HttpExchange exchange) throws IOException {
        invoiceCalls.incrementAndGet();
        String bearer = exchange.getRequestHeaders().getFirst("Authorization");
        if (bearer == null || !bearer.matches("Bearer token-[1-" + tokens.get() + "]")
                || !"application/json".equals(exchange.getRequestHeaders().getFirst("Accept"))) {
            LocalHttp.send(exchange, 401, "application/json", "{\"Title\":\"Unauthorized\"}");
            return;
        }
        if (failWith != 0) {
            LocalHttp.send(exchange, failWith, "application/json", "{\"Title\":\"Server error\"}");
            return;
        }
        if (rateLimitFirst) {
            rateLimitFirst = false;
            LocalHttp.send(exchange, 429, "application/json", "", Map.of("Retry-After", "1",
                    "X-Rate-Limit-Problem", "minute"));
            return;
        }
        String id = exchange.getRequestURI().getPath().substring("/api.xro/2.0/Invoices/".length());
        String body;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("xero/invoice.json")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("INVOICE_ID", id)
                    .replace("\"STATUS\"", "\"" + status + "\"").replace("\"ACCREC\"", "\"" + type + "\"");
        }
        if (!edit.getKey().isEmpty()) {
            body = body.replace(edit.getKey(), edit.getValue());
        }
        LocalHttp.send(exchange, 200, "application/json", body);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + xero.getAddress().getPort());
    }

    private IntakeStore intake() {
        return new IntakeStore(new FileObjectStore(root), InputReader.standalone(Standalone.CLOCK), Standalone.CLOCK);
    }

    private XeroFetch fetch(Map<String, String> secrets) {
        var config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(secrets, "test", 100)).build();
        return new XeroFetch(new Secrets(config), intake(), new Normalizer("SE"), InputReader.standalone(Standalone.CLOCK),
                Standalone.CLOCK, base(), base(), Duration.ofSeconds(2), Duration.ZERO);
    }

    private XeroFetch fetch() {
        return fetch(Map.of("XERO_CLIENT_ID", CLIENT_ID, "XERO_CLIENT_SECRET", CLIENT_SECRET));
    }

    private void queue(String... invoiceIds) {
        for (String id : invoiceIds) {
            intake().queue(XeroIntake.SOURCE, "tenant/" + id, Instant.parse("2026-11-28T09:12:41Z"),
                    Map.of("tenantId", "tenant", "resourceId", id, "eventType", "UPDATE", "eventTime", "2026-11-28T09:12:41Z"));
        }
    }

    private List<String> files(String folder) {
        return TestFolders.texts(root.resolve(folder));
    }

    @Test
    void queuedInvoicesAreFetchedWithOneTokenThroughA429AndLeaveTheQueue() throws IOException {
        queue("a03ffcd2-5d91-4c7e-b483-318584e9e439", "b03ffcd2-5d91-4c7e-b483-318584e9e439");
        IntakeBacklog.Report report = fetch().drain().get(0);
        assertThat(report.fetched()).isEqualTo(2);
        assertThat(report.stillQueued()).isZero();
        assertThat(report.problems()).isEmpty();
        assertThat(tokens.get()).isEqualTo(1);
        assertThat(invoiceCalls.get()).isEqualTo(3); // the first answered 429, Retry-After 1 s
        List<String> book = files("receivables/webhooks/xero");
        assertThat(book).hasSize(2).allSatisfy(line -> assertThat(line)
                .contains("\"invoiceNumber\":\"INV-0006\"").contains("\"country\":\"SE\"").contains("\"dueDate\":\"2026-12-02\"")
                .contains("\"openAmount\":250").contains("\"id\":\"xero:38928000-e9a0-420c-8884-f624bab2a351\"")
                .contains("\"date\":\"2026-11-19\""));
        assertThat(files("webhooks/pending/xero")).isEmpty();
    }

    @Test
    void withoutCredentialsTheInvoicesStayQueuedAndTheRunSaysSo() throws IOException {
        queue("a03ffcd2-5d91-4c7e-b483-318584e9e439");
        XeroFetch unconfigured = fetch(Map.of());
        ReminderRun run = new ReminderRun(new FileObjectStore(root), Standalone.reminders(), Standalone.inputs(), Standalone.CLOCK,
                List.of(unconfigured), io.creditguard.mail.LocalSmtp.noServer(), 4);
        ReminderRun.Report report = run.run(Optional.of(LocalDate.parse("2026-11-30")), false);
        assertThat(report.intake()).singleElement().satisfies(r -> {
            assertThat(r.stillQueued()).isEqualTo(1);
            assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p).contains("XERO_CLIENT_ID and XERO_CLIENT_SECRET"));
        });
        assertThat(files("webhooks/pending/xero")).hasSize(1);
        assertThat(invoiceCalls.get()).isZero();
    }

    @Test
    void aXeroThatKeepsFailingLeavesTheEntriesForTheNextRun() throws IOException {
        queue("a03ffcd2-5d91-4c7e-b483-318584e9e439");
        failWith = 503;
        rateLimitFirst = false;
        IntakeBacklog.Report report = fetch().drain().get(0);
        assertThat(report.fetched()).isZero();
        assertThat(report.stillQueued()).isEqualTo(1);
        assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p).contains("HTTP 503 after 4 attempt(s)"));
        assertThat(files("webhooks/pending/xero")).hasSize(1);
        assertThat(files("receivables")).isEmpty();
    }

    @Test
    void billsAndDraftsLeaveTheQueueWithoutEnteringTheBook() throws IOException {
        rateLimitFirst = false;
        type = "ACCPAY";
        queue("c03ffcd2-5d91-4c7e-b483-318584e9e439");
        assertThat(fetch().drain().get(0).stillQueued()).isZero();
        type = "ACCREC";
        status = "DRAFT";
        queue("d03ffcd2-5d91-4c7e-b483-318584e9e439");
        assertThat(fetch().drain().get(0).stillQueued()).isZero();
        assertThat(files("receivables")).isEmpty();
    }

    @Test
    void aPaidInvoiceIsStoredSettled() throws IOException {
        rateLimitFirst = false;
        status = "PAID";
        queue("e03ffcd2-5d91-4c7e-b483-318584e9e439");
        assertThat(fetch().drain().get(0).problems()).isEmpty();
        assertThat(files("receivables/webhooks/xero")).singleElement().satisfies(l -> assertThat(l).contains("\"openAmount\":0"));
    }

    /**
     * An amount Xero's answer lacks, or gives as anything but a number, or as a figure no amount can be, keeps the
     * invoice out of the book and in the queue, its field named: read as zero, a missing {@code AmountDue} made an
     * open invoice settled, and {@code 1e400000000} held the fetch for minutes in the reconciliation.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"AmountDue\": 250.00,           | ''                                  | $.AmountDue must be a number",
            "\"AmountDue\": 250.00            | \"AmountDue\": \"250.00\"          | $.AmountDue must be a number",
            "\"Total\": 1250.00               | \"Total\": null                    | $.Total must be a number",
            "\"Total\": 1250.00               | \"Total\": 1e400000000             | $.Total must be below",
            "\"Total\": 1250.00               | \"Total\": 1250.000001             | $.Total must be below",
            "\"Amount\": 1000.00              | \"Amount\": 1e-400000000           | $.Payments[0].Amount must be below",
            "\"Amount\": 1000.00, \"Reference\" | \"Reference\"                     | $.Payments[0].Amount must be a number"})
    void anAmountThatIsNoNumberKeepsTheInvoiceQueuedWithItsFieldNamed(String field, String replacement, String problem) {
        rateLimitFirst = false;
        edit = Map.entry(field, replacement);
        queue("f03ffcd2-5d91-4c7e-b483-318584e9e439");

        IntakeBacklog.Report report = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> fetch().drain().get(0));

        assertThat(report.fetched()).isZero();
        assertThat(report.stillQueued()).isEqualTo(1);
        assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p).contains(problem));
        assertThat(files("receivables")).isEmpty();
    }
}
