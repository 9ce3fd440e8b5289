package io.creditguard.reminders;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.creditguard.json.Json;
import io.creditguard.mail.Mailer;
import io.creditguard.store.ObjectStore;

/**
 * How the run's letters leave it under the policy's {@code delivery}: kept in the store for the
 * company to send (NONE), or mailed to the customer with the PDF attached (EMAIL), by post where
 * mail cannot reach them.
 *
 * <p>A letter is mailed at most once: once the server accepts it, {@code deliveries/<letterId>.json}
 * records so, written once. The id derives from the letter's invoices and levels, so a re-run (the same
 * day, or a later one after a run that died before it recorded the levels sent) finds the record and
 * does not mail again. The one gap left: a run that dies between the server's acceptance and that
 * record mails once more on the re-run.
 */
final class LetterDelivery {

    static final String PREFIX = "deliveries/";

    /** How a letter went out, kept on each of its reminder records. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "by")
    @JsonSubTypes({@JsonSubTypes.Type(value = Mailed.class, name = "EMAIL"),
            @JsonSubTypes.Type(value = ForPost.class, name = "POST")})
    sealed interface Sent permits Mailed, ForPost {
    }

    /** Accepted by the mail server. */
    record Mailed(String messageId, Instant sentAt, String to) implements Sent {
    }

    /** Mail cannot reach the customer: the letter, in the store, is to be posted. */
    record ForPost(String reason) implements Sent {
    }

    /** The server could not take the mail now; the letter's levels stay unsent and the next run tries again. */
    static final class NotSent extends IOException {
        NotSent(String message) {
            super(message);
        }
    }

    private final ObjectStore store;
    private final Mailer mailer;

    LetterDelivery(ObjectStore store, Mailer mailer) {
        this.store = store;
        this.mailer = mailer;
    }

    /**
     * Delivers {@code statement} (rendered) with its {@code pdf} as {@code policy} says.
     *
     * @return how it went out, or empty under NONE
     * @throws NotSent when it is to be mailed and the server cannot take it now
     */
    Optional<Sent> deliver(Statements.Statement statement, byte[] pdf, ReminderPolicy policy, LocalDate asOf)
            throws IOException {
        ReminderPolicy.Delivery delivery = policy.delivery();
        if (delivery.deliveryMode() == ReminderPolicy.DeliveryMode.NONE) {
            return Optional.empty();
        }
        String key = PREFIX + statement.letterId() + ".json";
        Optional<InputStream> earlier = store.read(key);
        if (earlier.isPresent()) {
            try (InputStream in = earlier.get()) {
                return Optional.of(Json.MAPPER.readValue(in, Sent.class));
            }
        }
        String to = statement.customer().email();
        if (to == null) {
            return Optional.of(new ForPost("customer " + statement.customer().id() + " has no e-mail address"));
        }
        Letters.Letter letter = statement.letter();
        Mailer.Outcome outcome = mailer.send(new Mailer.Mail(Mailer.messageId(statement.letterId() + "." + asOf, delivery.from()),
                delivery.from(), delivery.replyTo(), delivery.bcc(), to, statement.customer().name(), letter.language(),
                letter.subject(), letter.text(), letter.html(),
                new Mailer.Attachment(fileName(letter.subject()), "application/pdf", pdf)));
        if (outcome instanceof Mailer.NotSent notSent) {
            throw new NotSent("mailing letter " + statement.letterId() + " via " + mailer.server() + " failed for now: "
                    + notSent.reason());
        }
        Sent sent = outcome instanceof Mailer.Accepted a ? new Mailed(a.messageId(), a.sentAt(), a.to())
                : new ForPost("the mail server refused " + to + " for good: " + ((Mailer.Refused) outcome).reason());
        if (sent instanceof Mailed) {
            // Should another run have recorded the same letter meanwhile, one record of it is enough.
            store.create(key, Json.write(sent).getBytes(StandardCharsets.UTF_8), "application/json");
        }
        return Optional.of(sent);
    }

    /** The subject as a file name a mail program shows: what a file system forbids replaced. */
    static String fileName(String subject) {
        return subject.replaceAll("[\\\\/:*?\"<>|]+", " -").replaceAll("\\s+", " ").strip() + ".pdf";
    }
}
