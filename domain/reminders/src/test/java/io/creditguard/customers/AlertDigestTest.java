package io.creditguard.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.creditguard.SampleDay;
import io.creditguard.mail.LocalSmtp;
import io.creditguard.mail.Mailer;
import io.creditguard.alerts.AlertPolicy;
import io.creditguard.reminders.ReminderRun;
import io.creditguard.reminders.StandaloneReminders;
import io.creditguard.store.FileObjectStore;
import io.creditguard.store.ForwardingStore;
import io.creditguard.store.ObjectStore;

/**
 * The daily digest of the alerts that began and ended, mailed to a real SMTP server (GreenMail, LocalSmtp):
 * one mail a day in the policy's language, none when nothing changed, the alerts of a day the server could not
 * be reached in the next day's mail, never a mail twice.
 */
class AlertDigestTest {

    private static final String POLICY = """
            {"name": "digest", "graceDays": 3, "levels": [{"level": 1, "daysAfterDue": 5, "kind": "PAYMENT_REMINDER"}],
             "creditor": {"name": "Stålhandel Norr AB", "country": "SE", "address": "Industrigatan 4\\n903 27 Umeå",
               "paymentInstructions": "bankgiro 5050-1055", "disputeContact": "reskontra@stalhandel.example"},
             "alerts": {"to": "ekonomi@stalhandel.example", "from": "creditguard <larm@stalhandel.example>",
               "language": "sv", "unlimitedExposure": {"SEK": 100000}}}""";

    @TempDir
    Path root;
    private LocalSmtp smtp;

