package io.creditguard.customers;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.creditguard.book.BookTotals;
import io.creditguard.json.Json;
import io.creditguard.mail.Mailer;
import io.creditguard.metrics.Emf;
import io.creditguard.money.ExchangeRates;
import io.creditguard.store.ObjectStore;
import io.creditguard.alerts.AlertPolicy;

/**
 * The customer ledger as the reminder run builds it, inside the run's bounded memory. While the run reads the
 * book, each invoice's {@link LedgerLine} goes to a local spill file chosen by its customer; then each spill
 * file in turn (a 512th of the customers) is read back, grouped by customer and built
 * ({@link LedgerBuilder}) with the customer's limit in force and the alerts open after the run before, and
 * written: {@code customers/<customerId>.json}, a row of {@code customers/index.jsonl}, where each open
 * invoice is ({@code customers/invoices/}), and the alerts that began and ended ({@code alerts/events/}).
 * What began is also an EMF metric ({@code creditguard/CustomerAlert}, by alert), and the day's digest is
 * mailed ({@link AlertDigest}).
 *
 * <p>Every customer's ledger is written again on every run, so one that cannot be read is repaired by the
 * next; a customer no longer in the book loses its ledger file and its open alerts end. A dry run builds
 * everything and writes nothing: its report says what the alerts would do.
 */
