package io.creditguard.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.creditguard.VirtualTime;
import io.creditguard.receivables.Invoice;

/**
 * The Fortnox sync against a local Fortnox that behaves as Fortnox documents it (paging, lastmodified,
 * rotating single-use refresh tokens, 25 requests in 5 seconds, 429), on a clock that only waiting moves.
 */
class FortnoxSyncTest {

    private static final Instant MONDAY = Instant.parse("2026-12-07T07:00:00Z");

    @TempDir
    Path root;

    private VirtualTime time;
    private FortnoxStandIn fortnox;
    private Connected c;

    @BeforeEach
    void start() {
        time = new VirtualTime(MONDAY);
        fortnox = new FortnoxStandIn(time);
        c = new Connected(root, time, fortnox.config());
    }

    @AfterEach
    void stop() {
        fortnox.close();
    }

    private void book() {
        fortnox.sampleBook();
    }

    @Test
    void theConsentAndTheFirstSyncBringInvoicesPaymentsAndCreditsIntoTheBook() throws Exception {
        book();
        assertThat(c.connect(Platform.FORTNOX, fortnox.oauth)).isInstanceOf(Consents.Connected.class);
        assertThat(fortnox.oauth.lastAuthorizeQuery).containsEntry("access_type", "offline")
                .containsEntry("scope", "invoice customer payment").containsEntry("redirect_uri",
                        Connected.redirect(Platform.FORTNOX).toString()).doesNotContainKey("code_challenge");

        SyncReport report = c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4));

        assertThat(report.status()).isEqualTo(SyncReport.Status.OK);
        assertThat(report.read()).isEqualTo(new SyncReport.Counts(4, 1, 1));
        assertThat(report.unmapped()).extracting(SyncReport.Unmapped::id)
                .containsExactlyInAnyOrder("fortnox:1006", "fortnox:1007", "fortnox:1008");
        assertThat(report.unmapped()).extracting(SyncReport.Unmapped::reason).anySatisfy(r -> assertThat(r).contains("ZZZ"))
                .anySatisfy(r -> assertThat(r).contains("negative")).anySatisfy(r -> assertThat(r).contains("DueDate"));
        Map<String, Invoice> book = c.book(Platform.FORTNOX);
        assertThat(book).containsOnlyKeys("fortnox:1001", "fortnox:1002", "fortnox:1003", "fortnox:1005");
        Invoice overdue = book.get("fortnox:1001");
        assertThat(overdue.openAmount()).isEqualByComparingTo("12500");
        assertThat(overdue.terms().paymentReference()).isEqualTo("100115");
        assertThat(overdue.terms().platformReminders()).isEqualTo(new Invoice.PlatformReminders(1,
                java.time.LocalDate.parse("2026-11-26")));
        assertThat(overdue.customer().type()).isEqualTo(Invoice.CustomerType.BUSINESS);
        assertThat(overdue.customer().email()).isEqualTo("ekonomi@bygg.example");
        assertThat(book.get("fortnox:1002").customer().type()).isEqualTo(Invoice.CustomerType.CONSUMER);
        assertThat(book.get("fortnox:1002").openAmount()).isEqualByComparingTo("0");
        assertThat(book.get("fortnox:1002").payments()).extracting(Invoice.Payment::id).containsExactly("fortnox:payment:501");
        assertThat(book.get("fortnox:1003").credits()).extracting(Invoice.Credit::documentId).containsExactly("fortnox:1004");
        assertThat(book.get("fortnox:1003").openAmount()).isEqualByComparingTo("0");
        assertThat(book.get("fortnox:1005").openAmount()).isEqualByComparingTo("0");
        assertThat(book.get("fortnox:1005").credits()).extracting(Invoice.Credit::documentId).containsExactly("fortnox:1005:cancelled");
        Connection connection = c.connection(Platform.FORTNOX);
        assertThat(connection.connectedBy()).isEqualTo("anna@foretaget.example");
        assertThat(connection.cursor()).containsEntry("since", "2026-12-07 05:30").doesNotContainKey("until");
        assertThat(connection.unmapped()).hasSize(3);
        assertThat(connection.lastSync()).isEqualTo(report);
    }

    @Test
    void aReSyncDuplicatesNothingAndReadsOnlyWhatChanged() throws Exception {
        book();
        // Changed long enough before the first sync to be outside the next window's overlap.
        time.pass(Duration.ofHours(3));
        c.connect(Platform.FORTNOX, fortnox.oauth);
        c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4));
        Map<String, Invoice> first = c.book(Platform.FORTNOX);

        time.pass(Duration.ofHours(3));
        ObjectNode paid = FortnoxStandIn.invoice("1001", "10", "2026-10-20", "2026-11-19", "12500", "0");
        fortnox.put(paid.put("OCR", "100115"));
        fortnox.payment("502", "1001", "12500", "2026-12-07");
        int before = fortnox.apiRequests.get();
        SyncReport again = c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4));

        assertThat(again.status()).isEqualTo(SyncReport.Status.OK);
        // The invoice list, the one changed invoice and its customer, the payment list.
        assertThat(fortnox.apiRequests.get() - before).isEqualTo(4);
        Map<String, Invoice> second = c.book(Platform.FORTNOX);
        assertThat(second.keySet()).isEqualTo(first.keySet());
        assertThat(second.get("fortnox:1001").openAmount()).isEqualByComparingTo("0");
        assertThat(second.get("fortnox:1001").payments()).extracting(Invoice.Payment::id).containsExactly("fortnox:payment:502");
        assertThat(second.get("fortnox:1002").payments()).isEqualTo(first.get("fortnox:1002").payments());
        assertThat(second.get("fortnox:1003").credits()).isEqualTo(first.get("fortnox:1003").credits());

        // Everything read again (a cursor lost, say) still stores each record once.
        c.connections.update(Platform.FORTNOX, x -> x.withCursor(Map.of()));
        c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4));
        Map<String, Invoice> third = c.book(Platform.FORTNOX);
        assertThat(third.keySet()).isEqualTo(first.keySet());
        third.forEach((id, invoice) -> {
            assertThat(invoice.payments()).as(id).isEqualTo(second.get(id).payments());
            assertThat(invoice.credits()).as(id).isEqualTo(second.get(id).credits());
        });
    }

    @ParameterizedTest
    @EnumSource(value = FortnoxStandIn.Fault.class, names = { "OUTAGE", "HTML", "TRUNCATED", "SLOW" })
    void aPlatformThatFailsChangesNothing(FortnoxStandIn.Fault fault) throws Exception {
        book();
        c.connect(Platform.FORTNOX, fortnox.oauth);
        c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4));
        List<String> files = c.bookFiles();
        Map<String, String> cursor = c.connection(Platform.FORTNOX).cursor();

        time.pass(Duration.ofMinutes(30));
        fortnox.put(FortnoxStandIn.invoice("1001", "10", "2026-10-20", "2026-11-19", "12500", "0"));
        fortnox.fault = fault;
        SyncReport failed = c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4));

        assertThat(failed.status()).isEqualTo(SyncReport.Status.FAILED);
        assertThat(failed.reason()).contains(switch (fault) {
            case OUTAGE -> "HTTP 503";
            case HTML -> "text/html";
            case SLOW -> "no answer within 1000 ms";
            default -> "not complete";
        }).contains("cursor stays");
        assertThat(c.bookFiles()).isEqualTo(files);
        assertThat(c.connection(Platform.FORTNOX).cursor()).isEqualTo(cursor);
        assertThat(c.connection(Platform.FORTNOX).status()).isEqualTo(Connection.Status.CONNECTED);
        assertThat(c.connection(Platform.FORTNOX).lastSync().status()).isEqualTo(SyncReport.Status.FAILED);

        fortnox.fault = FortnoxStandIn.Fault.NONE;
        assertThat(c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4)).status()).isEqualTo(SyncReport.Status.OK);
        assertThat(c.book(Platform.FORTNOX).get("fortnox:1001").openAmount()).isEqualByComparingTo("0");
    }

    @Test
    void aLargeFirstSyncKeepsTheRateLimitAndGoesOnWhereTheBudgetStoppedIt() throws Exception {
        fortnox.customer("10", "Byggmästarna AB", "COMPANY", "SE", "ekonomi@bygg.example");
        fortnox.customer("11", "Eva Svensson", "PRIVATE", "SE", "eva@example.se");
        for (int i = 1; i <= 120; i++) {
            fortnox.put(FortnoxStandIn.invoice(String.valueOf(2000 + i), i % 2 == 0 ? "10" : "11", "2026-11-01", "2026-12-01",
                    "1000", "1000"));
        }
        c.connect(Platform.FORTNOX, fortnox.oauth);
        Instant began = time.instant();
        int syncs = 0;
        SyncReport report;
        do {
            report = c.sync.sync(Platform.FORTNOX, Duration.ofSeconds(12));
            syncs++;
            assertThat(report.status()).isIn(SyncReport.Status.OK, SyncReport.Status.PARTIAL);
        } while (report.status() == SyncReport.Status.PARTIAL && syncs < 20);

        assertThat(report.status()).isEqualTo(SyncReport.Status.OK);
        assertThat(syncs).as("a 12-second budget is not enough for 120 invoices at 5 a second").isGreaterThan(1);
        assertThat(c.book(Platform.FORTNOX)).hasSize(120);
        assertThat(fortnox.tooMany.get()).isZero();
        assertThat(fortnox.mostInAnyWindow()).isLessThanOrEqualTo(25);
        // 2 list pages, 120 invoices, 2 customers, a payment list: the 125th request at 25 in any 5 s comes no
        // sooner than 4 windows, 20 s, after the first.
        assertThat(Duration.between(began, time.instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aTooManyRequestsIsWaitedOutAsRetryAfterSaysOnTheClock() throws Exception {
        book();
        c.connect(Platform.FORTNOX, fortnox.oauth);
        fortnox.throttleNext.set(2);
        Duration sleptBefore = time.slept();

        SyncReport report = c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4));

        assertThat(report.status()).isEqualTo(SyncReport.Status.OK);
        assertThat(fortnox.tooMany.get()).isEqualTo(2);
        assertThat(time.slept().minus(sleptBefore)).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndTheRotatedPairKept() throws Exception {
        book();
        c.connect(Platform.FORTNOX, fortnox.oauth);
        String first = c.connection(Platform.FORTNOX).tokens().refreshToken();
        time.pass(Duration.ofMinutes(61));

        assertThat(c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4)).status()).isEqualTo(SyncReport.Status.OK);

        assertThat(fortnox.oauth.refreshes.get()).isEqualTo(1);
        Connection.Tokens kept = c.connection(Platform.FORTNOX).tokens();
        assertThat(kept.refreshToken()).isNotEqualTo(first).isEqualTo(fortnox.oauth.currentRefreshToken());
        assertThat(kept.toString()).doesNotContain(kept.refreshToken()).doesNotContain(kept.accessToken());
        assertThat(c.connection(Platform.FORTNOX).refreshing()).isNull();
    }

    /**
     * A token answer's {@code expires_in} is taken from zero to a day (RFC 6749 §5.1 says seconds; nothing bounds it):
     * one no date can be made from failed the refresh's bookkeeping after the rotating refresh token was spent, so
     * the next sync had only a dead one and the connection needed a new consent.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "1e400                | PT24H", "99999999999999999999 | PT24H", "9223372036854775807 | PT24H",
            "86401                | PT24H", "3600                 | PT1H", "`\"600\"`            | PT10M",
            "-3600                | PT0S", "null                 | PT1H", "`\"soon\"`           | PT1H"})
    void aRefreshedTokensLifetimeIsTakenWithinADayAndTheRotatedPairKept(String expiresIn, Duration taken) throws Exception {
        book();
        c.connect(Platform.FORTNOX, fortnox.oauth);
        fortnox.oauth.expiresIn = expiresIn;
        time.pass(Duration.ofMinutes(61));
        Instant refreshedAt = time.instant();

        assertThat(c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4)).status()).isEqualTo(SyncReport.Status.OK);

        Connection.Tokens kept = c.connection(Platform.FORTNOX).tokens();
        assertThat(kept.refreshToken()).isEqualTo(fortnox.oauth.currentRefreshToken());
        assertThat(kept.expiresAt()).isEqualTo(refreshedAt.plus(taken));
    }

    @Test
    void twoSyncsAtOnceRefreshOnceAndKeepTheConnection() throws Exception {
        // The second sync waits for the first one's refresh on the wall clock, 20 ms a look.
        c = new Connected(root, time, fortnox.config(), wait -> Thread.sleep(20));
        book();
        c.connect(Platform.FORTNOX, fortnox.oauth);
        time.pass(Duration.ofMinutes(61));
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Callable<SyncReport> sync = () -> c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4));
            List<Future<SyncReport>> both = two.invokeAll(List.of(sync, sync));
            for (Future<SyncReport> f : both) {
                assertThat(f.get().status()).isEqualTo(SyncReport.Status.OK);
            }
        } finally {
            two.shutdownNow();
        }
        assertThat(fortnox.oauth.refreshes.get()).isEqualTo(1);
        assertThat(fortnox.oauth.refused.get()).isZero();
        assertThat(c.connection(Platform.FORTNOX).status()).isEqualTo(Connection.Status.CONNECTED);
        assertThat(c.connection(Platform.FORTNOX).tokens().refreshToken()).isEqualTo(fortnox.oauth.currentRefreshToken());
        assertThat(c.book(Platform.FORTNOX)).hasSize(4);
    }

    @Test
    void aRefusedRefreshNeedsConsentAndANewConsentKeepsTheCursor() throws Exception {
        book();
        c.connect(Platform.FORTNOX, fortnox.oauth);
        c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4));
        Map<String, String> cursor = c.connection(Platform.FORTNOX).cursor();
        fortnox.oauth.revoked = true;
        time.pass(Duration.ofMinutes(61));

        SyncReport refused = c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4));

        assertThat(refused.status()).isEqualTo(SyncReport.Status.NEEDS_CONSENT);
        assertThat(refused.reason()).contains("invalid_grant").contains("connect it again");
        assertThat(c.connection(Platform.FORTNOX).status()).isEqualTo(Connection.Status.NEEDS_CONSENT);
        assertThat(c.connection(Platform.FORTNOX).tokens()).isNull();
        assertThat(c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4)).status()).isEqualTo(SyncReport.Status.NEEDS_CONSENT);

        fortnox.oauth.revoked = false;
        assertThat(c.connect(Platform.FORTNOX, fortnox.oauth)).isInstanceOf(Consents.Connected.class);
        assertThat(c.connection(Platform.FORTNOX).status()).isEqualTo(Connection.Status.CONNECTED);
        assertThat(c.connection(Platform.FORTNOX).cursor()).isEqualTo(cursor);
    }

    @Test
    void disconnectingRevokesTheRefreshTokenAndForgetsTheConnection() throws Exception {
        c.connect(Platform.FORTNOX, fortnox.oauth);
        assertThat(c.consents.disconnect(Platform.FORTNOX)).isEqualTo(Consents.Revocation.REVOKED);
        assertThat(fortnox.oauth.revoked).isTrue();
        assertThat(c.connections.read(Platform.FORTNOX)).isEmpty();
        assertThat(c.consents.disconnect(Platform.FORTNOX)).isEqualTo(Consents.Revocation.NOT_CONNECTED);
        assertThat(c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4)).status()).isEqualTo(SyncReport.Status.NOT_CONNECTED);
    }

    /**
     * An amount beyond any receivable is the one invoice's fault, said at once: {@code 1e400000000} written out to the
     * currency's two decimals would be 400 million digits before any check saw it.
     */
    @Test
    // a separate thread, so that a regression fails here instead of holding the build: the digits are not interruptible
    @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void anAmountBeyondAnyReceivableLeavesOnlyThatInvoiceOut() throws Exception {
        fortnox.customer("10", "Byggmästarna AB", "COMPANY", "SE", "ekonomi@bygg.example");
        fortnox.put(FortnoxStandIn.invoice("1001", "10", "2026-10-20", "2026-11-19", "12500", "12500"));
        fortnox.put(FortnoxStandIn.invoice("1002", "10", "2026-10-20", "2026-11-19", "0", "0")
                .putRawValue("Total", new com.fasterxml.jackson.databind.util.RawValue("1e400000000")));
        c.connect(Platform.FORTNOX, fortnox.oauth);
        SyncReport report = c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4));
        assertThat(report.status()).isEqualTo(SyncReport.Status.OK);
        assertThat(report.unmapped()).singleElement().satisfies(u -> {
            assertThat(u.id()).isEqualTo("fortnox:1002");
            assertThat(u.reason()).isEqualTo("Total 1E+400000000 is no amount: at most 4 decimals and below 1000000000000000");
        });
        assertThat(c.book(Platform.FORTNOX)).containsOnlyKeys("fortnox:1001");
    }

    /**
     * A payment is held to the book's rules before it is added to its invoice (Fortnox's {@code InvoicePayment}: {@code Number},
     * {@code PaymentDate}): one the book cannot read back, dated outside the receivables era or with an id the book refuses,
     * made its invoice's line unreadable, so every later write of that invoice, and so every later sync, failed.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "501                | 2300-01-01 | $.date must be a date between 1970 and 2199",
            "5011111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111 | 2026-11-20 | $.id size must be between 0 and 100",
            "`50\u00071`         | 2026-11-20 | $.id must be a single line without control characters"})
    void aPaymentTheBookCannotKeepIsLeftOutWithItsReasonAndItsInvoiceStaysWritable(String number, String date, String reason)
            throws Exception {
        fortnox.customer("11", "Eva Svensson", "PRIVATE", "SE", "eva@example.se");
        fortnox.put(FortnoxStandIn.invoice("1002", "11", "2026-10-25", "2026-11-24", "8000", "8000"));
        fortnox.payment(number, "1002", "8000", date);
        c.connect(Platform.FORTNOX, fortnox.oauth);

        SyncReport report = c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4));

        assertThat(report.status()).isEqualTo(SyncReport.Status.OK);
        assertThat(report.unmapped()).singleElement().satisfies(u -> {
            assertThat(u.id()).isEqualTo("fortnox:payment:" + number);
            assertThat(u.reason()).isEqualTo(reason);
        });
        assertThat(c.book(Platform.FORTNOX).get("fortnox:1002").payments()).isEmpty();
    }

    /**
     * An amount written as text (Fortnox writes some fields of its JSON as text) is read only as long as a JSON number
     * may be: two million digits took a minute of a processor to parse before any bound could refuse them.
     */
    @ParameterizedTest
    @CsvSource({ "Total, 2000000", "Balance, 2000000" })
    // a separate thread, so that a regression fails here instead of holding the build: the parsing is not interruptible
    @org.junit.jupiter.api.Timeout(value = 10, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void anAmountWrittenAsTextOfManyDigitsLeavesOnlyThatInvoiceOut(String field, int digits) throws Exception {
        fortnox.customer("10", "Byggmästarna AB", "COMPANY", "SE", "ekonomi@bygg.example");
        fortnox.put(FortnoxStandIn.invoice("1001", "10", "2026-10-20", "2026-11-19", "12500", "12500"));
        fortnox.put(FortnoxStandIn.invoice("1002", "10", "2026-10-20", "2026-11-19", "0", "0").put(field, "9".repeat(digits)));
        c.connect(Platform.FORTNOX, fortnox.oauth);

        SyncReport report = c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4));

        assertThat(report.status()).isEqualTo(SyncReport.Status.OK);
        assertThat(report.unmapped()).singleElement().satisfies(u -> {
            assertThat(u.id()).isEqualTo("fortnox:1002");
            assertThat(u.reason()).isEqualTo(field + " is not an amount");
        });
        assertThat(c.book(Platform.FORTNOX)).containsOnlyKeys("fortnox:1001");
    }

    /**
     * The lists are paged by {@code page} until {@code MetaInformation.@TotalPages}, and each answer names the page it is
     * ({@code @CurrentPage}, Fortnox's OpenAPI description, {@code MetaInformation}). A page past the data ends the list,
     * however many pages are claimed, and a page other than the one asked for fails the sync: with a @TotalPages of
     * 2147483647 each sync read empty or repeated pages until its budget ran out, so the window never completed and no
     * payment was ever read.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2147483647 | false | OK     |",
            "2147483647 | true  | FAILED | /3/invoices answered page 1 when page 2 was asked for; nothing of the batch being read was stored, and the cursor stays",
            "3          | true  | FAILED | /3/invoices answered page 1 when page 2 was asked for; nothing of the batch being read was stored, and the cursor stays"})
    void pagingEndsAtThePagesThereAre(int claimedPages, boolean ignoresPage, SyncReport.Status status, String reason)
            throws Exception {
        book();
        c.connect(Platform.FORTNOX, fortnox.oauth);
        fortnox.claimedPages = claimedPages;
        fortnox.ignoresPage = ignoresPage;

        SyncReport report = c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4));

        assertThat(report.status()).isEqualTo(status);
        assertThat(report.reason()).isEqualTo(reason);
        if (status == SyncReport.Status.OK) {
            assertThat(report.read()).isEqualTo(new SyncReport.Counts(4, 1, 1));
            assertThat(c.connection(Platform.FORTNOX).cursor()).containsKey("since").doesNotContainKey("until");
        }
    }

    /**
     * Without {@code MetaInformation.@TotalPages} a page as full as {@code limit} asked for cannot be told from one with
     * pages after it (nor, without {@code @CurrentPage}, a server that ignores {@code page}), so it fails the sync with the
     * window kept; a shorter page is the last either way. Fortnox's OpenAPI description defines {@code MetaInformation}
     * ({@code @CurrentPage}, {@code @TotalPages}, {@code @TotalResources}) but leaves it out of the schemas of these lists'
     * answers, so its absence alone is not refused. Taken as one page, a first page of 100 of 120 invoices completed the
     * window and the other 20 were never read.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "120 | WHOLE | OK     |",
            "120 | NONE  | FAILED | /3/invoices answered a full page of 100 without MetaInformation.@TotalPages: whether more pages follow cannot be told; nothing of the batch being read was stored, and the cursor stays",
            "120 | EMPTY | FAILED | /3/invoices answered a full page of 100 without MetaInformation.@TotalPages: whether more pages follow cannot be told; nothing of the batch being read was stored, and the cursor stays",
            "100 | NONE  | FAILED | /3/invoices answered a full page of 100 without MetaInformation.@TotalPages: whether more pages follow cannot be told; nothing of the batch being read was stored, and the cursor stays",
            "99  | NONE  | OK     |",
            "3   | EMPTY | OK     |"})
    void aFullPageWithoutItsPageCountFailsTheSyncAndKeepsTheWindow(int invoices, FortnoxStandIn.Meta meta,
            SyncReport.Status status, String reason) throws Exception {
        fortnox.customer("10", "Byggmästarna AB", "COMPANY", "SE", "ekonomi@bygg.example");
        for (int i = 1; i <= invoices; i++) {
            fortnox.put(FortnoxStandIn.invoice(String.valueOf(2000 + i), "10", "2026-11-01", "2026-12-01", "1000", "1000"));
        }
        c.connect(Platform.FORTNOX, fortnox.oauth);
        fortnox.meta = meta;

        SyncReport report = c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4));

        assertThat(report.status()).isEqualTo(status);
        assertThat(report.reason()).isEqualTo(reason);
        if (status == SyncReport.Status.OK) {
            assertThat(c.book(Platform.FORTNOX)).hasSize(invoices);
            assertThat(c.connection(Platform.FORTNOX).cursor()).containsKey("since").doesNotContainKey("until");
        } else {
            assertThat(c.book(Platform.FORTNOX)).isEmpty();
            assertThat(c.connection(Platform.FORTNOX).cursor()).doesNotContainKey("since");
            fortnox.meta = FortnoxStandIn.Meta.WHOLE;
            assertThat(c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4)).status()).isEqualTo(SyncReport.Status.OK);
            assertThat(c.book(Platform.FORTNOX)).hasSize(invoices);
        }
    }

    /**
     * A page is read whole before the budget is looked at again, each invoice of it a request at 25 in 5 seconds, so a
     * page of more invoices than {@code limit} asked for is refused: a page of 1 000 kept one sync at it for over three
     * minutes past a budget of 12 seconds.
     */
    @ParameterizedTest
    @CsvSource({ "1000, FAILED", "101, FAILED", "100, PARTIAL" })
    void aPageOfMoreInvoicesThanAskedForIsRefused(int served, SyncReport.Status status) throws Exception {
        fortnox.customer("10", "Byggmästarna AB", "COMPANY", "SE", "ekonomi@bygg.example");
        for (int i = 1; i <= served; i++) {
            fortnox.put(FortnoxStandIn.invoice(String.valueOf(2000 + i), "10", "2026-11-01", "2026-12-01", "1000", "1000"));
        }
        c.connect(Platform.FORTNOX, fortnox.oauth);
        fortnox.servedLimit = served;
        Instant began = time.instant();

        SyncReport report = c.sync.sync(Platform.FORTNOX, Duration.ofSeconds(12));

        assertThat(report.status()).isEqualTo(status);
        if (status == SyncReport.Status.FAILED) {
            assertThat(report.reason()).startsWith("/3/invoices answered " + served + " invoices on a page of at most 100");
            assertThat(c.book(Platform.FORTNOX)).isEmpty();
            assertThat(Duration.between(began, time.instant())).isLessThan(Duration.ofSeconds(12));
        }
    }

    /**
     * A list answer without its list ({@code Invoices} of {@code /3/invoices}, {@code InvoicePayments} of
     * {@code /3/invoicepayments}, as Fortnox's OpenAPI description gives their answers) cannot be trusted: read as an empty
     * list it completed the window, and the changes in it were never read.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/3/invoices        | {}                                                     | /3/invoices answered without its Invoices list",
            "/3/invoices        | []                                                     | /3/invoices answered without its Invoices list",
            "/3/invoices        | {\"MetaInformation\":{\"@TotalPages\":1,\"@CurrentPage\":1}} | /3/invoices answered without its Invoices list",
            "/3/invoices        | {\"Invoices\":{}}                                        | /3/invoices answered without its Invoices list",
            "/3/invoicepayments | {}                                                     | /3/invoicepayments answered without its InvoicePayments list",
            "/3/invoicepayments | {\"InvoicePayments\":null}                               | /3/invoicepayments answered without its InvoicePayments list"})
    void anAnswerWithoutItsListFailsTheSyncAndKeepsTheWindow(String path, String answer, String reason) throws Exception {
        book();
        c.connect(Platform.FORTNOX, fortnox.oauth);
        fortnox.served.put(path, answer);

        SyncReport failed = c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4));

        assertThat(failed.status()).isEqualTo(SyncReport.Status.FAILED);
        assertThat(failed.reason()).isEqualTo(reason + "; nothing of the batch being read was stored, and the cursor stays");
        assertThat(c.connection(Platform.FORTNOX).cursor()).doesNotContainKey("since");

        fortnox.served.clear();
        assertThat(c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4)).status()).isEqualTo(SyncReport.Status.OK);
        assertThat(c.book(Platform.FORTNOX).get("fortnox:1002").payments()).extracting(Invoice.Payment::id)
                .containsExactly("fortnox:payment:501");
    }

    /**
     * An invoice's customer is read by its number ({@code GET /3/customers/{CustomerNumber}}, Fortnox's OpenAPI
     * description), percent-encoded as one path segment (RFC 3986 §3.3: a space is {@code %20}, not a form's {@code +}).
     * A customer that cannot be read (none of that number, 404; a number too long for a request line, 414 URI Too Long,
     * RFC 9110 §15.5.15) or cannot be asked for ({@code .} and {@code ..} are dot segments, resolved away, RFC 3986
     * §5.2.4) leaves its invoice out with the reason: it failed the whole sync, and every sync after it.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "A B   | 1    | true  | A%20B     |",
            "a/b   | 1    | true  | a%2Fb     |",
            "50%   | 1    | true  | 50%25     |",
            "a?b#c | 1    | true  | a%3Fb%23c |",
            "99    | 1    | false | 99        | CustomerNumber 99 could not be read: Fortnox answered HTTP 404",
            "9     | 3000 | false | 9         | CustomerNumber 9999999999999999999999999999999999999999… (3000 characters) could not be read: Fortnox answered HTTP 414",
            ".     | 1    | true  |           | CustomerNumber . cannot be asked for: as a path segment it names another resource",
            "..    | 1    | true  |           | CustomerNumber .. cannot be asked for: as a path segment it names another resource"})
    void aCustomerIsAskedForByItsNumberAndOneThatCannotBeReadLeavesOnlyItsInvoiceOut(String number, int times, boolean known,
            String segment, String reason) throws Exception {
        String customer = number.repeat(times);
        fortnox.customer("10", "Byggmästarna AB", "COMPANY", "SE", "ekonomi@bygg.example");
        if (known) {
            fortnox.customer(customer, "Kund", "COMPANY", "SE", "kund@example.se");
        }
        fortnox.put(FortnoxStandIn.invoice("1001", customer, "2026-10-20", "2026-11-19", "12500", "12500"));
        fortnox.put(FortnoxStandIn.invoice("1002", "10", "2026-10-20", "2026-11-19", "500", "500"));
        c.connect(Platform.FORTNOX, fortnox.oauth);

        SyncReport report = c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4));

        assertThat(report.status()).isEqualTo(SyncReport.Status.OK);
        if (segment == null) {
            assertThat(fortnox.requested).noneMatch(p -> p.startsWith("/3/customers/" + number));
        } else {
            assertThat(fortnox.requested).contains("/3/customers/" + segment.repeat(times));
        }
        if (reason == null) {
            assertThat(report.unmapped()).isEmpty();
            assertThat(c.book(Platform.FORTNOX).get("fortnox:1001").customer().email()).isEqualTo("kund@example.se");
        } else {
            assertThat(report.unmapped()).singleElement().isEqualTo(new SyncReport.Unmapped("fortnox:1001", reason));
            assertThat(c.book(Platform.FORTNOX)).containsOnlyKeys("fortnox:1002");
        }
    }

    /**
     * An invoice is read by its document number and its customer by its number, each answer inside its wrapper
     * ({@code {"Invoice":{…}}}, {@code {"Customer":{…}}}, Fortnox's OpenAPI description). A document number that cannot
     * be asked for, or an answer without its wrapper, leaves that invoice out with the reason: a customer answer without
     * it had a private person ({@code Type} PRIVATE) dunned as a business.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1002 | /3/customers/11  | {\"CustomerNumber\":\"11\",\"Type\":\"PRIVATE\"} | /3/customers/11 answered without its Customer",
            "1002 | /3/invoices/1002 | {\"DocumentNumber\":\"1002\"}                      | /3/invoices/1002 answered without its Invoice",
            "..   |                  |                                                   | DocumentNumber .. cannot be asked for: as a path segment it names another resource",
            ".    |                  |                                                   | DocumentNumber . cannot be asked for: as a path segment it names another resource"})
    void anInvoiceThatCannotBeReadWholeIsLeftOutWithItsReason(String number, String path, String answer, String reason)
            throws Exception {
        fortnox.customer("11", "Eva Svensson", "PRIVATE", "SE", "eva@example.se");
        fortnox.put(FortnoxStandIn.invoice(number, "11", "2026-10-25", "2026-11-24", "8000", "8000"));
        fortnox.put(FortnoxStandIn.invoice("1003", "11", "2026-10-25", "2026-11-24", "500", "500"));
        if (path != null) {
            fortnox.served.put(path, answer);
        }
        c.connect(Platform.FORTNOX, fortnox.oauth);

        SyncReport report = c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4));

        assertThat(report.status()).isEqualTo(SyncReport.Status.OK);
        assertThat(report.unmapped()).extracting(SyncReport.Unmapped::id, SyncReport.Unmapped::reason)
                .contains(org.assertj.core.groups.Tuple.tuple("fortnox:" + number, reason));
        assertThat(c.book(Platform.FORTNOX)).doesNotContainKey("fortnox:" + number);
    }

    /**
     * The customer's {@code Type} tells a consumer from a business, and only {@code PRIVATE} and {@code COMPANY} do (the
     * values Fortnox's OpenAPI description gives {@code Customer.Type}, with no default): a consumer is dunned under other
     * rules. A customer of any other Type, or none, leaves its invoice out with the reason; it was taken for a business.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PRIVATE | CONSUMER |",
            "COMPANY | BUSINESS |",
            "absent  |          | customer 10 has no Type: PRIVATE or COMPANY tells a consumer from a business",
            "null    |          | customer 10 has no Type: PRIVATE or COMPANY tells a consumer from a business",
            "''      |          | customer 10 has no Type: PRIVATE or COMPANY tells a consumer from a business",
            "private |          | customer 10 has Type private, neither PRIVATE nor COMPANY, which tell a consumer from a business",
            "PERSON  |          | customer 10 has Type PERSON, neither PRIVATE nor COMPANY, which tell a consumer from a business"})
    void aCustomerOfNoKnownTypeLeavesItsInvoiceOut(String type, Invoice.CustomerType taken, String reason) throws Exception {
        fortnox.customer("10", "Byggmästarna AB", type, "SE", "ekonomi@bygg.example");
        if (type.equals("absent") || type.equals("null")) {
            ObjectNode customer = io.creditguard.json.Json.MAPPER.createObjectNode()
                    .put("CustomerNumber", "10").put("Name", "Byggmästarna AB").put("CountryCode", "SE");
            if (type.equals("null")) {
                customer.putNull("Type");
            }
            fortnox.served.put("/3/customers/10", Connected.json(Map.of("Customer", customer)));
        }
        fortnox.put(FortnoxStandIn.invoice("1001", "10", "2026-10-20", "2026-11-19", "12500", "12500"));
        c.connect(Platform.FORTNOX, fortnox.oauth);

        SyncReport report = c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4));

        assertThat(report.status()).isEqualTo(SyncReport.Status.OK);
        if (reason == null) {
            assertThat(report.unmapped()).isEmpty();
            assertThat(c.book(Platform.FORTNOX).get("fortnox:1001").customer().type()).isEqualTo(taken);
        } else {
            assertThat(report.unmapped()).singleElement().isEqualTo(new SyncReport.Unmapped("fortnox:1001", reason));
            assertThat(c.book(Platform.FORTNOX)).isEmpty();
        }
    }

    /**
     * A payment or credit invoice for an invoice the book does not hold yet waits for it (the intake keeps it until the
     * invoice arrives) and the report says so, with its reason: it was counted as read, and as stored it was dropped from
     * the records listed as not in the book.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "payment | 1001 | 1 | 1 | 0 |                    |",
            "payment | 9999 | 1 | 0 | 0 | fortnox:payment:601 | kept until invoice fortnox:9999 arrives",
            "credit  | 1001 | 1 | 0 | 1 |                    |",
            "credit  | 9999 | 1 | 0 | 0 | fortnox:1004        | kept until invoice fortnox:9999 arrives"})
    void aPaymentOrCreditForAnInvoiceNotYetInTheBookIsReportedPending(String kind, String invoice, int invoices, int payments,
            int credits, String pendingId, String pendingReason) throws Exception {
        fortnox.customer("10", "Byggmästarna AB", "COMPANY", "SE", "ekonomi@bygg.example");
        fortnox.put(FortnoxStandIn.invoice("1001", "10", "2026-10-20", "2026-11-19", "12500", "12500"));
        if (kind.equals("payment")) {
            fortnox.payment("601", invoice, "500", "2026-11-20");
        } else {
            fortnox.put(FortnoxStandIn.invoice("1004", "10", "2026-11-02", "2026-12-02", "-500", "0").put("Credit", "true")
                    .put("CreditInvoiceReference", invoice));
        }
        c.connect(Platform.FORTNOX, fortnox.oauth);

        SyncReport report = c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4));

        assertThat(report.status()).isEqualTo(SyncReport.Status.OK);
        assertThat(report.read()).isEqualTo(new SyncReport.Counts(invoices, payments, credits));
        assertThat(report.pending()).isEqualTo(pendingId == null ? List.of()
                : List.of(new SyncReport.Unmapped(pendingId, pendingReason)));
        assertThat(report.unmapped()).isEmpty();
    }

    /**
     * A date is read only when it is one: an ISO date (Fortnox's OpenAPI description gives {@code InvoiceDate},
     * {@code DueDate}, {@code LastRemindDate} and {@code PaymentDate} as {@code format: date}) or an ISO date-time (the date,
     * {@code T}, a time). The first ten characters were taken of longer text, so {@code 2026-11-1999} was 19 November.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DueDate        | 2026-11-19          | 2026-11-19 |",
            "DueDate        | 2026-11-19T00:00:00 | 2026-11-19 |",
            "DueDate        | 2026-11-19T23:59:59+01:00 | 2026-11-19 |",
            "DueDate        | 2026-11-1999        |            | DueDate 2026-11-1999 is not a date",
            "DueDate        | 2026-11-19T         |            | DueDate 2026-11-19T is not a date",
            "DueDate        | 2026-11-19 00:00    |            | DueDate 2026-11-19 00:00 is not a date",
            "DueDate        | 2026-11-19X10:00    |            | DueDate 2026-11-19X10:00 is not a date",
            "InvoiceDate    | 2026-10-2099        |            | InvoiceDate 2026-10-2099 is not a date",
            "LastRemindDate | 2026-11-2600        |            | LastRemindDate 2026-11-2600 is not a date"})
    void aDateIsReadOnlyWhenItIsOne(String field, String value, java.time.LocalDate due, String reason) throws Exception {
        fortnox.customer("10", "Byggmästarna AB", "COMPANY", "SE", "ekonomi@bygg.example");
        fortnox.put(FortnoxStandIn.invoice("1001", "10", "2026-10-20", "2026-11-19", "12500", "12500").put("Reminders", 1)
                .put(field, value));
        c.connect(Platform.FORTNOX, fortnox.oauth);

        SyncReport report = c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4));

        assertThat(report.status()).isEqualTo(SyncReport.Status.OK);
        if (reason == null) {
            assertThat(report.unmapped()).isEmpty();
            assertThat(c.book(Platform.FORTNOX).get("fortnox:1001").dueDate()).isEqualTo(due);
        } else {
            assertThat(report.unmapped()).singleElement().isEqualTo(new SyncReport.Unmapped("fortnox:1001", reason));
            assertThat(c.book(Platform.FORTNOX)).isEmpty();
        }
    }

    @Test
    void aBadOcrNumberIsAWarningAndTheReferenceIsKept() throws Exception {
        fortnox.customer("10", "Byggmästarna AB", "COMPANY", "SE", "ekonomi@bygg.example");
        fortnox.put(FortnoxStandIn.invoice("1001", "10", "2026-10-20", "2026-11-19", "12500", "12500").put("OCR", "1001234"));
        c.connect(Platform.FORTNOX, fortnox.oauth);
        SyncReport report = c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(4));
        assertThat(report.warnings()).singleElement().satisfies(w -> assertThat(w).contains("fortnox:1001").contains("1001234")
                .contains("check digit"));
        assertThat(c.book(Platform.FORTNOX).get("fortnox:1001").terms().paymentReference()).isEqualTo("1001234");
        assertThat(c.book(Platform.FORTNOX).get("fortnox:1001").amount()).isEqualTo(new BigDecimal("12500.00"));
    }
}
