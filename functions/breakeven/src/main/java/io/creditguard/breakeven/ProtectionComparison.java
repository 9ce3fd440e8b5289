package io.creditguard.breakeven;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;

import io.creditguard.money.Money;
import io.creditguard.money.Rates;

/**
 * Compares ways of protecting a receivables book: what each costs a year, what loss it leaves with
 * the seller on average and in the worst case, and which is cheapest all in.
 *
 * <p>Per option, with turnover T, expected loss rate L, cost rate c and cover k (each a range):
 * annual cost = T·c; expected uncovered loss = T·L·(1 − k); total expected cost = the sum. The
 * worst case is the largest single exposure E left uncovered at the lowest cover: E·(1 − k_low),
 * and earning it back takes E·(1 − k_low) / margin of sales. Credit insurance breaks even against
 * self-insurance where T·c + T·L·(1 − k) = T·L, i.e. at L = c / k. Options rank by the midpoint of
 * total expected cost (unrounded), then by worst case, then in {@link ProtectionKind}'s order. Money rounds
 * HALF_EVEN to the minor unit.
 */
public final class ProtectionComparison {

    static final int RATE_SCALE = 6;

    private ProtectionComparison() {
    }

    /**
     * @param expectedLossRate share of turnover expected to be lost a year, or {@code null}
     * @param largestExposure the most owed by one customer at a time, or {@code null}
     * @param margin profit margin as a fraction in (0, 1], or {@code null}
     */
    public record Input(Money annualTurnover, BigDecimal expectedLossRate, Money largestExposure, BigDecimal margin,
            List<ProtectionOption> options) {
    }

    public record Result(Currency currency, Money annualTurnover, BigDecimal expectedLossRate,
            Money expectedAnnualLoss, Money largestExposure, String rankingBasis, List<OptionResult> options,
            BreakEvenLossRate creditInsuranceBreakEven, List<String> notes) {
    }

    /**
     * @param worstCaseUncovered the largest exposure left uncovered at the lowest cover
     * @param salesToRecoverWorstCase sales needed to earn the worst case back at the given margin
     */
    public record OptionResult(int rank, ProtectionKind kind, BigDecimal costRateLow, BigDecimal costRateHigh,
            BigDecimal coverLow, BigDecimal coverHigh, Range annualCost, Range expectedUncoveredLoss,
            Range totalExpectedCost, Money worstCaseUncovered, Money salesToRecoverWorstCase, String source) {
    }

    /** Loss rates (fractions of turnover) above which credit insurance costs less than carrying the risk. */
    public record BreakEvenLossRate(BigDecimal low, BigDecimal high, String explanation) {
    }

    public static Result compare(Input in) {
        Money turnover = in.annualTurnover();
        Money expectedLoss = in.expectedLossRate() == null ? null
                : turnover.times(in.expectedLossRate(), RoundingMode.HALF_EVEN);
        List<OptionResult> unranked = new ArrayList<>();
        for (ProtectionOption option : in.options()) {
            unranked.add(evaluate(in, option, expectedLoss));
        }
        Comparator<OptionResult> order = Comparator.comparing((OptionResult r) -> r.totalExpectedCost().twiceMidpoint())
                .thenComparing(r -> r.worstCaseUncovered() == null ? Money.zero(turnover.currency())
                        : r.worstCaseUncovered())
                .thenComparing(OptionResult::kind);
        unranked.sort(order);
        List<OptionResult> ranked = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            OptionResult r = unranked.get(i);
            ranked.add(new OptionResult(i + 1, r.kind(), r.costRateLow(), r.costRateHigh(), r.coverLow(),
                    r.coverHigh(), r.annualCost(), r.expectedUncoveredLoss(), r.totalExpectedCost(),
                    r.worstCaseUncovered(), r.salesToRecoverWorstCase(), r.source()));
        }
        List<String> notes = new ArrayList<>();
        if (expectedLoss == null) {
            notes.add("No expectedLossRate given: expected losses count as zero, so the ranking reflects cost only."
                    + " Give expectedLossRate (e.g. 0.01 for 1 % of turnover) for a risk-adjusted ranking.");
        }
        if (in.largestExposure() != null && in.margin() == null) {
            notes.add("No margin given: the sales needed to earn back the worst case are not computed.");
        }
        BreakEvenLossRate breakEven = in.options().stream().filter(o -> o.kind() == ProtectionKind.CREDIT_INSURANCE)
                .findFirst().map(ProtectionComparison::breakEven).orElse(null);
        String basis = expectedLoss == null ? "annual cost (midpoint of low and high)"
                : "total expected cost: annual cost plus expected uncovered loss (midpoint of low and high)";
        return new Result(turnover.currency(), turnover, in.expectedLossRate(), expectedLoss, in.largestExposure(),
                basis, List.copyOf(ranked), breakEven, List.copyOf(notes));
    }

    private static OptionResult evaluate(Input in, ProtectionOption o, Money expectedLoss) {
        Money turnover = in.annualTurnover();
        Range cost = new Range(turnover.times(o.costRateLow(), RoundingMode.HALF_EVEN),
                turnover.times(o.costRateHigh(), RoundingMode.HALF_EVEN));
        Money zero = Money.zero(turnover.currency());
        Range uncovered = expectedLoss == null ? new Range(zero, zero)
                : new Range(expectedLoss.times(BigDecimal.ONE.subtract(o.coverHigh()), RoundingMode.HALF_EVEN),
                        expectedLoss.times(BigDecimal.ONE.subtract(o.coverLow()), RoundingMode.HALF_EVEN));
        Money worst = in.largestExposure() == null ? null
                : in.largestExposure().times(BigDecimal.ONE.subtract(o.coverLow()), RoundingMode.HALF_EVEN);
        Money salesToRecover = worst == null || in.margin() == null ? null
                : worst.dividedBy(in.margin(), RoundingMode.HALF_EVEN);
        return new OptionResult(0, o.kind(), o.costRateLow(), o.costRateHigh(), o.coverLow(), o.coverHigh(), cost,
                uncovered, cost.plus(uncovered), worst, salesToRecover, o.source());
    }

    private static BreakEvenLossRate breakEven(ProtectionOption insurance) {
        if (insurance.coverLow().signum() == 0 || insurance.coverHigh().signum() == 0) {
            return new BreakEvenLossRate(null, null, "Credit insurance with zero cover never pays for itself.");
        }
        BigDecimal low = Rates.ratio(insurance.costRateLow(), insurance.coverHigh(), RATE_SCALE);
        BigDecimal high = Rates.ratio(insurance.costRateHigh(), insurance.coverLow(), RATE_SCALE);
        return new BreakEvenLossRate(low, high, "Credit insurance costs less than carrying the risk yourself once"
                + " expected annual losses exceed " + Rates.percent(low, 3).toPlainString() + "–"
                + Rates.percent(high, 3).toPlainString() + " % of turnover (premium rate / cover).");
    }
}
