package io.creditguard.rates;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.creditguard.outbound.HttpFetcher;
import io.creditguard.reference.FileProblem;
import io.creditguard.store.ObjectStore;

/**
 * The daily refresh: each publisher's feed read, its rows written to {@code rates/} in the store with
 * their provenance, then the merged table checked for rates that are missing or contradict a shipped
 * one. A feed that fails, for whatever reason, changes none of its rows: the previous ones stay in
 * force, and the report and the log say which source failed and why. After the feeds, exchange rates
 * missing back to the oldest open invoice's due date are filled in ({@link ExchangeBackfill}, the source
 * {@code ecb-exchange-backfill}).
 */
@ApplicationScoped
public class RateRefresh {

    private static final Logger LOG = Logger.getLogger(RateRefresh.class);
    static final String BACKFILL = "ecb-exchange-backfill";

    public enum Status {
        OK, FAILED
    }

    /**
     * @param rowsAdded rows new to the store or changed by this fetch
     * @param rowsUnchanged rows the store already had with the same figure
     */
    public record SourceResult(Status status, int rowsAdded, int rowsUnchanged, List<String> notes, String error) {
    }

    /**
     * @param missing half-years begun without a rate (each also an alarm metric), and coming ones
     * @param problems rows of the operator's rate files left out (an alarm metric), and fetched files skipped
     */
    public record Report(LocalDate asOf, Instant startedAt, String store, Map<String, SourceResult> sources,
            List<RateBook.Conflict> conflicts, List<RateGaps.Gap> missing, List<FileProblem> problems) {
    }

    private final ObjectStore store;
    private final RateBook book;
    private final Clock clock;
    private final HttpFetcher http;
    private final List<RateFeed> feeds;
    private final EcbExchangeFeed exchange;

    @Inject
    public RateRefresh(ObjectStore store, RateBook book, Clock clock, RatesConfig config) {
        this(store, book, clock, new HttpFetcher(new HttpFetcher.Limits(config.connectTimeout(), config.readTimeout(),
                config.attempts(), config.backoff(), config.maxBytes())), config, exchangeFeed(config));
    }

    private RateRefresh(ObjectStore store, RateBook book, Clock clock, HttpFetcher http, RatesConfig config,
            EcbExchangeFeed exchange) {
        this.store = store;
        this.book = book;
        this.clock = clock;
        this.http = http;
        this.exchange = exchange;
        this.feeds = List.of(new RiksbankFeed(config.riksbank().url()), new EcbFeed(config.ecb().url()), exchange,
                new BundesbankFeed(config.bundesbank().url()), new StatbankFeed(config.statbank().url()));
    }

