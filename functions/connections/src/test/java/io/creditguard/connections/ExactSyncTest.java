package io.creditguard.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.creditguard.VirtualTime;
import io.creditguard.receivables.Invoice;

/**
 * The Exact Online sync against a local Exact: the division from the consent, the sync endpoints by
 * Timestamp, the records webhooks named, receivables settled as payments, the day's allowance, and access
 * tokens of ten minutes asked for anew only when they run out.
 */
class ExactSyncTest {

    /** The account of most invoices here: an Edm.Guid, as Exact writes an account's ID. */
    private static final String ACCOUNT = "5f1c7d2e-8a4b-4c3d-9e2f-1a2b3c4d5e6f";

    /** Lambda ends an invocation after 15 minutes: a sync still reading a batch then has stored nothing of it. */
    private static final Duration LAMBDA_LIMIT = Duration.ofMinutes(15);

    @TempDir
    Path root;

    private VirtualTime time;
    private ExactStandIn exact;
    private Connected c;

    @BeforeEach
    void start() {
        time = new VirtualTime(Instant.parse("2026-12-07T07:00:00Z"));
        exact = new ExactStandIn(time);
        c = new Connected(root, time, exact.config());
        exact.account(ACCOUNT, "Bouwbedrijf De Vries B.V.", "NL", "administratie@devries.example");
    }

    @AfterEach
    void stop() {
        exact.close();
    }

    @Test
    void theConsentKeepsTheDivisionAndSendsTheClientInTheForm() throws Exception {
        assertThat(c.connect(Platform.EXACT, exact.oauth)).isInstanceOf(Consents.Connected.class);
        assertThat(exact.oauth.lastAuthorizeQuery).doesNotContainKeys("scope", "code_challenge");
        assertThat(c.connection(Platform.EXACT).cursor()).containsEntry("division", String.valueOf(ExactStandIn.DIVISION));
    }

