package io.creditguard.reminders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import io.creditguard.money.Money;
import io.creditguard.money.Rates;

/**
 * Late interest on an overdue principal, accrued day by day from the day after the due date up to
 * and including {@code asOf}, on an actual/365 basis.
 *
 * <p>The accrual is split wherever the rate changes (each half-year has its own statutory rate:
 * räntelagen 6 § with NJA 2007 s. 742; BW 6:120 lid 2; Directive 2011/7/EU art. 4(2)) and, under
 * yearly compounding (BW 6:119 lid 2, 6:119a lid 2), at each anniversary of the start, where the
 * year's interest joins the base. Each period's amount is rounded HALF_EVEN to the currency's minor
 * unit; the total is the sum of the rounded periods, so the letter's lines add up. A period whose
 * rate is not known is listed with no rate and no amount, and the result says it is incomplete.
 */
public final class LateInterest {

    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public enum Compounding {
        SIMPLE, YEARLY
    }

    /**
     * How the rate is found: an agreed fixed rate, or a statutory scheme of reference rates plus a
     * margin. {@code scheme} is empty for an agreed rate, which is then {@code addPoints}.
     */
    public record Basis(Optional<String> scheme, BigDecimal addPoints, Compounding compounding, String legalBasis) {

        public static Basis agreed(BigDecimal ratePercent) {
            return new Basis(Optional.empty(), ratePercent, Compounding.SIMPLE, "agreed rate");
        }
    }

    /** One stretch at one rate. {@code ratePercent} and {@code amount} are null when the rate is unknown. */
    public record Period(LocalDate from, LocalDate to, BigDecimal ratePercent, long days, Money base, Money amount) {
    }

    public record Result(Money amount, String legalBasis, List<Period> periods, boolean complete) {
    }

    private LateInterest() {
    }

    /**
     * @param principal the overdue amount interest runs on
     * @param dueDate the (business-day adjusted) due date; interest starts the day after
     * @param asOf the last day counted
     * @param rates the reference rates, consulted only for a statutory basis
     */
    public static Result accrue(Money principal, LocalDate dueDate, LocalDate asOf, Basis basis, ReferenceRates rates) {
        LocalDate start = dueDate.plusDays(1);
        Money zero = Money.zero(principal.currency());
        if (asOf.isBefore(start) || !principal.isPositive()) {
            return new Result(zero, basis.legalBasis(), List.of(), true);
        }
        TreeSet<LocalDate> anniversaries = new TreeSet<>();
        if (basis.compounding() == Compounding.YEARLY) {
            for (LocalDate a = start.plusYears(1); !a.isAfter(asOf); a = start.plusYears(anniversaries.size() + 1)) {
                anniversaries.add(a);
            }
        }
        TreeSet<LocalDate> cuts = new TreeSet<>(anniversaries);
        cuts.add(start);
        basis.scheme().ifPresent(scheme -> cuts.addAll(rates.changesBetween(scheme, start, asOf)));

        List<Period> periods = new ArrayList<>();
        Money base = principal;
        Money accruedThisYear = zero;
        Money total = zero;
        boolean complete = true;
        List<LocalDate> starts = new ArrayList<>(cuts);
        for (int i = 0; i < starts.size(); i++) {
            LocalDate from = starts.get(i);
            LocalDate to = i + 1 < starts.size() ? starts.get(i + 1).minusDays(1) : asOf;
            if (anniversaries.contains(from)) {
                base = base.plus(accruedThisYear);
                accruedThisYear = zero;
            }
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            Optional<BigDecimal> rate = basis.scheme().isEmpty() ? Optional.of(basis.addPoints())
                    : rates.rateOn(basis.scheme().get(), from).map(r -> r.add(basis.addPoints()));
            if (rate.isEmpty()) {
                complete = false;
                periods.add(new Period(from, to, null, days, base, null));
                continue;
            }
            BigDecimal exact = base.amount().multiply(rate.get()).multiply(BigDecimal.valueOf(days))
                    .divide(HUNDRED.multiply(DAYS_PER_YEAR), Rates.RATIO);
            Money amount = Money.rounded(principal.currency(), exact, RoundingMode.HALF_EVEN);
            periods.add(new Period(from, to, rate.get(), days, base, amount));
            accruedThisYear = accruedThisYear.plus(amount);
            total = total.plus(amount);
        }
        return new Result(total, basis.legalBasis(), List.copyOf(periods), complete);
    }
}
