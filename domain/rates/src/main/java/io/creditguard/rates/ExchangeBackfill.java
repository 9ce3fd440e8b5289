package io.creditguard.rates;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.creditguard.json.Json;
import io.creditguard.money.ExchangeRates;
import io.creditguard.store.ObjectStore;

/**
 * Euro exchange rates back to the day the oldest open invoice of the book fell due, so a fixed sum the
 * law sets in another currency converts from the first day a deployment runs, not only for invoices due
 * after it. The daily refresh reads the last ten days; this reads further back, once, for each currency
 * whose stored rates leave a day without a rate on it or in the week before (a conversion looks back a
 * week, {@link ExchangeRates#MAX_DAYS_BACK}), in one request per currency, at most
 * {@value #MOST_DAYS_BACK} days back. Once filled, the daily refresh keeps the rates current and nothing is
 * asked again.
 */
final class ExchangeBackfill {

    /** The furthest back rates are filled and kept: older conversions are for invoices long in collection. */
    static final int MOST_DAYS_BACK = 400;
    /** Where the book lies: one invoice per line (see reminders/ReminderRun). */
    private static final String BOOK_PREFIX = "receivables/";

    /** What a book line says of when it fell due and whether it is open; the rest of the line is not read. */
    private record Due(LocalDate dueDate, BigDecimal openAmount) {
    }

    private ExchangeBackfill() {
    }

    /**
     * The first day rates are needed from: a week before the oldest open invoice's due date, no earlier than
     * {@value #MOST_DAYS_BACK} days before {@code asOf} and no later than a week before it (an invoice not yet
     * due needs no rate the daily refresh does not read); empty when nothing in the book is open. Lines that
     * are not invoices are skipped (the reminder run reports them).
     */
    static Optional<LocalDate> neededFrom(ObjectStore store, LocalDate asOf) throws IOException {
        LocalDate oldest = null;
        for (String file : store.list(BOOK_PREFIX)) {
            if (!file.endsWith(".jsonl")) {
                continue;
            }
            Optional<InputStream> content = store.read(file);
            if (content.isEmpty()) {
                continue;
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(content.get(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    Due due = due(line);
                    if (due != null && due.dueDate() != null && due.openAmount() != null && due.openAmount().signum() > 0
                            && (oldest == null || due.dueDate().isBefore(oldest))) {
                        oldest = due.dueDate();
                    }
                }
            }
        }
        if (oldest == null) {
            return Optional.empty();
        }
        LocalDate from = oldest.minusDays(ExchangeRates.MAX_DAYS_BACK);
        LocalDate latest = asOf.minusDays(ExchangeRates.MAX_DAYS_BACK);
        LocalDate limit = asOf.minusDays(MOST_DAYS_BACK);
        return Optional.of(from.isBefore(limit) ? limit : from.isAfter(latest) ? latest : from);
    }

    private static Due due(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(line, Due.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * The currencies of {@code wanted} whose {@code stored} rates leave a day a conversion may fall on, from a
     * week after {@code from} ({@link #neededFrom}: the week before it is the first one's look-back) to
     * {@code asOf}, without a rate on it or in the week before. Checked from {@code from} itself, rates read
     * from a Saturday, a Sunday or a TARGET holiday would begin after it and be asked for again every day.
     */
    static List<Currency> missing(List<Currency> wanted, List<RateRow.Exchange> stored, LocalDate from, LocalDate asOf) {
        List<Currency> missing = new ArrayList<>();
        LocalDate firstConverted = from.plusDays(ExchangeRates.MAX_DAYS_BACK);
        for (Currency currency : wanted) {
            SortedSet<LocalDate> days = new TreeSet<>();
            stored.stream().filter(r -> r.currency().equals(currency)).forEach(r -> days.add(r.date()));
            if (!covered(days, firstConverted, asOf)) {
                missing.add(currency);
            }
        }
        return missing;
    }

    /** Whether every day of {@code from}…{@code to} has a rate dated on it or in the week before. */
    static boolean covered(SortedSet<LocalDate> days, LocalDate from, LocalDate to) {
        LocalDate reached = null;
        for (LocalDate day : days.subSet(from.minusDays(ExchangeRates.MAX_DAYS_BACK), to.plusDays(1))) {
            if (reached == null ? day.isAfter(from) : day.isAfter(reached.plusDays(ExchangeRates.MAX_DAYS_BACK + 1))) {
                return false;
            }
            reached = day;
        }
        return reached != null && !reached.plusDays(ExchangeRates.MAX_DAYS_BACK).isBefore(to);
    }
}