    /**
     * The division is read from {@code current/Me} as Exact's REST API reference gives it (SystemSystemMe: a list of the
     * one signed-in user, {@code {"d":{"results":[…]}}}, its {@code CurrentDivision} an Edm.Int32), as strictly as the
     * sync reads {@code d.results} (e407243): any other answer refuses the connection with the reason and stores nothing.
     * {@code d} itself, the first of two users, a division written as text or beyond an Int32, or division 0 were taken.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"d\":{\"results\":[{\"CurrentDivision\":2841947}]}}                           |",
            "{\"d\":{\"CurrentDivision\":2841947}}                                            | its current/Me answered without d.results",
            "{\"d\":[{\"CurrentDivision\":2841947}]}                                          | its current/Me answered without d.results",
            "{}                                                                                | its current/Me answered without d.results",
            "{\"d\":{\"results\":[]}}                                                          | its current/Me answered 0 users, not the one signed in",
            "{\"d\":{\"results\":[{\"CurrentDivision\":2841947},{\"CurrentDivision\":1}]}}     | its current/Me answered 2 users, not the one signed in",
            "{\"d\":{\"results\":[{\"CurrentDivision\":\"2841947\"}]}}                         | its current/Me names no CurrentDivision",
            "{\"d\":{\"results\":[{\"CurrentDivision\":99999999999999999999}]}}              | its current/Me names no CurrentDivision",
            "{\"d\":{\"results\":[{\"CurrentDivision\":0}]}}                                 | its current/Me names no CurrentDivision",
            "{\"d\":{\"results\":[{}]}}                                                        | its current/Me names no CurrentDivision"})
    void theConsentTakesTheDivisionOnlyFromTheAnswerExactDocuments(String me, String reason) throws Exception {
        exact.served.put("/api/v1/current/Me", me);

        Consents.Outcome outcome = c.connect(Platform.EXACT, exact.oauth);

        if (reason == null) {
            assertThat(outcome).isInstanceOf(Consents.Connected.class);
            assertThat(c.connection(Platform.EXACT).cursor()).containsEntry("division", String.valueOf(ExactStandIn.DIVISION));
        } else {
            assertThat(outcome).isInstanceOfSatisfying(Consents.Refused.class, r -> {
                assertThat(r.reason()).isEqualTo("Exact Online did not say which division the consent chose (" + reason
                        + "): start again from the Connections page.");
                assertThat(r.outage()).isFalse();
            });
            assertThat(c.connections.read(Platform.EXACT)).isEmpty();
        }
    }

    @Test
    void invoicesAndSettledReceivablesComeInDraftsAndCreditNotesDoNot() throws Exception {
        exact.invoice("g-1", 26001, ACCOUNT, "2026-10-20", "2026-11-19", "1210.00", 8020, 50);
        exact.invoice("g-2", 26002, ACCOUNT, "2026-10-25", "2026-11-24", "605.00", 8020, 50);
        exact.invoice("g-3", 26003, ACCOUNT, "2026-11-01", "2026-12-01", "99.00", 8020, 10);
        exact.invoice("g-4", 26004, ACCOUNT, "2026-11-02", "2026-12-02", "-605.00", 8021, 50);
        exact.receivable("t-2", 26002, "605.00", true, "2026-11-20");
        exact.receivable("t-1", 26001, "1210.00", false, null);
        c.connect(Platform.EXACT, exact.oauth);

        SyncReport report = c.sync.sync(Platform.EXACT, Duration.ofMinutes(4));

        assertThat(report.status()).isEqualTo(SyncReport.Status.OK);
        assertThat(report.read()).isEqualTo(new SyncReport.Counts(2, 1, 0));
        Map<String, Invoice> book = c.book(Platform.EXACT);
        assertThat(book).containsOnlyKeys("exact:26001", "exact:26002");
        Invoice open = book.get("exact:26001");
        assertThat(open.openAmount()).isEqualByComparingTo("1210.00");
        assertThat(open.terms().paymentReference()).isEqualTo("300026001");
        assertThat(open.customer().country()).isEqualTo("NL");
        assertThat(open.customer().language()).isEqualTo("nl");
        assertThat(open.customer().email()).isEqualTo("administratie@devries.example");
        assertThat(book.get("exact:26002").openAmount()).isEqualByComparingTo("0");
        assertThat(book.get("exact:26002").payments()).extracting(Invoice.Payment::id).containsExactly("exact:receivable:t-2");
        assertThat(c.connection(Platform.EXACT).cursor()).containsKeys("invoices", "receivables");

        int before = exact.apiRequests.get();
        assertThat(c.sync.sync(Platform.EXACT, Duration.ofMinutes(4)).read()).isEqualTo(SyncReport.Counts.NONE);
        assertThat(exact.apiRequests.get() - before).as("one call per sync endpoint, nothing new").isEqualTo(2);
    }

    @Test
    void aSalesInvoiceAWebhookNamedIsFetchedByItsKeyAndLeavesTheQueue() throws Exception {
        c.connect(Platform.EXACT, exact.oauth);
        c.sync.sync(Platform.EXACT, Duration.ofMinutes(4));
        exact.invoice("g-9", 26009, ACCOUNT, "2026-11-10", "2026-12-10", "300.00", 8020, 50);
        c.intake.queue("exact", ExactStandIn.DIVISION + "/salesinvoices/g-9", time.instant(), Map.of("Topic", "SalesInvoices",
                "Division", String.valueOf(ExactStandIn.DIVISION), "Action", "Update", "Key", "g-9", "eventTime",
                time.instant().toString()));

        SyncReport report = c.sync.sync(Platform.EXACT, Duration.ofMinutes(4));

        assertThat(report.status()).isEqualTo(SyncReport.Status.OK);
        assertThat(c.book(Platform.EXACT)).containsKey("exact:26009");
        assertThat(c.intake.queued("exact")).isEmpty();
    }

    /**
     * A settled receivable's payment is held to the book's rules before it is added to its invoice: one the book cannot
     * read back, dated outside the receivables era or with an id the book refuses, made its invoice's line unreadable.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "t-1            | 2300-01-01 | $.date must be a date between 1970 and 2199",
            "t-1111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111 | 2026-11-20 | $.id size must be between 0 and 100",
            "`t-\u00071`     | 2026-11-20 | $.id must be a single line without control characters"})
    void aPaymentTheBookCannotKeepIsLeftOutWithItsReason(String id, String lastPayment, String reason) throws Exception {
        exact.invoice("g-1", 26001, ACCOUNT, "2026-10-20", "2026-11-19", "1210.00", 8020, 50);
        exact.receivable(id, 26001, "1210.00", true, lastPayment);
        c.connect(Platform.EXACT, exact.oauth);

        SyncReport report = c.sync.sync(Platform.EXACT, Duration.ofMinutes(4));

        assertThat(report.status()).isEqualTo(SyncReport.Status.OK);
        assertThat(report.unmapped()).singleElement().satisfies(u -> {
            assertThat(u.id()).isEqualTo("exact:receivable:" + id);
            assertThat(u.reason()).isEqualTo(reason);
        });
        assertThat(c.book(Platform.EXACT).get("exact:26001").payments()).isEmpty();
    }

    /**
     * An OData date ({@code /Date(ms)/}, as Exact's REST API writes every date) whose milliseconds no long holds is that
     * record's fault: it failed the whole sync, and every sync after it, since the cursor stayed before the record.
     */
    @ParameterizedTest
    @CsvSource({ "InvoiceDate, exact:26002", "DueDate, exact:26002", "Modified, exact:26002",
            "LastPaymentDate, exact:receivable:t-2" })
    void aDateBeyondAnyMillisecondsLeavesOnlyThatRecordOut(String field, String id) throws Exception {
        exact.invoice("g-1", 26001, ACCOUNT, "2026-10-20", "2026-11-19", "1210.00", 8020, 50);
        ObjectNode invoice = exact.invoice("g-2", 26002, ACCOUNT, "2026-10-25", "2026-11-24", "605.00", 8020, 50);
        ObjectNode receivable = exact.receivable("t-2", 26001, "1210.00", true, "2026-11-20");
        String date = "/Date(99999999999999999999)/";
        (field.equals("LastPaymentDate") ? receivable : invoice).put(field, date);
        c.connect(Platform.EXACT, exact.oauth);

        SyncReport report = c.sync.sync(Platform.EXACT, Duration.ofMinutes(4));

        assertThat(report.status()).isEqualTo(SyncReport.Status.OK);
        assertThat(report.unmapped()).singleElement().satisfies(u -> {
            assertThat(u.id()).isEqualTo(id);
            assertThat(u.reason()).isEqualTo(field + " " + date + " names no day: its milliseconds are out of range");
        });
        assertThat(c.book(Platform.EXACT)).containsKey("exact:26001");
    }

