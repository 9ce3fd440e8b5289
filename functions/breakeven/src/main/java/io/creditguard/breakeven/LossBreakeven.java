package io.creditguard.breakeven;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import io.creditguard.money.Money;
import io.creditguard.money.Rates;

/**
 * What a customer loss really costs: the new sales needed to earn it back at the company's margin.
 *
 * <p>requiredSales = loss / margin (Coface, "Så skyddar du kassaflödet med kreditförsäkring", 2026-01-05: at a 10 %
 * margin a loss of 100 000 kr takes 1 000 000 kr of sales). Amounts are rounded HALF_EVEN to the currency's minor
 * unit, multiples and months to {@value #RATIO_SCALE} decimals.
 */
public final class LossBreakeven {

    static final int RATIO_SCALE = 4;

    private LossBreakeven() {
    }

    /**
     * @param loss the unpaid amount written off, positive
     * @param margin profit margin as a fraction in (0, 1]
     * @param monthlyExpenses the company's monthly costs, or {@code null}
     */
    public record Input(Money loss, BigDecimal margin, Money monthlyExpenses) {
    }

    /**
     * @param requiredSales sales needed to earn the loss back
     * @param salesMultiple requiredSales as a multiple of the loss (1 / margin)
     * @param bufferMonthsConsumed months of expenses the loss eats, when monthly expenses were given
     * @param explanation the result in one plain sentence
     */
    public record Result(Currency currency, Money loss, BigDecimal margin, Money requiredSales,
            BigDecimal salesMultiple, Money monthlyExpenses, BigDecimal bufferMonthsConsumed, String explanation) {
    }

    public static Result calculate(Input input) {
        Money requiredSales = input.loss().dividedBy(input.margin(), RoundingMode.HALF_EVEN);
        BigDecimal multiple = Rates.ratio(BigDecimal.ONE, input.margin(), RATIO_SCALE);
        BigDecimal months = input.monthlyExpenses() == null ? null
                : input.loss().ratioTo(input.monthlyExpenses(), RATIO_SCALE, RoundingMode.HALF_EVEN);
        // The margin as given: rounded to 0.01 %, a margin of 0.005 % would read as 0 % beside its huge multiple.
        String explanation = "At a margin of " + input.margin().movePointRight(2).stripTrailingZeros().toPlainString()
                + " %, earning back a loss of " + input.loss() + " takes " + requiredSales + " of new sales ("
                + multiple.stripTrailingZeros().toPlainString() + " times the loss)"
                + (months == null ? "." : "; the loss equals " + months.stripTrailingZeros().toPlainString()
                        + " months of expenses.");
        return new Result(input.loss().currency(), input.loss(), input.margin(), requiredSales, multiple,
                input.monthlyExpenses(), months, explanation);
    }
}
