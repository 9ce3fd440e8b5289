package io.creditguard.rates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.creditguard.reference.Evidence;
import io.creditguard.store.FileObjectStore;

/** When exchange rates are missing back to the oldest open invoice, and from which day they are asked for. */
class ExchangeBackfillTest {

    @TempDir
    Path root;

    /**
     * A day is covered by a rate dated on it or in the week before (ExchangeRates: no rates on weekends and
     * TARGET holidays), so from 1 July to 31 July the rates may skip a week and no more.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "weekdays from the day itself                  | true  | 2026-07-01 2026-07-08 2026-07-15 2026-07-22 2026-07-29",
            "from the week before                          | true  | 2026-06-24 2026-07-01 2026-07-09 2026-07-17 2026-07-24",
            "only from the day after                       | false | 2026-07-02 2026-07-09 2026-07-16 2026-07-23 2026-07-30",
            "a gap of nine days                            | false | 2026-07-01 2026-07-10 2026-07-17 2026-07-24 2026-07-31",
            "ending more than a week before the last day   | false | 2026-07-01 2026-07-08 2026-07-15 2026-07-22",
            "none                                          | false | ''"})
    void aMonthIsCoveredWhenNoDayIsMoreThanAWeekFromItsRate(String name, boolean covered, String dates) {
        SortedSet<LocalDate> days = new TreeSet<>();
        Arrays.stream(dates.split(" ")).filter(d -> !d.isBlank()).map(LocalDate::parse).forEach(days::add);
        assertThat(ExchangeBackfill.covered(days, LocalDate.parse("2026-07-01"), LocalDate.parse("2026-07-31")))
                .isEqualTo(covered);
    }

    @Test
    void ratesAreNeededFromAWeekBeforeTheOldestOpenDueDateAtMost400DaysBack() throws IOException {
        FileObjectStore store = new FileObjectStore(root);
        store.write("receivables/a.jsonl", String.join("\n",
                "{\"invoiceId\":\"paid\",\"dueDate\":\"2025-01-10\",\"openAmount\":0}",
                "not json",
                "{\"invoiceId\":\"open\",\"dueDate\":\"2026-03-02\",\"openAmount\":120.50,\"customer\":{\"id\":\"c\"}}")
                .getBytes(StandardCharsets.UTF_8), "application/x-ndjson");
        store.write("receivables/b.jsonl", "{\"invoiceId\":\"later\",\"dueDate\":\"2026-05-02\",\"openAmount\":10}\n"
                .getBytes(StandardCharsets.UTF_8), "application/x-ndjson");
        assertThat(ExchangeBackfill.neededFrom(store, LocalDate.parse("2026-11-30"))).hasValue(LocalDate.parse("2026-02-23"));
        // 400 days before 1 April 2027 is 25 February 2026, after 23 February.
        assertThat(ExchangeBackfill.neededFrom(store, LocalDate.parse("2027-04-01"))).hasValue(LocalDate.parse("2026-02-25"));
        assertThat(ExchangeBackfill.neededFrom(new FileObjectStore(root.resolve("empty")), LocalDate.parse("2026-11-30")))
                .isEmpty();
    }

    /**
     * A book whose every open invoice falls due after the refresh needs no rate older than the daily refresh's ten
     * days: from a week before the refresh, which the SEK rates of 20 to 30 November 2026 (weekdays) cover.
     */
    @Test
    void aBookNotYetDueNeedsTheLastWeeksRatesOnly() throws IOException {
        FileObjectStore store = new FileObjectStore(root);
        store.write("receivables/a.jsonl", "{\"invoiceId\":\"new\",\"dueDate\":\"2027-03-01\",\"openAmount\":500}\n"
                .getBytes(StandardCharsets.UTF_8), "application/x-ndjson");
        LocalDate asOf = LocalDate.parse("2026-11-30");
        LocalDate from = ExchangeBackfill.neededFrom(store, asOf).orElseThrow();
        List<RateRow.Exchange> lastTenDays = Arrays.stream("20 23 24 25 26 27 30".split(" "))
                .map(day -> new RateRow.Exchange(Currency.getInstance("SEK"), LocalDate.parse("2026-11-" + day),
                        new BigDecimal("10.9612"), Evidence.PRIMARY, Instant.parse("2026-11-30T05:00:00Z"), "0", "ECB"))
                .toList();
        assertThat(ExchangeBackfill.missing(List.of(Currency.getInstance("SEK")), lastTenDays, from, asOf)).isEmpty();
        assertThat(from).isEqualTo(LocalDate.parse("2026-11-23"));
    }

    /**
     * The backfill asks from a week before the oldest due date and the ECB answers weekdays only: once its answer is
     * stored, nothing is missing, whatever day of the week that first day is, so the next refresh asks nothing again.
     */
    @ParameterizedTest(name = "due {0}: asked from {1}")
    @CsvSource(delimiter = '|', value = {
            "2026-07-01 | 2026-06-24",   // a Wednesday, asked from a Wednesday
            "2026-07-04 | 2026-06-27",   // a Saturday, asked from a Saturday: the first rate is Monday 29 June's
            "2026-07-05 | 2026-06-28",   // a Sunday, asked from a Sunday
            "2026-07-06 | 2026-06-29"})  // a Monday, asked from a Monday
    void ratesStoredFromTheDayAskedLeaveNothingMissing(String due, String askedFrom) throws IOException {
        FileObjectStore store = new FileObjectStore(root);
        store.write("receivables/a.jsonl", ("{\"invoiceId\":\"i\",\"dueDate\":\"" + due + "\",\"openAmount\":500}\n")
                .getBytes(StandardCharsets.UTF_8), "application/x-ndjson");
        LocalDate asOf = LocalDate.parse("2026-11-30");
        LocalDate from = ExchangeBackfill.neededFrom(store, asOf).orElseThrow();
        assertThat(from).isEqualTo(LocalDate.parse(askedFrom));
        List<RateRow.Exchange> answered = from.datesUntil(asOf.plusDays(1))
                .filter(d -> d.getDayOfWeek().getValue() <= 5)
                .map(d -> new RateRow.Exchange(Currency.getInstance("SEK"), d, new BigDecimal("10.9612"), Evidence.PRIMARY,
                        Instant.parse("2026-11-30T05:00:00Z"), "0", "ECB"))
                .toList();
        assertThat(ExchangeBackfill.missing(List.of(Currency.getInstance("SEK")), answered, from, asOf)).isEmpty();
    }
}
