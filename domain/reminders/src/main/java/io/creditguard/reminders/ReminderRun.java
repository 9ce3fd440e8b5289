package io.creditguard.reminders;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.creditguard.customers.LedgerPass;
import io.creditguard.json.Json;
import io.creditguard.mail.Mailer;
import io.creditguard.rates.RateAlarms;
import io.creditguard.rates.RateBook;
import io.creditguard.rates.RateGaps;
import io.creditguard.receivables.IntakeBacklog;
import io.creditguard.receivables.Invoice;
import io.creditguard.receivables.InvoiceCsv;
import io.creditguard.reference.FileProblem;
import io.creditguard.store.ObjectStore;
import io.creditguard.store.Updates;
import io.creditguard.validation.InputReader;
import io.creditguard.validation.InvalidInputException;

/**
 * The scheduled reminder run over the whole receivables book in the store.
 *
 * <p>Layout in the store: the book is every {@code receivables/*.jsonl} file, one invoice per line;
 * the run writes {@code letters/<letterId>.txt} and {@code .html} (one letter per customer and kind of
 * letter, listing its invoices), {@code reminders/<reminderId>.json} (the machine-readable record of
 * one invoice's level, naming the letter it went out in), and {@code runs/<asOf>/<started>.json} (the
 * report); an operator may place a policy at {@code config/reminder-policy.json} to replace the default.
 *
 * <p>Three passes, so letters can gather a customer's invoices from anywhere in the book while memory
 * stays bounded: (1) every line is read, checked and decided, and the KPIs gathered; a line due a
 * letter or an insurer report is copied to a local spill file chosen by its customer; (2) each spill
 * file in turn is decided again (the decision is a pure function of line and day), composed into
 * letters, rendered and written; what went out is noted per book file; (3) each book file with
 * something sent is rewritten, the levels recorded as sent. A line that is not a valid invoice is
 * reported and kept as it is; the rest go on. Idempotent: a reminder's id and keys derive from
 * (invoice, level), the book records each level once its documents are written, and a level the book
 * does not record but whose reminder record is in the store went out in an earlier run that did not
 * rewrite its book file (it died, or the file kept changing): pass 2 puts it in no new letter (a letter
 * listing the rest of a customer's invoices would have an id of its own, and be mailed again) and the
 * book records it from that record, its letter and its day. Those records are read only when another run's
 * marker is there ({@link OpenRuns}): one that did not finish recording, or may still be at it. So a re-run
 * on the same day, or a later one after a run died half-way, writes nothing twice and misses nothing.
 *
 * <p>Pass 1 also hands every line to the customer ledger ({@link LedgerPass}, through {@link LedgerLines}), which
 * spills it in a compact form of its own and, once the letters are out, builds each customer's ledger, the
 * listing, the alerts and their daily digest (the digest over this run's SMTP connection).
 *
 * <p>An operator's files are checked, never fatal: a row of the rate tables or a named customer policy
 * that does not parse is reported ({@code operatorFiles}: file, line, column, why), logged as an ERROR,
 * counted in the {@code OperatorFileProblem} metric and left out, and the run goes on. The company-wide
 * policy is the exception: dunning under a guessed policy is worse than not dunning today, so a broken
 * {@code config/reminder-policy.json} stops the run before the book is read, with the same report and alarm.
 */
@ApplicationScoped
public class ReminderRun {

    private static final Logger LOG = Logger.getLogger(ReminderRun.class);
    static final String BOOK_PREFIX = "receivables/";
    /** How far from today a run or a preview may be dated: the days the dated tables it reads cover. */
    static final int AS_OF_YEARS_BACK = 10;
    static final int AS_OF_YEARS_AHEAD = 2;
    private static final int MAX_ERRORS_LISTED = 100;
    /** Spill files: a customer's lines share one, and one file's letters are composed in memory at a time. */
    private static final int PARTITIONS = 64;

    public record LineError(String location, String invoiceId, String message) {
    }

