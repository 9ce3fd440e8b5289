package io.creditguard.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.mail.Session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.creditguard.SampleDay;

/**
 * The mail URL as the operator writes it, and what the server's replies mean (RFC 5321 §4.2.1: 5yz is
 * a permanent refusal, 4yz a transient one), against a scripted SMTP server that answers the recipient
 * as told ({@link ScriptedSmtp}); a batch's mails over one connection.
 */
class MailerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "smtp://user:p%40ss@mail.example:587              | smtp  | 587 | true  | true  | user",
            "smtp://mail.example                              | smtp  | 587 | true  | true  | ",
            "smtp://mail.example:2525?starttls=optional       | smtp  | 2525| true  | false | ",
            "smtp://127.0.0.1:3025?starttls=none              | smtp  | 3025| false | false | ",
            "smtps://AKIAEXAMPLE:secret@email-smtp.eu-north-1.amazonaws.com | smtps | 465 | false | false | AKIAEXAMPLE"})
    void theUrlSaysServerPortTlsAndCredentials(String url, String protocol, String port, boolean startTls,
            boolean required, String user) throws Exception {
        Session session = Mailer.session(url);
        assertThat(session.getProperty("mail.transport.protocol")).isEqualTo(protocol);
        assertThat(session.getProperty("mail." + protocol + ".port")).isEqualTo(port);
        assertThat(session.getProperty("mail." + protocol + ".starttls.enable")).isEqualTo(String.valueOf(startTls));
        assertThat(session.getProperty("mail." + protocol + ".starttls.required")).isEqualTo(String.valueOf(required));
        assertThat(session.getProperty("mail." + protocol + ".auth")).isEqualTo(user == null ? null : "true");
        assertThat(new Mailer(Optional.of(url), SampleDay.CLOCK).server()).doesNotContain("secret").doesNotContain("p%40ss");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://mail.example                 | must be smtp://",
            "smtp://                             | is not a URL",
            "smtp:///no-host                     | must be smtp://",
            "smtp://user@mail.example            | give both user and password",
            "smtp://mail.example?starttls=maybe  | starttls must be required, optional or none",
            "smtp://us er:sec ret@mail.example   | is not a URL"})
    void aUrlThatIsNoMailServerFailsAtStartWithoutEchoingIt(String url, String message) {
        assertThatThrownBy(() -> Mailer.session(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message).hasMessageNotContaining("sec ret");
    }

    @ParameterizedTest(name = "RCPT answered {0}")
    @CsvSource(delimiter = '|', value = {
            "250 2.1.5 ok                         | Accepted",
            "550 5.1.1 no such mailbox            | Refused",
            "553 5.1.3 mailbox name not allowed   | Refused",
            "451 4.3.0 try again later            | NotSent",
            "452 4.2.2 mailbox full               | NotSent"})
    void theServersReplyToTheRecipientDecidesWhetherToTryAgain(String reply, String outcome) throws Exception {
        try (ScriptedSmtp server = new ScriptedSmtp(reply)) {
            Mailer mailer = new Mailer(Optional.of("smtp://127.0.0.1:" + server.port() + "?starttls=none"), SampleDay.CLOCK);
            Mailer.Outcome sent = mailer.send(new Mailer.Mail("let_1.2026-11-30@example.se", "a@example.se", null, null,
                    "b@example.se", "B AB", "sv", "Ämne", "Text", "<p>Text</p>",
                    List.of(new Mailer.Attachment("brev.pdf", "application/pdf", new byte[] {'%', 'P', 'D', 'F'}))));
            assertThat(sent.getClass().getSimpleName()).isEqualTo(outcome);
        }
    }

    /**
     * This client speaks no SMTPUTF8 (RFC 6531), so the envelope and the headers carry an address in ASCII: a domain
     * in its own letters as its ASCII form (RFC 5891; Python's "bäckerei.de".encode("idna")), which is the same domain;
     * a mailbox name outside ASCII has no such form and is refused, the letter going by post.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "kund@example.se        | Accepted | kund@example.se",
            "info@bäckerei.de       | Accepted | info@xn--bckerei-5wa.de",
            "Info@Företaget.se      | Accepted | Info@xn--fretaget-n4a.se",
            "åsa@example.se         | Refused  | "})
    void anAddressGoesOutInAscii(String to, String outcome, String delivered) throws Exception {
        try (ScriptedSmtp server = new ScriptedSmtp("250 2.1.5 ok")) {
            Mailer mailer = new Mailer(Optional.of("smtp://127.0.0.1:" + server.port() + "?starttls=none"), SampleDay.CLOCK);
            Mailer.Outcome sent = mailer.send(mail(to));
            assertThat(sent.getClass().getSimpleName()).isEqualTo(outcome);
            assertThat(server.delivered()).containsExactlyElementsOf(delivered == null ? List.of() : List.of(delivered));
        }
    }

    @Test
    void noServerConfiguredIsNotSentNamingTheSetting() {
        Mailer.Outcome sent = new Mailer(Optional.empty(), SampleDay.CLOCK).send(new Mailer.Mail("m@example.se",
                "a@example.se", null, null, "b@example.se", null, "en", "S", "T", "<p>T</p>",
                List.of(new Mailer.Attachment("x.pdf", "application/pdf", new byte[0]))));
        assertThat(sent).isInstanceOfSatisfying(Mailer.NotSent.class,
                n -> assertThat(n.reason()).contains("creditguard.mail.url"));
    }

    @Test
    void aBatchSendsEveryMailOverOneConnectionAndReadsTheServersAnswerToEachOnItsOwn() throws Exception {
        try (ScriptedSmtp server = new ScriptedSmtp(address -> address.startsWith("gone") ? "550 5.1.1 no such mailbox"
                : address.startsWith("full") ? "452 4.2.2 mailbox full" : "250 2.1.5 ok", Integer.MAX_VALUE)) {
            Mailer mailer = new Mailer(Optional.of("smtp://127.0.0.1:" + server.port() + "?starttls=none"), SampleDay.CLOCK);
            List<String> outcomes = new ArrayList<>();
            try (Mailer.Batch batch = mailer.batch()) {
                for (String to : List.of("a@example.se", "gone@example.se", "full@example.se", "b@example.se")) {
                    outcomes.add(batch.send(mail(to)).getClass().getSimpleName());
                }
            }
            assertThat(outcomes).containsExactly("Accepted", "Refused", "NotSent", "Accepted");
            assertThat(server.delivered()).containsExactly("a@example.se", "b@example.se");
            assertThat(server.sessions()).isEqualTo(1);
        }
    }

    @Test
    void aConnectionTheServerClosedIsOpenedAgainAndTheMailSentOnIt() throws Exception {
        try (ScriptedSmtp server = new ScriptedSmtp(address -> "250 2.1.5 ok", 1)) {
            Mailer mailer = new Mailer(Optional.of("smtp://127.0.0.1:" + server.port() + "?starttls=none"), SampleDay.CLOCK);
            try (Mailer.Batch batch = mailer.batch()) {
                assertThat(batch.send(mail("a@example.se"))).isInstanceOf(Mailer.Accepted.class);
                assertThat(batch.send(mail("b@example.se"))).isInstanceOf(Mailer.Accepted.class);
            }
            assertThat(server.delivered()).containsExactly("a@example.se", "b@example.se");
            assertThat(server.sessions()).isEqualTo(2);
        }
    }

    private static Mailer.Mail mail(String to) {
        return new Mailer.Mail(to.replace('@', '.') + "@example.se", "a@example.se", null, null, to, null, "sv", "Ämne", "Text",
                null, List.of(new Mailer.Attachment("brev.pdf", "application/pdf", new byte[] {'%', 'P', 'D', 'F'})));
    }
}