    @Test
    void theSyncStopsWhileTheDaysAllowanceIsNearlySpent() throws Exception {
        exact.invoice("g-1", 26001, ACCOUNT, "2026-10-20", "2026-11-19", "1210.00", 8020, 50);
        c.connect(Platform.EXACT, exact.oauth);
        exact.remainingToday = 30;

        SyncReport report = c.sync.sync(Platform.EXACT, Duration.ofMinutes(4));

        assertThat(report.status()).isEqualTo(SyncReport.Status.PARTIAL);
        assertThat(report.reason()).contains("5 000 calls a day");
        assertThat(c.book(Platform.EXACT)).isEmpty();
    }

    /**
     * {@code X-RateLimit-Remaining} is read as the count it is: a figure of more digits than an int holds is more calls
     * than a day has, and was a NumberFormatException that failed the sync.
     */
    @ParameterizedTest
    @CsvSource({ "99999999999, OK", "00000000000049, PARTIAL", "49, PARTIAL", "50, OK", "-1, OK", "many, OK" })
    void theDaysAllowanceIsReadWhateverTheHeaderSays(String remaining, SyncReport.Status status) throws Exception {
        exact.invoice("g-1", 26001, ACCOUNT, "2026-10-20", "2026-11-19", "1210.00", 8020, 50);
        c.connect(Platform.EXACT, exact.oauth);
        exact.remainingHeader = remaining;

        assertThat(c.sync.sync(Platform.EXACT, Duration.ofMinutes(4)).status()).isEqualTo(status);
    }

