package io.creditguard.reminders;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.creditguard.json.Json;
import io.creditguard.receivables.Invoice;
import io.creditguard.store.ObjectStore;
import io.creditguard.validation.InputReader;
import io.creditguard.validation.InvalidInputException;

/**
 * The scheduled reminder run over the whole receivables book in the store.
 *
 * <p>Layout in the store: the book is every {@code receivables/*.jsonl} file, one invoice per line;
 * the run writes {@code reminders/<id>.json} (the machine-readable record), {@code letters/<id>.txt}
 * and {@code .html}, and {@code runs/<asOf>/<started>.json} (the report); an operator may place a
 * policy at {@code config/reminder-policy.json} to replace the default.
 *
 * <p>Constant memory: each book file is read and rewritten line by line through a streamed
 * replacement; only per-currency and per-customer totals are held. Idempotent: a reminder's id and
 * keys derive from (invoice, level), and the book records each level as sent once its documents are
 * written, so a re-run on the same day, or after a run died half-way, writes nothing twice and
 * misses nothing. A line that is not a valid invoice is reported and kept as it is; the rest go on.
 */
@ApplicationScoped
public class ReminderRun {

    private static final Logger LOG = Logger.getLogger(ReminderRun.class);
    static final String BOOK_PREFIX = "receivables/";
    static final String POLICY_KEY = "config/reminder-policy.json";
    private static final int MAX_ERRORS_LISTED = 100;

    public record LineError(String location, String invoiceId, String message) {
    }

    public record Report(String store, LocalDate asOf, boolean dryRun, String policy, Instant startedAt,
            Instant finishedAt, int bookFiles, long invoicesRead, long invalidLines, Map<ReminderPolicy.Action, Long> actions,
            Map<ReminderEngine.SkipReason, Long> skipped, long warnings, long failedWrites, List<LineError> errors,
            Kpis.Report kpis) {
    }

    private final ObjectStore store;
    private final ReminderService reminders;
    private final InputReader inputs;
    private final Clock clock;

    public ReminderRun(ObjectStore store, ReminderService reminders, InputReader inputs, Clock clock) {
        this.store = store;
        this.reminders = reminders;
        this.inputs = inputs;
        this.clock = clock;
    }

    /**
     * @param requestedAsOf the day to run for; empty means today in the policy's time zone
     * @param dryRun decide and report only: no letter is rendered and nothing is written
     */
    public Report run(Optional<LocalDate> requestedAsOf, boolean dryRun) throws IOException {
        Instant started = clock.instant();
        ReminderPolicy policy = policy();
        LocalDate asOf = requestedAsOf.orElseGet(() -> LocalDate.now(clock.withZone(policy.zone())));
        Tally tally = new Tally(new Kpis(asOf));
        ReminderEngine engine = reminders.engine(policy);
        List<String> files = store.list(BOOK_PREFIX).stream().filter(k -> k.endsWith(".jsonl")).toList();
        for (String file : files) {
            runFile(file, engine, asOf, dryRun, tally);
        }
        Report report = new Report(store.describe(), asOf, dryRun, policy.name(), started, clock.instant(), files.size(),
                tally.read, tally.invalid, tally.actions, tally.skipped, tally.warnings, tally.failedWrites,
                List.copyOf(tally.errors), tally.kpis.report());
        if (!dryRun) {
            String stamp = DateTimeFormatter.ofPattern("HHmmss.SSS'Z'").format(started.atZone(java.time.ZoneOffset.UTC));
            store.write("runs/" + asOf + "/" + stamp + ".json", Json.write(report).getBytes(StandardCharsets.UTF_8),
                    "application/json");
        }
        LOG.infof("reminder run %s on %s: %d invoices, actions %s, %d invalid, %d failed writes", asOf, store.describe(),
                tally.read, tally.actions, tally.invalid, tally.failedWrites);
        return report;
    }

    private ReminderPolicy policy() throws IOException {
        Optional<InputStream> configured = store.read(POLICY_KEY);
        if (configured.isEmpty()) {
            return reminders.defaultPolicy();
        }
        try (InputStream in = configured.get()) {
            return reminders.readPolicy(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    store.describe() + "/" + POLICY_KEY);
        }
    }

