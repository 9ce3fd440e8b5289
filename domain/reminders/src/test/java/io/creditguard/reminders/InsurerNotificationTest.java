package io.creditguard.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.creditguard.SampleDay;
import io.creditguard.mail.LocalSmtp;
import io.creditguard.mail.Mailer;
import io.creditguard.mail.ScriptedSmtp;
import io.creditguard.store.FileObjectStore;

/**
 * Overdue notifications mailed to the credit insurer by the run's mail delivery: the PDF and the invoice
 * as CSV, once, recorded like a letter; refused for good (5xx), a person's to send; the server down,
 * retried by the next run and never mailed twice; one that cannot reach the insurer by its deadline, an
 * alert. The policy reports at 45 days, the deadline is 60 days after the original due date; the run is
 * on 30 November 2026.
 */
class InsurerNotificationTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-11-30");
    private static final String POLICY = """
            {"name": "insured", "levels": [{"level": 1, "daysAfterDue": 5, "kind": "PAYMENT_REMINDER"}],
             "insurer": {"name": "Nordisk Kreditförsäkring AB", "overdueNotificationDays": 60, "notifyAfterDays": 45,
               "notification": {"email": "anmalan@kreditforsakring.example", "policyNumber": "KF-2026-0417"}},
             "creditor": {"name": "Stålhandel Norr AB", "country": "SE", "paymentInstructions": "Bankgiro 5050-1055",
               "disputeContact": "reskontra@stalhandel.example", "language": "sv"},
             "delivery": {"from": "Stålhandel Norr AB <reskontra@stalhandel.example>", "bcc": "arkiv@stalhandel.example"}}""";

    @TempDir
    Path root;
    private LocalSmtp smtp;

    @BeforeEach
    void storeWithPolicy() throws IOException {
        StandaloneReminders.storeWithPolicy(root, POLICY);
    }

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.close();
        }
    }

    /** A Swedish business's invoice of 10 000 kr, 2 000 kr of it VAT, reminded once already. */
    private static String invoice(String id, String number, String issued, String due) {
        return """
                {"invoiceId":"%s","invoiceNumber":"%s","currency":"SEK","issueDate":"%s","dueDate":"%s",\
                "amount":10000.00,"openAmount":10000.00,"vatAmount":2000.00,"remindersSent":[{"level":1,"sentOn":"%s"}],\
                "customer":{"id":"c-%s","name":"Norrlands Metall & Svets AB","type":"BUSINESS","country":"SE","language":"sv"}}"""
                .formatted(id, number, issued, due, LocalDate.parse(due).plusDays(5), id);
    }

    private void book(String... lines) throws IOException {
        Files.writeString(root.resolve("receivables/book.jsonl"), String.join("\n", lines) + "\n");
    }

    private ReminderRun.Report run(Mailer mailer) throws IOException {
        return run(mailer, AS_OF);
    }

    private ReminderRun.Report run(Mailer mailer, LocalDate asOf) throws IOException {
        return new ReminderRun(new FileObjectStore(root), StandaloneReminders.reminders(), StandaloneReminders.inputs(), SampleDay.CLOCK,
                List.of(), mailer, 4).run(Optional.of(asOf), false);
    }

    private Mailer startSmtp() {
        smtp = new LocalSmtp();
        return smtp.mailer();
    }

    private String bookText() throws IOException {
        return Files.readString(root.resolve("receivables/book.jsonl"));
    }

    @Test
    void theNotificationIsMailedOnceWithItsPdfAndTheInvoiceAsCsvAndRecordedLikeALetter() throws Exception {
        // Due 10 October: 51 days overdue, reported by 9 December.
        book(invoice("inv-1", "2026-0901", "2026-09-10", "2026-10-10"));
        Mailer mailer = startSmtp();
        ReminderRun.Report report = run(mailer);

        assertThat(report.insurer().mailed()).isEqualTo(1);
        assertThat(report.insurer().byHand()).isEmpty();
        assertThat(report.insurer().alerts()).isEmpty();
        MimeMessage mail = smtp.inbox("anmalan@kreditforsakring.example").get(0);
        assertThat(mail.getSubject()).isEqualTo(
                "Anmälan om förfallen fordran, försäkring KF-2026-0417: Norrlands Metall & Svets AB, faktura 2026-0901");
        assertThat(mail.getHeader("Content-Language", null)).isEqualTo("sv");
        Multipart mixed = (Multipart) mail.getContent();
        assertThat(mixed.getCount()).isEqualTo(3);
        Part pdf = mixed.getBodyPart(1);
        try (InputStream in = pdf.getInputStream(); PDDocument document = Loader.loadPDF(in.readAllBytes())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Försäkringsnummer: KF-2026-0417")
                    .contains("Sista dag för anmälan enligt försäkringen: 2026-12-09");
        }
        Part csv = mixed.getBodyPart(2);
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getFileName()).endsWith(".csv");
        try (InputStream in = csv.getInputStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(
                    "Fakturanummer,Fakturadatum,Förfallodag,Netto,Moms,Brutto,Obetalt,Valuta\r\n"
                            + "2026-0901,2026-09-10,2026-10-10,8000.00,2000.00,10000.00,10000.00,SEK\r\n");
        }
        assertThat(smtp.inbox("arkiv@stalhandel.example")).hasSize(1);
        assertThat(Files.list(root.resolve("deliveries")).count()).isEqualTo(1);
        assertThat(bookText()).contains("\"insurerNotifiedOn\":\"2026-11-30\"");

        ReminderRun.Report again = run(mailer);
        assertThat(again.insurer().mailed()).isZero();
        assertThat(smtp.inbox("anmalan@kreditforsakring.example")).hasSize(1);
    }

    @Test
    void refusedForGoodTheNotificationIsAPersonsToSend() throws Exception {
        book(invoice("inv-1", "2026-0901", "2026-09-10", "2026-10-10"));
        try (ScriptedSmtp server = new ScriptedSmtp(a -> a.startsWith("anmalan") ? "550 5.1.1 no such mailbox" : "250 ok",
                Integer.MAX_VALUE)) {
            ReminderRun.Report report = run(LocalSmtp.mailer(server.port()));
            assertThat(report.insurer().mailed()).isZero();
            assertThat(report.insurer().byHand()).singleElement().satisfies(n -> {
                assertThat(n.invoiceId()).isEqualTo("inv-1");
                assertThat(n.deadline()).isEqualTo(LocalDate.parse("2026-12-09"));
                assertThat(n.reason()).contains("refused anmalan@kreditforsakring.example for good").contains("550")
                        .contains("send letters/" + n.reminderId() + ".pdf by 2026-12-09");
            });
            assertThat(report.insurer().alerts()).isEmpty();
            assertThat(bookText()).contains("\"insurerNotifiedOn\":\"2026-11-30\"");
        }
    }

    @Test
    void withTheServerDownTheNextRunMailsItOnceAndOneAtItsDeadlineIsAnAlert() throws Exception {
        // inv-1's deadline is 9 December; inv-2 fell due on 30 September, its deadline was 29 November.
        book(invoice("inv-1", "2026-0901", "2026-09-10", "2026-10-10"),
                invoice("inv-2", "2026-0830", "2026-08-31", "2026-09-30"));
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ReminderRun.Report down = run(LocalSmtp.mailer(closed));
        assertThat(down.insurer().mailed()).isZero();
        assertThat(down.errors()).hasSize(2).allSatisfy(e -> assertThat(e.message()).contains("failed for now")
                .contains("the next run mails it"));
        assertThat(down.insurer().alerts()).singleElement().satisfies(a -> {
            assertThat(a.invoiceId()).isEqualTo("inv-2");
            assertThat(a.reason()).contains("the next run comes too late");
        });
        assertThat(bookText()).doesNotContain("insurerNotifiedOn");

        Mailer up = startSmtp();
        ReminderRun.Report next = run(up);
        assertThat(next.insurer().mailed()).isEqualTo(2);
        assertThat(next.insurer().alerts()).singleElement().satisfies(a -> assertThat(a.reason())
                .contains("after the deadline of 2026-11-29"));
        assertThat(smtp.inbox("anmalan@kreditforsakring.example")).hasSize(2);

        assertThat(run(up).insurer().mailed()).isZero();
        assertThat(smtp.inbox("anmalan@kreditforsakring.example")).hasSize(2);
    }

    @Test
    void withTheServerDownOnAFridayADeadlineOnTheWeekendIsAnAlert() throws Exception {
        // Friday 27 November 2026; the run fires Monday to Friday, the next on Monday 30 November. Deadlines 60 days
        // after the due date: inv-1 (due 29 September) Saturday 28 November, inv-2 (due 30 September) Sunday
        // 29 November, both before Monday's run; inv-3 (due 1 October) Monday 30 November, which that run meets.
        book(invoice("inv-1", "2026-0829", "2026-08-30", "2026-09-29"),
                invoice("inv-2", "2026-0830", "2026-08-31", "2026-09-30"),
                invoice("inv-3", "2026-0901", "2026-09-01", "2026-10-01"));
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ReminderRun.Report down = run(LocalSmtp.mailer(closed), LocalDate.parse("2026-11-27"));

        assertThat(down.errors()).hasSize(3);
        assertThat(down.insurer().alerts()).extracting(InsurerNotices.Notice::invoiceId)
                .containsExactlyInAnyOrder("inv-1", "inv-2");
        assertThat(down.insurer().alerts()).allSatisfy(a -> assertThat(a.reason()).contains("the next run comes too late"));
    }

    @Test
    void withoutAnAddressTheReportListsWhatToNotifyByHand() throws Exception {
        Files.writeString(root.resolve("config/reminder-policy.json"), POLICY.replaceAll(",\\s*\"notification\": \\{[^}]*}", ""));
        book(invoice("inv-1", "2026-0901", "2026-09-10", "2026-10-10"));
        ReminderRun.Report report = run(LocalSmtp.noServer());
        assertThat(report.insurerNotifications()).isEqualTo(1);
        assertThat(report.insurer().byHand()).singleElement().satisfies(n -> assertThat(n.reason())
                .startsWith("the policy names no insurer.notification address"));
        assertThat(bookText()).contains("\"insurerNotifiedOn\":\"2026-11-30\"");
    }

}
