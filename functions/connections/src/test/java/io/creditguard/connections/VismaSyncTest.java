package io.creditguard.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

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

/** The Visma eAccounting sync against a local Visma: PKCE consent, ModifiedUtc paging, credit invoices, its own reminders. */
class VismaSyncTest {

    @TempDir
    Path root;

    private VirtualTime time;
    private VismaStandIn visma;
    private Connected c;

    @BeforeEach
    void start() {
        time = new VirtualTime(Instant.parse("2026-12-07T07:00:00Z"));
        visma = new VismaStandIn(time);
        c = new Connected(root, time, visma.config());
    }

    @AfterEach
    void stop() {
        visma.close();
    }

    @Test
    void theConsentCarriesAPkceChallengeAndTheCodeItsVerifier() throws Exception {
        assertThat(c.connect(Platform.VISMA, visma.oauth)).isInstanceOf(Consents.Connected.class);
        assertThat(visma.oauth.lastAuthorizeQuery).containsEntry("code_challenge_method", "S256").containsKey("code_challenge")
                .containsEntry("scope", "ea:api offline_access ea:sales_readonly");
        // The stand-in gave the tokens only for the verifier whose SHA-256 is the challenge.
        assertThat(visma.oauth.refused.get()).isZero();
        assertThat(c.connection(Platform.VISMA).tokens().refreshToken()).isEqualTo(visma.oauth.currentRefreshToken());
    }

    @Test
    void invoicesCreditInvoicesAndVismasOwnRemindersComeIn() throws Exception {
        ObjectNode open = VismaStandIn.invoice("a1", 2001, "2026-10-20", "2026-11-19", "12500", "12500");
        open.put("PaymentReferenceNumber", "100115").put("PaymentReminderIssued", true).put("ModifiedUtc", "x");
        visma.put(open);
        visma.put(VismaStandIn.invoice("a2", 2002, "2026-10-21", "2026-11-20", "4000", "1000"));
        visma.put(VismaStandIn.invoice("a3", 2003, "2026-10-22", "2026-11-21", "6000", "0"));
        ObjectNode credit = VismaStandIn.invoice("a4", 2004, "2026-11-02", "2026-12-02", "-6000", "0");
        visma.put(credit.put("IsCreditInvoice", true).put("ReferringInvoiceId", "a3"));
        ObjectNode wrongOcr = VismaStandIn.invoice("a5", 2005, "2026-11-02", "2026-12-02", "700", "700");
        visma.put(wrongOcr.put("PaymentReferenceNumber", "1001234"));
        c.connect(Platform.VISMA, visma.oauth);

        SyncReport report = c.sync.sync(Platform.VISMA, Duration.ofMinutes(4));

        assertThat(report.status()).isEqualTo(SyncReport.Status.OK);
        assertThat(report.read()).isEqualTo(new SyncReport.Counts(4, 0, 1));
        assertThat(report.warnings()).singleElement().satisfies(w -> assertThat(w).contains("visma:a5"));
        Map<String, Invoice> book = c.book(Platform.VISMA);
        Invoice first = book.get("visma:a1");
        assertThat(first.terms().paymentReference()).isEqualTo("100115");
        assertThat(first.terms().platformReminders()).isEqualTo(new Invoice.PlatformReminders(1, null));
        assertThat(first.customer().address()).isEqualTo("Kungsgatan 2\n411 19 Göteborg");
        assertThat(book.get("visma:a2").openAmount()).isEqualByComparingTo("1000");
        assertThat(book.get("visma:a2").payments()).extracting(Invoice.Payment::id).containsExactly("visma:reported-paid");
        assertThat(book.get("visma:a3").credits()).extracting(Invoice.Credit::documentId).containsExactly("visma:a4");
        assertThat(book.get("visma:a3").openAmount()).isEqualByComparingTo("0");
        assertThat(c.connection(Platform.VISMA).cursor()).containsEntry("since", "2026-12-07T06:59:00Z");
    }