    /**
     * A sync endpoint is read until it answers nothing past the cursor's {@code Timestamp}; an answer that moves the
     * cursor no further is the last too. A server that ignored the filter, or records without a Timestamp, had the sync
     * ask for the same records until its budget ran out, each sync spending some 240 of the day's 5 000 calls.
     */
    @ParameterizedTest
    @CsvSource({ "true, false", "true, true" })
    void anAnswerThatMovesTheCursorNoFurtherEndsTheEndpoint(boolean ignoresFilter, boolean withoutTimestamps)
            throws Exception {
        ObjectNode invoice = exact.invoice("g-1", 26001, ACCOUNT, "2026-10-20", "2026-11-19", "1210.00", 8020, 50);
        ObjectNode receivable = exact.receivable("t-1", 26001, "1210.00", true, "2026-11-20");
        if (withoutTimestamps) {
            invoice.remove("Timestamp");
            receivable.remove("Timestamp");
        }
        exact.ignoresFilter = ignoresFilter;
        c.connect(Platform.EXACT, exact.oauth);
        int before = exact.apiRequests.get();

        SyncReport report = c.sync.sync(Platform.EXACT, Duration.ofMinutes(4));

        assertThat(report.status()).isEqualTo(SyncReport.Status.OK);
        assertThat(c.book(Platform.EXACT).get("exact:26001").payments()).extracting(Invoice.Payment::id)
                .containsExactly("exact:receivable:t-1");
        // Each endpoint at most twice (the records, then the same ones again), and the account once.
        assertThat(exact.apiRequests.get() - before).isLessThanOrEqualTo(5);
    }

    /**
     * The cursor moves to the highest {@code Timestamp}, an Edm.Int64 (Exact's REST API reference for the sync endpoints);
     * one that is no Int64 moves it no further than a record without one, and is a warning. {@code 1e30}, read as a long,
     * was the largest one: the cursor went there, and no invoice changed after it was ever read.
     */
    @ParameterizedTest
    @CsvSource({ "1e30, true", "'\"1e30\"', true", "18446744073709551617, true", "1001, false" })
    void aTimestampThatIsNoInt64DoesNotMoveTheCursorPastLaterChanges(String timestamp, boolean noInt64) throws Exception {
        exact.invoice("g-1", 26001, ACCOUNT, "2026-10-20", "2026-11-19", "1210.00", 8020, 50)
                .set("Timestamp", io.creditguard.json.Json.MAPPER.readTree(timestamp));
        c.connect(Platform.EXACT, exact.oauth);
        SyncReport first = c.sync.sync(Platform.EXACT, Duration.ofMinutes(4));
        assertThat(first.status()).isEqualTo(SyncReport.Status.OK);

        exact.invoice("g-2", 26002, ACCOUNT, "2026-10-25", "2026-11-24", "605.00", 8020, 50);
        assertThat(c.sync.sync(Platform.EXACT, Duration.ofMinutes(4)).status()).isEqualTo(SyncReport.Status.OK);

        assertThat(c.book(Platform.EXACT)).containsKeys("exact:26001", "exact:26002");
        if (noInt64) {
            // A number is quoted as the JSON reader writes it back (1e30 as a double's digits), so only the frame is fixed.
            assertThat(first.warnings()).singleElement().satisfies(w -> assertThat(w).startsWith("exact:26001: Timestamp ")
                    .endsWith(" is not an Int64; the cursor is not moved past it"));
        } else {
            assertThat(first.warnings()).isEmpty();
        }
    }

