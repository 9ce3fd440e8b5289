package io.creditguard.breakeven;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import io.creditguard.money.Money;

/**
 * Is outsourcing invoicing and collection to a factoring company worth it? A yearly profitability
 * calculation in the standard form:
 *
 * <pre>
 * freedCapital   = annualTurnover × reductionDays / dayCountBasis
 * interestGain   = freedCapital × internalInterestRate
 * reminderIncome = invoicesPerYear × reminderShare × reminderFee
 * totalIncome    = interestGain + lateInterestGain + reminderIncome + collectionCostSavings + personnelSavings
 * totalCost      = invoicesPerYear × feePerInvoice + annualTurnover × feeRateOfTurnover
 *                  (+ creditLimit × limitFeeRate)
 * netBenefit     = totalIncome − totalCost
 * </pre>
 *
 * The conservative net leaves out personnel savings and late-interest gain, the two items such
 * calculations overstate most; the break-even reduction is the day count at which the conservative
 * net is zero. Intermediate values stay exact; each reported amount rounds HALF_EVEN to the minor
 * unit, the break-even reduction up to the next tenth of a day (CEILING: it is a threshold to reach, and at a day
 * count rounded down the conservative net is still below zero).
 */
public final class FactoringAnalysis {

    /** The currency factoring-thresholds.txt states the minimum turnover in. */
    private static final Currency SEK = Currency.getInstance("SEK");

    /**
     * Precision of the quotients by the day-count basis. The longest dividend (the financing line: an amount of 19
     * digits, two rates of 11, days of 6) has 47 digits and dividing by 360 adds at most 3 decimals, so a quotient
     * that ends is held exactly, and one that does not is far nearer its value than to any half minor unit.
     */
    private static final MathContext QUOTIENT = new MathContext(60, RoundingMode.HALF_EVEN);

    public enum Verdict {
        /** Positive even conservatively, and the business is of a size where factoring usually pays. */
        WORTH_IT,
        /** Some figures speak for it, others against: get quotes and check the assumptions. */
        WORTH_A_CLOSER_LOOK,
        /** Costs exceed every gain, even the optimistic ones. */
        NOT_WORTH_IT
    }

    /**
     * Amounts per year. {@code reductionDays} is how many days sooner customers pay after factoring.
     * Optional amounts are zero when not given; {@code creditLimit}, {@code financingRate},
     * {@code advanceRate} and {@code sekPerCurrencyUnit} may be {@code null}.
     */
    public record Input(Money annualTurnover, int invoicesPerYear, int paymentTermsDays,
            BigDecimal currentCreditDays, BigDecimal reductionDays, BigDecimal internalInterestRate,
            Money lateInterestGain, BigDecimal reminderShare, Money reminderFee, Money collectionCostSavings,
            Money personnelSavings, Money feePerInvoice, BigDecimal feeRateOfTurnover, Money creditLimit,
            BigDecimal limitFeeRate, BigDecimal financingRate, BigDecimal advanceRate, int dayCountBasis,
            BigDecimal sekPerCurrencyUnit) {
    }

    public enum LineKind {
        INCOME,
        COST,
        INFORMATION
    }

    /** One named figure of the calculation; {@code inConservative} says whether the conservative net counts it. */
    public record LineItem(String name, LineKind kind, Money amount, boolean inConservative, String formula) {
    }

    public record Assessment(Verdict verdict, List<String> reasons) {
    }

    public record Result(Currency currency, BigDecimal reductionDays, BigDecimal excessDaysOverTerms,
            Money freedCapital, Money interestGain, Money reminderIncome, Money totalIncome, Money totalCost,
            Money netBenefit, Money conservativeNetBenefit, BigDecimal breakEvenReductionDays,
            List<LineItem> lineItems, Assessment assessment) {
    }

    private FactoringAnalysis() {
    }

