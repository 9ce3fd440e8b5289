package io.creditguard.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.creditguard.calendar.HalfYear;
import io.creditguard.credit.CreditCheckRequest;

/**
 * Every dated table of src/main/resources/reference/ walked day by day over the days a request may name:
 * each series of rows (a risk class, a law's rate for a kind of debtor) has a row in force on every one
 * of them, so no request inside the accepted range meets a day the data does not cover (a check as of
 * 2025-06-01 once answered 500 "no risk class covers score 50"). The range is the reader's, counted from
 * today as the validator counts it. A table whose series are partial by design is named with the reason
 * its reader copes, and holds no other gap.
 */
class DatedTablesTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    /** One reader of a table: the columns naming a series, and the first and last day a request may name. */
    record Reader(String file, List<String> series, LocalDate from, LocalDate to, String who) {
        @Override
        public String toString() {
            return file + " (" + who + ")";
        }
    }

    private static final LocalDate CHECK_FROM = TODAY.minusYears(CreditCheckRequest.AS_OF_YEARS_BACK);
    private static final LocalDate CHECK_TO = TODAY.plusYears(CreditCheckRequest.AS_OF_YEARS_AHEAD);
    /** The preview's asOf: @WithinYearsOfToday(before = 10, after = 2) on reminders.PreviewRequest. */
    private static final LocalDate PREVIEW_FROM = TODAY.minusYears(10);
    private static final LocalDate PREVIEW_TO = TODAY.plusYears(2);
    /**
     * The first day of the year ten years back: a debt in default since then may still be owed (a Swedish claim is
     * time-barred after ten years, preskriptionslagen 2 §), and its interest and the fees owed on default are those
     * of the days since, so the preview reads the laws' tables from here on.
     */
    private static final LocalDate DEFAULT_FROM = PREVIEW_FROM.withDayOfYear(1);

    private static final String PREVIEW_DAYS = "reminders preview, asOf and the day a debt still owed went into default";

    static List<Reader> readers() {
        return List.of(
                new Reader("credit-risk-classes.txt", List.of("class"), CHECK_FROM, CHECK_TO, "credit check, asOf"),
                new Reader("sector-benchmarks.txt", List.of("section", "ratio"), CHECK_FROM, CHECK_TO, "credit check, asOf"),
                new Reader("credit-overrides.txt", List.of("rule", "threshold"), CHECK_FROM, CHECK_TO, "credit check, asOf"),
                new Reader("altman-models.txt", List.of("model"), CHECK_FROM, CHECK_TO, "credit check, asOf"),
                // A check as of ten years back weighs reports of years that began up to two years before it.
                new Reader("corporate-tax-rates.txt", List.of("country"), CHECK_FROM.minusYears(2), CHECK_TO,
                        "filed accounts, the year's first day"),
                new Reader("factoring-thresholds.txt", List.of("rule"), TODAY, TODAY, "breakeven, today"),
                new Reader("protection-options.txt", List.of("kind"), TODAY, TODAY, "breakeven, today"),
                new Reader("late-interest.txt", List.of("law", "debtor"), DEFAULT_FROM, PREVIEW_TO, PREVIEW_DAYS),
                new Reader("debtor-default.txt", List.of("law", "debtor"), DEFAULT_FROM, PREVIEW_TO, PREVIEW_DAYS),
                new Reader("wik-staffel.txt", List.of("kind", "over"), DEFAULT_FROM, PREVIEW_TO, PREVIEW_DAYS),
                new Reader("late-payment-fees.txt", List.of("law", "debtor", "code"), DEFAULT_FROM, PREVIEW_TO,
                        PREVIEW_DAYS));
    }

    /**
     * Series partial by design, and why their readers cope: named here so that any other gap fails.
     */
    private static final Map<String, String> PARTIAL = Map.of(
            "public-holidays.txt", "a holiday in force from a day: a rule that changed, not a series to cover",
            "reference-rates.txt", "published half-year by half-year: a half-year after the last shipped one, not yet "
                    + "published, is reported by rates.RateGaps and its interest left out, never a fault; the ones before "
                    + "are checked by everySchemeHasAUsableRateFromTenYearsBackToTheLastShippedHalfYear",
            "late-payment-fees.txt NO BUSINESS FIXED_COMPENSATION", "Norway's fixed compensation is set per half-year: a "
                    + "half-year after the last shipped one, not yet set, charges none; the ones before are checked by "
                    + "everyFeeHasAUsableRowFromTenYearsBackToItsLastShippedDay");

    /**
     * Half-years before the end of the last shipped one that no source we could read gives a rate for, and why:
     * their rows are UNVERIFIED (or absent), so their days are charged no interest and reported as a gap.
     */
    private static final Map<String, String> UNSOURCED = Map.of(
            "SE_REFERENSRANTA 2026H2", "the Riksbank's decision for 2026-07-01 was not found; the reference-rates "
                    + "function reads it from the Riksbank",
            "NL_WETTELIJKE_RENTE 2026H2", "no Besluit vaststelling wettelijke rente for 2026-07-01 was found; data-only, "
                    + "an operator adds it in config/reference-rates.txt",
            "DK_UDLAANSRENTE 2026H2", "Nationalbanken's lending rate on 2026-07-01 was not found; the reference-rates "
                    + "function reads it from Statistics Denmark");

    /**
     * Half-years of a fee from ten years back to the end of its last shipped row without a usable row, and why: none
     * we could read gives the sum, so the row is UNVERIFIED and a debt in default then is charged no such fee.
     */
    private static final Map<String, String> UNSOURCED_FEES = Map.of(
            "NO BUSINESS FIXED_COMPENSATION 2016H1", "FOR-2015-12-17-1694 set it, but no copy of it or notice we could "
                    + "read gives the sum",
            "NO BUSINESS FIXED_COMPENSATION 2017H2", "no copy of the forskrift in force 2017-07-01, nor a notice giving "
                    + "its sum, was found",
            "NO BUSINESS FIXED_COMPENSATION 2019H1", "regjeringen.no's notice id2622591 names it in its title, but no "
                    + "copy we could read has the sum",
            "NO BUSINESS FIXED_COMPENSATION 2021H1", "no copy of the forskrift in force 2021-01-01, nor a notice giving "
                    + "its sum, was found",
            "NO BUSINESS FIXED_COMPENSATION 2023H2", "no copy of the forskrift in force 2023-07-01, nor a notice giving "
                    + "its sum, was found");

    /**
     * The preview's asOf may lie ten years back, and a debt in default since before it still charges interest for
     * every day since, as long as the claim is not time-barred (ten years, preskriptionslagen 2 §): from the first
     * day of that year to the end of the last half-year the table ships, every scheme has a usable rate each day.
     */
    @Test
    void everySchemeHasAUsableRateFromTenYearsBackToTheLastShippedHalfYear() {
        ReferenceTable table = ReferenceTable.load("reference-rates.txt");
        List<ReferenceRates.Rate> usable = ReferenceRates.usableRows(table);
        LocalDate to = table.rows().stream().map(r -> r.date("validTo")).max(LocalDate::compareTo).orElseThrow();
        Set<String> gaps = new TreeSet<>();
        for (ReferenceRates.Scheme scheme : ReferenceRates.Scheme.values()) {
            gaps.addAll(halfYearsWithout(scheme.name(), DEFAULT_FROM, to, d -> usable.stream().anyMatch(
                    r -> r.scheme() == scheme && !d.isBefore(r.validFrom()) && !d.isAfter(r.validTo()))));
        }
        assertThat(gaps).as("half-years from " + DEFAULT_FROM + " to " + to + " without a usable rate").isEqualTo(
                new TreeSet<>(UNSOURCED.keySet()));
    }

    /**
     * A debt in default since the first day of the year ten years back is owed the fees due on default then (the
     * 450 kr, the €40, Norway's kompensasjon of that half-year): every fee has a usable row each day from then to the
     * end of its last shipped row, or to the last day the preview may name when its rule is open-ended. Every fee of
     * the table was in force by 2016 (the latest, BGB § 288 Abs. 5, from 2014-07-29); one a law brought in later
     * would start with its law, its half-years before then named in {@link #UNSOURCED_FEES} with that reason.
     */
    @Test
    void everyFeeHasAUsableRowFromTenYearsBackToItsLastShippedDay() {
        Map<String, List<ReferenceTable.Row>> bySeries = ReferenceTable.load("late-payment-fees.txt").rows().stream()
                .collect(Collectors.groupingBy(r -> r.text("law") + " " + r.text("debtor") + " " + r.text("code")));
        Set<String> gaps = new TreeSet<>();
        bySeries.forEach((series, rows) -> {
            LocalDate to = rows.stream().map(r -> r.optionalDate("validTo").orElse(PREVIEW_TO))
                    .max(LocalDate::compareTo).orElseThrow();
            gaps.addAll(halfYearsWithout(series, DEFAULT_FROM, to,
                    d -> rows.stream().anyMatch(r -> r.usable() && Validity.of(r).contains(d))));
        });
        assertThat(gaps).as("half-years from " + DEFAULT_FROM + " without a usable fee").isEqualTo(
                new TreeSet<>(UNSOURCED_FEES.keySet()));
    }

    /** The half-years from {@code from} to {@code to} with a day {@code covered} is false of, each after {@code series}. */
    private static Set<String> halfYearsWithout(String series, LocalDate from, LocalDate to, Predicate<LocalDate> covered) {
        Set<String> gaps = new TreeSet<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (!covered.test(day)) {
                gaps.add(series + " " + HalfYear.of(day));
            }
        }
        return gaps;
    }

    @Test
    void everyDatedTableHasAReader() throws IOException {
        Set<String> dated = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("../kernels/core/src/main/resources/reference"))) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (!ReferenceTable.load(name).rows().isEmpty() && hasColumn(name, "validFrom")) {
                    dated.add(name);
                }
            }
        }
        Set<String> known = new TreeSet<>();
        readers().forEach(r -> known.add(r.file()));
        PARTIAL.keySet().forEach(k -> known.add(k.split(" ")[0]));
        assertThat(known).as("declare each dated table's reader and range here").isEqualTo(dated);
    }

    private static boolean hasColumn(String file, String column) {
        try {
            ReferenceTable.load(file).rows().get(0).optionalText(column);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void everySeriesCoversEveryDayARequestMayName(Reader reader) {
        ReferenceTable table = ReferenceTable.load(reader.file());
        Map<String, List<ReferenceTable.Row>> bySeries = table.rows().stream().collect(Collectors.groupingBy(
                r -> reader.series().stream().map(c -> r.optionalText(c).orElse("-")).collect(Collectors.joining(" "))));
        List<String> gaps = new ArrayList<>();
        bySeries.forEach((series, rows) -> {
            if (PARTIAL.containsKey(reader.file() + " " + series)) {
                return;
            }
            for (LocalDate day = reader.from(); !day.isAfter(reader.to()); day = day.plusDays(1)) {
                LocalDate d = day;
                boolean covered = rows.stream().anyMatch(r -> Validity.of(r).contains(d));
                if (!covered) {
                    gaps.add(series + " on " + d);
                    break;
                }
            }
        });
        assertThat(gaps).as(reader + " from " + reader.from() + " to " + reader.to()).isEmpty();
    }
}
