package io.creditguard.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;


/**
 * Reference rates by scheme and period: the shipped {@code reference/reference-rates.txt}, the rows the
 * reference-rates function fetched and an operator's, merged in that order of precedence (see
 * {@code rates/RateBook}), and a policy's on top. Rows whose evidence is {@code UNVERIFIED} are not
 * loaded: a period without a usable row has no rate.
 */
public final class ReferenceRates {

    /** The rate schemes statutory interest is built on; each row of reference-rates.txt names one. */
    public enum Scheme {
        SE_REFERENSRANTA, ECB_MRO, NL_WETTELIJKE_RENTE, DE_BASISZINSSATZ, NO_FORSINKELSESRENTE, FI_VIITEKORKO,
        DK_UDLAANSRENTE
    }

    /** One rate in force from {@code validFrom} to {@code validTo}, both inclusive. */
    public record Rate(Scheme scheme, LocalDate validFrom, LocalDate validTo, BigDecimal ratePercent, String source) {
    }

    /**
     * The range a reference rate may plausibly have, in percent, and the most decimals it is written with: a row
     * outside them, a publisher's or an operator's ({@code 350} typed for {@code 3.50}), is refused rather than
     * charged on every overdue invoice.
     */
    public static final BigDecimal LOWEST_PERCENT = new BigDecimal("-5");
    public static final BigDecimal HIGHEST_PERCENT = new BigDecimal("50");
    public static final int MOST_DECIMALS = 4;

    private final List<Rate> rates;

    private ReferenceRates(List<Rate> rates) {
        this.rates = List.copyOf(rates);
    }

    /** The usable rows of {@code table}, a file in the format of reference-rates.txt. */
    public static ReferenceRates from(ReferenceTable table) {
        return of(usableRows(table));
    }

    /** Rates that take precedence in the order given: the first row covering a day decides it. */
    public static ReferenceRates of(List<Rate> rates) {
        return new ReferenceRates(rates);
    }

    private static final List<String> COLUMNS = List.of("scheme", "validFrom", "validTo", "ratePercent", "evidence", "source");

    /**
     * The rows of {@code table} whose evidence lets them be used.
     *
     * @throws ReferenceTable.Fault naming the first row that {@link #usableRows(ReferenceTable, List)} would leave out
     */
    public static List<Rate> usableRows(ReferenceTable table) {
        return ReferenceTable.strictly(problems -> usableRows(table, problems));
    }

    /**
     * The usable rows of {@code table}; a row with a malformed scheme, date, rate or evidence, a period that
     * ends before it starts, or one that overlaps an earlier usable row of its scheme (which would make the
     * rate of the shared days a matter of row order) is added to {@code problems} and left out.
     */
    public static List<Rate> usableRows(ReferenceTable table, List<FileProblem> problems) {
        List<Rate> used = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        return table.read(COLUMNS, problems, r -> {
            Rate rate = new Rate(r.enumValue("scheme", Scheme.class), r.date("validFrom"), r.date("validTo"),
                    r.decimal("ratePercent"), r.text("source"));
            if (rate.validTo().isBefore(rate.validFrom())) {
                throw r.fault("validTo", "validTo is before validFrom");
            }
            if (!plausible(rate.ratePercent())) {
                throw r.fault("ratePercent", "column ratePercent is " + rate.ratePercent() + ", not a rate from "
                        + LOWEST_PERCENT + " to " + HIGHEST_PERCENT + " % with at most " + MOST_DECIMALS + " decimals");
            }
            if (!r.usable()) {
                return Optional.empty();
            }
            for (int i = 0; i < used.size(); i++) {
                Rate earlier = used.get(i);
                if (earlier.scheme() == rate.scheme() && !earlier.validFrom().isAfter(rate.validTo())
                        && !rate.validFrom().isAfter(earlier.validTo())) {
                    throw r.fault("validFrom", rate.validFrom() + "–" + rate.validTo() + " overlaps line " + lines.get(i)
                            + " (" + earlier.validFrom() + "–" + earlier.validTo() + "); line " + lines.get(i) + " is used");
                }
            }
            used.add(rate);
            lines.add(r.line());
            return Optional.of(rate);
        });
    }

    /** Whether {@code percent} may be a reference rate; compared, never computed, so any figure is answered at once. */
    public static boolean plausible(BigDecimal percent) {
        return percent.compareTo(LOWEST_PERCENT) >= 0 && percent.compareTo(HIGHEST_PERCENT) <= 0
                && percent.stripTrailingZeros().scale() <= MOST_DECIMALS;
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
    public Optional<BigDecimal> rateOn(Scheme scheme, LocalDate date) {
        return find(scheme, date).map(Rate::ratePercent);
    }

    private Optional<Rate> find(Scheme scheme, LocalDate date) {
        for (Rate r : rates) {
            if (r.scheme() == scheme && !date.isBefore(r.validFrom()) && !date.isAfter(r.validTo())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * The days in ({@code from}, {@code to}] on which the rate of {@code scheme} may change: every
     * row boundary, and every half-year start, so an unknown stretch is reported per half-year.
     */
    public SortedSet<LocalDate> changesBetween(Scheme scheme, LocalDate from, LocalDate to) {
        TreeSet<LocalDate> changes = new TreeSet<>();
        for (Rate r : rates) {
            if (r.scheme() == scheme) {
                changes.add(r.validFrom());
                changes.add(r.validTo().plusDays(1));
            }
        }
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            changes.add(LocalDate.of(year, Month.JANUARY, 1));
            changes.add(LocalDate.of(year, Month.JULY, 1));
        }
        TreeSet<LocalDate> kept = new TreeSet<>();
        for (LocalDate day : changes.subSet(from.plusDays(1), to.plusDays(1))) {
            Optional<Rate> before = find(scheme, day.minusDays(1));
            Optional<Rate> after = find(scheme, day);
            if (before.isEmpty() || after.isEmpty() || !before.get().equals(after.get())) {
                kept.add(day);
            }
        }
        return kept;
    }
}