    /**
     * What a run did, in named parts; its JSON is the parts' fields side by side (each part unwrapped), as the
     * run report has always been written, and the accessors below read through to them.
     *
     * @param intake what each intake backlog fetched into the book before it was read (not in a dry run)
     * @param platformReminders open invoices whose platform reports having sent reminders itself (the first hundred)
     * @param customers the customer ledger the run built: customers, the alerts that began and ended, the digest
     */
    public record Report(@JsonUnwrapped Run run, @JsonUnwrapped Book book, @JsonUnwrapped Sent sent,
            @JsonUnwrapped Problems problems, List<IntakeBacklog.Report> intake, Kpis.Report kpis,
            List<PlatformReminder> platformReminders, LedgerPass.Report customers) {

        /**
         * Which run it was and under what.
         *
         * @param customerPolicies the named policies customers asked for ({@code customer.policy}), those that could
         *     not be had marked so (their invoices are listed in errors and not dunned)
         * @param stopped why the run stopped before reading the book (the company's policy is broken), or null
         * @param operatorFiles what was left out of the operator's files (rate tables, policies), line by line
         */
        public record Run(String store, LocalDate asOf, boolean dryRun, String policy, List<String> customerPolicies,
                Instant startedAt, Instant finishedAt, String stopped, List<FileProblem> operatorFiles) {
        }

        /** What was read of the book: its files, the invoices in them and the lines that were no valid invoice. */
        public record Book(int bookFiles, long invoicesRead, long invalidLines) {
        }

        /**
         * What was decided and sent.
         *
         * @param dunned invoices due a letter, by the letter's kind
         * @param letters letters written (each may list several invoices); none in a dry run, which decides only
         * @param mailing what became of the letters under the policy's EMAIL delivery
         * @param insurer what became of the overdue notifications to the credit insurer: mailed, for a person to
         *     send, and alerts for those that did not or cannot reach it by their deadline
         * @param completedFromRecords what an earlier run sent and the book did not record: recorded now from the
         *     reminder records, not sent again
         */
        public record Sent(Map<ReminderPolicy.Kind, Long> dunned, long letters, Mailing mailing, long insurerNotifications,
                InsurerNotices.Report insurer, Completed completedFromRecords) {
        }

        /**
         * What was left undone, and why.
         *
         * @param missingRates half-years begun without a reference rate: interest under them is left out
         *     (each an ERROR line in the log and an alarm metric)
         * @param rateConflicts fetched rates that contradict shipped ones, and were not used
         */
        public record Problems(Map<ReminderEngine.SkipReason, Long> skipped, long warnings, long failedWrites,
                List<LineError> errors, List<String> missingRates, List<String> rateConflicts) {
        }

        /** A run that stopped before the book was read: nothing decided, nothing sent. */
        static Report stopped(Run run) {
            return new Report(run, new Book(0, 0, 0), new Sent(Map.of(), 0, new Mailing(0, List.of()), 0,
                    new InsurerNotices.Report(0, List.of(), List.of()), new Completed(false, 0, 0)),
                    new Problems(Map.of(), 0, 0, List.of(), List.of(), List.of()), List.of(), null, List.of(), null);
        }

        public String store() {
            return run.store();
        }

        public LocalDate asOf() {
            return run.asOf();
        }

        public boolean dryRun() {
            return run.dryRun();
        }

        public String policy() {
            return run.policy();
        }

        public List<String> customerPolicies() {
            return run.customerPolicies();
        }

        public Instant startedAt() {
            return run.startedAt();
        }

        public Instant finishedAt() {
            return run.finishedAt();
        }

        public String stopped() {
            return run.stopped();
        }

        public List<FileProblem> operatorFiles() {
            return run.operatorFiles();
        }

        public int bookFiles() {
            return book.bookFiles();
        }

        public long invoicesRead() {
            return book.invoicesRead();
        }

        public long invalidLines() {
            return book.invalidLines();
        }

        public Map<ReminderPolicy.Kind, Long> dunned() {
            return sent.dunned();
        }

        public long letters() {
            return sent.letters();
        }

        public Mailing mailing() {
            return sent.mailing();
        }

        public long insurerNotifications() {
            return sent.insurerNotifications();
        }

        public InsurerNotices.Report insurer() {
            return sent.insurer();
        }

        public Completed completedFromRecords() {
            return sent.completedFromRecords();
        }

        public Map<ReminderEngine.SkipReason, Long> skipped() {
            return problems.skipped();
        }

        public long warnings() {
            return problems.warnings();
        }

        public long failedWrites() {
            return problems.failedWrites();
        }

        public List<LineError> errors() {
            return problems.errors();
        }

        public List<String> missingRates() {
            return problems.missingRates();
        }

        public List<String> rateConflicts() {
            return problems.rateConflicts();
        }
    }

    /**
     * A warning for a customer: the invoicing platform sent reminders itself for this open invoice, so the
     * debtor may get two companies' letters for one debt, and a fee twice.
     */
    public record PlatformReminder(String customerId, String invoiceId, String source, int count, LocalDate lastSentOn,
            String warning) {
    }

    /**
     * The machine-readable record of one invoice's level, as a mailer or the insurer interface picks it up.
     *
     * @param delivery how its letter went out under the policy's delivery (absent under NONE: the company sends it)
     */
    public record SentRecord(LocalDate decidedOn, String letterId, ReminderEngine.Action action,
            LetterDelivery.Sent delivery) {
    }

    /**
     * @param mailed letters the mail server accepted
     * @param forPost letters to post because mail cannot reach the customer (the first hundred listed)
     */
    public record Mailing(long mailed, List<PostLetter> forPost) {
    }

    /** A letter mail could not deliver: it is in the store, to be posted. */
    public record PostLetter(String letterId, String customerId, String reason) {
    }

