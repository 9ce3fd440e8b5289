package io.creditguard.rates;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.creditguard.money.ExchangeRates;
import io.creditguard.reference.FileProblem;
import io.creditguard.reference.ReferenceRates;
import io.creditguard.reference.ReferenceTable;
import io.creditguard.store.ObjectStore;

/**
 * The reference and exchange rates everything that computes interest or converts a fixed sum reads:
 * an operator's rows ({@code config/reference-rates.txt}, {@code config/exchange-rates.txt}) over the
 * rows the reference-rates function fetched ({@code rates/<scheme>.txt}, {@code rates/EXR.txt}) over
 * the shipped files, all in the line format of the shipped ones.
 *
 * <p>A fetched rate that contradicts a usable shipped row for the same days is left out and reported
 * as a {@link Conflict}: the shipped row was checked by hand, so a disagreement needs a person. An
 * operator's row overrides anything. A fetched file that cannot be read is skipped and reported (the
 * next refresh writes it again). An operator's file is checked row by row: a row that does not parse
 * (an empty column, a comma for the decimal point, an unknown scheme, a period overlapping an earlier
 * row) is a {@link FileProblem}, logged as an ERROR and left out; the others are used, so one typo never
 * stops a run, and the alarm on the problems metric ({@link RateAlarms}) brings a person to fix it.
 *
 * <p>Each function instance keeps the merged table for {@code creditguard.rates.cache} (five minutes);
 * nothing is fetched on a request's path.
 */
@ApplicationScoped
public class RateBook {

    private static final Logger LOG = Logger.getLogger(RateBook.class);
    public static final String FETCHED_PREFIX = "rates/";
    public static final String FETCHED_EXCHANGE = "rates/EXR.txt";
    public static final String OPERATOR_RATES = "config/reference-rates.txt";
    public static final String OPERATOR_EXCHANGE = "config/exchange-rates.txt";

    /** A fetched figure that disagrees with a shipped one for the same days; the shipped one is used. */
    public record Conflict(String what, LocalDate from, LocalDate to, BigDecimal fetched, BigDecimal shipped,
            String fetchedFrom, String shippedFrom) {

        public String message() {
            return what + " " + from + (to.equals(from) ? "" : "–" + to) + ": fetched " + fetched.toPlainString() + " ("
                    + fetchedFrom + ") contradicts the shipped " + shipped.toPlainString() + " (" + shippedFrom
                    + "); the shipped figure is used until a person settles it (config/reference-rates.txt overrides both)";
        }
    }

    /**
     * The merged table at one moment.
     *
     * @param problems rows of the operator's files left out, and fetched files that could not be read and were
     *     skipped
     */
    public record Snapshot(ReferenceRates reference, ExchangeRates exchange, List<Conflict> conflicts,
            List<FileProblem> problems, Instant loadedAt) {

        /** The problems of the operator's own files ({@code config/}), which the operator is to fix. */
        public List<FileProblem> operatorProblems() {
            return problems.stream().filter(p -> !p.file().startsWith(FETCHED_PREFIX)).toList();
        }
    }

    /** The operator's usable rows of both files. */
    private record Operator(List<ReferenceRates.Rate> rates, List<ExchangeRates.Rate> exchange) {
    }

    private final ObjectStore store;
    private final Clock clock;
    private final Duration ttl;
    private final List<ReferenceRates.Rate> shippedRates;
    private final List<ExchangeRates.Rate> shippedExchange;
    private volatile Snapshot cached;

    @Inject
    public RateBook(ObjectStore store, Clock clock, RatesConfig config) {
        this(store, clock, config.cache());
    }

    /** A book over {@code store} (none: the shipped rows alone) that keeps its table for {@code ttl}. */
    public RateBook(ObjectStore store, Clock clock, Duration ttl) {
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
        this.shippedRates = ReferenceRates.usableRows(ReferenceTable.load("reference-rates.txt"));
        this.shippedExchange = ExchangeRates.usableRows(ReferenceTable.load("exchange-rates.txt"));
    }

    /** The shipped rows alone, for calculators run without a store (benchmarks, the standalone harness). */
    public static RateBook shipped(Clock clock) {
        return new RateBook(null, clock, Duration.ofDays(3650));
    }

    /** The merged table, read again once the cached one is older than the TTL. */
    public Snapshot current() {
        Snapshot snapshot = cached;
        if (snapshot == null || !clock.instant().isBefore(snapshot.loadedAt().plus(ttl))) {
            snapshot = load();
            cached = snapshot;
        }
        return snapshot;
    }