    @BeforeEach
    void storeWithBookAndPolicy() throws IOException {
        StandaloneReminders.storeWithPolicy(root, POLICY);
        Files.writeString(root.resolve("receivables/book.jsonl"), """
                {"invoiceId":"A","invoiceNumber":"2026-1001","currency":"SEK","issueDate":"2026-10-21","dueDate":"2026-11-20",\
                "amount":150000,"openAmount":150000,"customer":{"id":"c-bygg","name":"Byggmästarna AB","type":"BUSINESS",\
                "country":"SE"}}
                """);
    }

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.close();
        }
    }

    private Mailer startSmtp() {
        smtp = new LocalSmtp();
        return smtp.mailer();
    }

    private static Mailer unreachable() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return LocalSmtp.mailer(socket.getLocalPort());
        }
    }

    private List<MimeMessage> received() throws Exception {
        return smtp.inbox("ekonomi@stalhandel.example");
    }

    private LedgerPass.Report run(String day, Mailer mailer) throws IOException {
        return run(day, mailer, new FileObjectStore(root));
    }

    private LedgerPass.Report run(String day, Mailer mailer, ObjectStore store) throws IOException {
        return new ReminderRun(store, StandaloneReminders.reminders(), StandaloneReminders.inputs(), SampleDay.CLOCK,
                List.of(), mailer, 4).run(Optional.of(LocalDate.parse(day)), false).customers();
    }

    private static String text(MimeMessage mail) throws Exception {
        Object content = mail.getContent();
        while (content instanceof Multipart parts) { // mixed, then alternative: the plain text comes first
            content = parts.getBodyPart(0).getContent();
        }
        return ((String) content).replace("\r\n", "\n");
    }

    @Test
    void oneMailADayWithWhatBeganAndEndedAndWhatAnOutageHeldBack() throws Exception {
        Mailer mailer = startSmtp();
        LedgerPass.Report first = run("2026-12-01", mailer);
        assertThat(first.digest().status()).isEqualTo(AlertDigest.Status.SENT);
        assertThat(received()).hasSize(1);
        MimeMessage mail = received().get(0);
        assertThat(((InternetAddress) mail.getRecipients(RecipientType.TO)[0]).getAddress())
                .isEqualTo("ekonomi@stalhandel.example");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("larm@stalhandel.example");
        assertThat(mail.getSubject()).isEqualTo("Kundvarningar 2026-12-01: 1 nya, 0 avslutade");
        assertThat(mail.getMessageID()).isEqualTo("<digest.2026-12-01@stalhandel.example>");
        assertThat(mail.getHeader("Content-Language", null)).isEqualTo("sv");
        assertThat(text(mail)).contains("Nya varningar")
                .contains("- Ingen kreditgräns: Byggmästarna AB (c-bygg), exponering 150 000,00 SEK (varning från 100 000,00 SEK)")
                .doesNotContain("Avslutade varningar");
        String html = (String) ((Multipart) ((Multipart) mail.getContent()).getBodyPart(0).getContent()).getBodyPart(1)
                .getContent();
        assertThat(html).contains("<li>Ingen kreditgräns: Byggmästarna AB (c-bygg)");

        LedgerPass.Report again = run("2026-12-01", mailer);
        assertThat(again.digest().status()).isEqualTo(AlertDigest.Status.NOTHING_NEW);
        assertThat(received()).hasSize(1);

        // A limit of 160 000: NO_LIMIT ends, NEAR_LIMIT begins; the mail server cannot be reached that day.
        StandaloneReminders.customers(new FileObjectStore(root)).setLimit("c-bygg", new LimitRequest(new BigDecimal("160000"),
                Currency.getInstance("SEK"), null, null), new CustomerService.Who("ekonomi", "PUT /customers/{id}/limit", null));
        LedgerPass.Report down = run("2026-12-02", unreachable());
        assertThat(down.digest().status()).isEqualTo(AlertDigest.Status.NOT_SENT);
        assertThat(down.digest().reason()).isNotBlank();
        assertThat(received()).hasSize(1);

        // The next day's run mails what the outage held back, once.
        LedgerPass.Report up = run("2026-12-03", mailer);
        assertThat(up.digest().status()).isEqualTo(AlertDigest.Status.SENT);
        assertThat(up.digest().began()).isEqualTo(1);
        assertThat(up.digest().ended()).isEqualTo(1);
        assertThat(received()).hasSize(2);
        MimeMessage second = received().get(1);
        assertThat(second.getSubject()).isEqualTo("Kundvarningar 2026-12-03: 1 nya, 1 avslutade");
        assertThat(text(second))
                .contains("Nya varningar\n- Nära kreditgränsen: Byggmästarna AB (c-bygg), exponering 150 000,00 SEK, gräns 160 000,00 SEK")
                .contains("Avslutade varningar\n- Ingen kreditgräns: Byggmästarna AB (c-bygg)");
        assertThat(run("2026-12-03", mailer).digest().status()).isEqualTo(AlertDigest.Status.NOTHING_NEW);
        assertThat(run("2026-12-04", mailer).digest().status()).isEqualTo(AlertDigest.Status.NOTHING_NEW);
        assertThat(received()).hasSize(2);
    }

    /** The store, refusing every write under {@code prefix}. */
    private ObjectStore refusingWritesUnder(String prefix) {
        return new ForwardingStore(new FileObjectStore(root)) {
            @Override
            public Replacement replaceIf(String key, String contentType, String expectedVersion) throws IOException {
                if (key.startsWith(prefix)) {
                    throw new IOException("503 Slow Down: " + key);
                }
                return store.replaceIf(key, contentType, expectedVersion);
            }

            @Override
            public Replacement replace(String key, String contentType) throws IOException {
                return replaceIf(key, contentType, null);
            }
        };
    }

    @Test
    void alertChangesOfARunWhoseListingOrLocatorCouldNotBeWrittenAreMailedOnceByALaterRun() throws Exception {
        Mailer mailer = startSmtp();
        // The listing is written, the invoice locator after it is not: the alert that began is still mailed.
        LedgerPass.Report locatorDown = run("2026-12-01", mailer, refusingWritesUnder("customers/invoices/"));
        assertThat(locatorDown.began()).containsEntry(Alerts.Type.NO_LIMIT, 1L);
        assertThat(locatorDown.digest().status()).isEqualTo(AlertDigest.Status.NOT_SENT);
        assertThat(run("2026-12-02", mailer).digest().status()).isEqualTo(AlertDigest.Status.SENT);
        assertThat(received()).hasSize(1);
        assertThat(received().get(0).getSubject()).isEqualTo("Kundvarningar 2026-12-02: 1 nya, 0 avslutade");

        // The listing is not written: the next run finds the same change again, and it is mailed once, not twice.
        StandaloneReminders.customers(new FileObjectStore(root)).setLimit("c-bygg", new LimitRequest(new BigDecimal("160000"),
                Currency.getInstance("SEK"), null, null), new CustomerService.Who("ekonomi", "PUT /customers/{id}/limit", null));
        LedgerPass.Report listingDown = run("2026-12-03", mailer, refusingWritesUnder(LedgerStore.INDEX));
        assertThat(listingDown.began()).containsEntry(Alerts.Type.NEAR_LIMIT, 1L);
        assertThat(listingDown.digest().status()).isEqualTo(AlertDigest.Status.NOT_SENT);
        LedgerPass.Report up = run("2026-12-04", mailer);
        assertThat(up.digest().status()).isEqualTo(AlertDigest.Status.SENT);
        assertThat(received()).hasSize(2);
        assertThat(received().get(1).getSubject()).isEqualTo("Kundvarningar 2026-12-04: 1 nya, 1 avslutade");
    }

    @Test
    void englishWhenThePolicySaysSoAndNoDigestWithoutAnAddress() throws Exception {
        Files.writeString(root.resolve("config/reminder-policy.json"), POLICY.replace("\"sv\"", "\"en\""));
        Mailer mailer = startSmtp();
        run("2026-12-01", mailer);
        MimeMessage mail = received().get(0);
        assertThat(mail.getSubject()).isEqualTo("Customer alerts 1 December 2026: 1 new, 0 ended");
        assertThat(text(mail)).contains("- No credit limit: Byggmästarna AB (c-bygg), exposure SEK 150,000.00 (alert from "
                + "SEK 100,000.00)");

        Files.writeString(root.resolve("config/reminder-policy.json"), POLICY.replace(
                "\"to\": \"ekonomi@stalhandel.example\", ", ""));
        StandaloneReminders.customers(new FileObjectStore(root)).setLimit("c-bygg", new LimitRequest(new BigDecimal("160000"),
                Currency.getInstance("SEK"), null, null), new CustomerService.Who("ekonomi", "PUT /customers/{id}/limit", null));
        LedgerPass.Report quiet = run("2026-12-02", mailer);
        assertThat(quiet.began()).containsKey(Alerts.Type.NEAR_LIMIT);
        assertThat(quiet.digest().status()).isEqualTo(AlertDigest.Status.NOT_CONFIGURED);
        assertThat(received()).hasSize(1);
    }

    @Test
    void aFirstRunsThousandsOfAlertsAreCountedAndTheFirstFiftyOfEachKindListed() {
        AlertDigest.Gathered events = new AlertDigest.Gathered();
        for (int i = 0; i < 1_000; i++) {
            events.add(new AlertRules.Event("c-" + i, "Kund " + i + " AB", AlertRules.Change.BEGAN, LocalDate.parse("2026-12-01"),
                    new Alerts.Alert(Alerts.Type.NO_LIMIT, "SEK", LocalDate.parse("2026-12-01"), "",
                            new Alerts.Figures(new BigDecimal("150000"), new BigDecimal("100000"), Currency.getInstance("SEK"),
                                    null, null))));
        }
        AlertPolicy policy = new AlertPolicy("ekonomi@stalhandel.example", "larm@stalhandel.example", "en", null, null,
                null, null);
        Mailer.Mail mail = AlertDigest.compose(events, LocalDate.parse("2026-12-01"), policy);
        assertThat(mail.subject()).isEqualTo("Customer alerts 1 December 2026: 1000 new, 0 ended");
        assertThat(mail.text().lines().filter(l -> l.startsWith("- No credit limit"))).hasSize(AlertDigest.LISTED);
        assertThat(mail.text()).contains("… and 950 more of the kind");
    }
}
