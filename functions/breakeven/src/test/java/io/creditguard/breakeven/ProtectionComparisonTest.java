package io.creditguard.breakeven;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.creditguard.money.Money;
import io.creditguard.reference.ReferenceTable;

/**
 * The Coface ranges ("Så skyddar du kassaflödet med kreditförsäkring", 2026-01-05) on a book of SEK 20 000 000
 * turnover, 0.6 % expected losses (120 000 a year) and a largest single exposure of 400 000 at an 8 % margin, worked by hand.
 */
class ProtectionComparisonTest {

    private static final Currency SEK = Currency.getInstance("SEK");
    private static final List<ProtectionOption> DEFAULTS =
            ProtectionOption.defaults(ReferenceTable.load("protection-options.txt"), LocalDate.of(2026, 11, 28));

    private static ProtectionComparison.Result compare(String lossRate) {
        return ProtectionComparison.compare(new ProtectionComparison.Input(Money.of(SEK, new BigDecimal("20000000")),
                lossRate == null ? null : new BigDecimal(lossRate), Money.of(SEK, new BigDecimal("400000")),
                new BigDecimal("0.08"), DEFAULTS));
    }

    @ParameterizedTest(name = "{1}: cost {2}–{3}, uncovered {4}–{5}, worst case {6}, sales {7}, rank {0}")
    @CsvSource({
            // 20 000–100 000 premium; 120 000 × 10 % / 25 % uncovered; 400 000 × 25 % = 100 000; / 8 %
            "1, CREDIT_INSURANCE,      20000.00, 100000.00,      12000.00,  30000.00, 100000.00, 1250000.00",
            "2, SELF_INSURANCE,            0.00,      0.00,     120000.00, 120000.00, 400000.00, 5000000.00",
            "3, BANK_GUARANTEE,       100000.00, 400000.00,          0.00,      0.00,      0.00,       0.00",
            "4, FACTORING,            200000.00, 600000.00,          0.00,  24000.00,  80000.00, 1000000.00",
    })
    void ranksByTotalExpectedCost(int rank, ProtectionKind kind, String costLow, String costHigh,
            String uncoveredLow, String uncoveredHigh, String worst, String salesToRecover) {
        var option = compare("0.006").options().get(rank - 1);
        assertThat(option.kind()).isEqualTo(kind);
        assertThat(option.rank()).isEqualTo(rank);
        assertThat(option.annualCost().low().amount()).isEqualByComparingTo(costLow);
        assertThat(option.annualCost().high().amount()).isEqualByComparingTo(costHigh);
        assertThat(option.expectedUncoveredLoss().low().amount()).isEqualByComparingTo(uncoveredLow);
        assertThat(option.expectedUncoveredLoss().high().amount()).isEqualByComparingTo(uncoveredHigh);
        assertThat(option.worstCaseUncovered().amount()).isEqualByComparingTo(worst);
        assertThat(option.salesToRecoverWorstCase().amount()).isEqualByComparingTo(salesToRecover);
    }

    @Test
    void creditInsuranceBreaksEvenAtPremiumOverCover() {
        // 0.1 % / 90 % = 0.1111 %; 0.5 % / 75 % = 0.6667 %
        var breakEven = compare("0.006").creditInsuranceBreakEven();
        assertThat(breakEven.low()).isEqualByComparingTo("0.001111");
        assertThat(breakEven.high()).isEqualByComparingTo("0.006667");
    }

    @Test
    void saysSoWhenTheRankingIgnoresRisk() {
        var result = compare(null);
        assertThat(result.options().get(0).kind()).isEqualTo(ProtectionKind.SELF_INSURANCE);
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("ranking reflects cost only"));
    }

    /**
     * Ranked by the midpoint as it is, not rounded to the minor unit: on 1 000 yen, 0.1–0.2 % costs 1–2 yen (midpoint
     * 1.5) and 0.2–0.3 % 2–3 yen (midpoint 2.5); both midpoints round HALF_EVEN to 2 yen, and the tie went to the worst
     * case, where the dearer option covers all of the 500 yen exposure and the cheaper none of it.
     */
    @Test
    void ranksByTheMidpointUnrounded() {
        Currency jpy = Currency.getInstance("JPY");
        var cheaper = new ProtectionOption(ProtectionKind.CREDIT_INSURANCE, new BigDecimal("0.001"),
                new BigDecimal("0.002"), BigDecimal.ZERO, BigDecimal.ZERO, "test");
        var dearer = new ProtectionOption(ProtectionKind.BANK_GUARANTEE, new BigDecimal("0.002"),
                new BigDecimal("0.003"), BigDecimal.ONE, BigDecimal.ONE, "test");
        var result = ProtectionComparison.compare(new ProtectionComparison.Input(Money.of(jpy, new BigDecimal("1000")),
                null, Money.of(jpy, new BigDecimal("500")), null, List.of(dearer, cheaper)));
        assertThat(result.options()).extracting(ProtectionComparison.OptionResult::kind)
                .containsExactly(ProtectionKind.CREDIT_INSURANCE, ProtectionKind.BANK_GUARANTEE);
        assertThat(result.options().get(0).annualCost().low().amount()).isEqualByComparingTo("1");
        assertThat(result.options().get(0).annualCost().high().amount()).isEqualByComparingTo("2");
        assertThat(result.options().get(1).annualCost().low().amount()).isEqualByComparingTo("2");
        assertThat(result.options().get(1).annualCost().high().amount()).isEqualByComparingTo("3");
    }

    @Test
    void comparesTheCallersOwnQuotes() {
        var result = ProtectionComparison.compare(new ProtectionComparison.Input(Money.of(SEK, new BigDecimal("1000000")),
                new BigDecimal("0.02"), null, null, List.of(
                        ProtectionOption.exact(ProtectionKind.CREDIT_INSURANCE, new BigDecimal("0.004"),
                                new BigDecimal("0.85")),
                        ProtectionOption.exact(ProtectionKind.SELF_INSURANCE, BigDecimal.ZERO, BigDecimal.ZERO))));
        // insurance 4 000 + 20 000 × 15 % = 7 000 against 20 000 carried alone
        assertThat(result.options().get(0).totalExpectedCost().low().amount()).isEqualByComparingTo("7000.00");
        assertThat(result.options().get(0).source()).isEqualTo("request");
        assertThat(result.options().get(1).totalExpectedCost().high().amount()).isEqualByComparingTo("20000.00");
    }
}