    private static EcbExchangeFeed exchangeFeed(RatesConfig config) {
        List<Currency> currencies = new ArrayList<>();
        for (String code : config.currencies()) {
            try {
                currencies.add(Currency.getInstance(code.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("creditguard.rates.currencies names '" + code + "', not an ISO 4217 code");
            }
        }
        return new EcbExchangeFeed(config.ecb().url(), currencies);
    }

    /** @param requestedAsOf the day to refresh for; empty means today in Stockholm */
    public Report refresh(Optional<LocalDate> requestedAsOf) {
        Instant started = clock.instant();
        LocalDate asOf = requestedAsOf.orElseGet(() -> LocalDate.ofInstant(started, ZoneId.of("Europe/Stockholm")));
        Map<String, SourceResult> results = new LinkedHashMap<>();
        List<Read> reads = readAll(asOf, started);
        for (int i = 0; i < feeds.size(); i++) {
            results.put(feeds.get(i).name(), merge(feeds.get(i), reads.get(i), asOf));
        }
        results.put(BACKFILL, backfill(asOf, started));
        book.invalidate();
        RateBook.Snapshot merged = book.current();
        List<RateGaps.Gap> gaps = RateGaps.of(merged.reference(), asOf);
        for (RateGaps.Gap gap : gaps) {
            if (gap.stage() == RateGaps.Stage.BEGUN) {
                LOG.error(gap.message());
            } else {
                LOG.warn(gap.message());
            }
        }
        RateAlarms.emit(gaps, merged.conflicts(), merged.operatorProblems(), "reference-rates", started);
        results.forEach((name, r) -> {
            if (r.status() == Status.OK) {
                LOG.infof("reference rates from %s: %d rows added, %d unchanged", name, r.rowsAdded(), r.rowsUnchanged());
            }
        });
        return new Report(asOf, started, store.describe(), results, merged.conflicts(), gaps, merged.problems());
    }

    /** What one read came to (a feed, or a currency of the backfill): its rows and notes, or why it failed. */
    private sealed interface Read {
        record Fetched(RateFeed.Fetched fetched) implements Read {
        }

        record Failed(String error) implements Read {
        }
    }

    /**
     * {@code tasks} run at once, a thread each, their results in the tasks' order. One after the other, a
     * publisher that does not answer would hold up the rest: with the default limits (a 20 s read timeout,
     * 3 attempts, backoff from 2 s) one silent publisher costs a minute, and five feeds, or the backfill's
     * seven currencies, would outlast the function's 300 s timeout before a row is written. The writing
     * that follows stays one file at a time.
     */
    private static <T> List<T> atOnce(List<Supplier<T>> tasks) {
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, tasks.size()), task -> {
            Thread thread = new Thread(task, "reference-rates-fetch");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<T>> pending = tasks.stream().map(t -> CompletableFuture.supplyAsync(t, threads)).toList();
            return pending.stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdown();
        }
    }

    /** Every feed read at once ({@link #atOnce}), the answers in the feeds' order. */
    private List<Read> readAll(LocalDate asOf, Instant now) {
        return atOnce(feeds.stream().map(feed -> (Supplier<Read>) () -> read(feed, asOf, now)).toList());
    }

    private Read read(RateFeed feed, LocalDate asOf, Instant now) {
        try {
            return new Read.Fetched(feed.fetch(http, asOf, now));
        } catch (HttpFetcher.FetchException | FeedException | RuntimeException e) {
            LOG.errorf("reference rates from %s failed; the rows fetched before stay in force: %s", feed.name(),
                    e.getMessage());
            return new Read.Failed(e.getMessage());
        }
    }

    private SourceResult merge(RateFeed feed, Read read, LocalDate asOf) {
        if (read instanceof Read.Failed failed) {
            return new SourceResult(Status.FAILED, 0, 0, List.of(), failed.error());
        }
        RateFeed.Fetched fetched = ((Read.Fetched) read).fetched();
        Map<String, List<RateRow>> byFile = new TreeMap<>();
        for (RateRow row : fetched.rows()) {
            byFile.computeIfAbsent(fileOf(row), k -> new ArrayList<>()).add(row);
        }
        int added = 0;
        int unchanged = 0;
        try {
            for (Map.Entry<String, List<RateRow>> file : byFile.entrySet()) {
                int[] counts = merge(file.getKey(), file.getValue(), asOf);
                added += counts[0];
                unchanged += counts[1];
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf("writing the rates from %s to %s failed: %s", feed.name(), store.describe(), e.getMessage());
            return new SourceResult(Status.FAILED, added, unchanged, fetched.notes(), "writing the store: " + e.getMessage());
        }
        fetched.notes().forEach(n -> LOG.warn(feed.name() + ": " + n));
        return new SourceResult(Status.OK, added, unchanged, fetched.notes(), null);
    }

    /**
     * The exchange rates of each currency that lacks some back to the oldest open invoice's due date, one
     * request per currency, all at once ({@link #atOnce}); a currency whose request fails is named and tried
     * again by the next refresh.
     */
    private SourceResult backfill(LocalDate asOf, Instant now) {
        List<String> notes = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int[] counts = {0, 0};
        try {
            Optional<LocalDate> from = ExchangeBackfill.neededFrom(store, asOf);
            if (from.isEmpty()) {
                return new SourceResult(Status.OK, 0, 0, List.of("no open invoice in the book: nothing to fill back"), null);
            }
            List<Currency> missing = ExchangeBackfill.missing(exchange.currencies(), storedExchange(), from.get(), asOf);
            List<RateRow> rows = new ArrayList<>();
            LocalDate since = from.get();
            List<Read> reads = atOnce(missing.stream().map(currency -> (Supplier<Read>) () -> {
                try {
                    return new Read.Fetched(exchange.fetch(http, List.of(currency), since, asOf, now));
                } catch (HttpFetcher.FetchException | FeedException | RuntimeException e) {
                    return new Read.Failed(e.getMessage());
                }
            }).toList());
            for (int i = 0; i < missing.size(); i++) {
                String code = missing.get(i).getCurrencyCode();
                if (reads.get(i) instanceof Read.Fetched fetched) {
                    rows.addAll(fetched.fetched().rows());
                    notes.add(code + " from " + since + ": " + fetched.fetched().rows().size() + " days");
                } else {
                    errors.add(code + ": " + ((Read.Failed) reads.get(i)).error());
                }
            }
            if (missing.isEmpty()) {
                notes.add("every currency has its rates back to " + from.get());
            }
            if (!rows.isEmpty()) {
                counts = merge(RateBook.FETCHED_EXCHANGE, rows, asOf);
            }
        } catch (IOException | RuntimeException e) {
            errors.add("the book or the store could not be read or written: " + e.getMessage());
        }
        if (errors.isEmpty()) {
            return new SourceResult(Status.OK, counts[0], counts[1], List.copyOf(notes), null);
        }
        LOG.errorf("filling exchange rates back failed for some currencies; the next refresh tries again: %s", errors);
        return new SourceResult(Status.FAILED, counts[0], counts[1], List.copyOf(notes), String.join("; ", errors));
    }

    private List<RateRow.Exchange> storedExchange() throws IOException {
        Optional<byte[]> existing = store.bytes(RateBook.FETCHED_EXCHANGE);
        if (existing.isEmpty()) {
            return List.of();
        }
        String text = new String(existing.get(), StandardCharsets.UTF_8);
        try {
            return RateRow.parse(RateBook.FETCHED_EXCHANGE, text, true).stream().map(RateRow.Exchange.class::cast).toList();
        } catch (RuntimeException e) {
            return List.of(); // written anew by the merge
        }
    }

    private static String fileOf(RateRow row) {
        return row instanceof RateRow.Reference r ? RateBook.FETCHED_PREFIX + r.scheme() + ".txt" : RateBook.FETCHED_EXCHANGE;
    }

    /**
     * The file with {@code rows} merged in: a row whose key the file has with the same figure is kept as
     * it was (its first fetch), a new key or a changed figure replaces it; written only when something
     * changed.
     *
     * @return rows added or changed, rows unchanged
     */
    private int[] merge(String key, List<RateRow> rows, LocalDate asOf) throws IOException {
        boolean exchange = key.equals(RateBook.FETCHED_EXCHANGE);
        Map<String, RateRow> file = new TreeMap<>();
        Optional<InputStream> existing = store.read(key);
        if (existing.isPresent()) {
            String text;
            try (InputStream in = existing.get()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            try {
                RateRow.parse(key, text, exchange).forEach(r -> file.put(r.key(), r));
            } catch (RuntimeException e) {
                LOG.errorf("%s/%s could not be read and is written anew: %s", store.describe(), key, e.getMessage());
            }
        }
        int added = 0;
        int unchanged = 0;
        for (RateRow row : rows) {
            RateRow before = file.get(row.key());
            if (before != null && before.value().compareTo(row.value()) == 0) {
                unchanged++;
            } else {
                file.put(row.key(), row);
                added++;
            }
        }
        if (exchange) {
            LocalDate oldest = asOf.minusDays(ExchangeBackfill.MOST_DAYS_BACK);
            file.values().removeIf(r -> ((RateRow.Exchange) r).date().isBefore(oldest));
        }
        if (added > 0) {
            String comment = "Fetched by the reference-rates function; edit config/" + (exchange ? "exchange" : "reference")
                    + "-rates.txt instead, which takes precedence.";
            store.write(key, RateRow.file(comment, exchange, new ArrayList<>(file.values())).getBytes(StandardCharsets.UTF_8),
                    "text/plain; charset=utf-8");
        }
        return new int[] {added, unchanged};
    }
}