    @Test
    void pagesAreReadToTheEndAndTheNextSyncReadsOnlyWhatChanged() throws Exception {
        for (int i = 1; i <= 120; i++) {
            visma.put(VismaStandIn.invoice("b" + i, 3000 + i, "2026-11-01", "2026-12-01", "100", "100"));
        }
        time.pass(Duration.ofMinutes(30));
        c.connect(Platform.VISMA, visma.oauth);
        assertThat(c.sync.sync(Platform.VISMA, Duration.ofMinutes(4)).read().invoices()).isEqualTo(120);
        assertThat(visma.apiRequests.get()).isEqualTo(2);

        time.pass(Duration.ofMinutes(30));
        visma.put(VismaStandIn.invoice("b7", 3007, "2026-11-01", "2026-12-01", "100", "0"));
        SyncReport next = c.sync.sync(Platform.VISMA, Duration.ofMinutes(4));

        assertThat(next.read().invoices()).isEqualTo(1);
        assertThat(c.book(Platform.VISMA)).hasSize(120);
        assertThat(c.book(Platform.VISMA).get("visma:b7").openAmount()).isEqualByComparingTo("0");
    }

    /**
     * The window ends at Visma's {@code Meta.ServerTimeUtc} (the time its {@code ModifiedUtc} is written in), but never
     * later than creditguard's own clock: a server time in the future moved the next window past changes not yet made,
     * and the invoices changed until then were never read.
     */
    @ParameterizedTest
    @ValueSource(strings = { "2026-12-08T07:00:00Z", "2999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z" })
    void aServerTimeInTheFutureDoesNotMoveTheWindowPastLaterChanges(String serverTime) throws Exception {
        visma.put(VismaStandIn.invoice("a1", 2001, "2026-10-20", "2026-11-19", "12500", "12500"));
        c.connect(Platform.VISMA, visma.oauth);
        visma.serverTime = serverTime;
        assertThat(c.sync.sync(Platform.VISMA, Duration.ofMinutes(4)).status()).isEqualTo(SyncReport.Status.OK);

        visma.serverTime = null;
        time.pass(Duration.ofMinutes(30));
        visma.put(VismaStandIn.invoice("a2", 2002, "2026-10-21", "2026-11-20", "4000", "4000"));
        SyncReport next = c.sync.sync(Platform.VISMA, Duration.ofMinutes(4));

        assertThat(next.status()).isEqualTo(SyncReport.Status.OK);
        assertThat(c.book(Platform.VISMA)).containsOnlyKeys("visma:a1", "visma:a2");
    }

