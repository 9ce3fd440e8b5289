package io.creditguard.claims;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.creditguard.claims.ClaimAssessment.Status;
import io.creditguard.claims.ClaimRequest.DocumentType;
import io.creditguard.digest.Sha256;
import io.creditguard.json.Json;
import io.creditguard.mail.Mailer;
import io.creditguard.money.Money;
import io.creditguard.receivables.InvoiceCsv;
import io.creditguard.reminders.ReminderPolicy;
import io.creditguard.reminders.ReminderPolicies;
import io.creditguard.reminders.ReminderRecords;
import io.creditguard.store.ObjectStore;
import io.creditguard.validation.FieldError;
import io.creditguard.validation.InvalidInputException;

/**
 * Files an assessed claim with the insurer: the dossier mailed to the policy's claims address
 * ({@code policy.claimsEmail}) with the cover letter as PDF, the claim as JSON, the insured invoices as
 * CSV and the documents the request names as present, from the company's sender (the company policy's
 * {@code delivery.from}, its Bcc archive copied).
 *
 * <p>A claim is filed once: its key derives from the policy number, the buyer and the day the claim rests
 * on (the insolvency, or the overdue report of a protracted default), and once the insurer's mail server
 * accepted it, {@code claims/<policy>/<buyer>/<day>/filing.json} records what went, when and to whom,
 * beside the files sent. Asked again, the answer is that record, and nothing is mailed. A claim that is
 * {@code INELIGIBLE} or {@code NOT_YET_CLAIMABLE} is not filed.
 *
 * <p>The documents: what a person put in the store under {@code claims/<policy>/<buyer>/documents/<TYPE>/}
 * for each type the request names, and for {@code REMINDERS_SENT} the reminder letters creditguard sent
 * for the debts' reminders ({@code letters/<letterId>.pdf}, as each reminder's record names it). A type
 * named with no file found is listed as not attached, for a person to send.
 */
@ApplicationScoped
public class ClaimFiling {

    /** What a mail may carry in all; an insurer's server (Amazon SES: 40 MB encoded) takes about this much. */
    static final int MOST_BYTES = 25 * 1024 * 1024;
    private static final Map<String, String> CONTENT_TYPES = Map.of("pdf", "application/pdf", "png", "image/png", "jpg",
            "image/jpeg", "jpeg", "image/jpeg", "csv", "text/csv", "txt", "text/plain; charset=utf-8", "xml", "application/xml");

    public enum Outcome {
        /** Mailed now. */
        SENT,
        /** Mailed by an earlier request; the record says when and to whom. */
        ALREADY_SENT
    }

    /**
     * What was filed.
     *
     * @param key the claim's idempotency key
     * @param record where the filing is recorded in the store
     * @param attachments the files the mail carried, by name
     * @param notAttached documents the request names as present of which no file was found, for a person to send
     */
    public record Filing(Outcome outcome, String key, Instant sentAt, String to, String messageId, String record,
            List<String> attachments, List<DocumentType> notAttached) {

        Filing again() {
            return new Filing(Outcome.ALREADY_SENT, key, sentAt, to, messageId, record, attachments, notAttached);
        }
    }

    /** The claim is not one to file (its status and why). */
    public static final class NotFileable extends Exception {
        NotFileable(String message) {
            super(message);
        }
    }

    /** Mail cannot go now: nothing is configured to send it ({@code configured} false), or the server cannot take it. */
    public static final class CannotMail extends Exception {
        private final boolean configured;

        CannotMail(boolean configured, String message) {
            super(message);
            this.configured = configured;
        }

        public boolean configured() {
            return configured;
        }
    }

    private final ObjectStore store;
    private final Mailer mailer;
    private final ReminderPolicies policies;
    private final Clock clock;

    public ClaimFiling(ObjectStore store, Mailer mailer, ReminderPolicies policies, Clock clock) {
        this.store = store;
        this.mailer = mailer;
        this.policies = policies;
        this.clock = clock;
    }