public final class LedgerPass implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LedgerPass.class);
    /** Spill files: a customer's lines share one, and one file's customers are built in memory at a time. */
    static final int PARTITIONS = 512;
    private static final int LISTED = 100;
    /** An invoice paid within this many days can still be found for a PATCH, to be told it is paid. */
    private static final int SETTLED_LOCATABLE_DAYS = 30;
    public static final String METRIC = "CustomerAlert";

    /**
     * What the ledger needs of the run.
     *
     * @param run the key of the run's report, which every ledger file names
     * @param alerts the thresholds and the digest's address
     * @param rates the euro reference rates, to convert an exposure into its limit's currency
     */
    public record Settings(LocalDate asOf, String run, Instant startedAt, boolean dryRun, AlertPolicy alerts,
            ExchangeRates rates) {
    }

    /**
     * What the ledger did, for the run report.
     *
     * @param open alerts open after the run, by kind; {@code began} and {@code ended} what changed in it
     * @param changes the alerts that began or ended (the first {@value #LISTED})
     * @param digest what became of the day's digest
     * @param errors what could not be read or written (the first {@value #LISTED}); the run went on
     */
    public record Report(long customers, Map<Alerts.Type, Long> open, Map<Alerts.Type, Long> began,
            Map<Alerts.Type, Long> ended, List<AlertRules.Event> changes, AlertDigest.Outcome digest, long failedWrites,
            List<String> errors) {
    }

    private final LedgerStore ledgers;
    private final AlertDigest digest;
    private final int parallelWrites;
    private final Settings settings;
    private final Path dir;
    private final LocalDate yearFrom;
    private final java.io.OutputStream[] spill = new java.io.OutputStream[PARTITIONS];
    private final List<String> errors = new ArrayList<>();
    /** The book files lines came from, by number: a line's spilled form names its file by number. */
    private final Map<String, Integer> files = new HashMap<>();
    private final List<String> fileNames = new ArrayList<>();
    /** The currencies lines came in, by number; a line's spilled form names its currency by number. */
    private final List<Currency> currencies = new ArrayList<>();
    /** One line's spilled form: a mark, its customer's id's hash and the id, its length, then the line. */
    private ByteBuffer record = ByteBuffer.allocate(1 << 14);
    /** A partition's spilled lines as they are built, read into the same array each time. */
    private byte[] partitionBytes = new byte[0];
    private long failedWrites;

    private LedgerPass(ObjectStore store, int parallelWrites, Settings settings) throws IOException {
        this.ledgers = new LedgerStore(store);
        this.digest = new AlertDigest(store);
        this.parallelWrites = parallelWrites;
        this.settings = settings;
        this.dir = Files.createTempDirectory("creditguard-ledger-");
        this.yearFrom = settings.asOf().minusYears(1).plusDays(1);
    }

    public static LedgerPass start(ObjectStore store, int parallelWrites, Settings settings) throws IOException {
        return new LedgerPass(store, parallelWrites, settings);
    }

    /**
     * Whether the ledger reads {@code invoice}: it is open, or was issued, paid or dunned in the 12 months to the
     * run's day (a settled invoice older than that changes nothing the ledger shows).
     */
    public boolean wants(io.creditguard.receivables.Invoice invoice) {
        if (invoice.openAmount().signum() > 0 || !invoice.issueDate().isBefore(yearFrom)) {
            return true;
        }
        for (io.creditguard.receivables.Invoice.Payment payment : invoice.payments()) {
            if (!payment.date().isBefore(yearFrom)) {
                return true;
            }
        }
        for (io.creditguard.receivables.Invoice.SentReminder sent : invoice.remindersSent()) {
            if (!sent.sentOn().isBefore(yearFrom)) {
                return true;
            }
        }
        return invoice.dunning().promisesBroken().stream().anyMatch(d -> !d.isBefore(yearFrom));
    }

    /** One invoice of the book, as the run read and decided it. */
    public void add(LedgerLine line) {
        int partition = partition(line.invoice().customer().id());
        int fileIndex = files.computeIfAbsent(line.file(), f -> {
            fileNames.add(f);
            return fileNames.size() - 1;
        });
        int currencyIndex = currencyIndex(line.invoice().currency());
        while (true) {
            try {
                record.clear();
                record.put((byte) 1);
                record.putInt(line.invoice().customer().id().hashCode());
                LedgerLine.text(record, line.invoice().customer().id());
                int lengthAt = record.position();
                record.putInt(0);
                line.write(record, fileIndex, currencyIndex);
                record.putInt(lengthAt, record.position() - lengthAt - Integer.BYTES);
                break;
            } catch (java.nio.BufferOverflowException e) {
                record = ByteBuffer.allocate(record.capacity() * 2);
            }
        }
        try {
            if (spill[partition] == null) {
                spill[partition] = new BufferedOutputStream(Files.newOutputStream(file("lines", partition)), 1 << 13);
            }
            spill[partition].write(record.array(), 0, record.position());
        } catch (IOException e) {
            throw new UncheckedIOException("spilling the ledger's lines to " + dir, e);
        }
    }

    private int currencyIndex(Currency currency) {
        int index = currencies.indexOf(currency);
        if (index < 0) {
            currencies.add(currency);
            index = currencies.size() - 1;
        }
        return index;
    }

    private static int partition(String customerId) {
        return Math.floorMod(customerId.hashCode(), PARTITIONS);
    }

    private Path file(String kind, int partition) {
        return dir.resolve(kind + "-" + partition);
    }

    /**
     * Builds and writes every customer's ledger, the listing, the alerts and the digest.
     *
     * @param mail the run's SMTP connection, which the digest goes over
     */
    public Report finish(Mailer.Batch mail) throws IOException {
        for (java.io.OutputStream out : spill) {
            if (out != null) {
                out.close();
            }
        }
        Map<String, List<Limits.Change>> insurer = insurerLimits();
        spillPrevious();
        spillProfiles();
        Run run = new Run();
        ExecutorService writers = settings.dryRun() ? null : Executors.newFixedThreadPool(parallelWrites);
        try {
            for (int p = 0; p < PARTITIONS; p++) {
                buildPartition(p, insurer, run, writers);
            }
        } finally {
            if (writers != null) {
                writers.shutdownNow();
            }
        }
        run.close();
        AlertDigest.Outcome sent = AlertDigest.Outcome.of(AlertDigest.Status.DRY_RUN, "a dry run mails nothing");
        if (!settings.dryRun()) {
            try {
                run.publish();
                sent = digest.send(settings.asOf(), settings.alerts(), mail);
            } catch (IOException | RuntimeException e) {
                failed("writing the listing, the alerts or the digest failed; the next run does it again: " + e.getMessage());
                sent = AlertDigest.Outcome.of(AlertDigest.Status.NOT_SENT, e.getMessage());
            }
        }
        return new Report(run.customers, run.open, run.began, run.ended, List.copyOf(run.changes), sent, failedWrites,
                List.copyOf(errors));
    }

    /** The sums, lists and files of one run across the partitions. */
    private final class Run implements AutoCloseable {
        long customers;
        final Map<Alerts.Type, Long> open = new EnumMap<>(Alerts.Type.class);
        final Map<Alerts.Type, Long> began = new EnumMap<>(Alerts.Type.class);
        final Map<Alerts.Type, Long> ended = new EnumMap<>(Alerts.Type.class);
        final List<AlertRules.Event> changes = new ArrayList<>();
        final Map<Currency, Totals> totals = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        final PriorityQueue<LedgerIndex.OpenAlert> newest = new PriorityQueue<>(Comparator
                .comparing((LedgerIndex.OpenAlert a) -> a.alert().since()).thenComparing(LedgerIndex.OpenAlert::customerId,
                        Comparator.reverseOrder()));
        long openAlerts;
        final BufferedWriter rows;
        final BufferedWriter events;
        final BufferedWriter[] locator = new BufferedWriter[LedgerStore.LOCATOR_SHARDS];
        long eventCount;

        Run() throws IOException {
            rows = Files.newBufferedWriter(dir.resolve("rows"), StandardCharsets.UTF_8);
            events = Files.newBufferedWriter(dir.resolve("events"), StandardCharsets.UTF_8);
            for (int i = 0; i < locator.length; i++) {
                locator[i] = Files.newBufferedWriter(dir.resolve("locator-" + i), StandardCharsets.UTF_8);
            }
        }

        void row(LedgerIndex.Row row) throws IOException {
            customers++;
            if (!settings.dryRun()) { // a dry run writes no listing
                rows.write(Json.write(row));
                rows.write('\n');
            }
            for (Alerts.Alert alert : row.openAlerts()) {
                open.merge(alert.type(), 1L, Long::sum);
                openAlerts++;
                newest.add(new LedgerIndex.OpenAlert(row.customerId(), row.name(), alert));
                if (newest.size() > LedgerIndex.ALERTS_LISTED) {
                    newest.poll();
                }
            }
        }

        void event(AlertRules.Event event) throws IOException {
            (event.change() == AlertRules.Change.BEGAN ? began : ended).merge(event.alert().type(), 1L, Long::sum);
            if (changes.size() < LISTED) {
                changes.add(event);
            }
            eventCount++;
            if (!settings.dryRun()) { // a dry run keeps no changes for the digest
                events.write(Json.write(event));
                events.write('\n');
            }
        }

        void totals(CustomerLedger ledger) {
            for (CustomerLedger.CurrencyLedger c : ledger.currencies()) {
                totals.computeIfAbsent(c.currency(), Totals::new).add(ledger.customer(), c);
            }
        }

        @Override
        public void close() throws IOException {
            rows.close();
            events.close();
            for (BufferedWriter w : locator) {
                w.close();
            }
        }

        /**
         * The alert events, the listing and the invoice locator, into the store, in that order: the listing's
         * open alerts are where the next run's changes start from, so the events go first. Were the listing
         * written and its events not, the changes would be in no digest ever; the events written and the
         * listing not, the next run finds the same changes again, so these events are taken back.
         */
        void publish() throws IOException {
            String eventsKey = AlertDigest.eventsKey(settings.asOf(), settings.run());
            if (eventCount > 0) {
                upload(eventsKey, dir.resolve("events"));
            }
            List<LedgerIndex.OpenAlert> listed = new ArrayList<>(newest);
            listed.sort(newest.comparator().reversed());
            LedgerIndex.Header header = new LedgerIndex.Header(settings.asOf(), settings.run(), customers,
                    totals.values().stream().map(Totals::view).sorted(Comparator.comparing(
                            BookTotals::open).reversed()).toList(), listed, openAlerts);
            try (ObjectStore.Replacement index = ledgers.store().replace(LedgerStore.INDEX, "application/x-ndjson");
                    InputStream in = Files.newInputStream(dir.resolve("rows"))) {
                index.stream().write((Json.write(header) + "\n").getBytes(StandardCharsets.UTF_8));
                in.transferTo(index.stream());
                index.commit();
            } catch (IOException | RuntimeException e) {
                if (eventCount > 0) {
                    try {
                        ledgers.store().delete(eventsKey);
                    } catch (IOException | RuntimeException again) {
                        e.addSuppressed(again);
                    }
                }
                throw e;
            }
            if (eventCount > 0) {
                for (Map.Entry<Alerts.Type, Long> started : began.entrySet()) {
                    System.out.println(Emf.line(METRIC, "Alert", started.getKey().name(), "reminders-run",
                            settings.startedAt(), started.getValue()));
                }
                System.out.flush();
            }
            for (int i = 0; i < locator.length; i++) {
                upload(LedgerStore.locatorKey(i), dir.resolve("locator-" + i));
            }
        }
    }

    /** A local file into the store as it is read: a first run's alert changes may run to tens of megabytes. */
    private void upload(String key, Path file) throws IOException {
        try (ObjectStore.Replacement out = ledgers.store().replace(key, "application/x-ndjson");
                InputStream in = Files.newInputStream(file)) {
            in.transferTo(out.stream());
            out.commit();
        }
    }

    /** One currency's totals over the book. */
    private static final class Totals {
        final Currency currency;
        java.math.BigDecimal open;
        java.math.BigDecimal overdue;
        java.math.BigDecimal invoiced;
        long customers;
        BookTotals.Largest largest;

        Totals(Currency currency) {
            this.currency = currency;
            this.open = io.creditguard.money.Money.zero(currency).amount();
            this.overdue = open;
            this.invoiced = open;
        }

        void add(io.creditguard.receivables.Invoice.Customer customer, CustomerLedger.CurrencyLedger c) {
            open = open.add(c.open());
            overdue = overdue.add(c.overdue());
            invoiced = invoiced.add(c.invoicedLast12Months());
            customers++;
            if (largest == null || c.open().compareTo(largest.amount()) > 0) {
                largest = new BookTotals.Largest(customer.id(), customer.name(), c.open());
            }
        }

        BookTotals view() {
            return new BookTotals(currency, open, overdue, invoiced, customers, largest);
        }
    }

    private void buildPartition(int p, Map<String, List<Limits.Change>> insurer, Run run, ExecutorService writers)
            throws IOException {
        Map<String, LedgerIndex.Previous> before = readJson(file("previous", p), LedgerIndex.Previous.class,
                LedgerIndex.Previous::customerId);
        Map<String, Profile> profiles = readJson(file("profiles", p), Profile.class, Profile::customerId);
        // The partition's spilled lines (a 512th of the book, as bytes, small enough to stay in the cache) found by
        // customer, so only one customer's lines are ever objects at a time: they die young, and the collector has
        // little to do.
        ByteBuffer data = readLines(p);
        // Each customer's lines chained by their offsets, found by the id's hash and bytes: no string is made
        // of an id until its customer is built.
        CustomerChains chains = new CustomerChains(data);
        while (data.hasRemaining()) {
            data.get();
            int hash = data.getInt();
            int idAt = data.position();
            int idLength = data.getInt();
            data.position(data.position() + idLength);
            int length = data.getInt();
            chains.add(hash, idAt, data.position());
            data.position(data.position() + length);
        }
        List<Future<?>> writes = new ArrayList<>();
        SpilledLine line = new SpilledLine(fileNames, currencies);
        for (CustomerChains.Customer customer : chains.byId()) {
            String id = customer.id();
            LedgerBuilder builder = new LedgerBuilder(id, settings.asOf(), !settings.dryRun());
            String tooLarge = null;
            for (int i = customer.first(); i >= 0; i = chains.next(i)) {
                data.position(chains.offset(i));
                line.read(data);
                if (tooLarge == null) {
                    try {
                        builder.add(line);
                    } catch (ArithmeticException e) {
                        tooLarge = e.getMessage();
                    }
                }
                locate(id, line, run);
            }
            Optional<Profile> profile = Optional.ofNullable(profiles.get(id));
            Optional<Limits.InForce> limit = Limits.inForce(profile.map(Profile::limits).orElse(List.of()),
                    insurer.getOrDefault(id, List.of()), settings.asOf());
            LedgerIndex.Previous previous = before.remove(id);
            if (tooLarge != null) {
                error("customer " + id + "'s amounts in one currency exceed what the ledger sums (" + tooLarge
                        + "); its ledger is left as it was");
                continue;
            }
            LedgerBuilder.Built built = builder.build(settings.run(), limit, settings.rates(), settings.alerts(),
                    previous == null ? List.of() : previous.openAlerts());
            CustomerLedger ledger = built.ledger();
            run.row(LedgerIndex.Row.of(ledger, profile.flatMap(Profile::lastCreditCheck)));
            run.totals(ledger);
            for (Alerts.Alert alert : built.alerts().began()) {
                run.event(new AlertRules.Event(id, ledger.customer().name(), AlertRules.Change.BEGAN, settings.asOf(), alert));
            }
            for (Alerts.Alert alert : built.alerts().ended()) {
                run.event(new AlertRules.Event(id, ledger.customer().name(), AlertRules.Change.ENDED, settings.asOf(), alert));
            }
            if (writers != null) {
                byte[] json = Json.write(ledger).getBytes(StandardCharsets.UTF_8);
                writes.add(writers.submit(() -> write(LedgerStore.ledgerKey(id), json)));
            }
        }
        // Customers the book no longer holds: their alerts end, their ledger goes.
        for (LedgerIndex.Previous gone : before.values()) {
            for (Alerts.Alert alert : gone.openAlerts()) {
                run.event(new AlertRules.Event(gone.customerId(), gone.name(), AlertRules.Change.ENDED, settings.asOf(), alert));
            }
            if (writers != null) {
                writes.add(writers.submit(() -> delete(LedgerStore.ledgerKey(gone.customerId()))));
            }
        }
        await(writes);
    }

    /** Partition {@code p}'s spilled lines, read into one array the partitions share (grown when one needs more). */
    private ByteBuffer readLines(int p) throws IOException {
        Path lines = file("lines", p);
        if (!Files.exists(lines)) {
            return ByteBuffer.allocate(0);
        }
        long size = Files.size(lines);
        if (size > partitionBytes.length) {
            partitionBytes = new byte[(int) Math.max(size, partitionBytes.length * 3L / 2)];
        }
        try (InputStream in = Files.newInputStream(lines)) {
            int read = in.readNBytes(partitionBytes, 0, (int) size);
            return ByteBuffer.wrap(partitionBytes, 0, read).slice();
        }
    }

    /** Open invoices, and those paid in the last days, go into the locator a PATCH reads. */
    private void locate(String customerId, SpilledLine line, Run run) throws IOException {
        if (settings.dryRun()) {
            return;
        }
        boolean recentlyPaid = false;
        int since = (int) settings.asOf().minusDays(SETTLED_LOCATABLE_DAYS).toEpochDay();
        for (int i = 0; i < line.payments; i++) {
            recentlyPaid |= line.paymentDays[i] >= since;
        }
        if (line.open > 0 || recentlyPaid) {
            BufferedWriter out = run.locator[LedgerStore.shard(line.invoiceId())];
            out.write(Json.write(new LedgerStore.Location(line.invoiceId(), customerId, line.file)));
            out.write('\n');
        }
    }

    private Void write(String key, byte[] json) {
        try {
            ledgers.store().write(key, json, "application/json");
        } catch (IOException | RuntimeException e) {
            failed("writing " + key + " failed; the next run writes it again: " + e.getMessage());
        }
        return null;
    }

    private Void delete(String key) {
        try {
            ledgers.store().delete(key);
        } catch (IOException | RuntimeException e) {
            failed("deleting " + key + " failed: " + e.getMessage());
        }
        return null;
    }

    private synchronized void failed(String message) {
        failedWrites++;
        error(message);
    }

    private synchronized void error(String message) {
        LOG.error(message);
        if (errors.size() < LISTED) {
            errors.add(message);
        }
    }

    private static void await(List<Future<?>> writes) throws IOException {
        try {
            for (Future<?> write : writes) {
                write.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("the run was interrupted while writing the ledger");
        } catch (ExecutionException e) {
            throw new IllegalStateException("writing the ledger failed unexpectedly", e.getCause());
        }
    }

    private Map<String, List<Limits.Change>> insurerLimits() {
        try {
            LedgerStore.InsurerLimits limits = ledgers.insurerLimits();
            limits.problems().forEach(this::error);
            return limits.byBuyer();
        } catch (IOException e) {
            error(LedgerStore.CLAIMS_POLICY + " cannot be read; no insurer's limit counts this run: " + e.getMessage());
            return Map.of();
        }
    }

    /** The listing of the run before, its rows spilled by customer: their open alerts are where the alerts stand. */
    private void spillPrevious() throws IOException {
        Optional<InputStream> index = ledgers.store().read(LedgerStore.INDEX);
        if (index.isEmpty()) {
            return;
        }
        try (Spill out = new Spill("previous");
                BufferedReader in = new BufferedReader(new InputStreamReader(index.get(), StandardCharsets.UTF_8))) {
            in.readLine(); // the header
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                LedgerIndex.Previous previous;
                try {
                    previous = Json.MAPPER.readValue(line, LedgerIndex.Previous.class);
                } catch (JsonProcessingException e) {
                    error(LedgerStore.INDEX + " cannot be read past a line (" + e.getOriginalMessage()
                            + "); the alerts of the customers after it start again");
                    return;
                }
                out.append(partition(previous.customerId()), Json.write(previous));
            }
        }
    }

    /** Every customer's profile (limits set by hand or by a credit check), spilled by customer. */
    private void spillProfiles() throws IOException {
        try (Spill out = new Spill("profiles")) {
            for (String key : ledgers.store().list(LedgerStore.PROFILES)) {
                try {
                    Optional<Profile> profile = ledgers.read(key, Profile.class);
                    if (profile.isPresent()) {
                        out.append(partition(profile.get().customerId()), Json.write(profile.get()));
                    }
                } catch (IOException e) {
                    error(key + " cannot be read; the customer's limit is taken as if it had none set: " + e.getMessage());
                }
            }
        }
    }

    private static <T> Map<String, T> readJson(Path file, Class<T> type, java.util.function.Function<T, String> id)
            throws IOException {
        Map<String, T> byId = new HashMap<>();
        if (Files.exists(file)) {
            try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                for (String line : (Iterable<String>) lines::iterator) {
                    T value = Json.MAPPER.readValue(line, type);
                    byId.put(id.apply(value), value);
                }
            }
        }
        return byId;
    }

    /** JSON lines spilled by partition. */
    private final class Spill implements AutoCloseable {
        private final String kind;
        private final BufferedWriter[] writers = new BufferedWriter[PARTITIONS];

        Spill(String kind) {
            this.kind = kind;
        }

        void append(int partition, String json) throws IOException {
            if (writers[partition] == null) {
                writers[partition] = Files.newBufferedWriter(file(kind, partition), StandardCharsets.UTF_8);
            }
            writers[partition].write(json);
            writers[partition].write('\n');
        }

        @Override
        public void close() throws IOException {
            for (BufferedWriter w : writers) {
                if (w != null) {
                    w.close();
                }
            }
        }
    }

    /** Removes the spill files. */
    @Override
    public void close() throws IOException {
        for (java.io.OutputStream out : spill) {
            if (out != null) {
                out.close();
            }
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