    /**
     * The invoices are paged by {@code $page} until {@code Meta.TotalNumberOfPages}, and each answer's {@code Meta} names the
     * page it is ({@code CurrentPage}; the {@code PaginationMetadata} of Visma eAccounting API v2's Swagger description). A
     * page past the data ends the window, however many pages are claimed, and a page other than the one asked for fails
     * the sync: with a TotalNumberOfPages of 2147483647 each sync read empty pages until its budget ran out, so the window
     * never completed, and a server serving page 1 for every page had it read page 1 over and over, the rest never.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2147483647 | false | OK     |",
            "2147483647 | true  | FAILED | /v2/customerinvoices answered page 1 when page 2 was asked for; nothing of the batch being read was stored, and the cursor stays",
            "3          | true  | FAILED | /v2/customerinvoices answered page 1 when page 2 was asked for; nothing of the batch being read was stored, and the cursor stays"})
    void pagingEndsAtThePagesThereAre(int claimedPages, boolean ignoresPage, SyncReport.Status status, String reason)
            throws Exception {
        for (int i = 1; i <= 120; i++) {
            visma.put(VismaStandIn.invoice("b" + i, 3000 + i, "2026-11-01", "2026-12-01", "100", "100"));
        }
        c.connect(Platform.VISMA, visma.oauth);
        visma.claimedPages = claimedPages;
        visma.ignoresPage = ignoresPage;

        SyncReport report = c.sync.sync(Platform.VISMA, Duration.ofMinutes(4));

        assertThat(report.status()).isEqualTo(status);
        assertThat(report.reason()).isEqualTo(reason);
        if (status == SyncReport.Status.OK) {
            assertThat(report.read().invoices()).isEqualTo(120);
            assertThat(c.connection(Platform.VISMA).cursor()).containsKey("since").doesNotContainKeys("until", "page");
        } else {
            assertThat(c.connection(Platform.VISMA).cursor()).containsEntry("page", "2").doesNotContainKey("since");
        }
    }

    /**
     * Without {@code Meta.TotalNumberOfPages} a page as full as {@code $pagesize} asked for cannot be told from one with
     * pages after it (nor, without {@code Meta.CurrentPage}, a server that ignores {@code $page}), so it fails the sync with
     * the window kept; a shorter page is the last either way. Taken as one page, a first page of 100 of 120 invoices
     * completed the window and the other 20 were never read.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "120 | WHOLE | OK     |",
            "120 | NONE  | FAILED | /v2/customerinvoices answered a full page of 100 without Meta.TotalNumberOfPages: whether more pages follow cannot be told; nothing of the batch being read was stored, and the cursor stays",
            "120 | EMPTY | FAILED | /v2/customerinvoices answered a full page of 100 without Meta.TotalNumberOfPages: whether more pages follow cannot be told; nothing of the batch being read was stored, and the cursor stays",
            "100 | NONE  | FAILED | /v2/customerinvoices answered a full page of 100 without Meta.TotalNumberOfPages: whether more pages follow cannot be told; nothing of the batch being read was stored, and the cursor stays",
            "99  | NONE  | OK     |",
            "3   | EMPTY | OK     |"})
    void aFullPageWithoutItsPageCountFailsTheSyncAndKeepsTheWindow(int invoices, VismaStandIn.Meta meta,
            SyncReport.Status status, String reason) throws Exception {
        for (int i = 1; i <= invoices; i++) {
            visma.put(VismaStandIn.invoice("b" + i, 3000 + i, "2026-11-01", "2026-12-01", "100", "100"));
        }
        c.connect(Platform.VISMA, visma.oauth);
        visma.meta = meta;

        SyncReport report = c.sync.sync(Platform.VISMA, Duration.ofMinutes(4));

        assertThat(report.status()).isEqualTo(status);
        assertThat(report.reason()).isEqualTo(reason);
        if (status == SyncReport.Status.OK) {
            assertThat(c.book(Platform.VISMA)).hasSize(invoices);
            assertThat(c.connection(Platform.VISMA).cursor()).containsKey("since").doesNotContainKeys("until", "page");
        } else {
            assertThat(c.book(Platform.VISMA)).isEmpty();
            assertThat(c.connection(Platform.VISMA).cursor()).doesNotContainKey("since");
            visma.meta = VismaStandIn.Meta.WHOLE;
            assertThat(c.sync.sync(Platform.VISMA, Duration.ofMinutes(4)).status()).isEqualTo(SyncReport.Status.OK);
            assertThat(c.book(Platform.VISMA)).hasSize(invoices);
        }
    }

    /**
     * An answer without its {@code Data} list (every paginated answer of Visma eAccounting API v2 carries {@code Meta} and
     * {@code Data}) cannot be trusted: read as an empty page it completed the window, and the changes in it were never read.
     */
    @ParameterizedTest
    @ValueSource(strings = { "{}", "[]", "{\"Meta\":{\"CurrentPage\":1,\"TotalNumberOfPages\":1}}", "{\"Data\":null}",
            "{\"Data\":{}}" })
    void anAnswerWithoutItsListFailsTheSyncAndKeepsTheWindow(String answer) throws Exception {
        visma.put(VismaStandIn.invoice("a1", 2001, "2026-10-20", "2026-11-19", "12500", "12500"));
        c.connect(Platform.VISMA, visma.oauth);
        visma.served.put("/v2/customerinvoices", answer);

        SyncReport failed = c.sync.sync(Platform.VISMA, Duration.ofMinutes(4));

        assertThat(failed.status()).isEqualTo(SyncReport.Status.FAILED);
        assertThat(failed.reason()).isEqualTo("/v2/customerinvoices answered without its Data list; nothing of the batch being read was stored, and the cursor stays");
        assertThat(c.connection(Platform.VISMA).cursor()).doesNotContainKey("since");

        visma.served.clear();
        assertThat(c.sync.sync(Platform.VISMA, Duration.ofMinutes(4)).status()).isEqualTo(SyncReport.Status.OK);
        assertThat(c.book(Platform.VISMA)).containsOnlyKeys("visma:a1");
    }

