package io.creditguard.mail;

import java.util.List;
import java.util.Optional;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.creditguard.SampleDay;

/**
 * GreenMail's SMTP server on a free local port, a mailer pointed at it, and what it delivered to each
 * mailbox (one per recipient, Bcc included).
 */
public final class LocalSmtp implements AutoCloseable {

    private final GreenMail server;

    public LocalSmtp() {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** A mailer with no server: under EMAIL delivery every letter stays unsent. */
    public static Mailer noServer() {
        return new Mailer(Optional.empty(), SampleDay.CLOCK);
    }

    /** A mailer without TLS to {@code port} of this machine: this server's, or a closed one's. */
    public static Mailer mailer(int port) {
        return new Mailer(Optional.of("smtp://127.0.0.1:" + port + "?starttls=none"), SampleDay.CLOCK);
    }

    public Mailer mailer() {
        return mailer(server.getSmtp().getPort());
    }

    /** Every message delivered, once per recipient. */
    public int received() {
        return server.getReceivedMessages().length;
    }

    /** What was delivered to {@code address}'s mailbox, in order. */
    public List<MimeMessage> inbox(String address) throws Exception {
        GreenMailUser user = server.getUserManager().getUserByEmail(address);
        if (user == null) {
            return List.of();
        }
        return server.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                .map(StoredMessage::getMimeMessage).toList();
    }

    @Override
    public void close() {
        server.stop();
    }
}