    /**
     * Reminders an earlier run sent whose book file it did not rewrite (it died, or the file kept changing): the
     * book records them now from their reminder records.
     *
     * @param recordsRead whether pass 2 read the reminder records: only when another run's marker was seen
     *     ({@link OpenRuns}); otherwise the book records all that was sent
     * @param levels invoices' dunning levels, each recorded with the letter it went out in and that letter's day
     * @param insurerNotifications overdue notifications to the insurer, each recorded on the day it went
     */
    public record Completed(boolean recordsRead, long levels, long insurerNotifications) {
    }

    /** A line copied for pass 2, with the book file it came from. */
    record Spilled(int file, String line) {
    }

    /** What pass 2 sent for one invoice, for pass 3 to record in the book. */
    record Outcome(String invoiceId, Invoice.SentReminder sent, LocalDate insurerNotifiedOn) {
    }

    /** Writes in flight at once in pass 2 when nothing else is configured. */
    static final int DEFAULT_PARALLEL_WRITES = 32;

    private final ObjectStore store;
    private final Mailer mailer;
    private final ReminderService reminders;
    private final InputReader inputs;
    private final Clock clock;
    private final List<IntakeBacklog> backlogs;
    private final int parallelWrites;

    @Inject
    public ReminderRun(ObjectStore store, ReminderService reminders, InputReader inputs, Clock clock,
            Instance<IntakeBacklog> backlogs, Mailer mailer,
            @ConfigProperty(name = "creditguard.run.parallel-writes", defaultValue = "32") int parallelWrites) {
        this(store, reminders, inputs, clock, backlogs.stream().toList(), mailer, parallelWrites);
    }

    /** A run without intake backlogs or a mail server, as the tests and the load harness drive it. */
    public ReminderRun(ObjectStore store, ReminderService reminders, InputReader inputs, Clock clock) {
        this(store, reminders, inputs, clock, List.of(), new Mailer(Optional.empty(), clock), DEFAULT_PARALLEL_WRITES);
    }

    /**
     * @param backlogs drained before the book is read (invoices a platform only named)
     * @param mailer how letters are mailed under a policy's EMAIL delivery
     * @param parallelWrites documents of different invoices written at once in pass 2
     */
    public ReminderRun(ObjectStore store, ReminderService reminders, InputReader inputs, Clock clock,
            List<IntakeBacklog> backlogs, Mailer mailer, int parallelWrites) {
        if (parallelWrites < 1) {
            throw new IllegalArgumentException("creditguard.run.parallel-writes must be at least 1, not " + parallelWrites);
        }
        this.store = store;
        this.mailer = mailer;
        this.reminders = reminders;
        this.inputs = inputs;
        this.clock = clock;
        this.backlogs = List.copyOf(backlogs);
        this.parallelWrites = parallelWrites;
    }

