package io.creditguard.mail;

import java.io.UnsupportedEncodingException;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

import jakarta.activation.DataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends letters over SMTP, configured by one URL ({@code creditguard.mail.url}, env
 * {@code CREDITGUARD_MAIL_URL}): {@code smtp://user:password@host:587?starttls=required} (STARTTLS,
 * the default for smtp), {@code smtps://user:password@host:465} (TLS from the first byte), or
 * {@code ?starttls=none} for a local server without TLS. Amazon SES's SMTP interface is such a URL;
 * its credentials come, like the other secrets, from Secrets Manager into the environment.
 *
 * <p>Each message is multipart: the letter as plain text and as HTML, and its attachments (the PDF,
 * a CSV). Its Message-ID is the caller's, so a letter sent again after a failure is recognisably the
 * same message. The server's answer to each message decides what happens to it: accepted; refused for
 * good (a 5xx reply to the recipient or the message: the address does not exist or will never take
 * it); or not sent now (no server, a timeout, a 4xx reply), to be tried again.
 *
 * <p>Many mails go over one connection: a {@link Batch} (a run's letters) connects at its first mail
 * and keeps the session for the rest, so the TLS handshake and the login are paid once, not per
 * letter; {@link #send} is a batch of one.
 */
@ApplicationScoped
public class Mailer {

    /** Seconds to connect, and to wait on each read and write, before the attempt counts as not sent now. */
    private static final int TIMEOUT_SECONDS = 20;

    public record Attachment(String fileName, String contentType, byte[] content) {

        /** {@code title} (a letter's subject) as a file name a mail program shows, what a file system forbids replaced. */
        public static String fileName(String title, String extension) {
            return title.replaceAll("[\\\\/:*?\"<>|]+", " -").replaceAll("\\s+", " ").strip() + "." + extension;
        }
    }

    /**
     * One letter as mail.
     *
     * @param messageId without angle brackets, e.g. {@code let_1a2b.2026-11-30@example.se}
     * @param bcc an archive copy, or null
     * @param html the same text as HTML, or null for plain text only
     * @param attachments in the order a mail program lists them; may be empty
     */
    public record Mail(String messageId, String from, String replyTo, String bcc, String to, String toName, String language,
            String subject, String text, String html, List<Attachment> attachments) {

        public Mail {
            attachments = List.copyOf(attachments);
        }
    }

    /** What the server made of a mail. */
    public sealed interface Outcome permits Accepted, Refused, NotSent {
    }

    public record Accepted(String messageId, Instant sentAt, String to) implements Outcome {
    }

    /** Refused for good: sending again would be refused again. */
    public record Refused(String reason) implements Outcome {
    }

    /** Not sent this time (server unreachable, timeout, a temporary refusal): try again later. */
    public record NotSent(String reason) implements Outcome {
    }

    private final Optional<Session> session;
    private final String server;
    private final Clock clock;

    @Inject
    public Mailer(@ConfigProperty(name = "creditguard.mail.url") Optional<String> url, Clock clock) {
        this.clock = clock;
        this.session = url.filter(u -> !u.isBlank()).map(Mailer::session);
        this.server = url.filter(u -> !u.isBlank()).map(Mailer::describe).orElse("none");
    }

    /** Whether a server is configured; without one every mail is {@link NotSent}. */
    public boolean configured() {
        return session.isPresent();
    }

    /** The server as scheme://host:port, without credentials, for reports. */
    public String server() {
        return server;
    }

    /** {@code mail} on a connection of its own. */
    public Outcome send(Mail mail) {
        try (Batch batch = batch()) {
            return batch.send(mail);
        }
    }

    /** A batch of mails over one connection, opened at its first mail; the caller closes it. */
    public Batch batch() {
        return new Batch();
    }

    /**
     * Mails over one SMTP session, one at a time (the run's writer threads take turns on it). The server's
     * answer is read per mail, as for a mail on its own; a refused recipient leaves the session usable
     * (the client resets it), a broken connection is opened again for the next mail. A session the server
     * closed while it stood idle is opened again and the mail tried once more on it.
     */
    public final class Batch implements AutoCloseable {

        private Transport transport;

        private Batch() {
        }

        public String server() {
            return server;
        }

        public synchronized Outcome send(Mail mail) {
            if (session.isEmpty()) {
                return new NotSent("no mail server is configured (creditguard.mail.url, env CREDITGUARD_MAIL_URL)");
            }
            MimeMessage message;
            try {
                message = message(session.get(), mail);
            } catch (AddressException e) {
                return new Refused("the address is not one a mail server can take: " + e.getMessage());
            } catch (MessagingException | UnsupportedEncodingException e) {
                return new Refused("the letter could not be put into a mail: " + e.getMessage());
            }
            for (boolean first = true; ; first = false) {
                boolean reused = transport != null;
                try {
                    return deliver(message, mail);
                } catch (SendFailedException e) {
                    return answer(e);
                } catch (MessagingException e) {
                    disconnect();
                    if (!reused || !first) {
                        return notSent(e);
                    }
                }
            }
        }

        private Outcome deliver(MimeMessage message, Mail mail) throws MessagingException {
            if (transport == null) {
                Transport opened = session.get().getTransport();
                opened.connect();
                transport = opened;
            }
            transport.sendMessage(message, message.getAllRecipients());
            return new Accepted(mail.messageId(), message.getSentDate().toInstant(), mail.to());
        }

        private void disconnect() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    // the connection is gone already; the next mail opens another
                }
                transport = null;
            }
        }

        /** Says goodbye to the server (QUIT). */
        @Override
        public synchronized void close() {
            disconnect();
        }
    }

    private static NotSent notSent(MessagingException e) {
        return new NotSent(e.getMessage() + (e.getNextException() == null ? "" : " (" + e.getNextException() + ")"));
    }

    /**
     * A Message-ID in the sender's domain, {@code <localPart>@<domain of from>}, without angle brackets: the
     * caller makes {@code localPart} stable per letter, so a copy sent again is recognisably the same mail.
     *
     * @param from one address, as {@code MailAddress} checks it
     */
    public static String messageId(String localPart, String from) {
        try {
            String address = new InternetAddress(from, true).getAddress();
            return localPart + "@" + address.substring(address.indexOf('@') + 1);
        } catch (AddressException e) {
            throw new IllegalArgumentException("not one mail address: " + from, e);
        }
    }

    /**
     * A 5xx reply to the recipient or the message is final (RFC 5321 §4.2.1); 4xx and no reply are not. The
     * reason is the server's own reply where it gave one ({@code 550 5.1.1 no such mailbox}).
     */
    private static Outcome answer(SendFailedException e) {
        for (Exception cause = e; cause != null; cause = cause instanceof MessagingException m ? m.getNextException() : null) {
            int code = cause instanceof SMTPAddressFailedException a ? a.getReturnCode()
                    : cause instanceof SMTPSendFailedException s ? s.getReturnCode() : 0;
            if (code >= 500) {
                return new Refused(cause.getMessage().strip());
            }
            if (code >= 400) {
                return new NotSent(cause.getMessage().strip());
            }
        }
        return new NotSent(e.getMessage());
    }

    private MimeMessage message(Session session, Mail mail) throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + mail.messageId() + ">");
            }
        };
        message.setFrom(address(mail.from()));
        if (mail.replyTo() != null) {
            message.setReplyTo(new Address[] {address(mail.replyTo())});
        }
        InternetAddress to = address(mail.to());
        if (mail.toName() != null) {
            to.setPersonal(mail.toName(), StandardCharsets.UTF_8.name());
        }
        message.setRecipient(RecipientType.TO, to);
        if (mail.bcc() != null) {
            message.setRecipient(RecipientType.BCC, address(mail.bcc()));
        }
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("Content-Language", mail.language());
        message.setHeader("Auto-Submitted", "auto-generated"); // RFC 3834: no out-of-office replies, please

        MimeBodyPart body = new MimeBodyPart();
        if (mail.html() == null) {
            body.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
            body.setContent(new MimeMultipart("alternative", text, html));
        }
        MimeMultipart mixed = new MimeMultipart("mixed", body);
        for (Attachment file : mail.attachments()) {
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(), file.contentType())));
            attachment.setFileName(file.fileName());
            attachment.setDisposition(MimeBodyPart.ATTACHMENT);
            mixed.addBodyPart(attachment);
        }
        message.setContent(mixed);
        message.saveChanges();
        return message;
    }

    /**
     * {@code text} as one address as a server without SMTPUTF8 (RFC 6531) takes it, which is what this client
     * speaks: a domain in its own letters ({@code info@bäckerei.de}) as its ASCII form ({@code xn--bckerei-5wa.de},
     * RFC 5891), the same domain; a mailbox name outside ASCII has no such form and is refused. The mail API would
     * send either as it stands, the envelope's non-ASCII letters as single Latin-1 bytes.
     */
    private static InternetAddress address(String text) throws AddressException {
        InternetAddress address = new InternetAddress(text, true);
        String mailbox = address.getAddress();
        int at = mailbox.lastIndexOf('@');
        if (!ascii(mailbox.substring(0, Math.max(at, 0)))) {
            throw new AddressException("the mailbox name of " + mailbox + " is not ASCII, which only a server speaking SMTPUTF8 takes");
        }
        String domain = mailbox.substring(at + 1);
        if (!ascii(domain)) {
            try {
                address.setAddress(mailbox.substring(0, at + 1) + IDN.toASCII(domain));
            } catch (IllegalArgumentException e) {
                throw new AddressException("the domain of " + mailbox + " is not a domain name: " + e.getMessage());
            }
        }
        return address;
    }

    private static boolean ascii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    /** The session for {@code url}; a URL that cannot be one fails at start, naming what is wrong. */
    static Session session(String url) {
        URI uri = parse(url);
        boolean implicitTls = uri.getScheme().equals("smtps");
        Map<String, String> query = query(uri);
        String startTls = query.getOrDefault("starttls", implicitTls ? "none" : "required");
        if (!startTls.matches("required|optional|none")) {
            throw new IllegalArgumentException("creditguard.mail.url: starttls must be required, optional or none, not "
                    + startTls);
        }
        String protocol = implicitTls ? "smtps" : "smtp";
        int port = uri.getPort() != -1 ? uri.getPort() : implicitTls ? 465 : 587;
        Properties props = new Properties();
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", uri.getHost());
        props.put("mail." + protocol + ".port", String.valueOf(port));
        props.put("mail." + protocol + ".connectiontimeout", String.valueOf(TIMEOUT_SECONDS * 1000));
        props.put("mail." + protocol + ".timeout", String.valueOf(TIMEOUT_SECONDS * 1000));
        props.put("mail." + protocol + ".writetimeout", String.valueOf(TIMEOUT_SECONDS * 1000));
        props.put("mail." + protocol + ".starttls.enable", String.valueOf(!startTls.equals("none")));
        props.put("mail." + protocol + ".starttls.required", String.valueOf(startTls.equals("required")));
        props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        String[] credentials = uri.getRawUserInfo() == null ? null : uri.getRawUserInfo().split(":", 2);
        if (credentials == null) {
            return Session.getInstance(props);
        }
        if (credentials.length != 2) {
            throw new IllegalArgumentException("creditguard.mail.url: give both user and password (user:password@host)");
        }
        props.put("mail." + protocol + ".auth", "true");
        String user = URLDecoder.decode(credentials[0], StandardCharsets.UTF_8);
        String password = URLDecoder.decode(credentials[1], StandardCharsets.UTF_8);
        return Session.getInstance(props, new jakarta.mail.Authenticator() {
            @Override
            protected jakarta.mail.PasswordAuthentication getPasswordAuthentication() {
                return new jakarta.mail.PasswordAuthentication(user, password);
            }
        });
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            // The message would echo the URL, password and all.
            throw new IllegalArgumentException("creditguard.mail.url is not a URL (smtp://user:password@host:587)");
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("smtps?") || uri.getHost() == null) {
            throw new IllegalArgumentException("creditguard.mail.url must be smtp://… or smtps://… with a host");
        }
        return uri;
    }

    private static Map<String, String> query(URI uri) {
        if (uri.getRawQuery() == null) {
            return Map.of();
        }
        return Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "", (a, b) -> b));
    }

    private static String describe(String url) {
        URI uri = parse(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
