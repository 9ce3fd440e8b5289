package io.creditguard.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An SMTP server that accepts everything but answers each RCPT TO as a test scripts it (RFC 5321: 250
 * accepted, 4yz try again, 5yz refused for good), one session after another, counting the sessions
 * (connections) it served and the messages it took. It may close a session after a number of messages,
 * as a server does with a connection that stood idle too long.
 */
public final class ScriptedSmtp implements AutoCloseable {

    private final ServerSocket socket;
    private final Function<String, String> rcptReply;
    private final int messagesPerSession;
    private final AtomicInteger sessions = new AtomicInteger();
    private final List<String> delivered = new ArrayList<>();

    /**
     * @param rcptReply the reply to {@code RCPT TO:<address>}, given the address
     * @param messagesPerSession after this many messages the server closes the session without a word
     */
    public ScriptedSmtp(Function<String, String> rcptReply, int messagesPerSession) throws IOException {
        this.socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.rcptReply = rcptReply;
        this.messagesPerSession = messagesPerSession;
        Thread thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    /** Answers every recipient with {@code reply}. */
    public ScriptedSmtp(String reply) throws IOException {
        this(address -> reply, Integer.MAX_VALUE);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The connections served so far. */
    public int sessions() {
        return sessions.get();
    }

    /** The recipients of each message taken, in order. */
    public List<String> delivered() {
        synchronized (delivered) {
            return List.copyOf(delivered);
        }
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                sessions.incrementAndGet();
                session(client);
            } catch (IOException e) {
                // the client went away, or the server was closed; the test's assertions tell what happened
            }
        }
    }

    private void session(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
        reply(out, "220 scripted ESMTP");
        boolean data = false;
        int messages = 0;
        List<String> recipients = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (data) {
                if (line.equals(".")) {
                    data = false;
                    synchronized (delivered) {
                        delivered.add(String.join(",", recipients));
                    }
                    recipients.clear();
                    reply(out, "250 2.0.0 queued");
                    if (++messages >= messagesPerSession) {
                        return;
                    }
                }
                continue;
            }
            String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
            switch (command) {
                case "EHLO", "HELO", "NOOP" -> reply(out, "250 ok");
                case "MAIL", "RSET" -> {
                    recipients.clear();
                    reply(out, "250 ok");
                }
                case "RCPT" -> {
                    String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                    String answer = rcptReply.apply(address);
                    if (answer.startsWith("2")) {
                        recipients.add(address);
                    }
                    reply(out, answer);
                }
                case "DATA" -> {
                    data = true;
                    reply(out, "354 go ahead");
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "502 5.5.1 not implemented");
            }
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
