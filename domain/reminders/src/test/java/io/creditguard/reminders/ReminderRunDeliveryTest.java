package io.creditguard.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.SampleDay;
import io.creditguard.json.Json;
import io.creditguard.mail.LocalSmtp;
import io.creditguard.mail.Mailer;
import io.creditguard.mail.ScriptedSmtp;
import io.creditguard.store.FileObjectStore;

/**
 * The run mailing its letters to a real SMTP server (GreenMail, started here): one mail per letter to
 * the customer's address, the archive copy, the PDF attached; a customer without an address gets the
 * letter by post; a re-run mails nothing twice; a server that cannot be reached leaves the letters
 * unsent for the next run, which mails them; a run's mails go over one connection.
 */
class ReminderRunDeliveryTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-11-30");
    /** Overdue since 10 November 2026 under Swedish law: level 1 of the default policy is due (5 days). */
    private static final String BOOK = String.join("\n",
            invoice("inv-1", "2026-1001", "10000.00", "c-bygg", "Byggmästarna i Mälardalen AB", "ekonomi@bygg.example"),
            invoice("inv-2", "2026-1002", "2500.00", "c-bygg", "Byggmästarna i Mälardalen AB", "ekonomi@bygg.example"),
            invoice("inv-3", "2026-1003", "4800.00", "c-kafe", "Kafé Solsidan AB", "kassa@kafe.example"),
            invoice("inv-4", "2026-1004", "900.00", "c-post", "Lantgården Ö AB", null)) + "\n";
    private static final String POLICY = """
            {"name": "mailed", "graceDays": 3, "levels": [
               {"level": 1, "daysAfterDue": 5, "kind": "PAYMENT_REMINDER"},
               {"level": 2, "daysAfterDue": 20, "kind": "PAYMENT_REMINDER"}],
             "creditor": {"name": "Stålhandel Norr AB", "country": "SE", "address": "Industrigatan 4\\n903 27 Umeå",
               "paymentInstructions": "bankgiro 5050-1055", "disputeContact": "reskontra@stalhandel.example"},
             "delivery": {"mode": "EMAIL", "from": "Stålhandel Norr AB <reskontra@stalhandel.example>",
               "replyTo": "svar@stalhandel.example", "bcc": "arkiv@stalhandel.example"}}""";

    @TempDir
    Path root;
    private LocalSmtp smtp;

    @BeforeEach
    void storeWithBookAndPolicy() throws IOException {
        StandaloneReminders.storeWithPolicy(root, POLICY);
        Files.writeString(root.resolve("receivables/book.jsonl"), BOOK);
    }

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.close();
        }
    }

    private static String invoice(String id, String number, String amount, String customer, String name, String email) {
        return invoice(id, number, amount, customer, name, email, null);
    }

    /** A book line: a Swedish business's invoice due 10 November 2026, its customer naming {@code policy} if not null. */
    static String invoice(String id, String number, String amount, String customer, String name, String email,
            String policy) {
        return """
                {"invoiceId":"%s","invoiceNumber":"%s","currency":"SEK","issueDate":"2026-10-11","dueDate":"2026-11-10",\
                "amount":%s,"openAmount":%s,"customer":{"id":"%s","name":"%s","type":"BUSINESS","country":"SE",\
                "language":"sv"%s%s,"address":"Storgatan 1\\n111 22 Stockholm"},"source":"import"}"""
                .formatted(id, number, amount, amount, customer, name, email == null ? "" : ",\"email\":\"" + email + "\"",
                        policy == null ? "" : ",\"policy\":\"" + policy + "\"");
    }

    private ReminderRun run(Mailer mailer) {
        return new ReminderRun(new FileObjectStore(root), StandaloneReminders.reminders(), StandaloneReminders.inputs(), SampleDay.CLOCK,
                List.of(), mailer, 4);
    }

    private Mailer startSmtp() {
        smtp = new LocalSmtp();
        return smtp.mailer();
    }

    @Test
    void eachLetterIsMailedOnceWithItsPdfAndTheCustomerWithoutAnAddressGetsItByPost() throws Exception {
        Mailer mailer = startSmtp();
        ReminderRun.Report report = run(mailer).run(Optional.of(AS_OF), false);

        // Three letters: both Byggmästarna invoices in one statement, Kafé Solsidan's, and Lantgården's for post.
        assertThat(report.letters()).isEqualTo(3);
        assertThat(report.mailing().mailed()).isEqualTo(2);
        assertThat(report.mailing().forPost()).singleElement().satisfies(p -> {
            assertThat(p.customerId()).isEqualTo("c-post");
            assertThat(p.reason()).contains("no e-mail address");
        });
        assertThat(report.failedWrites()).isZero();

        MimeMessage bygg = smtp.inbox("ekonomi@bygg.example").get(0);
        assertThat(addresses(bygg.getFrom())).containsExactly("reskontra@stalhandel.example");
        assertThat(((InternetAddress) bygg.getFrom()[0]).getPersonal()).isEqualTo("Stålhandel Norr AB");
        assertThat(addresses(bygg.getReplyTo())).containsExactly("svar@stalhandel.example");
        assertThat(addresses(bygg.getRecipients(RecipientType.TO))).containsExactly("ekonomi@bygg.example");
        assertThat(((InternetAddress) bygg.getRecipients(RecipientType.TO)[0]).getPersonal())
                .isEqualTo("Byggmästarna i Mälardalen AB");
        assertThat(bygg.getSubject()).isEqualTo("Betalningspåminnelse: fakturor 2026-1001, 2026-1002");
        assertThat(bygg.getMessageID()).matches("<let_[0-9a-f]{24}\\.2026-11-30@stalhandel\\.example>");
        assertThat(bygg.getHeader("Content-Language", null)).isEqualTo("sv");
        assertThat(bygg.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(bygg.getSentDate().toInstant()).isEqualTo(SampleDay.CLOCK.instant().truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS));

        Multipart mixed = (Multipart) bygg.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat((String) alternative.getBodyPart(0).getContent()).contains("Faktura 2026-1001").contains("Faktura 2026-1002");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        Part pdf = mixed.getBodyPart(1);
        assertThat(pdf.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        assertThat(pdf.getFileName()).isEqualTo("Betalningspåminnelse - fakturor 2026-1001, 2026-1002.pdf");
        try (InputStream in = pdf.getInputStream(); PDDocument document = Loader.loadPDF(in.readAllBytes())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Faktura 2026-1001").contains("10 000,00 SEK")
                    .contains("2 500,00 SEK").contains("Sida 1 av 1");
        }

        // The archive has a copy of every mailed letter; the customers' mails do not show it.
        assertThat(smtp.inbox("ekonomi@bygg.example")).hasSize(1);
        assertThat(smtp.inbox("kassa@kafe.example")).hasSize(1);
        assertThat(smtp.inbox("arkiv@stalhandel.example")).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "Betalningspåminnelse: fakturor 2026-1001, 2026-1002", "Betalningspåminnelse: faktura 2026-1003");
        assertThat(bygg.getRecipients(RecipientType.BCC)).isNull();

        // Each reminder record says how its letter went.
        JsonNode mailed = record("inv-1");
        assertThat(mailed.path("delivery").path("by").asText()).isEqualTo("EMAIL");
        assertThat(mailed.path("delivery").path("to").asText()).isEqualTo("ekonomi@bygg.example");
        assertThat("<" + mailed.path("delivery").path("messageId").asText() + ">").isEqualTo(bygg.getMessageID());
        assertThat(mailed.path("delivery").path("sentAt").asText()).isEqualTo("2026-11-28T09:00:00Z");
        assertThat(record("inv-4").path("delivery").path("by").asText()).isEqualTo("POST");
        assertThat(Files.readString(root.resolve("receivables/book.jsonl")).split("\"remindersSent\"", -1)).hasSize(5);

        ReminderRun.Report again = run(mailer).run(Optional.of(AS_OF), false);
        assertThat(again.letters()).isZero();
        assertThat(smtp.received()).isEqualTo(4);
    }

    @Test
    void theRunMailsEveryLetterOverOneConnection() throws Exception {
        try (ScriptedSmtp server = new ScriptedSmtp("250 2.1.5 ok")) {
            ReminderRun.Report report = run(LocalSmtp.mailer(server.port())).run(Optional.of(AS_OF), false);
            assertThat(report.mailing().mailed()).isEqualTo(2);
            // Each letter to its customer with the archive's copy, both in one session.
            assertThat(server.delivered()).containsExactlyInAnyOrder("ekonomi@bygg.example,arkiv@stalhandel.example",
                    "kassa@kafe.example,arkiv@stalhandel.example");
            assertThat(server.sessions()).isEqualTo(1);
        }
    }

    @Test
    void aServerThatCannotBeReachedLeavesTheLettersUnsentAndTheNextRunMailsThem() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ReminderRun.Report down = run(LocalSmtp.mailer(closed)).run(Optional.of(AS_OF), false);
        assertThat(down.mailing().mailed()).isZero();
        assertThat(down.failedWrites()).isEqualTo(2);
        assertThat(down.errors()).hasSize(2).allSatisfy(e -> assertThat(e.message())
                .contains("failed for now").contains("the next run mails it"));
        // Only the letter for post went out; the mailed customers' invoices are not marked sent.
        String book = Files.readString(root.resolve("receivables/book.jsonl"));
        assertThat(book.lines().filter(l -> l.contains("remindersSent"))).singleElement()
                .satisfies(l -> assertThat(l).contains("inv-4"));
        assertThat(record("inv-1")).isNull();

        ReminderRun.Report up = run(startSmtp()).run(Optional.of(AS_OF), false);
        assertThat(up.mailing().mailed()).isEqualTo(2);
        assertThat(up.mailing().forPost()).isEmpty();
        assertThat(smtp.inbox("ekonomi@bygg.example")).hasSize(1);
        assertThat(smtp.inbox("kassa@kafe.example")).hasSize(1);
    }

    @Test
    void withoutAServerUnderEmailDeliveryEveryLetterWaitsAndTheReportSaysWhy() throws IOException {
        ReminderRun.Report report = run(LocalSmtp.noServer()).run(Optional.of(AS_OF), false);
        assertThat(report.mailing().mailed()).isZero();
        assertThat(report.errors()).extracting(ReminderRun.LineError::message)
                .allSatisfy(m -> assertThat(m).contains("creditguard.mail.url"));
    }

    private JsonNode record(String invoiceId) throws IOException {
        Path dir = root.resolve("reminders");
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                JsonNode node = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
                if (invoiceId.equals(node.path("action").path("line").path("invoiceId").asText())) {
                    return node;
                }
            }
        }
        return null;
    }


    private static List<String> addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(a -> ((InternetAddress) a).getAddress()).toList();
    }
}
