package io.creditguard.reminders;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.creditguard.json.Json;
import io.creditguard.mail.Mailer;
import io.creditguard.store.ObjectStore;

/**
 * How the run's letters leave it under the policy's {@code delivery}: kept in the store for the
 * company to send (NONE), or mailed to the customer with the PDF attached (EMAIL), by post where
 * mail cannot reach them; and the overdue notifications to the credit insurer, mailed to the address
 * the policy names ({@code insurer.notification}) with the PDF and the invoice as CSV, or left for a
 * person to send.
 *
 * <p>A letter or notification is mailed at most once: once the server accepts it,
 * {@code deliveries/<id>.json} records so, written once. The id derives from the letter's invoices and
 * levels (a notification's from its invoice), so a re-run (the same day, or a later one after a run
 * that died before it recorded what it sent) finds the record and does not mail again. The gaps
 * left: a run that dies between the server's acceptance and that record mails once more on the re-run;
 * one that dies before the last of the letter's reminder records is written (a level with one goes in
 * no new letter, {@link ReminderRun}) leaves the invoices without one to a letter with an id of its own.
 * Every mail of a run goes over the run's one connection ({@link Mailer.Batch}).
 */
final class LetterDelivery {

    static final String PREFIX = "deliveries/";

    /** How a letter went out, kept on each of its reminder records. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "by")
    @JsonSubTypes({@JsonSubTypes.Type(value = Mailed.class, name = "EMAIL"),
            @JsonSubTypes.Type(value = ForPost.class, name = "POST"), @JsonSubTypes.Type(value = ByHand.class, name = "HAND")})
    sealed interface Sent permits Mailed, ForPost, ByHand {
    }

    /** Accepted by the mail server. */
    record Mailed(String messageId, Instant sentAt, String to) implements Sent {
    }

    /** Mail cannot reach the customer: the letter, in the store, is to be posted. */
    record ForPost(String reason) implements Sent {
    }

    /** Mail cannot reach the insurer: the notification, in the store, is for a person to send. */
    record ByHand(String reason) implements Sent {
    }

    /** The server could not take the mail now; the letter's levels stay unsent and the next run tries again. */
    static final class NotSent extends IOException {
        NotSent(String message) {
            super(message);
        }
    }

    private final ObjectStore store;
    private final Mailer.Batch mail;

    /** @param mail the run's connection */
    LetterDelivery(ObjectStore store, Mailer.Batch mail) {
        this.store = store;
        this.mail = mail;
    }

    /**
     * Delivers {@code statement} (rendered) with its {@code pdf} as {@code policy} says.
     *
     * @return how it went out, or empty under NONE
     * @throws NotSent when it is to be mailed and the server cannot take it now
     */
    Optional<Sent> deliver(Statements.Statement statement, byte[] pdf, ReminderPolicy policy, LocalDate asOf)
            throws IOException {
        if (policy.delivery().deliveryMode() == ReminderPolicy.DeliveryMode.NONE) {
            return Optional.empty();
        }
        String to = statement.customer().email();
        if (to == null) {
            return recorded(statement.letterId()).or(() -> Optional.of(
                    new ForPost("customer " + statement.customer().id() + " has no e-mail address")));
        }
        Letters.Letter letter = statement.letter();
        return Optional.of(mailOnce(statement.letterId(), "letter", policy, asOf, to, statement.customer().name(), letter,
                List.of(pdf(letter, pdf)), reason -> new ForPost("the mail server refused " + to + " for good: " + reason)));
    }

    /**
     * Mails the insurer {@code report} (rendered), its {@code pdf} and {@code csv} attached, when the policy
     * names the insurer's address.
     *
     * @return how it went out, or empty when the policy names no address (a person sends it)
     * @throws NotSent when the server cannot take it now
     */
    Optional<Sent> notifyInsurer(ReminderEngine.InsurerReport report, byte[] pdf, byte[] csv, ReminderPolicy policy,
            LocalDate asOf) throws IOException {
        ReminderPolicy.Insurer.Notification notification = policy.insurer().notification();
        if (notification == null) {
            return Optional.empty();
        }
        String to = notification.email();
        Letters.Letter letter = report.letter();
        return Optional.of(mailOnce(report.reminderId(), "insurer notification", policy, asOf, to, policy.insurer().name(),
                letter, List.of(pdf(letter, pdf), new Mailer.Attachment(Mailer.Attachment.fileName(letter.subject(), "csv"),
                        "text/csv; charset=utf-8", csv)),
                reason -> new ByHand("the mail server refused " + to + " for good: " + reason)));
    }

    /**
     * {@code letter} mailed from the policy's sender unless {@code deliveries/<id>.json} says it went already;
     * recorded once the server accepted it.
     *
     * @param refused how it goes instead when the server refuses it for good, given the server's reason
     */
    private Sent mailOnce(String id, String what, ReminderPolicy policy, LocalDate asOf, String to, String toName,
            Letters.Letter letter, List<Mailer.Attachment> attachments, Function<String, Sent> refused) throws IOException {
        Optional<Sent> earlier = recorded(id);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        ReminderPolicy.Delivery delivery = policy.delivery();
        Mailer.Outcome outcome = mail.send(new Mailer.Mail(Mailer.messageId(id + "." + asOf, delivery.from()), delivery.from(),
                delivery.replyTo(), delivery.bcc(), to, toName, letter.language(), letter.subject(), letter.text(),
                letter.html(), attachments));
        if (outcome instanceof Mailer.NotSent notSent) {
            throw new NotSent("mailing " + what + " " + id + " via " + mail.server() + " failed for now: " + notSent.reason());
        }
        if (outcome instanceof Mailer.Refused refusal) {
            return refused.apply(refusal.reason());
        }
        Mailer.Accepted accepted = (Mailer.Accepted) outcome;
        Sent sent = new Mailed(accepted.messageId(), accepted.sentAt(), accepted.to());
        // Should another run have recorded the same letter meanwhile, one record of it is enough.
        store.create(PREFIX + id + ".json", Json.write(sent).getBytes(StandardCharsets.UTF_8), "application/json");
        return sent;
    }

    private Optional<Sent> recorded(String id) throws IOException {
        Optional<InputStream> earlier = store.read(PREFIX + id + ".json");
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = earlier.get()) {
            return Optional.of(Json.MAPPER.readValue(in, Sent.class));
        }
    }

    private static Mailer.Attachment pdf(Letters.Letter letter, byte[] pdf) {
        return new Mailer.Attachment(Mailer.Attachment.fileName(letter.subject(), "pdf"), "application/pdf", pdf);
    }
}
