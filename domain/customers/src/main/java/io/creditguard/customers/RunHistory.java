package io.creditguard.customers;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.json.Json;
import io.creditguard.receivables.AgingBucket;
import io.creditguard.store.ObjectStore;

/**
 * The run reports as a history of the book's figures ({@code GET /runs?from=…}): per run of the reminders, the KPIs
 * it wrote per currency (open, overdue, overdue share, DSO, the aging buckets), oldest first, so a page can draw
 * the trend and the change since the previous run. Dry runs and runs that stopped before reading the book are
 * left out: they did not build the book's figures the ledger shows.
 */
@ApplicationScoped
public class RunHistory {

    /** The most runs one answer holds; with more in the window the newest are kept and the rest counted. */
    static final int MAX_RUNS = 400;
    /** The window when the request names no {@code from}: about a year, the payment record's. */
    static final int DEFAULT_DAYS = 365;
    private static final String RUNS = "runs/";
    /** The report's numbers as written (15500.00 stays so: a tree would strip the zeros of the minor units). */
    private static final com.fasterxml.jackson.databind.ObjectReader EXACT = Json.MAPPER.reader()
            .without(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

    /** The runs from {@code from} on, oldest first; {@code omitted} older ones left out beyond {@link #MAX_RUNS}. */
    public record Runs(LocalDate from, List<Run> runs, int omitted) {
    }

    /** One run's figures: the report's key, its day and start, and the KPIs per currency. */
    public record Run(String run, LocalDate asOf, Instant startedAt, List<CurrencyFigures> byCurrency) {
    }

    /**
     * The book's figures in one currency, as the run's report gives them ({@code reminders/Kpis}).
     *
     * @param overdueShare overdue ÷ open, absent when nothing is open
     * @param dsoDays open ÷ the 90 days' sales × 90, absent when nothing was invoiced in them
     */
    public record CurrencyFigures(Currency currency, long openInvoices, BigDecimal open, BigDecimal overdue,
            BigDecimal overdueShare, BigDecimal dsoDays, int customers, List<Bucket> aging) {
    }

    /** An aging bucket's invoices and open amount. */
    public record Bucket(AgingBucket bucket, long invoices, BigDecimal amount) {
    }

    private final ObjectStore store;
    private final Clock clock;

    public RunHistory(ObjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The runs of the days from {@code from} (by default {@link #DEFAULT_DAYS} days back) to today. */
    public Runs since(Optional<LocalDate> from) throws IOException {
        LocalDate first = from.orElseGet(() -> LocalDate.now(clock).minusDays(DEFAULT_DAYS));
        // Keys are runs/<asOf>/<HHmmss.SSS>Z.json: lexical order is the runs' order.
        List<String> keys = store.list(RUNS).stream().filter(k -> k.endsWith(".json")).filter(k -> day(k)
                .filter(d -> !d.isBefore(first)).isPresent()).toList();
        List<Run> runs = new ArrayList<>();
        int omitted = 0;
        for (int i = keys.size() - 1; i >= 0; i--) {
            Optional<Run> run = read(keys.get(i));
            if (run.isEmpty()) {
                continue;
            }
            if (runs.size() == MAX_RUNS) {
                omitted++;
            } else {
                runs.add(run.get());
            }
        }
        java.util.Collections.reverse(runs);
        return new Runs(first, runs, omitted);
    }

    private static Optional<LocalDate> day(String key) {
        String[] parts = key.split("/");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(parts[1]));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty(); // not a run report's key
        }
    }

    /** The run's figures, or empty for a dry run, a stopped run, or a report that is not one. */
    private Optional<Run> read(String key) throws IOException {
        Optional<byte[]> bytes = store.bytes(key);
        if (bytes.isEmpty()) {
            return Optional.empty(); // removed since it was listed
        }
        JsonNode report;
        try {
            report = EXACT.readTree(bytes.get());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return Optional.empty(); // a file of another writer: the run writes its report whole
        }
        JsonNode kpis = report.path("kpis");
        if (report.path("dryRun").asBoolean(false) || !kpis.isObject() || !kpis.path("byCurrency").isArray()) {
            return Optional.empty();
        }
        List<CurrencyFigures> figures = new ArrayList<>();
        for (JsonNode c : kpis.path("byCurrency")) {
            List<Bucket> aging = new ArrayList<>();
            for (JsonNode b : c.path("aging")) {
                aging.add(new Bucket(AgingBucket.valueOf(b.path("bucket").asText()), b.path("invoices").asLong(),
                        b.path("amount").decimalValue()));
            }
            figures.add(new CurrencyFigures(Currency.getInstance(c.path("currency").asText()), c.path("openInvoices").asLong(),
                    c.path("open").decimalValue(), c.path("overdue").decimalValue(), decimal(c.path("overdueShare")),
                    decimal(c.path("dsoDays")), c.path("customers").asInt(), aging));
        }
        Instant started = report.hasNonNull("startedAt") ? Instant.parse(report.get("startedAt").asText()) : null;
        return Optional.of(new Run(key, LocalDate.parse(kpis.path("asOf").asText(day(key).orElseThrow().toString())),
                started, figures));
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : null;
    }
}