    /**
     * @param result the assessment of {@code request}, its dossier made
     * @throws NotFileable when the claim is ineligible or not yet claimable
     * @throws CannotMail when no server or sender is configured, or the server cannot take the mail now
     * @throws InvalidInputException when the server refuses the claims address for good
     */
    public Filing file(ClaimRequest request, ClaimAssessment.Result result) throws NotFileable, CannotMail {
        if (result.status() == Status.INELIGIBLE || result.status() == Status.NOT_YET_CLAIMABLE) {
            throw new NotFileable("The claim is " + result.status() + " and is not filed: "
                    + result.notes().get(result.notes().size() - 1));
        }
        ClaimDossier.Claim claim = result.dossier().claim();
        LocalDate day = claim.trigger() == ClaimAssessment.Trigger.INSOLVENCY ? claim.insolvencyOn()
                : Optional.ofNullable(claim.overdueNotifiedOn()).orElse(result.deadlines().notifyOverdueBy().date());
        String key = "clm_" + Sha256.shortHex(claim.policyNumber() + '\u0000' + claim.buyer().id() + '\u0000' + day);
        String folder = "claims/" + ObjectStore.keyPart(claim.policyNumber()) + "/" + ObjectStore.keyPart(claim.buyer().id())
                + "/";
        String record = folder + day + "/filing.json";
        try {
            Optional<Filing> earlier = read(record);
            if (earlier.isPresent()) {
                return earlier.get().again();
            }
            ReminderPolicy.Delivery sender = sender();
            List<Mailer.Attachment> files = new ArrayList<>(dossier(request, result));
            List<DocumentType> notAttached = documents(request, folder, files);
            ClaimDossier.CoverLetter letter = result.dossier().coverLetter();
            String to = request.policy().claimsEmail();
            Mailer.Outcome outcome = mailer.send(new Mailer.Mail(Mailer.messageId(key, sender.from()), sender.from(),
                    sender.replyTo(), sender.bcc(), to, claim.insurer(), letter.language(), letter.subject(), letter.text(),
                    null, files));
            if (outcome instanceof Mailer.NotSent notSent) {
                throw new CannotMail(true, "The claim could not be mailed now via " + mailer.server() + " (" + notSent.reason()
                        + "); nothing was filed. Send the request again later.");
            }
            if (outcome instanceof Mailer.Refused refused) {
                throw InvalidInputException.invalid(FieldError.at("$.policy.claimsEmail", "was refused by the mail server for "
                        + "good (" + refused.reason() + "); nothing was filed"));
            }
            Mailer.Accepted accepted = (Mailer.Accepted) outcome;
            for (Mailer.Attachment file : files.subList(0, 3)) {
                store.write(folder + day + "/" + file.fileName(), file.content(), file.contentType());
            }
            Filing filing = new Filing(Outcome.SENT, key, accepted.sentAt(), accepted.to(), accepted.messageId(), record,
                    files.stream().map(Mailer.Attachment::fileName).toList(), notAttached);
            // A second request that raced this one may have recorded its own: then both went, and the first record stands.
            store.create(record, Json.write(filing).getBytes(StandardCharsets.UTF_8), "application/json");
            return filing;
        } catch (IOException e) {
            throw new UncheckedIOException("filing claim " + key + " in " + store.describe(), e);
        }
    }

    /** The company's sender, as its reminder policy's delivery names it. */
    private ReminderPolicy.Delivery sender() throws IOException, CannotMail {
        if (!mailer.configured()) {
            throw new CannotMail(false, "No mail server is configured (creditguard.mail.url, env CREDITGUARD_MAIL_URL); "
                    + "nothing was filed.");
        }
        ReminderPolicy policy;
        try {
            policy = policies.policy(store);
        } catch (IllegalStateException e) {
            throw new CannotMail(false, "The company's reminder policy, which names the sender, is not valid: " + e.getMessage());
        }
        if (policy.delivery().from() == null) {
            throw new CannotMail(false, "The company's reminder policy (" + ReminderPolicies.POLICY_KEY + ") names no sender: "
                    + "set delivery.from; nothing was filed.");
        }
        return policy.delivery();
    }

