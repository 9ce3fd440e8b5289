package io.creditguard.calendar;

import java.time.LocalDate;
import java.time.Month;

/**
 * A calendar half-year, 1 January to 30 June or 1 July to 31 December: the period most statutory
 * reference rates are fixed for (räntelagen 9 §, BW 6:120, BGB § 247, korkolaki 12 §, renteloven § 5).
 */
public record HalfYear(int year, boolean second) implements Comparable<HalfYear> {

    public static HalfYear of(LocalDate day) {
        return new HalfYear(day.getYear(), day.getMonthValue() > 6);
    }

    public LocalDate start() {
        return LocalDate.of(year, second ? Month.JULY : Month.JANUARY, 1);
    }

    /** The last day, inclusive. */
    public LocalDate end() {
        return second ? LocalDate.of(year, Month.DECEMBER, 31) : LocalDate.of(year, Month.JUNE, 30);
    }

    public HalfYear next() {
        return second ? new HalfYear(year + 1, false) : new HalfYear(year, true);
    }

    public HalfYear previous() {
        return second ? new HalfYear(year, false) : new HalfYear(year - 1, true);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start()) && !day.isAfter(end());
    }

    @Override
    public int compareTo(HalfYear other) {
        return start().compareTo(other.start());
    }

    /** {@code 2026H2}. */
    @Override
    public String toString() {
        return year + (second ? "H2" : "H1");
    }
}