    public static Result analyse(Input in, FactoringThresholds thresholds) {
        Currency currency = in.annualTurnover().currency();
        BigDecimal turnover = in.annualTurnover().amount();
        BigDecimal basis = BigDecimal.valueOf(in.dayCountBasis());
        BigDecimal invoices = BigDecimal.valueOf(in.invoicesPerYear());

        BigDecimal freedExact = turnover.multiply(in.reductionDays()).divide(basis, QUOTIENT);
        // Divided once: freed capital seldom ends (/360, /365), and multiplying a rounded one tips an interest of
        // exactly half a minor unit off its HALF_EVEN tie.
        BigDecimal interestExact = turnover.multiply(in.reductionDays()).multiply(in.internalInterestRate())
                .divide(basis, QUOTIENT);
        BigDecimal reminderExact = invoices.multiply(in.reminderShare()).multiply(in.reminderFee().amount());
        BigDecimal perInvoiceFees = invoices.multiply(in.feePerInvoice().amount());
        BigDecimal turnoverFees = turnover.multiply(in.feeRateOfTurnover());
        BigDecimal limitFees = in.creditLimit() == null || in.limitFeeRate() == null ? BigDecimal.ZERO
                : in.creditLimit().amount().multiply(in.limitFeeRate());

        BigDecimal conservativeIncome = interestExact.add(reminderExact).add(in.collectionCostSavings().amount());
        BigDecimal totalIncome = conservativeIncome.add(in.lateInterestGain().amount())
                .add(in.personnelSavings().amount());
        BigDecimal totalCost = perInvoiceFees.add(turnoverFees).add(limitFees);

        List<LineItem> items = new ArrayList<>();
        items.add(new LineItem("interestGain", LineKind.INCOME, money(currency, interestExact), true,
                "annualTurnover × reductionDays / dayCountBasis × internalInterestRate"));
        items.add(new LineItem("lateInterestGain", LineKind.INCOME, in.lateInterestGain(), false, "as given"));
        items.add(new LineItem("reminderIncome", LineKind.INCOME, money(currency, reminderExact), true,
                "invoicesPerYear × reminderShare × reminderFee"));
        items.add(new LineItem("collectionCostSavings", LineKind.INCOME, in.collectionCostSavings(), true,
                "as given"));
        items.add(new LineItem("personnelSavings", LineKind.INCOME, in.personnelSavings(), false, "as given"));
        items.add(new LineItem("perInvoiceFees", LineKind.COST, money(currency, perInvoiceFees), true,
                "invoicesPerYear × feePerInvoice"));
        items.add(new LineItem("turnoverFees", LineKind.COST, money(currency, turnoverFees), true,
                "annualTurnover × feeRateOfTurnover"));
        if (limitFees.signum() != 0) {
            items.add(new LineItem("creditLimitFees", LineKind.COST, money(currency, limitFees), true,
                    "creditLimit × limitFeeRate"));
        }
        if (in.financingRate() != null && in.advanceRate() != null) {
            BigDecimal expectedDays = in.currentCreditDays().subtract(in.reductionDays()).max(BigDecimal.ZERO);
            BigDecimal financing = turnover.multiply(in.advanceRate()).multiply(expectedDays)
                    .multiply(in.financingRate()).divide(basis, QUOTIENT);
            items.add(new LineItem("financingCostIfAdvancesDrawn", LineKind.INFORMATION, money(currency, financing),
                    false, "annualTurnover × advanceRate × (currentCreditDays − reductionDays) / dayCountBasis"
                            + " × financingRate; not in the net: it buys liquidity, not collection"));
        }

        BigDecimal conservativeNet = conservativeIncome.subtract(totalCost);
        BigDecimal excess = in.currentCreditDays().subtract(BigDecimal.valueOf(in.paymentTermsDays()));
        BigDecimal breakEvenDays = breakEvenDays(in, totalCost, reminderExact, basis);
        Money net = money(currency, totalIncome.subtract(totalCost));
        Money conservative = money(currency, conservativeNet);
        return new Result(currency, in.reductionDays(), excess, money(currency, freedExact),
                money(currency, interestExact), money(currency, reminderExact), money(currency, totalIncome),
                money(currency, totalCost), net, conservative, breakEvenDays, List.copyOf(items),
                assess(in, thresholds, net, conservative, excess, breakEvenDays));
    }