    /**
     * @param requestedAsOf the day to run for; empty means today in the policy's time zone
     * @param dryRun decide and report only: no letter is composed or rendered and nothing is written
     */
    public Report run(Optional<LocalDate> requestedAsOf, boolean dryRun) throws IOException {
        Instant started = clock.instant();
        ReminderPolicies.PolicyFile company = reminders.policies().companyPolicy(store);
        if (company instanceof ReminderPolicies.Broken broken) {
            return stopped(requestedAsOf, dryRun, started, broken.problems());
        }
        ReminderPolicies.Usable usable = (ReminderPolicies.Usable) company;
        ReminderPolicy policy = usable.policy();
        usable.leftOut().forEach(p -> LOG.error(p.message()));
        LocalDate today = LocalDate.now(clock.withZone(policy.zone()));
        LocalDate asOf = requestedAsOf.orElse(today);
        if (asOf.isBefore(today.minusYears(AS_OF_YEARS_BACK)) || asOf.isAfter(today.plusYears(AS_OF_YEARS_AHEAD))) {
            // a typo in a schedule's input would otherwise date, charge interest on and send every letter wrongly
            throw new IllegalArgumentException("asOf must be within " + AS_OF_YEARS_BACK + " years before and "
                    + AS_OF_YEARS_AHEAD + " years after today (" + today + "), not " + asOf);
        }
        RateBook.Snapshot rates = reminders.rates().current();
        PolicyEngines engines = reminders.engines(store, reminders.engine(policy, rates), rates);
        List<RateGaps.Gap> gaps = RateGaps.begun(RateGaps.of(rates.reference(), asOf));
        gaps.forEach(g -> LOG.error(g.message()));
        List<IntakeBacklog.Report> intake = dryRun ? List.of() : backlogs.stream().flatMap(b -> b.drain().stream()).toList();
        Tally tally = new Tally(new Kpis(asOf), LedgerPass.start(store, parallelWrites,
                LedgerLines.settings(policy, asOf, reportKey(asOf, started), started, dryRun, rates.exchange())));
        OpenRuns open = dryRun ? null : OpenRuns.open(store, asOf, started, reportKey(asOf, started));
        List<String> files = store.list(BOOK_PREFIX).stream().filter(k -> k.endsWith(".jsonl")).toList();
        Path spill = Files.createTempDirectory("creditguard-run-");
        try (Mailer.Batch mail = mailer.batch()) { // one SMTP connection: the letters, then the alert digest
            Spill partitions = dryRun ? null : new Spill(spill, "partition-", PARTITIONS);
            for (int i = 0; i < files.size(); i++) {
                decideFile(i, files.get(i), engines, asOf, tally, partitions);
            }
            if (!dryRun) {
                partitions.close();
                open.lookAgain(clock.instant());
                Spill outcomes = new Spill(spill, "outcomes-", files.size());
                ExecutorService writers = Executors.newFixedThreadPool(parallelWrites);
                try {
                    LetterDelivery delivery = new LetterDelivery(store, mail);
                    for (int p = 0; p < PARTITIONS; p++) {
                        sendPartition(partitions.file(p), engines, asOf, tally, outcomes, files, writers, delivery,
                                open.readRecords());
                    }
                } finally {
                    writers.shutdownNow();
                }
                outcomes.close();
                for (int i = 0; i < files.size(); i++) {
                    recordSent(files.get(i), outcomes.file(i), tally);
                }
                // A failed write may be a reminder record or a book file left unrecorded: the next run reads the records.
                if (tally.failedWrites == 0) {
                    open.close();
                }
            }
            // The KPIs' running sums per customer go before the ledger's customers come: a 256 MiB heap holds one.
            tally.reportKpis();
            tally.customers = tally.ledger.finish(mail);
        } finally {
            deleteAll(spill);
            tally.ledger.close();
        }
        List<FileProblem> operatorFiles = new ArrayList<>(rates.operatorProblems());
        operatorFiles.addAll(usable.leftOut());
        operatorFiles.addAll(engines.problems());
        RateAlarms.emit(gaps, rates.conflicts(), operatorFiles, "reminders-run", started);
        Report report = new Report(new Report.Run(store.describe(), asOf, dryRun, policy.name(), engines.named(), started,
                        clock.instant(), null, List.copyOf(operatorFiles)),
                new Report.Book(files.size(), tally.read, tally.invalid),
                new Report.Sent(tally.dunned, tally.letters, new Mailing(tally.mailed, List.copyOf(tally.forPost)),
                        tally.insurerNotifications, tally.insurer.report(),
                        new Completed(open != null && open.readRecords(), tally.completedLevels,
                                tally.completedNotifications)),
                new Report.Problems(tally.skipped, tally.warnings, tally.failedWrites, List.copyOf(tally.errors),
                        gaps.stream().map(RateGaps.Gap::message).toList(),
                        rates.conflicts().stream().map(RateBook.Conflict::message).toList()),
                intake, tally.kpisReport, List.copyOf(tally.platformReminders), tally.customers);
        if (!dryRun) {
            writeRunReport(report);
        }
        LOG.infof("reminder run %s on %s: %d invoices, dunned %s, %d letters (%d mailed), %d insurer reports, %d invalid, "
                + "%d failed writes; from earlier runs' records the book recorded %d levels and %d insurer reports",
                asOf, store.describe(), tally.read, tally.dunned, tally.letters, tally.mailed, tally.insurerNotifications,
                tally.invalid, tally.failedWrites, tally.completedLevels, tally.completedNotifications);
        return report;
    }

    /** The run stopped by a broken company policy: reported, logged, alarmed; nothing read or sent. */
    private Report stopped(Optional<LocalDate> requestedAsOf, boolean dryRun, Instant started, List<FileProblem> problems)
            throws IOException {
        LocalDate asOf = requestedAsOf.orElseGet(() -> LocalDate.now(clock.withZone(reminders.policies().defaultPolicy().zone())));
        String why = ReminderPolicies.POLICY_KEY + " is not a valid reminder policy; nothing is sent under a guessed policy. "
                + "Fix it and run again (\"validate\": true checks it first).";
        LOG.error("reminder run on " + asOf + " stopped: " + why);
        problems.forEach(p -> LOG.error(p.message()));
        RateAlarms.emit(List.of(), List.of(), problems, "reminders-run", started);
        Report report = Report.stopped(new Report.Run(store.describe(), asOf, dryRun, null, List.of(), started,
                clock.instant(), why, problems));
        if (!dryRun) {
            writeRunReport(report);
        }
        return report;
    }

    private void writeRunReport(Report report) throws IOException {
        store.write(reportKey(report.asOf(), report.startedAt()), Json.write(report).getBytes(StandardCharsets.UTF_8),
                "application/json");
    }

