package io.creditguard.breakeven;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.creditguard.breakeven.FactoringAnalysis.Verdict;
import io.creditguard.money.Money;
import io.creditguard.reference.ReferenceTable;

/** Hand-worked cases of the factoring profitability calculation; the arithmetic is in each comment. */
class FactoringAnalysisTest {

    private static final FactoringThresholds THRESHOLDS =
            FactoringThresholds.load(ReferenceTable.load("factoring-thresholds.txt"), LocalDate.of(2026, 11, 28));

    private static Money sek(String amount) {
        return Money.of(Currency.getInstance("SEK"), new BigDecimal(amount));
    }

    private static FactoringAnalysis.Input input(String turnover, int invoices, int terms, String currentDays,
            String reduction, String rate, String lateInterest, String reminderShare, String reminderFee,
            String collection, String personnel, String feePerInvoice, String feeRate) {
        return new FactoringAnalysis.Input(sek(turnover), invoices, terms, new BigDecimal(currentDays),
                new BigDecimal(reduction), new BigDecimal(rate), sek(lateInterest), new BigDecimal(reminderShare),
                sek(reminderFee), sek(collection), sek(personnel), sek(feePerInvoice), new BigDecimal(feeRate),
                null, null, null, null, 360, null);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // 10 000 000 × 13/360 × 8 % = 28 888.89; reminders 1000 × 20 % × 60 = 12 000;
                // income 28 888.89 + 3 000 + 12 000 + 5 000 + 50 000 = 98 888.89;
                // cost 1000 × 25 + 10 000 000 × 0.5 % = 75 000; net 23 888.89;
                // conservative 28 888.89 + 12 000 + 5 000 − 75 000 = −29 111.11;
                // break-even (75 000 − 12 000 − 5 000) × 360 / (10 000 000 × 8 %) = 26.1 days.
                Arguments.of(input("10000000", 1000, 30, "45", "13", "0.08", "3000", "0.2", "60", "5000", "50000",
                        "25", "0.005"), "361111.11", "28888.89", "98888.89", "75000.00", "23888.89", "-29111.11",
                        "26.1", Verdict.WORTH_A_CLOSER_LOOK),
                // Small firm: 2 000 000 × 3/360 × 6 % = 1 000; cost 100 × 30 = 3 000; net −2 000;
                // break-even 3 000 × 360 / 120 000 = 9.0 days.
                Arguments.of(input("2000000", 100, 30, "33", "3", "0.06", "0", "0", "0", "0", "0", "30", "0"),
                        "16666.67", "1000.00", "1000.00", "3000.00", "-2000.00", "-2000.00", "9.0",
                        Verdict.NOT_WORTH_IT),
                // Large, slow-paying book: 50 000 000 × 20/360 × 10 % = 277 777.78; reminders 5000 × 30 % × 60
                // = 90 000; collection 40 000; cost 5000 × 20 + 50 000 000 × 0.2 % = 200 000;
                // conservative net 207 777.78; break-even (200 000 − 90 000 − 40 000) × 360 / 5 000 000
                // = 5.04 → 5.1 days (up: at 5.0 days the interest is 69 444.44 and the conservative net −555.56).
                Arguments.of(input("50000000", 5000, 30, "52", "20", "0.10", "0", "0.3", "60", "40000", "0", "20",
                        "0.002"), "2777777.78", "277777.78", "407777.78", "200000.00", "207777.78", "207777.78",
                        "5.1", Verdict.WORTH_IT));
    }

    @ParameterizedTest(name = "[{index}] net {6}, conservative {7}, break-even {8} days → {9}")
    @MethodSource("cases")
    void computesTheStandardCalculation(FactoringAnalysis.Input in, String freed, String interest, String income,
            String cost, String net, String conservative, String breakEvenDays, Verdict verdict) {
        var result = FactoringAnalysis.analyse(in, THRESHOLDS);
        assertThat(result.freedCapital().amount()).isEqualByComparingTo(freed);
        assertThat(result.interestGain().amount()).isEqualByComparingTo(interest);
        assertThat(result.totalIncome().amount()).isEqualByComparingTo(income);
        assertThat(result.totalCost().amount()).isEqualByComparingTo(cost);
        assertThat(result.netBenefit().amount()).isEqualByComparingTo(net);
        assertThat(result.conservativeNetBenefit().amount()).isEqualByComparingTo(conservative);
        assertThat(result.breakEvenReductionDays()).isEqualByComparingTo(breakEvenDays);
        assertThat(result.assessment().verdict()).isEqualTo(verdict);
    }

    /**
     * The class Javadoc: intermediate values stay exact and each reported amount rounds HALF_EVEN once. Interest
     * that comes to exactly half an öre must go to the even öre, whichever way freed capital (which never ends
     * when divided by 360 here) would round on its own.
     */
    @ParameterizedTest(name = "{0} kr, {1} days sooner at {2}: freed {3}, interest {4}")
    @CsvSource({
            // 5 000 020 × 13 / 360 = 180 556.277…; × 9 % = 5 850 023.4 / 360 = 16 250.065 → 16 250.06 (6 is even)
            "5000020, 13, 0.09, 180556.28, 16250.06",
            // 5 000 060 × 13 / 360 = 180 557.722…; × 9 % = 5 850 070.2 / 360 = 16 250.195 → 16 250.20 (0 is even)
            "5000060, 13, 0.09, 180557.72, 16250.20",
            // the largest turnover and days the request takes: 999 999 999 999 998.01 × 3 649.99 / 360
            // = 10 138 861 111 111 090.9347775 → .93; at a rate of 1 the interest is the same
            "999999999999998.01, 3649.99, 1, 10138861111111090.93, 10138861111111090.93",
    })
    void roundsEachAmountOnceHalfEven(String turnover, String reduction, String rate, String freed, String interest) {
        var result = FactoringAnalysis.analyse(
                input(turnover, 1, 0, reduction, reduction, rate, "0", "0", "0", "0", "0", "0", "0"), THRESHOLDS);
        assertThat(result.freedCapital().amount().toPlainString()).isEqualTo(freed);
        assertThat(result.interestGain().amount().toPlainString()).isEqualTo(interest);
    }

    /**
     * The break-even reduction is a threshold: customers paying that many days sooner must bring the conservative net
     * to zero or above. 70 000 × 360 / 5 000 000 = 5.04 days; at 5.0 days the conservative net is
     * 50 000 000 × 5 / 360 × 10 % = 69 444.44 + 90 000 + 40 000 − 200 000 = −555.56, at 5.1 days 70 833.33 + 130 000
     * − 200 000 = 833.33.
     */
    @ParameterizedTest(name = "{0} days sooner: conservative net {1}")
    @CsvSource({"5.1, 833.33", "5.0, -555.56"})
    void theBreakEvenReductionIsReachedAtTheDaysItNames(String reduction, String conservative) {
        var result = FactoringAnalysis.analyse(input("50000000", 5000, 30, "52", reduction, "0.10", "0", "0.3", "60",
                "40000", "0", "20", "0.002"), THRESHOLDS);
        assertThat(result.breakEvenReductionDays()).isEqualByComparingTo("5.1");
        assertThat(result.conservativeNetBenefit().amount()).isEqualByComparingTo(conservative);
        assertThat(result.assessment().reasons()).anySatisfy(r -> assertThat(r)
                .contains("Customers must pay 5.1 days sooner for the conservative net to break even"));
    }

    @Test
    void explainsEachThresholdItApplies() {
        var small = FactoringAnalysis.analyse(
                input("2000000", 100, 30, "33", "3", "0.06", "0", "0", "0", "0", "0", "30", "0"), THRESHOLDS);
        assertThat(small.assessment().reasons())
                .anySatisfy(r -> assertThat(r).contains("below SEK 4000000"))
                .anySatisfy(r -> assertThat(r).contains("100 invoices a year is below the 250"))
                .anySatisfy(r -> assertThat(r).contains("only 3 days after terms"));
        var slow = FactoringAnalysis.analyse(
                input("50000000", 5000, 30, "52", "20", "0.10", "0", "0.3", "60", "40000", "0", "20", "0.002"),
                THRESHOLDS);
        assertThat(slow.assessment().reasons()).anySatisfy(r -> assertThat(r).contains("22 days after terms")
                .contains("more than 10"));
    }

    @Test
    void usesThe365DayBasisAndAsksForAnExchangeRateOutsideSek() {
        // 3 650 000 EUR × 10/365 = 100 000; × 5 % = 5 000; cost 300 × 10 = 3 000; net 2 000.
        Currency eur = Currency.getInstance("EUR");
        var in = new FactoringAnalysis.Input(Money.of(eur, new BigDecimal("3650000")), 300, 30, new BigDecimal("40"),
                BigDecimal.TEN, new BigDecimal("0.05"), Money.zero(eur), BigDecimal.ZERO, Money.zero(eur),
                Money.zero(eur), Money.zero(eur), Money.of(eur, BigDecimal.TEN), BigDecimal.ZERO, null, null, null,
                null, 365, null);
        var result = FactoringAnalysis.analyse(in, THRESHOLDS);
        assertThat(result.freedCapital().amount()).isEqualByComparingTo("100000.00");
        assertThat(result.netBenefit().amount()).isEqualByComparingTo("2000.00");
        assertThat(result.assessment().reasons()).anySatisfy(r -> assertThat(r).contains("give sekPerCurrencyUnit"));
    }

    @Test
    void countsTheCreditLimitFeeAsACost() {
        // The first case plus a 1 000 000 limit at 0.1 %: cost 75 000 + 1 000.
        var base = input("10000000", 1000, 30, "45", "13", "0.08", "3000", "0.2", "60", "5000", "50000", "25", "0.005");
        var withLimit = new FactoringAnalysis.Input(base.annualTurnover(), base.invoicesPerYear(),
                base.paymentTermsDays(), base.currentCreditDays(), base.reductionDays(), base.internalInterestRate(),
                base.lateInterestGain(), base.reminderShare(), base.reminderFee(), base.collectionCostSavings(),
                base.personnelSavings(), base.feePerInvoice(), base.feeRateOfTurnover(), sek("1000000"),
                new BigDecimal("0.001"), null, null, 360, null);
        var result = FactoringAnalysis.analyse(withLimit, THRESHOLDS);
        assertThat(result.totalCost().amount()).isEqualByComparingTo("76000.00");
        assertThat(result.lineItems()).anySatisfy(i -> {
            assertThat(i.name()).isEqualTo("creditLimitFees");
            assertThat(i.amount().amount()).isEqualByComparingTo("1000.00");
        });
    }
}
