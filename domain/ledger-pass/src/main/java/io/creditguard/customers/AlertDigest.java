package io.creditguard.customers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import io.creditguard.json.Json;
import io.creditguard.mail.Mailer;
import io.creditguard.money.Money;
import io.creditguard.reference.ReferenceTable;
import io.creditguard.store.ObjectStore;
import io.creditguard.format.LetterFormat;
import io.creditguard.alerts.AlertPolicy;

/**
 * One e-mail a day to the finance team ({@code policy.alerts.to}) listing the customer alerts that began and
 * ended since the last one, in Swedish or English.
 *
 * <p>Each run that changes an alert writes what changed to a file of its own under {@code alerts/events/}; the
 * digest gathers every such file there, mails them in one message, records which it mailed
 * ({@code alerts/digest.json}) and removes them. A run that cannot mail (no server, a refusal, an outage) leaves
 * the files and the next run tries again with whatever has come since; a digest already sent on the day is not
 * sent again, and what changed later waits for the next day's. A run that died after the server accepted the
 * mail but before it removed the files finds them named in the record and removes them unsent. The one gap
 * left, as with letters: a run that dies between the server's acceptance and the record mails that digest again
 * on the re-run, with the same Message-ID.
 */
final class AlertDigest {

    private static final Logger LOG = Logger.getLogger(AlertDigest.class);
    static final String EVENTS = "alerts/events/";
    static final String STATE = "alerts/digest.json";
    /** Alerts listed per kind and change; the rest are counted. */
    static final int LISTED = 50;

    /** The last digest: sent on {@code lastSentOn}, made of the event files {@code files}. */
    record State(LocalDate lastSentOn, String messageId, List<String> files) {
    }

    public enum Status {
        /** Mailed. */
        SENT,
        /** No alert began or ended since the last digest. */
        NOTHING_NEW,
        /** {@code policy.alerts.to} is not set: the alerts are in the run report and the ledger only. */
        NOT_CONFIGURED,
        /** Today's digest went earlier; what changed since goes in tomorrow's. */
        ALREADY_SENT_TODAY,
        /** The mail could not go now; the next run tries again. */
        NOT_SENT,
        /** A dry run mails nothing. */
        DRY_RUN
    }

    /**
     * @param began alerts that began in what the digest covers, {@code ended} likewise
     * @param reason why it was not sent, when it was not
     */
    public record Outcome(Status status, String to, String messageId, long began, long ended, String reason) {

        static Outcome of(Status status, String reason) {
            return new Outcome(status, null, null, 0, 0, reason);
        }
    }

    /** The digest's words, as alert-digest.txt's {@code key} column names them: its parts, then a heading per alert type. */
    enum Word {
        SUBJECT, INTRO, BEGAN, ENDED, MORE, FOOTER, OVER_LIMIT, NEAR_LIMIT, NO_LIMIT, SLIPPING, BROKEN_PROMISE,
        INSURER_DEADLINE;

        /** The heading of alerts of {@code type}; every type has one (checked when the class loads). */
        static Word of(Alerts.Type type) {
            return valueOf(type.name());
        }

        /** The heading of the alerts that {@code change}d; every change has one (checked when the class loads). */
        static Word of(AlertRules.Change change) {
            return valueOf(change.name());
        }
    }

    private static final Map<Word, ReferenceTable.Row> WORDS = ReferenceTable.load("alert-digest.txt").rows().stream()
            .collect(Collectors.toUnmodifiableMap(r -> r.enumValue("key", Word.class), r -> r));

    static {
        for (Word word : Word.values()) {
            if (!WORDS.containsKey(word)) {
                throw new IllegalStateException("reference/alert-digest.txt has no line for " + word);
            }
        }
        // A type or change without its word fails here, when the class loads, not in a run's digest.
        Arrays.stream(Alerts.Type.values()).forEach(Word::of);
        Arrays.stream(AlertRules.Change.values()).forEach(Word::of);
    }

    private final ObjectStore store;

    AlertDigest(ObjectStore store) {
        this.store = store;
    }

    /** Mails the digest of {@code asOf} over {@code mailer}, if one is due and there is something to say. */
    Outcome send(LocalDate asOf, AlertPolicy policy, Mailer.Batch mailer) throws IOException {
        Optional<State> state = readState();
        List<String> mailed = state.map(State::files).orElse(List.of());
        for (String file : mailed) {
            store.delete(file); // mailed by a run that died before it removed them
        }
        List<String> files = store.list(EVENTS).stream().filter(k -> !mailed.contains(k)).toList();
        if (files.isEmpty()) {
            return Outcome.of(Status.NOTHING_NEW, null);
        }
        if (policy.to() == null) {
            // Nobody to tell: the changes are in the run reports; a digest configured later starts from then.
            delete(files);
            return Outcome.of(Status.NOT_CONFIGURED, "policy.alerts.to is not set");
        }
        if (state.isPresent() && asOf.equals(state.get().lastSentOn())) {
            return Outcome.of(Status.ALREADY_SENT_TODAY, "today's digest went as " + state.get().messageId());
        }
        if (policy.from() == null) {
            return Outcome.of(Status.NOT_SENT, "no sender: set policy.alerts.from or policy.delivery.from");
        }
        Gathered events = new Gathered();
        for (String file : files) {
            read(file, events);
        }
        Mailer.Mail mail = compose(events, asOf, policy);
        Mailer.Outcome outcome = mailer.send(mail);
        if (!(outcome instanceof Mailer.Accepted accepted)) {
            String reason = outcome instanceof Mailer.NotSent n ? n.reason() : ((Mailer.Refused) outcome).reason();
            LOG.warnf("the alert digest of %s was not sent; the next run tries again: %s", asOf, reason);
            return new Outcome(Status.NOT_SENT, policy.to(), null, events.count(AlertRules.Change.BEGAN),
                    events.count(AlertRules.Change.ENDED), reason);
        }
        store.write(STATE, Json.write(new State(asOf, accepted.messageId(), files)).getBytes(StandardCharsets.UTF_8),
                "application/json");
        delete(files);
        return new Outcome(Status.SENT, policy.to(), accepted.messageId(), events.count(AlertRules.Change.BEGAN),
                events.count(AlertRules.Change.ENDED), null);
    }

