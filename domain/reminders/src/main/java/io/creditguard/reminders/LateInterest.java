package io.creditguard.reminders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import io.creditguard.money.Money;
import io.creditguard.money.Rates;
import io.creditguard.reference.Jurisdictions.Allocation;
import io.creditguard.reference.ReferenceRates;

/**
 * Late interest on an overdue principal, accrued day by day from the day default begins (the day after
 * an agreed due date, else as {@link DebtorDefault} says) up to and including {@code asOf}, on an
 * actual/365 basis, on the principal outstanding each day.
 *
 * <p>The accrual is split wherever the rate changes (each half-year has its own statutory rate:
 * räntelagen 6 § with NJA 2007 s. 742; BW 6:120 lid 2; BGB § 247), at each payment, and, under yearly
 * compounding (BW 6:119 lid 2, 6:119a lid 3), at each anniversary of the start, where the year's
 * unpaid interest joins the base. A payment made on a day counts from the day after (interest runs
 * "tot en met de dag waarop de schuldenaar de geldsom heeft voldaan", BW 6:119a lid 1) and is applied
 * as the governing law orders it: costs due by then, then accrued interest, then principal (BW 6:44,
 * BGB § 367), or principal first where no order is verified. A payment before default meets the costs
 * then due (none before the due date) and the principal, as no interest is due yet.
 *
 * <p>Each period's amount is rounded HALF_EVEN to the currency's minor unit; the totals are sums of
 * the rounded periods, so the letter's lines add up. A period whose rate is not known is listed with no
 * rate and no amount, and the result says it is incomplete.
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
    public record Basis(Optional<ReferenceRates.Scheme> scheme, BigDecimal addPoints, Compounding compounding,
            String legalBasis) {

        public static Basis agreed(BigDecimal ratePercent) {
            return new Basis(Optional.empty(), ratePercent, Compounding.SIMPLE, "agreed rate");
        }

        /** This basis stated as {@code text} (in a letter's language). */
        public Basis withLegalBasis(String text) {
            return new Basis(scheme, addPoints, compounding, text);
        }
    }

    /** A payment received on a day. */
    public record Receipt(LocalDate date, Money amount) {
    }

    /** Costs that fell due on a day (fees, fixed compensation), which a later payment meets first where the law says so. */
    public record Charge(LocalDate date, Money amount) {
    }

    /** One stretch at one rate on one base. {@code ratePercent} and {@code amount} are null when the rate is unknown. */
    public record Period(LocalDate from, LocalDate to, BigDecimal ratePercent, long days, Money base, Money amount) {
    }

    /** How one payment was applied. */
    public record Applied(LocalDate date, Money amount, Money toCosts, Money toInterest, Money toPrincipal) {
    }

    /**
     * @param interest all interest accrued to {@code asOf}
     * @param interestPaid the part of it payments met
     * @param costsPaid the part of the charges payments met
     * @param principal the principal outstanding at {@code asOf}
     */
    public record Result(Money interest, Money interestPaid, Money costsPaid, Money principal, String legalBasis,
            List<Period> periods, List<Applied> payments, boolean complete) {

        public Money interestOutstanding() {
            return interest.minus(interestPaid);
        }
    }

    private LateInterest() {
    }

    /**
     * @param principal what interest runs on before any payment (the invoice amount less credits)
     * @param from the first day of default, the first day interest runs
     * @param asOf the last day counted; payments after it are not counted
     * @param rates the reference rates, consulted only for a statutory basis
     * @param receipts payments, in any order
     * @param charges costs and the days they fell due, met before interest where the allocation says so
     */
    public static Result accrue(Money principal, LocalDate from, LocalDate asOf, Basis basis, ReferenceRates rates,
            List<Receipt> receipts, Allocation allocation, List<Charge> charges) {
        Money zero = Money.zero(principal.currency());
        Ledger ledger = new Ledger(principal, zero, allocation, charges);
        List<Receipt> paid = receipts.stream().filter(r -> !r.date().isAfter(asOf))
                .sorted(Comparator.comparing(Receipt::date)).toList();
        int next = 0;
        for (; next < paid.size() && paid.get(next).date().isBefore(from); next++) {
            ledger.pay(paid.get(next));
        }
        if (asOf.isBefore(from)) {
            return ledger.result(basis.legalBasis(), List.of(), true);
        }
        TreeSet<LocalDate> anniversaries = new TreeSet<>();
        if (basis.compounding() == Compounding.YEARLY) {
            for (LocalDate a = from.plusYears(1); !a.isAfter(asOf); a = from.plusYears(anniversaries.size() + 1)) {
                anniversaries.add(a);
            }
        }
        TreeSet<LocalDate> cuts = new TreeSet<>(anniversaries);
        cuts.add(from);
        basis.scheme().ifPresent(scheme -> cuts.addAll(rates.changesBetween(scheme, from, asOf)));
        for (int i = next; i < paid.size(); i++) {
            LocalDate after = paid.get(i).date().plusDays(1);
            if (!after.isAfter(asOf)) {
                cuts.add(after);
            }
        }

        List<Period> periods = new ArrayList<>();
        boolean complete = true;
        List<LocalDate> starts = new ArrayList<>(cuts);
        for (int i = 0; i < starts.size(); i++) {
            LocalDate first = starts.get(i);
            LocalDate to = i + 1 < starts.size() ? starts.get(i + 1).minusDays(1) : asOf;
            for (; next < paid.size() && paid.get(next).date().isBefore(first); next++) {
                ledger.pay(paid.get(next));
            }
            if (anniversaries.contains(first)) {
                ledger.capitalise();
            }
            long days = ChronoUnit.DAYS.between(first, to) + 1;
            Money base = ledger.base();
            Optional<BigDecimal> rate = basis.scheme().isEmpty() ? Optional.of(basis.addPoints())
                    : rates.rateOn(basis.scheme().get(), first).map(r -> r.add(basis.addPoints()));
            if (rate.isEmpty()) {
                complete = false;
                periods.add(new Period(first, to, null, days, base, null));
                continue;
            }
            BigDecimal exact = base.amount().multiply(rate.get()).multiply(BigDecimal.valueOf(days))
                    .divide(HUNDRED.multiply(DAYS_PER_YEAR), Rates.RATIO);
            Money amount = Money.rounded(principal.currency(), exact, RoundingMode.HALF_EVEN);
            periods.add(new Period(first, to, rate.get(), days, base, amount));
            ledger.accrue(amount);
        }
        for (; next < paid.size(); next++) { // paid on asOf itself: it counts from tomorrow
            ledger.pay(paid.get(next));
        }
        return ledger.result(basis.legalBasis(), periods, complete);
    }

    /** The debt's parts while the accrual runs: principal, interest joined to the base, interest since, costs. */
    private static final class Ledger {
        private final Allocation allocation;
        private final List<Charge> charges;
        private final Money zero;
        private Money principal;
        private Money capitalised;
        private Money accruedSince;
        private Money interest;
        private Money interestPaid;
        private Money costsPaid;
        private final List<Applied> applied = new ArrayList<>();

        Ledger(Money principal, Money zero, Allocation allocation, List<Charge> charges) {
            this.principal = principal;
            this.zero = zero;
            this.allocation = allocation;
            this.charges = charges;
            this.capitalised = zero;
            this.accruedSince = zero;
            this.interest = zero;
            this.interestPaid = zero;
            this.costsPaid = zero;
        }

        Money base() {
            return principal.plus(capitalised);
        }

        void accrue(Money amount) {
            accruedSince = accruedSince.plus(amount);
            interest = interest.plus(amount);
        }

        void capitalise() {
            capitalised = capitalised.plus(accruedSince);
            accruedSince = zero;
        }

        void pay(Receipt receipt) {
            Money left = receipt.amount();
            Money toCosts = zero;
            Money toInterest = zero;
            if (allocation == Allocation.COSTS_INTEREST_PRINCIPAL) {
                toCosts = left.min(costsDueBy(receipt.date()).minus(costsPaid));
                costsPaid = costsPaid.plus(toCosts);
                left = left.minus(toCosts);
                toInterest = left.min(interest.minus(interestPaid));
                payInterest(toInterest);
                left = left.minus(toInterest);
            }
            Money toPrincipal = left.min(principal);
            principal = principal.minus(toPrincipal);
            applied.add(new Applied(receipt.date(), receipt.amount(), toCosts, toInterest, toPrincipal));
        }

        /** Interest paid meets the interest since the last anniversary first, then what joined the base. */
        private void payInterest(Money amount) {
            Money fromSince = amount.min(accruedSince);
            accruedSince = accruedSince.minus(fromSince);
            capitalised = capitalised.minus(amount.minus(fromSince));
            interestPaid = interestPaid.plus(amount);
        }

        private Money costsDueBy(LocalDate date) {
            Money due = zero;
            for (Charge charge : charges) {
                if (!charge.date().isAfter(date)) {
                    due = due.plus(charge.amount());
                }
            }
            return due;
        }

        Result result(String legalBasis, List<Period> periods, boolean complete) {
            return new Result(interest, interestPaid, costsPaid, principal, legalBasis, List.copyOf(periods),
                    List.copyOf(applied), complete);
        }
    }
}
