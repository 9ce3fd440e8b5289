package io.creditguard.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.creditguard.SampleDay;
import io.creditguard.mail.LocalSmtp;
import io.creditguard.store.FileObjectStore;
import io.creditguard.store.ForwardingStore;
import io.creditguard.store.ObjectStore;

/**
 * A run that died before the book recorded all it sent: after rewriting one book file and before the next (with
 * webhooks each invoice is a book file of its own, so one customer's letter lists invoices of several files), or
 * before the only one. The re-run, the same day or a later one, records the rest from the reminder records as it
 * went (a letter's id, day and fees; an insurer notification's day), and mails and re-renders nothing.
 */
class ReminderRunResumedTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-11-30");
    private static final String CUSTOMER = "Byggmästarna i Mälardalen AB";
    /** Level 2 at 30 days: due 10 December for invoices due 10 November, after either re-run. */
    private static final String POLICY = """
            {"name": "mailed", "graceDays": 3, "levels": [
               {"level": 1, "daysAfterDue": 5, "kind": "PAYMENT_REMINDER"},
               {"level": 2, "daysAfterDue": 30, "kind": "PAYMENT_REMINDER"}],
             "insurer": {"name": "Nordisk Kreditförsäkring AB", "overdueNotificationDays": 60, "notifyAfterDays": 45,
               "notification": {"email": "anmalan@kreditforsakring.example", "policyNumber": "KF-2026-0417"}},
             "creditor": {"name": "Stålhandel Norr AB", "country": "SE", "address": "Industrigatan 4\\n903 27 Umeå",
               "paymentInstructions": "bankgiro 5050-1055", "disputeContact": "reskontra@stalhandel.example"},
             "delivery": {"mode": "EMAIL", "from": "Stålhandel Norr AB <reskontra@stalhandel.example>"}}""";
    private static final Pattern LETTER_ID = Pattern.compile("<(let_[0-9a-f]{24})\\.2026-11-30@stalhandel\\.example>");

    @TempDir
    Path root;
    private LocalSmtp smtp;

    /** The store's rewrite of one book file fails once, as an S3 error in pass 3 ends the run there. */
    private static final class FailingOnce extends ForwardingStore {
        private final String key;
        private final AtomicBoolean failed = new AtomicBoolean();

        FailingOnce(ObjectStore store, String key) {
            super(store);
            this.key = key;
        }

        @Override
        public Replacement replaceIf(String key, String contentType, String expectedVersion) throws IOException {
            if (key.equals(this.key) && failed.compareAndSet(false, true)) {
                throw new IOException("S3 answered 500 InternalError (simulated)");
            }
            return store.replaceIf(key, contentType, expectedVersion);
        }
    }

    /** Counts the reads of reminder records. */
    private static final class CountingRecordReads extends ForwardingStore {
        final AtomicInteger reads = new AtomicInteger();

        CountingRecordReads(ObjectStore store) {
            super(store);
        }

        @Override
        public Optional<java.io.InputStream> read(String key) throws IOException {
            count(key);
            return store.read(key);
        }

        @Override
        public Optional<Versioned> readVersioned(String key) throws IOException {
            count(key);
            return store.readVersioned(key);
        }

        private void count(String key) {
            if (key.startsWith("reminders/")) {
                reads.incrementAndGet();
            }
        }
    }

    /** One book file a webhook rewrites whenever the run is about to: the run gives up recording it. */
    private static final class KeptChanging extends ForwardingStore {
        private final String key;

        KeptChanging(ObjectStore store, String key) {
            super(store);
            this.key = key;
        }

        @Override
        public Replacement replaceIf(String key, String contentType, String expectedVersion) throws IOException {
            if (key.equals(this.key)) {
                throw new VersionConflict(key);
            }
            return store.replaceIf(key, contentType, expectedVersion);
        }
    }

    @BeforeEach
    void storeAndMailServer() throws IOException {
        StandaloneReminders.storeWithPolicy(root, POLICY);
        smtp = new LocalSmtp();
    }

    @AfterEach
    void stopSmtp() {
        smtp.close();
    }

    private ReminderRun run(ObjectStore store) {
        return new ReminderRun(store, StandaloneReminders.reminders(), StandaloneReminders.inputs(), SampleDay.CLOCK,
                List.of(), smtp.mailer(), 4);
    }

    private String file(String key) throws IOException {
        return Files.readString(root.resolve(key));
    }

    /** Every book file's text, one after the other. */
    private String book() throws IOException {
        return file("receivables/a.jsonl") + (Files.exists(root.resolve("receivables/b.jsonl"))
                ? file("receivables/b.jsonl") : "");
    }

    /** The run markers in the store. */
    private List<String> markers() throws IOException {
        return new FileObjectStore(root).list(OpenRuns.PREFIX);
    }

    private void twoFiles() throws IOException {
        Files.writeString(root.resolve("receivables/a.jsonl"), ReminderRunDeliveryTest.invoice("inv-1", "2026-1001",
                "10000.00", "c-bygg", CUSTOMER, "ekonomi@bygg.example", null) + "\n");
        Files.writeString(root.resolve("receivables/b.jsonl"), ReminderRunDeliveryTest.invoice("inv-2", "2026-1002",
                "2500.00", "c-bygg", CUSTOMER, "ekonomi@bygg.example", null) + "\n");
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /** What the book records of level 1 sent on 30 November in {@code letterId}, with its fee. */
    private static String sentOnTheThirtieth(String letterId) {
        // Lag (1981:739) 4 a §: 450 kr förseningsersättning from a business, charged by the first letter.
        return "\"remindersSent\":[{\"level\":1,\"sentOn\":\"2026-11-30\",\"letterId\":\"" + letterId
                + "\",\"fees\":[{\"code\":\"FIXED_COMPENSATION\",\"amount\":450}]}]";
    }

    /**
     * The customer's two invoices in two book files, the run dying between them, or in one, the run dying before it:
     * one letter went out for both on 30 November, re-run that day or on 4 December.
     */
    @ParameterizedTest
    @CsvSource({"2026-11-30, true", "2026-12-04, true", "2026-12-04, false"})
    void aRunThatDiedBeforeTheBookRecordedItsLetterIsCompletedFromItsRecordsAndMailsNothingTwice(LocalDate rerun,
            boolean fileEach) throws Exception {
        String first = ReminderRunDeliveryTest.invoice("inv-1", "2026-1001", "10000.00", "c-bygg", CUSTOMER,
                "ekonomi@bygg.example", null) + "\n";
        String second = ReminderRunDeliveryTest.invoice("inv-2", "2026-1002", "2500.00", "c-bygg", CUSTOMER,
                "ekonomi@bygg.example", null) + "\n";
        if (fileEach) {
            Files.writeString(root.resolve("receivables/a.jsonl"), first);
            Files.writeString(root.resolve("receivables/b.jsonl"), second);
        } else {
            Files.writeString(root.resolve("receivables/a.jsonl"), first + second);
        }
        String failing = fileEach ? "receivables/b.jsonl" : "receivables/a.jsonl";
        ObjectStore healthy = new FileObjectStore(root);

        assertThatThrownBy(() -> run(new FailingOnce(healthy, failing)).run(Optional.of(AS_OF), false))
                .isInstanceOf(IOException.class).hasMessageContaining("simulated");
        // One letter for both invoices went out; the book records it for neither, or in a.jsonl only.
        MimeMessage mail = smtp.inbox("ekonomi@bygg.example").get(0);
        assertThat(mail.getSubject()).isEqualTo("Betalningspåminnelse: fakturor 2026-1001, 2026-1002");
        Matcher id = LETTER_ID.matcher(mail.getMessageID());
        assertThat(id.matches()).isTrue();
        String letterId = id.group(1);
        assertThat(occurrences(book(), sentOnTheThirtieth(letterId))).isEqualTo(fileEach ? 1 : 0);
        assertThat(file(failing)).doesNotContain("remindersSent");
        String letter = file("letters/" + letterId + ".txt");

        ReminderRun.Report again = run(healthy).run(Optional.of(rerun), false);
        assertThat(smtp.inbox("ekonomi@bygg.example")).hasSize(1);
        // Both invoices record the letter that went, on the day it went, with the fee it charged; it is as mailed.
        assertThat(occurrences(book(), sentOnTheThirtieth(letterId))).isEqualTo(2);
        assertThat(file("letters/" + letterId + ".txt")).isEqualTo(letter);
        assertThat(again.letters()).isZero();
        assertThat(again.mailing().mailed()).isZero();
        assertThat(again.completedFromRecords()).isEqualTo(new ReminderRun.Completed(true, fileEach ? 1 : 2, 0));
        assertThat(again.failedWrites()).isZero();

        ReminderRun.Report third = run(healthy).run(Optional.of(rerun), false);
        assertThat(third.dunned()).isEmpty();
        // On the fixed clock the dead run's marker is no older than the re-run's: it may be a live run's, so it is
        // kept, and so is the re-run's own, for the live run's second look; the third run reads the records again.
        assertThat(third.completedFromRecords()).isEqualTo(new ReminderRun.Completed(true, 0, 0));
        assertThat(smtp.received()).isEqualTo(1);
    }

    /**
     * Due 10 October, 51 days overdue on 30 November: the insurer is notified that day (deadline 9 December). The run
     * dies before the book records it; the re-run neither mails it again nor counts it mailed (nor alerts that it went
     * after its deadline, on 12 December), and the book says it went on 30 November.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2026-11-30", "2026-12-12"})
    void anInsurerNotificationTheBookDidNotRecordIsRecordedOnTheDayItWent(LocalDate rerun) throws Exception {
        Files.writeString(root.resolve("receivables/a.jsonl"), """
                {"invoiceId":"inv-9","invoiceNumber":"2026-0901","currency":"SEK","issueDate":"2026-09-10",\
                "dueDate":"2026-10-10","amount":10000.00,"openAmount":10000.00,\
                "remindersSent":[{"level":1,"sentOn":"2026-10-15"},{"level":2,"sentOn":"2026-11-09"}],\
                "customer":{"id":"c-metall","name":"Norrlands Metall & Svets AB","type":"BUSINESS","country":"SE",\
                "language":"sv"}}
                """);
        ObjectStore healthy = new FileObjectStore(root);

        assertThatThrownBy(() -> run(new FailingOnce(healthy, "receivables/a.jsonl")).run(Optional.of(AS_OF), false))
                .isInstanceOf(IOException.class).hasMessageContaining("simulated");
        assertThat(smtp.inbox("anmalan@kreditforsakring.example")).hasSize(1);
        assertThat(file("receivables/a.jsonl")).doesNotContain("insurerNotifiedOn");
        String notification = file("letters/" + ReminderRecords.id("inv-9", "insurer") + ".txt");

        ReminderRun.Report again = run(healthy).run(Optional.of(rerun), false);
        assertThat(smtp.inbox("anmalan@kreditforsakring.example")).hasSize(1);
        assertThat(file("receivables/a.jsonl")).contains("\"insurerNotifiedOn\":\"2026-11-30\"");
        assertThat(file("letters/" + ReminderRecords.id("inv-9", "insurer") + ".txt")).isEqualTo(notification);
        assertThat(again.insurer().mailed()).isZero();
        assertThat(again.insurer().alerts()).isEmpty();
        assertThat(again.completedFromRecords()).isEqualTo(new ReminderRun.Completed(true, 0, 1));
    }

    /**
     * A run that recorded all it sent leaves no marker, so the next one, on 15 December when level 2 is due for both
     * invoices, reads no reminder record: one GET per reminder decided would find none.
     */
    @Test
    void afterARunThatRecordedAllItSentTheNextReadsNoReminderRecord() throws Exception {
        twoFiles();
        CountingRecordReads store = new CountingRecordReads(new FileObjectStore(root));

        ReminderRun.Report first = run(store).run(Optional.of(AS_OF), false);
        assertThat(first.letters()).isEqualTo(1);
        assertThat(first.completedFromRecords()).isEqualTo(new ReminderRun.Completed(false, 0, 0));
        assertThat(markers()).isEmpty();

        ReminderRun.Report second = run(store).run(Optional.of(LocalDate.parse("2026-12-15")), false);
        assertThat(second.letters()).isEqualTo(1);
        assertThat(second.completedFromRecords()).isEqualTo(new ReminderRun.Completed(false, 0, 0));
        assertThat(store.reads).hasValue(0);
        assertThat(markers()).isEmpty();
        assertThat(smtp.received()).isEqualTo(2);
    }

    /** b.jsonl kept changing, so the book does not record inv-2's letter: the run keeps its marker, the next reads. */
    @Test
    void aRunWhoseBookFileKeptChangingKeepsItsMarkerAndTheNextCompletesFromTheRecords() throws Exception {
        twoFiles();
        ObjectStore healthy = new FileObjectStore(root);

        ReminderRun.Report first = run(new KeptChanging(healthy, "receivables/b.jsonl")).run(Optional.of(AS_OF), false);
        assertThat(first.failedWrites()).isEqualTo(1);
        assertThat(file("receivables/b.jsonl")).doesNotContain("remindersSent");
        assertThat(markers()).hasSize(1);

        CountingRecordReads store = new CountingRecordReads(healthy);
        ReminderRun.Report again = run(store).run(Optional.of(AS_OF), false);
        assertThat(again.completedFromRecords()).isEqualTo(new ReminderRun.Completed(true, 1, 0));
        assertThat(store.reads).hasValue(1);
        assertThat(again.letters()).isZero();
        assertThat(smtp.received()).isEqualTo(1);
        assertThat(file("receivables/b.jsonl")).contains("remindersSent");
    }

    /**
     * Markers left by other runs, started before this one (SampleDay.CLOCK, 09:00:00 on 28 November): one older than
     * a run can live (15 minutes) is a dead run's, and this run, having read the records, recorded what it sent and
     * deletes it; one 15 minutes old or younger may be of a run still sending: it stays, and so does this run's own
     * (that run may have read the book while this one rewrote it, and is to see it before its pass 2).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "20261128T084459.999Z-00000001 |                                                     | 0",
            "20261128T084459.999Z-00000001 | 20261128T084500.000Z-00000002                       | 2",
            "20261128T084459.999Z-00000001 | 20261128T085500.000Z-00000003                       | 2",
            "operator-note                 |                                                     | 0"})
    void aFinishedRunDeletesTheMarkersOfDeadRunsAndKeepsThoseThatMayBeLive(String stale, String live, int left)
            throws Exception {
        twoFiles();
        Files.createDirectories(root.resolve(OpenRuns.PREFIX));
        for (String name : live == null ? List.of(stale) : List.of(stale, live)) {
            Files.writeString(root.resolve(OpenRuns.PREFIX + name + ".json"), "{}");
        }

        ReminderRun.Report report = run(new FileObjectStore(root)).run(Optional.of(AS_OF), false);
        assertThat(report.failedWrites()).isZero();
        assertThat(report.completedFromRecords()).isEqualTo(new ReminderRun.Completed(true, 0, 0));
        List<String> markers = markers();
        assertThat(markers).hasSize(left).doesNotContain(OpenRuns.PREFIX + stale + ".json");
        if (live != null) {
            assertThat(markers).contains(OpenRuns.PREFIX + live + ".json");
        }
    }
}