    /**
     * An invoice's {@code ModifiedUtc} orders its updates in the book, but one later than creditguard's clock is taken as
     * now: the book kept the future time, and every later update of the invoice was stale until then, never stored.
     */
    @ParameterizedTest
    @ValueSource(strings = { "2026-12-08T07:00:00Z", "2999-01-01T00:00:00Z" })
    void aModificationTimeInTheFutureDoesNotKeepLaterUpdatesOut(String modifiedUtc) throws Exception {
        visma.put(VismaStandIn.invoice("a1", 2001, "2026-10-20", "2026-11-19", "12500", "12500"), modifiedUtc);
        c.connect(Platform.VISMA, visma.oauth);
        assertThat(c.sync.sync(Platform.VISMA, Duration.ofMinutes(4)).status()).isEqualTo(SyncReport.Status.OK);

        time.pass(Duration.ofMinutes(30));
        visma.put(VismaStandIn.invoice("a1", 2001, "2026-10-20", "2026-11-19", "12500", "2500"));
        assertThat(c.sync.sync(Platform.VISMA, Duration.ofMinutes(4)).status()).isEqualTo(SyncReport.Status.OK);

        assertThat(c.book(Platform.VISMA).get("visma:a1").openAmount()).isEqualByComparingTo("2500");
    }

    /**
     * An invoice's update older than the state the book holds (by {@code ModifiedUtc}) is kept out, and the report counts
     * it as stale, not as read: it was counted with the invoices brought into the book.
     */
    @ParameterizedTest
    @CsvSource({ "-PT30S, 0, 1", "PT0S, 1, 0", "PT30M, 1, 0" })
    void anUpdateOlderThanTheBooksStateIsReportedStale(Duration after, int invoices, int stale) throws Exception {
        Instant first = time.instant();
        visma.put(VismaStandIn.invoice("a1", 2001, "2026-10-20", "2026-11-19", "12500", "12500"));
        c.connect(Platform.VISMA, visma.oauth);
        assertThat(c.sync.sync(Platform.VISMA, Duration.ofMinutes(4)).read().invoices()).isEqualTo(1);

        time.pass(Duration.ofMinutes(30));
        visma.put(VismaStandIn.invoice("a1", 2001, "2026-10-20", "2026-11-19", "12500", "2500"), first.plus(after).toString());
        SyncReport next = c.sync.sync(Platform.VISMA, Duration.ofMinutes(4));

        assertThat(next.status()).isEqualTo(SyncReport.Status.OK);
        assertThat(next.read().invoices()).isEqualTo(invoices);
        assertThat(next.stale()).hasSize(stale).allSatisfy(u -> assertThat(u.id()).isEqualTo("visma:a1"));
        assertThat(c.book(Platform.VISMA).get("visma:a1").openAmount()).isEqualByComparingTo(stale == 1 ? "12500" : "2500");
    }
}