    /**
     * A sync endpoint answers its records as OData's {@code {"d":{"results":[…]}}}; an answer without {@code d.results}
     * cannot be trusted: read as no records, {@code {"d":[]}} ended the endpoint as caught up, and {@code {"d":{}}} was
     * taken for one record of an invoice read by its key.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sync/SalesInvoice/SalesInvoices | {}", "sync/SalesInvoice/SalesInvoices | []",
            "sync/SalesInvoice/SalesInvoices | {\"d\":{}}", "sync/SalesInvoice/SalesInvoices | {\"d\":[]}",
            "sync/SalesInvoice/SalesInvoices | {\"d\":{\"results\":null}}", "sync/Cashflow/PaymentTerms | {\"d\":[]}"})
    void anAnswerWithoutItsResultsFailsTheSyncAndKeepsTheCursor(String endpoint, String answer) throws Exception {
        exact.invoice("g-1", 26001, ACCOUNT, "2026-10-20", "2026-11-19", "1210.00", 8020, 50);
        exact.receivable("t-1", 26001, "1210.00", true, "2026-11-20");
        c.connect(Platform.EXACT, exact.oauth);
        String path = "/api/v1/" + ExactStandIn.DIVISION + "/" + endpoint;
        exact.served.put(path, answer);

        SyncReport failed = c.sync.sync(Platform.EXACT, Duration.ofMinutes(4));

        assertThat(failed.status()).isEqualTo(SyncReport.Status.FAILED);
        assertThat(failed.reason()).isEqualTo(path + " answered without d.results; nothing of the batch being read was stored, and the cursor stays");

        exact.served.clear();
        assertThat(c.sync.sync(Platform.EXACT, Duration.ofMinutes(4)).status()).isEqualTo(SyncReport.Status.OK);
        assertThat(c.book(Platform.EXACT).get("exact:26001").payments()).extracting(Invoice.Payment::id)
                .containsExactly("exact:receivable:t-1");
    }

    /**
     * A sales invoice's {@code Modified} orders its updates in the book, but one later than creditguard's clock is taken
     * as now: the book kept the future time, and every later update of the invoice was stale until then, never stored.
     */
    @ParameterizedTest
    @ValueSource(strings = { "2026-12-08T07:00:00Z", "2999-01-01T00:00:00Z", "+292278994-08-17T07:12:55.807Z" })
    void aModificationTimeInTheFutureDoesNotKeepLaterUpdatesOut(String modified) throws Exception {
        exact.invoice("g-1", 26001, ACCOUNT, "2026-10-20", "2026-11-19", "1210.00", 8020, 50)
                .put("Modified", "/Date(" + Instant.parse(modified).toEpochMilli() + ")/");
        c.connect(Platform.EXACT, exact.oauth);
        assertThat(c.sync.sync(Platform.EXACT, Duration.ofMinutes(4)).status()).isEqualTo(SyncReport.Status.OK);

        time.pass(Duration.ofHours(1));
        exact.invoice("g-1", 26001, ACCOUNT, "2026-10-20", "2026-11-19", "1500.00", 8020, 50)
                .put("Modified", "/Date(" + time.instant().toEpochMilli() + ")/");
        assertThat(c.sync.sync(Platform.EXACT, Duration.ofMinutes(4)).status()).isEqualTo(SyncReport.Status.OK);

        assertThat(c.book(Platform.EXACT).get("exact:26001").amount()).isEqualByComparingTo("1500.00");
    }

    /**
     * A first sync of a company whose first page of sales invoices (up to 1 000 records a call on Exact's sync
     * endpoints) names as many customers reads their accounts a group a call. One call per account was 1 000 calls,
     * some 17 minutes at Exact's 60 calls a minute, past the sync's budget and Lambda's 15 minutes: the page was never
     * stored, the cursor never moved and every later sync began the same page again. A group's filter keeps the address
     * under 2 000 characters, which common servers and proxies take, and its accounts within the 60 records a standard
     * endpoint answers a call (exactonline/exactonline-api-dotnet-client#50).
     */
    @ParameterizedTest
    @CsvSource({
            "1000, PT4M", // the schedule's budget
            "1000, PT2M", // inside the reminder run
            "1000, PT1M",
            "  61, PT1M" }) // one account more than a standard endpoint answers a call
    void aFirstPageNamingManyCustomersIsStoredWithinTheBudget(int customers, Duration budget) throws Exception {
        AtomicReference<Instant> cutOff = new AtomicReference<>(Instant.MAX);
        Connected lambda = new Connected(root, time, wait -> {
            if (time.instant().plus(wait).isAfter(cutOff.get())) {
                throw new IllegalStateException("Lambda ended the invocation after " + LAMBDA_LIMIT);
            }
            time.sleep(wait);
        }, exact.config(), time);
        for (int i = 0; i < customers; i++) {
            String account = UUID.nameUUIDFromBytes(("account " + i).getBytes(StandardCharsets.UTF_8)).toString();
            exact.account(account, "Klant " + i, "BE", "debiteuren" + i + "@klant.example");
            exact.invoice("g-" + i, 30000 + i, account, "2026-10-20", "2026-11-19", "100.00", 8020, 50);
        }
        lambda.connect(Platform.EXACT, exact.oauth);
        cutOff.set(time.instant().plus(LAMBDA_LIMIT));

        SyncReport report = lambda.sync.sync(Platform.EXACT, budget);

        assertThat(report.status()).as(report.reason()).isEqualTo(SyncReport.Status.OK);
        assertThat(Duration.between(report.startedAt(), report.finishedAt())).isLessThanOrEqualTo(budget);
        Map<String, Invoice> book = lambda.book(Platform.EXACT);
        assertThat(book).hasSize(customers);
        for (int i = 0; i < customers; i++) {
            Invoice.Customer customer = book.get("exact:" + (30000 + i)).customer();
            assertThat(customer.email()).isEqualTo("debiteuren" + i + "@klant.example");
            assertThat(customer.country()).isEqualTo("BE");
        }
        // A Guid's clause is some 60 characters encoded, so an address of 2 000 holds about 30: 20 a call is a floor.
        assertThat(exact.accountRequests.get()).isLessThanOrEqualTo(customers / 20 + 1);
        assertThat(exact.longestRequest.get()).isLessThan(2_000 - "https://start.exactonline.nl".length());
    }