    /** Where the report of the run for {@code asOf} that started at {@code started} is kept. */
    static String reportKey(LocalDate asOf, Instant started) {
        return "runs/" + asOf + "/" + DateTimeFormatter.ofPattern("HHmmss.SSS'Z'").format(started.atZone(
                java.time.ZoneOffset.UTC)) + ".json";
    }

    /** Pass 1: read, check and decide every line; spill those due an action. */
    private void decideFile(int index, String file, PolicyEngines engines, LocalDate asOf, Tally tally, Spill spill)
            throws IOException {
        Optional<InputStream> content = store.read(file);
        if (content.isEmpty()) {
            return;
        }
        try (BufferedReader in = reader(content.get())) {
            long lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                Invoice invoice;
                try {
                    invoice = inputs.read(line, Invoice.class);
                } catch (InvalidInputException e) {
                    tally.invalid++;
                    tally.error(new LineError(file + ":" + lineNumber, invoiceIdOf(line), e.summary()));
                    continue;
                }
                tally.read++;
                tally.platformReminders(invoice);
                ReminderEngine engine;
                try {
                    engine = engines.forInvoice(invoice);
                } catch (PolicyEngines.Unavailable e) {
                    tally.skipped.merge(ReminderEngine.SkipReason.POLICY_UNAVAILABLE, 1L, Long::sum);
                    tally.error(new LineError(file + ":" + lineNumber, invoice.invoiceId(), e.getMessage()));
                    continue;
                }
                ReminderEngine.Decision decision = engine.decide(invoice, asOf);
                tally.kpis.add(invoice, decision.effectiveDueDate());
                LedgerLines.add(tally.ledger, file, invoice, engine, decision, asOf);
                decision.skip().ifPresent(s -> tally.skipped.merge(s.reason(), 1L, Long::sum));
                tally.warnings += decision.warnings().size();
                decision.letter().ifPresent(l -> tally.dunned.merge(l.kind(), 1L, Long::sum));
                if (decision.insurerReport().isPresent()) {
                    tally.insurerNotifications++;
                }
                if (spill != null && !decision.actions().isEmpty()) {
                    spill.append(Math.floorMod(invoice.customer().id().hashCode(), PARTITIONS),
                            Json.write(new Spilled(index, line)));
                }
            }
        }
    }

    /**
     * Pass 2: one spill file's invoices decided again, composed into letters, rendered and written,
     * {@code parallelWrites} letters at a time (a letter's documents concern its own invoices only). A
     * letter whose documents fail to write is reported, and its invoices stay unsent for the next run.
     * What an earlier run sent (its reminder record is there) is only recorded, as that record says; the records are
     * read only when {@code readRecords} (another run's marker was seen, {@link OpenRuns}).
     */
    private void sendPartition(Path partition, PolicyEngines engines, LocalDate asOf, Tally tally, Spill outcomes,
            List<String> files, ExecutorService writers, LetterDelivery delivery, boolean readRecords) throws IOException {
        if (!Files.exists(partition)) {
            return;
        }
        Map<String, Integer> fileOf = new HashMap<>();
        List<ReminderEngine.Action> actions = new ArrayList<>();
        List<ReminderEngine> engineOf = new ArrayList<>();
        try (Stream<String> lines = Files.lines(partition, StandardCharsets.UTF_8)) {
            for (String json : (Iterable<String>) lines::iterator) {
                Spilled spilled = Json.MAPPER.readValue(json, Spilled.class);
                Invoice invoice = Json.MAPPER.readValue(spilled.line(), Invoice.class);
                fileOf.put(invoice.invoiceId(), spilled.file());
                ReminderEngine engine = engineOf(engines, invoice);
                for (ReminderEngine.Action action : engine.decide(invoice, asOf).actions()) {
                    actions.add(action);
                    engineOf.add(engine);
                }
            }
        }
        // A read per action, only when asked: they go to the store parallelWrites at a time, as the writes do.
        List<Callable<Optional<Outcome>>> lookups = new ArrayList<>();
        if (readRecords) {
            actions.forEach(action -> lookups.add(() -> sentEarlier(action)));
        }
        Map<ReminderEngine, List<ReminderEngine.DunningLetter>> decided = new java.util.LinkedHashMap<>();
        Map<ReminderEngine.InsurerReport, ReminderEngine> reports = new java.util.LinkedHashMap<>();
        try {
            List<Future<Optional<Outcome>>> earlier = writers.invokeAll(lookups);
            for (int i = 0; i < actions.size(); i++) {
                ReminderEngine.Action action = actions.get(i);
                Optional<Outcome> sent;
                try {
                    sent = readRecords ? earlier.get(i).get() : Optional.empty();
                } catch (ExecutionException e) {
                    // Whether it went is not known: sent now, it might go twice, so it waits for the next run.
                    tally.failed(new LineError(files.get(fileOf.get(action.invoiceId())), action.invoiceId(), "reading "
                            + ReminderRecords.key(action.reminderId()) + " failed; the invoice is retried on the next run: "
                            + e.getCause().getMessage()));
                    continue;
                }
                if (sent.isPresent()) {
                    tally.completed(action);
                    outcomes.append(fileOf.get(action.invoiceId()), Json.write(sent.get()));
                } else if (action instanceof ReminderEngine.DunningLetter letter) {
                    decided.computeIfAbsent(engineOf.get(i), e -> new ArrayList<>()).add(letter);
                } else {
                    reports.put((ReminderEngine.InsurerReport) action, engineOf.get(i));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("the run was interrupted while reading reminder records");
        }
        List<Callable<Void>> tasks = new ArrayList<>();
        decided.forEach((engine, lines) -> Statements.compose(engine, lines, asOf).forEach(statement -> {
            String first = statement.invoices().get(0).invoiceId();
            tasks.add(() -> {
                try {
                    Optional<LetterDelivery.Sent> sent = sendStatement(reminders.rendered(engine, statement, asOf),
                            engine.policy(), asOf, delivery);
                    tally.letter(statement, sent);
                } catch (LetterDelivery.NotSent e) {
                    tally.failed(new LineError(files.get(fileOf.get(first)), first, e.getMessage()
                            + "; its invoices stay unsent and the next run mails it"));
                    return null;
                } catch (IOException | RuntimeException e) {
                    tally.failed(new LineError(files.get(fileOf.get(first)), first, "writing letter " + statement.letterId()
                            + " failed; its invoices are retried on the next run: " + e.getMessage()));
                    return null;
                }
                for (ReminderEngine.DunningLetter line : statement.invoices()) {
                    List<Invoice.ChargedFee> fees = line.line().balance().fees().stream()
                            .filter(f -> f.chargedAtLevel() == line.level())
                            .map(f -> new Invoice.ChargedFee(f.code().name(), f.amount().amount())).toList();
                    outcomes.append(fileOf.get(line.invoiceId()), Json.write(new Outcome(line.invoiceId(),
                            new Invoice.SentReminder(line.level(), asOf, statement.letterId(), fees), null)));
                }
                return null;
            });
        }));
        reports.forEach((report, engine) -> {
            tasks.add(() -> {
                try {
                    ReminderEngine.InsurerReport rendered = reminders.rendered(engine, report);
                    tally.insurer.sent(rendered, sendReport(rendered, engine.policy(), asOf, delivery), asOf);
                } catch (LetterDelivery.NotSent e) {
                    tally.failed(new LineError(files.get(fileOf.get(report.invoiceId())), report.invoiceId(), e.getMessage()
                            + "; the invoice is not marked reported and the next run mails it"));
                    tally.insurer.notSent(report, asOf, e.getMessage());
                    return null;
                } catch (IOException | RuntimeException e) {
                    tally.failed(new LineError(files.get(fileOf.get(report.invoiceId())), report.invoiceId(),
                            "writing " + report.reminderId() + " failed; it will be retried on the next run: " + e.getMessage()));
                    return null;
                }
                outcomes.append(fileOf.get(report.invoiceId()), Json.write(new Outcome(report.invoiceId(), null, asOf)));
                return null;
            });
        });
        try {
            for (Future<Void> done : writers.invokeAll(tasks)) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("the run was interrupted while writing letters");
        } catch (ExecutionException e) {
            throw new IllegalStateException("writing a letter failed unexpectedly", e.getCause());
        }
    }

    /**
     * What an earlier run recorded of {@code action}, when its reminder record is there: the record is written only
     * once its letter went, so the book is to record it as it went, with that letter's id and day and the fees it
     * charged, not the day of this run, whatever this run would compose.
     */
    private Optional<Outcome> sentEarlier(ReminderEngine.Action action) throws IOException {
        Optional<byte[]> bytes = store.bytes(ReminderRecords.key(action.reminderId()));
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        JsonNode record = Json.MAPPER.readTree(bytes.get());
        LocalDate sentOn = LocalDate.parse(record.path("decidedOn").asText());
        if (!(action instanceof ReminderEngine.DunningLetter letter)) {
            return Optional.of(new Outcome(action.invoiceId(), null, sentOn));
        }
        List<Invoice.ChargedFee> fees = new ArrayList<>();
        for (JsonNode fee : record.path("action").path("line").path("balance").path("fees")) {
            if (fee.path("chargedAtLevel").asInt() == letter.level()) {
                fees.add(new Invoice.ChargedFee(fee.path("code").asText(), fee.path("amount").decimalValue()));
            }
        }
        return Optional.of(new Outcome(action.invoiceId(), new Invoice.SentReminder(letter.level(), sentOn,
                record.path("letterId").asText(null), fees), null));
    }

    /** Pass 1 found the engine of every spilled invoice. */
    private static ReminderEngine engineOf(PolicyEngines engines, Invoice invoice) {
        try {
            return engines.forInvoice(invoice);
        } catch (PolicyEngines.Unavailable e) {
            throw new IllegalStateException("a spilled invoice's policy was found in pass 1", e);
        }
    }

    /**
     * The letter's documents written, the letter delivered as the policy says, then its reminder records
     * written with how it went out: a record appears only once its letter went (or is there to post).
     */
    private Optional<LetterDelivery.Sent> sendStatement(Statements.Statement statement, ReminderPolicy policy,
            LocalDate asOf, LetterDelivery delivery) throws IOException {
        byte[] pdf = writeLetter(statement.letterId(), statement.letter(), policy);
        Optional<LetterDelivery.Sent> sent = delivery.deliver(statement, pdf, policy, asOf);
        for (ReminderEngine.DunningLetter line : statement.invoices()) {
            writeRecord(ReminderRecords.key(line.reminderId()),
                    new SentRecord(asOf, statement.letterId(), line, sent.orElse(null)));
        }
        return sent;
    }

    /**
     * The insurer's notification written, mailed when the policy names the insurer's address (the PDF and the
     * invoice as CSV), then its record written with how it went out.
     */
    private Optional<LetterDelivery.Sent> sendReport(ReminderEngine.InsurerReport report, ReminderPolicy policy,
            LocalDate asOf, LetterDelivery delivery) throws IOException {
        byte[] pdf = writeLetter(report.reminderId(), report.letter(), policy);
        byte[] csv = InvoiceCsv.of(List.of(report.csvLine()), report.letter().language());
        Optional<LetterDelivery.Sent> sent = delivery.notifyInsurer(report, pdf, csv, policy, asOf);
        writeRecord(ReminderRecords.key(report.reminderId()), new SentRecord(asOf, report.reminderId(), report,
                sent.orElse(null)));
        return sent;
    }

    /**
     * A reminder record is written once: a mailer may act on it as soon as it appears, so a re-run after a
     * run that died half-way finds it there and leaves it, never replacing it with a second copy.
     */
    private void writeRecord(String key, SentRecord record) throws IOException {
        if (!store.create(key, Json.write(record).getBytes(StandardCharsets.UTF_8), "application/json")) {
            LOG.debugf("%s is there from an earlier run; kept", key);
        }
    }

    /** The letter as text, HTML and PDF in the store; returns the PDF. */
    private byte[] writeLetter(String id, Letters.Letter letter, ReminderPolicy policy) throws IOException {
        byte[] pdf = reminders.pdf(letter, policy);
        store.write("letters/" + id + ".txt", (letter.subject() + "\n\n" + letter.text()).getBytes(StandardCharsets.UTF_8),
                "text/plain; charset=utf-8");
        store.write("letters/" + id + ".html", letter.html().getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
        store.write("letters/" + id + ".pdf", pdf, "application/pdf");
        return pdf;
    }

    /**
     * Pass 3: the book file with what was sent recorded, every other line and field exactly as it was:
     * fields this version does not know (an ERP reference, say) are kept, not dropped. Written only if
     * the file is still as it was read; when a webhook changed it meanwhile, the outcomes are applied
     * again to what it wrote, a bounded number of times.
     */
    private void recordSent(String file, Path outcomeFile, Tally tally) throws IOException {
        if (!Files.exists(outcomeFile)) {
            return;
        }
        Map<String, List<Outcome>> outcomes = new HashMap<>();
        try (Stream<String> lines = Files.lines(outcomeFile, StandardCharsets.UTF_8)) {
            for (String json : (Iterable<String>) lines::iterator) {
                Outcome outcome = Json.MAPPER.readValue(json, Outcome.class);
                outcomes.computeIfAbsent(outcome.invoiceId(), k -> new ArrayList<>()).add(outcome);
            }
        }
        for (int attempt = 0; attempt < Updates.ATTEMPTS; attempt++) {
            Optional<ObjectStore.Versioned> content = store.readVersioned(file);
            if (content.isEmpty()) {
                return;
            }
            try (ObjectStore.Versioned current = content.get(); BufferedReader in = reader(current.content());
                    ObjectStore.Replacement replacement = store.replaceIf(file, "application/x-ndjson", current.version())) {
                BufferedWriter out = new BufferedWriter(new OutputStreamWriter(replacement.stream(), StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String id = line.isBlank() ? null : invoiceIdOf(line);
                    List<Outcome> sent = id == null ? null : outcomes.get(id);
                    out.write(sent == null ? line : withSent(line, sent));
                    out.write('\n');
                }
                out.flush();
                replacement.commit();
                return;
            } catch (ObjectStore.VersionConflict e) {
                LOG.debugf("%s changed while the run recorded what it sent; applying again", file);
            }
        }
        tally.failed(new LineError(file, null, file + " kept changing while the run recorded what it sent; the letters "
                + "went out, and the next run records them from their reminder records, sending nothing twice"));
    }

    private static String withSent(String line, List<Outcome> outcomes) throws JsonProcessingException {
        ObjectNode record = (ObjectNode) Json.MAPPER.readTree(line);
        for (Outcome outcome : outcomes) {
            if (outcome.sent() != null) {
                com.fasterxml.jackson.databind.node.ArrayNode sent = record.withArray("remindersSent");
                boolean recorded = false;
                for (var entry : sent) {
                    recorded |= entry.path("level").asInt() == outcome.sent().level();
                }
                if (!recorded) {
                    sent.add(Json.MAPPER.valueToTree(outcome.sent()));
                }
            }
            if (outcome.insurerNotifiedOn() != null) {
                record.put("insurerNotifiedOn", outcome.insurerNotifiedOn().toString());
            }
        }
        return Json.write(record);
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static String invoiceIdOf(String line) {
        try {
            return Json.MAPPER.readTree(line).path("invoiceId").asText(null);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static void deleteAll(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Local spill files, one per partition, appended to line by line and opened as needed. */
    private static final class Spill implements AutoCloseable {
        private final Path dir;
        private final String prefix;
        private final BufferedWriter[] writers;

        Spill(Path dir, String prefix, int count) {
            this.dir = dir;
            this.prefix = prefix;
            this.writers = new BufferedWriter[count];
        }

        Path file(int index) {
            return dir.resolve(prefix + index + ".jsonl");
        }

        synchronized void append(int index, String json) {
            try {
                if (writers[index] == null) {
                    writers[index] = Files.newBufferedWriter(file(index), StandardCharsets.UTF_8);
                }
                writers[index].write(json);
                writers[index].write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("spilling to " + file(index), e);
            }
        }

        @Override
        public void close() throws IOException {
            for (BufferedWriter writer : writers) {
                if (writer != null) {
                    writer.close();
                }
            }
        }
    }

    private static final class Tally {
        Kpis kpis;
        Kpis.Report kpisReport;
        final LedgerPass ledger;
        LedgerPass.Report customers;
        long read;
        long invalid;
        long warnings;
        long failedWrites;
        long letters;
        long mailed;
        long completedLevels;
        long completedNotifications;
        final List<PostLetter> forPost = new ArrayList<>();
        long insurerNotifications;
        final InsurerNotices insurer = new InsurerNotices();
        final Map<ReminderPolicy.Kind, Long> dunned = new EnumMap<>(ReminderPolicy.Kind.class);
        final Map<ReminderEngine.SkipReason, Long> skipped = new EnumMap<>(ReminderEngine.SkipReason.class);
        final List<LineError> errors = new ArrayList<>();
        final List<PlatformReminder> platformReminders = new ArrayList<>();

        Tally(Kpis kpis, LedgerPass ledger) {
            this.kpis = kpis;
            this.ledger = ledger;
        }

        void reportKpis() {
            kpisReport = kpis.report();
            kpis = null;
        }

        void platformReminders(Invoice invoice) {
            Invoice.PlatformReminders sent = invoice.terms().platformReminders();
            if (sent != null && invoice.openAmount().signum() > 0 && platformReminders.size() < MAX_ERRORS_LISTED) {
                platformReminders.add(new PlatformReminder(invoice.customer().id(), invoice.invoiceId(), invoice.source(),
                        sent.count(), sent.lastSentOn(), invoice.source() + " reports " + sent.count() + " reminder(s) of its own"
                        + (sent.lastSentOn() == null ? "" : ", the last on " + sent.lastSentOn()) + " for invoice "
                        + invoice.invoiceNumber() + ": turn them off there, or the debtor gets two companies' letters for one "
                        + "debt and may be charged a fee twice"));
            }
        }

        synchronized void error(LineError error) {
            if (errors.size() < MAX_ERRORS_LISTED) {
                errors.add(error);
            }
        }

        /** A write that failed; pass 2's writers call it from several threads. */
        synchronized void failed(LineError error) {
            failedWrites++;
            error(error);
        }

        synchronized void completed(ReminderEngine.Action action) {
            if (action instanceof ReminderEngine.DunningLetter) {
                completedLevels++;
            } else {
                completedNotifications++;
            }
        }

        synchronized void letter(Statements.Statement statement, Optional<LetterDelivery.Sent> sent) {
            letters++;
            if (sent.isPresent() && sent.get() instanceof LetterDelivery.Mailed) {
                mailed++;
            } else if (sent.isPresent() && sent.get() instanceof LetterDelivery.ForPost post
                    && forPost.size() < MAX_ERRORS_LISTED) {
                forPost.add(new PostLetter(statement.letterId(), statement.customer().id(), post.reason()));
            }
        }
    }
}
