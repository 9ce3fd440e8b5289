package io.creditguard.reminders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import io.creditguard.reference.ReferenceTable;

/**
 * Reference rates by scheme and period ({@code reference/reference-rates.txt}), optionally
 * overlaid by rates a caller supplies for periods the file lacks or that it wants to override.
 */
public final class ReferenceRates {

    /** One rate in force from {@code validFrom} to {@code validTo}, both inclusive. */
    public record Rate(String scheme, LocalDate validFrom, LocalDate validTo, BigDecimal ratePercent, String source) {
    }

    private final List<Rate> rates;

    private ReferenceRates(List<Rate> rates) {
        this.rates = List.copyOf(rates);
    }

    public static ReferenceRates from(ReferenceTable table) {
        return new ReferenceRates(table.rows().stream().map(r -> new Rate(r.text("scheme"), r.date("validFrom"),
                r.date("validTo"), r.decimal("ratePercent"), r.text("source"))).toList());
    }

    /** These rates with {@code overrides} taking precedence wherever they apply. */
    public ReferenceRates overlaidWith(List<Rate> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        List<Rate> all = new ArrayList<>(overrides);
        all.addAll(rates);
        return new ReferenceRates(all);
    }

    /** The rate of {@code scheme} on {@code date}; the first matching row wins, so overrides come first. */
    public Optional<BigDecimal> rateOn(String scheme, LocalDate date) {
        return find(scheme, date).map(Rate::ratePercent);
    }

    private Optional<Rate> find(String scheme, LocalDate date) {
        return rates.stream().filter(r -> r.scheme().equals(scheme) && !date.isBefore(r.validFrom())
                && !date.isAfter(r.validTo())).findFirst();
    }

    /**
     * The days in ({@code from}, {@code to}] on which the rate of {@code scheme} may change: every
     * row boundary, and every half-year start, so an unknown stretch is reported per half-year.
     */
    public SortedSet<LocalDate> changesBetween(String scheme, LocalDate from, LocalDate to) {
        TreeSet<LocalDate> changes = new TreeSet<>();
        for (Rate r : rates) {
            if (r.scheme().equals(scheme)) {
                changes.add(r.validFrom());
                changes.add(r.validTo().plusDays(1));
            }
        }
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            changes.add(LocalDate.of(year, Month.JANUARY, 1));
            changes.add(LocalDate.of(year, Month.JULY, 1));
        }
        SortedSet<LocalDate> inside = changes.subSet(from.plusDays(1), to.plusDays(1));
        TreeSet<LocalDate> kept = new TreeSet<>(Comparator.naturalOrder());
        for (LocalDate day : inside) {
            Optional<Rate> before = find(scheme, day.minusDays(1));
            Optional<Rate> after = find(scheme, day);
            if (before.isEmpty() || after.isEmpty() || !before.get().equals(after.get())) {
                kept.add(day);
            }
        }
        return kept;
    }
}