    /** The cover letter as PDF, the claim as JSON and the insured invoices as CSV. */
    private static List<Mailer.Attachment> dossier(ClaimRequest request, ClaimAssessment.Result result) {
        ClaimDossier.Dossier dossier = result.dossier();
        Map<String, Money> insured = result.debts().stream().filter(ClaimAssessment.DebtView::insured)
                .collect(Collectors.toMap(ClaimAssessment.DebtView::invoiceId, ClaimAssessment.DebtView::openAmount));
        List<InvoiceCsv.Line> lines = request.debts().stream().filter(d -> insured.containsKey(d.invoiceId()))
                .map(d -> new InvoiceCsv.Line(d.invoiceId(), d.issueDate(), d.dueDate(),
                        Money.of(request.policy().currency(), d.amount()),
                        Optional.ofNullable(Money.ofNullable(request.policy().currency(), d.vatAmount())),
                        insured.get(d.invoiceId())))
                .toList();
        return List.of(new Mailer.Attachment(Mailer.Attachment.fileName(dossier.coverLetter().subject(), "pdf"), "application/pdf",
                        dossier.coverLetter().pdf()),
                new Mailer.Attachment("claim.json", "application/json", Json.write(dossier.claim())
                        .getBytes(StandardCharsets.UTF_8)),
                new Mailer.Attachment("invoices.csv", "text/csv; charset=utf-8", InvoiceCsv.of(lines,
                        dossier.coverLetter().language())));
    }

    /**
     * The files of the documents the request names as present, added to {@code files} while they fit in a mail.
     *
     * @return the named documents of which no file was found, or that did not fit
     */
    private List<DocumentType> documents(ClaimRequest request, String folder, List<Mailer.Attachment> files)
            throws IOException {
        long bytes = files.stream().mapToLong(f -> f.content().length).sum();
        List<DocumentType> notAttached = new ArrayList<>();
        for (DocumentType type : Set.copyOf(request.documents()).stream().sorted().toList()) {
            List<String> keys = new ArrayList<>(store.list(folder + "documents/" + type.name() + "/"));
            if (type == DocumentType.REMINDERS_SENT) {
                keys.addAll(reminderLetters(request));
            }
            boolean found = false;
            for (String key : keys) {
                Optional<byte[]> content = within(key, MOST_BYTES - bytes);
                if (content.isPresent()) {
                    bytes += content.get().length;
                    files.add(new Mailer.Attachment(type.name().toLowerCase(Locale.ROOT) + "-"
                            + key.substring(key.lastIndexOf('/') + 1), contentType(key), content.get()));
                    found = true;
                }
            }
            if (!found) {
                notAttached.add(type);
            }
        }
        return notAttached;
    }

    /**
     * The file's bytes if there are at most {@code room} of them, reading no further: a person's file (a scan, a film
     * of the delivery) may be larger than the function's memory.
     */
    private Optional<byte[]> within(String key, long room) throws IOException {
        Optional<InputStream> content = store.read(key);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = content.get()) {
            byte[] read = in.readNBytes((int) room + 1);
            return read.length > room ? Optional.empty() : Optional.of(read);
        }
    }

    /**
     * The letters creditguard sent for the debts' reminders, as their records in the store name them: found
     * from each debt and level, never from a letter id the request gives, so a request reaches only letters
     * about the debts it names.
     */
    private List<String> reminderLetters(ClaimRequest request) throws IOException {
        List<String> letters = new ArrayList<>();
        for (ClaimRequest.Debt debt : request.debts()) {
            for (var sent : debt.remindersSent()) {
                Optional<byte[]> record = store.bytes(ReminderRecords.key(ReminderRecords.id(debt.invoiceId(),
                        String.valueOf(sent.level()))));
                String letterId = record.isEmpty() ? null : Json.MAPPER.readTree(record.get()).path("letterId").asText(null);
                if (letterId != null && !letters.contains("letters/" + letterId + ".pdf")) {
                    letters.add("letters/" + letterId + ".pdf");
                }
            }
        }
        return letters;
    }

    private Optional<Filing> read(String key) throws IOException {
        return store.bytes(key).map(json -> {
            try {
                return Json.MAPPER.readValue(json, Filing.class);
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + key, e);
            }
        });
    }

    private static String contentType(String key) {
        String extension = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