    private void runFile(String file, ReminderEngine engine, LocalDate asOf, boolean dryRun, Tally tally) throws IOException {
        Optional<InputStream> content = store.read(file);
        if (content.isEmpty()) {
            return;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(content.get(), StandardCharsets.UTF_8));
                ObjectStore.Replacement replacement = dryRun ? null : store.replace(file, "application/x-ndjson")) {
            BufferedWriter out = dryRun ? null : new BufferedWriter(new OutputStreamWriter(replacement.stream(), StandardCharsets.UTF_8));
            long lineNumber = 0;
            boolean changed = false;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                String kept = line.isBlank() ? line : runLine(file + ":" + lineNumber, line, engine, asOf, dryRun, tally);
                changed |= !kept.equals(line);
                if (out != null) {
                    out.write(kept);
                    out.write('\n');
                }
            }
            if (out != null && changed) {
                out.flush();
                replacement.commit();
            }
        }
    }

    /** Decides one book line and writes its documents; returns the line as the book should now hold it. */
    private String runLine(String location, String line, ReminderEngine engine, LocalDate asOf, boolean dryRun, Tally tally) {
        Invoice invoice;
        try {
            invoice = parse(line);
        } catch (InvalidLine e) {
            tally.invalid++;
            tally.error(new LineError(location, e.invoiceId, e.getMessage()));
            return line;
        }
        tally.read++;
        ReminderEngine.Decision decision = engine.decide(invoice, asOf);
        tally.kpis.add(invoice, decision.effectiveDueDate());
        decision.skip().ifPresent(s -> tally.skipped.merge(s.reason(), 1L, Long::sum));
        tally.warnings += decision.warnings().size();
        if (decision.actions().isEmpty()) {
            return line;
        }
        List<Invoice.SentReminder> sent = new ArrayList<>(invoice.remindersSent());
        LocalDate insurerNotified = invoice.insurerNotifiedOn();
        if (dryRun) {
            decision.actions().forEach(a -> tally.actions.merge(a.action(), 1L, Long::sum));
            return line;
        }
        for (ReminderEngine.Reminder action : reminders.actionsWithLetters(engine, decision)) {
            tally.actions.merge(action.action(), 1L, Long::sum);
            try {
                writeDocuments(action, asOf);
            } catch (IOException | RuntimeException e) {
                tally.failedWrites++;
                tally.error(new LineError(location, invoice.invoiceId(), "writing " + action.reminderId()
                        + " failed; it will be retried on the next run: " + e.getMessage()));
                continue;
            }
            if (action.level() == null) {
                insurerNotified = asOf;
            } else {
                sent.add(new Invoice.SentReminder(action.level(), asOf));
            }
        }
        return withSent(line, sent, insurerNotified);
    }

    /**
     * The book line with what was sent recorded, everything else exactly as it was: fields this
     * version does not know (an ERP reference, say) are kept, not dropped.
     */
    private static String withSent(String line, List<Invoice.SentReminder> sent, LocalDate insurerNotified) {
        try {
            ObjectNode record = (ObjectNode) Json.MAPPER.readTree(line);
            record.set("remindersSent", Json.MAPPER.valueToTree(sent));
            if (insurerNotified != null) {
                record.put("insurerNotifiedOn", insurerNotified.toString());
            }
            return Json.write(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a line that parsed as an invoice no longer parses", e);
        }
    }

    private void writeDocuments(ReminderEngine.Reminder action, LocalDate asOf) throws IOException {
        Letters.Letter letter = action.letter();
        store.write("letters/" + action.reminderId() + ".txt",
                (letter.subject() + "\n\n" + letter.text()).getBytes(StandardCharsets.UTF_8),
                "text/plain; charset=utf-8");
        store.write("letters/" + action.reminderId() + ".html", letter.html().getBytes(StandardCharsets.UTF_8),
                "text/html; charset=utf-8");
        store.write("reminders/" + action.reminderId() + ".json",
                Json.write(new SentRecord(asOf, action)).getBytes(StandardCharsets.UTF_8), "application/json");
    }

    /** The machine-readable record of one action, as a mailer or the insurer interface picks it up. */
    public record SentRecord(LocalDate decidedOn, ReminderEngine.Reminder reminder) {
    }

    /** The line as an invoice; an invalid one names the invoice when the line says which it is. */
    private Invoice parse(String line) {
        try {
            return inputs.read(line, Invoice.class);
        } catch (InvalidInputException e) {
            throw new InvalidLine(invoiceIdOf(line), e.summary());
        }
    }

    private static String invoiceIdOf(String line) {
        try {
            return Json.MAPPER.readTree(line).path("invoiceId").asText(null);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static final class InvalidLine extends RuntimeException {
        private final String invoiceId;

        InvalidLine(String invoiceId, String message) {
            super(message, null, false, false);
            this.invoiceId = invoiceId;
        }
    }

    private static final class Tally {
        final Kpis kpis;
        long read;
        long invalid;
        long warnings;
        long failedWrites;
        final Map<ReminderPolicy.Action, Long> actions = new EnumMap<>(ReminderPolicy.Action.class);
        final Map<ReminderEngine.SkipReason, Long> skipped = new EnumMap<>(ReminderEngine.SkipReason.class);
        final List<LineError> errors = new ArrayList<>();

        Tally(Kpis kpis) {
            this.kpis = kpis;
        }

        void error(LineError error) {
            if (errors.size() < MAX_ERRORS_LISTED) {
                errors.add(error);
            }
        }
    }
}