    /** Forgets the cached table, so the next read sees what a refresh just wrote. */
    public void invalidate() {
        cached = null;
    }

    /**
     * The operator's files ({@value #OPERATOR_RATES}, {@value #OPERATOR_EXCHANGE}) read now, not from the
     * cache: what a dry validation reports before the next run.
     */
    public List<FileProblem> checkOperatorFiles() throws IOException {
        List<FileProblem> problems = new ArrayList<>();
        operator(problems);
        return List.copyOf(problems);
    }

    private Operator operator(List<FileProblem> problems) throws IOException {
        List<ReferenceRates.Rate> rates = read(OPERATOR_RATES)
                .map(t -> ReferenceRates.usableRows(check(OPERATOR_RATES, t, problems), problems)).orElse(List.of());
        List<ExchangeRates.Rate> exchange = read(OPERATOR_EXCHANGE)
                .map(t -> ExchangeRates.usableRows(check(OPERATOR_EXCHANGE, t, problems), problems)).orElse(List.of());
        return new Operator(rates, exchange);
    }

    private Snapshot load() {
        Operator operator = new Operator(List.of(), List.of());
        List<ReferenceRates.Rate> fetchedRates = new ArrayList<>();
        List<ExchangeRates.Rate> fetchedExchange = new ArrayList<>();
        List<FileProblem> problems = new ArrayList<>();
        if (store != null) {
            try {
                operator = operator(problems);
                for (String key : store.list(FETCHED_PREFIX)) {
                    if (!key.endsWith(".txt")) {
                        continue;
                    }
                    try {
                        ReferenceTable table = ReferenceTable.parse(key, new BufferedReader(new StringReader(read(key).orElse(""))));
                        if (key.equals(FETCHED_EXCHANGE)) {
                            fetchedExchange.addAll(ExchangeRates.usableRows(table));
                        } else {
                            fetchedRates.addAll(ReferenceRates.usableRows(table));
                        }
                    } catch (ReferenceTable.Fault e) {
                        FileProblem p = e.problem();
                        problems.add(new FileProblem(p.file(), p.line(), p.column(), p.why()
                                + "; the whole file is skipped until the next refresh writes it again"));
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("reading the rates in " + store.describe(), e);
            }
        }
        problems.forEach(p -> LOG.error(store.describe() + "/" + p.message()));
        List<Conflict> conflicts = new ArrayList<>();
        List<ReferenceRates.Rate> rates = new ArrayList<>(operator.rates());
        for (ReferenceRates.Rate fetched : fetchedRates) {
            Optional<ReferenceRates.Rate> shipped = shippedRates.stream().filter(s -> s.scheme() == fetched.scheme()
                    && !s.validFrom().isAfter(fetched.validTo()) && !fetched.validFrom().isAfter(s.validTo())
                    && s.ratePercent().compareTo(fetched.ratePercent()) != 0).findFirst();
            if (shipped.isPresent()) {
                conflicts.add(new Conflict(fetched.scheme().name(), fetched.validFrom(), fetched.validTo(),
                        fetched.ratePercent(), shipped.get().ratePercent(), fetched.source(), shipped.get().source()));
            } else {
                rates.add(fetched);
            }
        }
        rates.addAll(shippedRates);
        List<ExchangeRates.Rate> exchange = new ArrayList<>(operator.exchange());
        for (ExchangeRates.Rate fetched : fetchedExchange) {
            Optional<ExchangeRates.Rate> shipped = shippedExchange.stream().filter(s -> s.currency().equals(fetched.currency())
                    && s.date().equals(fetched.date()) && s.perEuro().compareTo(fetched.perEuro()) != 0).findFirst();
            if (shipped.isPresent()) {
                conflicts.add(new Conflict(fetched.currency().getCurrencyCode() + " per euro", fetched.date(), fetched.date(),
                        fetched.perEuro(), shipped.get().perEuro(), fetched.source(), shipped.get().source()));
            } else {
                exchange.add(fetched);
            }
        }
        exchange.addAll(shippedExchange);
        conflicts.forEach(c -> LOG.error(c.message()));
        return new Snapshot(ReferenceRates.of(rates), ExchangeRates.of(exchange), List.copyOf(conflicts),
                List.copyOf(problems), clock.instant());
    }

    private Optional<String> read(String key) throws IOException {
        Optional<InputStream> content = store.read(key);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = content.get()) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static ReferenceTable check(String key, String text, List<FileProblem> problems) {
        try {
            ReferenceTable.Checked checked = ReferenceTable.check(key, new BufferedReader(new StringReader(text)));
            problems.addAll(checked.problems());
            return checked.table();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