    /**
     * Each invoice gets its own account from the grouped query, matched on its ID as the Guid it is (OData's Edm.Guid,
     * whatever the letters' case); an account Exact does not answer maps as it did when read by its key: the invoice's
     * own name with the defaults (the Netherlands, no e-mail), not a failed page.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", quoteCharacter = '"', value = {
            // InvoiceTo on the invoice           | the account Exact holds              | e-mail                   | country
            "0b6e5f8a-1c2d-4e3f-9a8b-7c6d5e4f3a2b | 0b6e5f8a-1c2d-4e3f-9a8b-7c6d5e4f3a2b | debiteuren@klant.example | BE",
            "0B6E5F8A-1C2D-4E3F-9A8B-7C6D5E4F3A2B | 0b6e5f8a-1c2d-4e3f-9a8b-7c6d5e4f3a2b | debiteuren@klant.example | BE",
            "0b6e5f8a-1c2d-4e3f-9a8b-7c6d5e4f3a2b | -                                    | -                        | NL",
            // no Guid, so not asked for: a quote would end the filter's Guid and the rest be read as OData
            "x') or (Name eq 'y                   | -                                    | -                        | NL",
            "acc-2                                | -                                    | -                        | NL" })
    void eachInvoiceGetsItsOwnAccountOrTheDefaults(String invoiceTo, String held, String email, String country)
            throws Exception {
        if (held != null) {
            exact.account(held, "Klant B.V.", "BE", "debiteuren@klant.example");
        }
        exact.invoice("g-1", 26001, ACCOUNT, "2026-10-20", "2026-11-19", "1210.00", 8020, 50);
        exact.invoice("g-2", 26002, invoiceTo, "2026-10-25", "2026-11-24", "605.00", 8020, 50);
        exact.invoice("g-3", 26003, invoiceTo, "2026-10-26", "2026-11-25", "99.00", 8020, 50);
        c.connect(Platform.EXACT, exact.oauth);

        SyncReport report = c.sync.sync(Platform.EXACT, Duration.ofMinutes(4));

        assertThat(report.status()).isEqualTo(SyncReport.Status.OK);
        Map<String, Invoice> book = c.book(Platform.EXACT);
        assertThat(book.get("exact:26001").customer().email()).isEqualTo("administratie@devries.example");
        for (String id : new String[] { "exact:26002", "exact:26003" }) {
            assertThat(book.get(id).customer().email()).isEqualTo(email);
            assertThat(book.get(id).customer().country()).isEqualTo(country);
            assertThat(book.get(id).customer().name()).isEqualTo("Klant " + id.substring("exact:".length()));
        }
        assertThat(exact.accountRequests.get()).as("the page's two accounts in one call").isEqualTo(1);
    }

    @Test
    void aTenMinuteTokenIsAskedForAnewOnlyWhenItRunsOut() throws Exception {
        c.connect(Platform.EXACT, exact.oauth);
        time.pass(Duration.ofMinutes(9));
        c.sync.sync(Platform.EXACT, Duration.ofMinutes(4));
        assertThat(exact.oauth.refreshes.get()).as("nine minutes in, the token still serves").isZero();
        time.pass(Duration.ofSeconds(31));
        c.sync.sync(Platform.EXACT, Duration.ofMinutes(4));
        assertThat(exact.oauth.refreshes.get()).as("30 seconds before it runs out: 9.5 minutes after the last").isEqualTo(1);
    }
}