    /** Days of reduction at which the conservative net is zero; {@code null} when no reduction can get there. */
    private static BigDecimal breakEvenDays(Input in, BigDecimal totalCost, BigDecimal reminderIncome,
            BigDecimal basis) {
        BigDecimal toCover = totalCost.subtract(reminderIncome).subtract(in.collectionCostSavings().amount());
        if (toCover.signum() <= 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        BigDecimal gainPerDay = in.annualTurnover().amount().multiply(in.internalInterestRate());
        if (gainPerDay.signum() == 0) {
            return null;
        }
        return toCover.multiply(basis).divide(gainPerDay, 1, RoundingMode.CEILING);
    }

    private static Assessment assess(Input in, FactoringThresholds t, Money net, Money conservative,
            BigDecimal excess, BigDecimal breakEvenDays) {
        List<String> reasons = new ArrayList<>();
        boolean sizeOk = true;
        BigDecimal turnoverSek = in.annualTurnover().currency().equals(SEK)
                ? in.annualTurnover().amount()
                : in.sekPerCurrencyUnit() == null ? null : in.annualTurnover().amount().multiply(in.sekPerCurrencyUnit());
        if (turnoverSek == null) {
            reasons.add("Turnover threshold not assessed: it is stated in SEK (" + plain(t.minimumTurnoverSek())
                    + "); give sekPerCurrencyUnit to compare.");
        } else if (turnoverSek.compareTo(t.minimumTurnoverSek()) < 0) {
            sizeOk = false;
            reasons.add("Turnover of about SEK " + plain(turnoverSek.setScale(0, RoundingMode.HALF_EVEN))
                    + " is below SEK " + plain(t.minimumTurnoverSek()) + ", where factoring usually starts to pay.");
        } else {
            reasons.add("Turnover of about SEK " + plain(turnoverSek.setScale(0, RoundingMode.HALF_EVEN))
                    + " reaches the SEK " + plain(t.minimumTurnoverSek()) + " factoring usually needs.");
        }
        if (in.invoicesPerYear() < t.minimumInvoicesPerYear()) {
            sizeOk = false;
            reasons.add(in.invoicesPerYear() + " invoices a year is below the " + t.minimumInvoicesPerYear()
                    + " where outsourcing invoicing saves real work.");
        } else {
            reasons.add(in.invoicesPerYear() + " invoices a year reaches the " + t.minimumInvoicesPerYear()
                    + " where outsourcing invoicing saves real work.");
        }
        boolean littleGain = excess.compareTo(t.littleGainExcessDays()) <= 0;
        if (excess.compareTo(t.interestingExcessDays()) > 0) {
            reasons.add("Customers pay " + plain(excess) + " days after terms on average: more than "
                    + plain(t.interestingExcessDays()) + ", so faster collection has much to gain.");
        } else if (littleGain) {
            reasons.add("Customers pay only " + plain(excess) + " days after terms on average: "
                    + plain(t.littleGainExcessDays()) + " or fewer leaves little to gain from faster collection.");
        } else {
            reasons.add("Customers pay " + plain(excess) + " days after terms on average: some gain from faster"
                    + " collection.");
        }
        reasons.add("Net benefit " + net + "; conservatively (without personnel savings and late-interest gain) "
                + conservative + ".");
        if (breakEvenDays == null) {
            reasons.add("With no internal interest rate, paying sooner earns nothing: no reduction in credit days"
                    + " covers the fees.");
        } else {
            reasons.add("Customers must pay " + plain(breakEvenDays) + " days sooner for the conservative net to"
                    + " break even; the expected reduction is " + plain(in.reductionDays()) + " days.");
        }
        Verdict verdict;
        if (!net.isPositive()) {
            verdict = Verdict.NOT_WORTH_IT;
        } else if (conservative.isPositive() && sizeOk && !littleGain) {
            verdict = Verdict.WORTH_IT;
        } else {
            verdict = Verdict.WORTH_A_CLOSER_LOOK;
        }
        return new Assessment(verdict, List.copyOf(reasons));
    }

    private static Money money(Currency currency, BigDecimal exact) {
        return Money.rounded(currency, exact, RoundingMode.HALF_EVEN);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
