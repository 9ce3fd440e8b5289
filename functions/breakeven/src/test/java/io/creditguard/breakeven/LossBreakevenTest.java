package io.creditguard.breakeven;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.creditguard.money.Money;

class LossBreakevenTest {

    private static final Currency SEK = Currency.getInstance("SEK");

    /** The table in Coface, "Så skyddar du kassaflödet med kreditförsäkring", 2026-01-05. */
    @ParameterizedTest(name = "Coface table: margin {0}, loss {1} kr needs {2} kr of sales")
    @CsvSource({
            "0.05, 100000, 2000000.00, 20",
            "0.10, 100000, 1000000.00, 10",
            "0.20, 100000,  500000.00,  5",
            "0.10, 300000, 3000000.00, 10",
    })
    void reproducesTheArticleTable(BigDecimal margin, BigDecimal loss, String requiredSales, BigDecimal multiple) {
        var result = LossBreakeven.calculate(new LossBreakeven.Input(Money.of(SEK, loss), margin, null));
        assertThat(result.requiredSales().amount().toPlainString()).isEqualTo(requiredSales);
        assertThat(result.salesMultiple()).isEqualByComparingTo(multiple);
        assertThat(result.bufferMonthsConsumed()).isNull();
    }

    /** The article: three months of expenses in the buffer, a 300 000 kr loss, "hela din säkerhetsmarginal borta". */
    @ParameterizedTest(name = "a loss of {0} with monthly expenses {1} eats {2} months")
    @CsvSource({"300000, 100000, 3", "100000, 40000, 2.5", "100000, 30000, 3.3333"})
    void countsBufferMonths(BigDecimal loss, BigDecimal monthly, BigDecimal months) {
        var result = LossBreakeven.calculate(
                new LossBreakeven.Input(Money.of(SEK, loss), new BigDecimal("0.10"), Money.of(SEK, monthly)));
        assertThat(result.bufferMonthsConsumed()).isEqualByComparingTo(months);
        assertThat(result.explanation()).contains("months of expenses");
    }

    @ParameterizedTest(name = "margin {0}: {1} / margin rounds HALF_EVEN to {2}")
    @CsvSource({"0.03, 100000, 3333333.33, 33.3333", "0.07, 1, 14.29, 14.2857", "1, 12.34, 12.34, 1"})
    void roundsUnevenQuotientsHalfEven(BigDecimal margin, BigDecimal loss, String requiredSales, BigDecimal multiple) {
        var result = LossBreakeven.calculate(new LossBreakeven.Input(Money.of(SEK, loss), margin, null));
        assertThat(result.requiredSales().amount().toPlainString()).isEqualTo(requiredSales);
        assertThat(result.salesMultiple()).isEqualByComparingTo(multiple);
    }

    /** The explanation names the margin the sales were worked at: loss / margin with the margin as given. */
    @ParameterizedTest(name = "margin {0}: {2}")
    @CsvSource({
            // 100 000 / 0.00005 = 2 000 000 000.00, 1 / 0.00005 = 20 000 times
            "0.00005,      100000, 'At a margin of 0.005 %, earning back a loss of SEK 100000.00 takes SEK 2000000000.00 of new sales (20000 times the loss).'",
            // the smallest margin @Fraction takes: 0.01 / 0.0000000001 = 100 000 000.00, 10 000 000 000 times
            "0.0000000001, 0.01,   'At a margin of 0.00000001 %, earning back a loss of SEK 0.01 takes SEK 100000000.00 of new sales (10000000000 times the loss).'"})
    void explainsTheMarginAsGiven(BigDecimal margin, BigDecimal loss, String explanation) {
        var result = LossBreakeven.calculate(new LossBreakeven.Input(Money.of(SEK, loss), margin, null));
        assertThat(result.explanation()).isEqualTo(explanation);
    }
}