    /**
     * The changes a digest reports, gathered in bounded memory however many there are (a first run may begin an
     * alert for every customer): the first {@value #LISTED} of each change and kind, and how many there were.
     */
    static final class Gathered {
        private final Map<AlertRules.Change, Map<Alerts.Type, List<AlertRules.Event>>> listed = new EnumMap<>(AlertRules.Change.class);
        private final Map<AlertRules.Change, Map<Alerts.Type, Long>> counted = new EnumMap<>(AlertRules.Change.class);

        void add(AlertRules.Event event) {
            counted.computeIfAbsent(event.change(), c -> new EnumMap<>(Alerts.Type.class))
                    .merge(event.alert().type(), 1L, Long::sum);
            List<AlertRules.Event> list = listed.computeIfAbsent(event.change(), c -> new EnumMap<>(Alerts.Type.class))
                    .computeIfAbsent(event.alert().type(), t -> new ArrayList<>());
            if (list.size() < LISTED) {
                list.add(event);
            }
        }

        long count(AlertRules.Change change) {
            return counted.getOrDefault(change, Map.of()).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Where a run's changes wait for the digest: by the day and the run (the report it came from), so no two
     * runs share one.
     */
    static String eventsKey(LocalDate asOf, String run) {
        return EVENTS + asOf + "-" + io.creditguard.digest.Sha256.shortHex(run) + ".jsonl";
    }

    /** The digest of {@code events} as mail: a subject, a list per change and kind, in the policy's language. */
    static Mailer.Mail compose(Gathered events, LocalDate asOf, AlertPolicy policy) {
        String language = policy.language();
        LetterFormat format = new LetterFormat(language);
        String subject = words(Word.SUBJECT, language).replace("{date}", format.date(asOf))
                .replace("{began}", String.valueOf(events.count(AlertRules.Change.BEGAN)))
                .replace("{ended}", String.valueOf(events.count(AlertRules.Change.ENDED)));
        StringBuilder text = new StringBuilder(words(Word.INTRO, language)).append("\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(language).append("\"><body><p>")
                .append(escape(words(Word.INTRO, language))).append("</p>");
        for (AlertRules.Change change : AlertRules.Change.values()) {
            Map<Alerts.Type, List<AlertRules.Event>> byType = events.listed.get(change);
            if (byType == null) {
                continue;
            }
            String heading = words(Word.of(change), language);
            text.append("\n").append(heading).append("\n");
            html.append("<h2>").append(escape(heading)).append("</h2><ul>");
            byType.forEach((type, list) -> {
                for (AlertRules.Event event : list) {
                    String line = line(event, format, language);
                    text.append("- ").append(line).append("\n");
                    html.append("<li>").append(escape(line)).append("</li>");
                }
                long more = events.counted.get(change).get(type) - list.size();
                if (more > 0) {
                    String words = words(Word.MORE, language).replace("{count}", String.valueOf(more));
                    text.append("  ").append(words).append("\n");
                    html.append("<li>").append(escape(words)).append("</li>");
                }
            });
            html.append("</ul>");
        }
        text.append("\n").append(words(Word.FOOTER, language)).append("\n");
        html.append("<p>").append(escape(words(Word.FOOTER, language))).append("</p></body></html>");
        return new Mailer.Mail(Mailer.messageId("digest." + asOf, policy.from()), policy.from(), null, null, policy.to(),
                null, language, subject, text.toString(), html.toString(), List.of());
    }

    private static String line(AlertRules.Event event, LetterFormat format, String language) {
        Alerts.Alert alert = event.alert();
        Alerts.Figures f = alert.figures();
        boolean days = alert.type() == Alerts.Type.SLIPPING;
        return words(Word.of(alert.type()), language)
                .replace("{customer}", event.customerName() + " (" + event.customerId() + ")")
                .replace("{value}", figure(f.value(), f, days, format))
                .replace("{threshold}", figure(f.threshold(), f, days, format))
                .replace("{due}", f.date() == null ? "" : format.date(f.date()))
                .replace("{invoice}", f.invoiceNumber() == null ? "" : f.invoiceNumber());
    }

    private static String figure(BigDecimal value, Alerts.Figures figures, boolean days, LetterFormat format) {
        if (value == null) {
            return "";
        }
        return days ? value.toPlainString() : format.money(Money.rounded(figures.currency(), value,
                java.math.RoundingMode.HALF_EVEN));
    }

    private static String words(Word key, String language) {
        return WORDS.get(key).text(language);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private void read(String key, Gathered events) throws IOException {
        Optional<InputStream> content = store.read(key);
        if (content.isEmpty()) {
            return;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(content.get(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                events.add(Json.MAPPER.readValue(line, AlertRules.Event.class));
            }
        }
    }

    private Optional<State> readState() throws IOException {
        Optional<InputStream> content = store.read(STATE);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = content.get()) {
            return Optional.of(Json.MAPPER.readValue(in, State.class));
        }
    }

    private void delete(List<String> files) throws IOException {
        for (String file : files) {
            store.delete(file);
        }
    }
}
