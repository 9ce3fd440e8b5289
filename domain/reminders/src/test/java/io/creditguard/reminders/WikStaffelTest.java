package io.creditguard.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.creditguard.money.Money;

/** Besluit vergoeding voor buitengerechtelijke incassokosten (Stb. 2012, 141) art. 2, band by band. */
class WikStaffelTest {

    private static final StatutoryRules RULES = StatutoryRules.standard();

    @ParameterizedTest(name = "principal €{0} → €{1} ({2})")
    @CsvSource({
            "100.00,     40.00,   15 % is 15; the €40 minimum applies",
            "266.66,     40.00,   15 % is 39.999; still the minimum",
            "266.67,     40.00,   15 % is 40.0005, rounded to cents",
            "300.00,     45.00,   15 % of the first band",
            "2500.00,    375.00,  the whole first band",
            "5000.00,    625.00,  375 + 10 % of 2 500",
            "10000.00,   875.00,  625 + 5 % of 5 000",
            "200000.00,  2775.00, 875 + 1 % of 190 000",
            "1000000.00, 6775.00, 2 775 + 0.5 % of 800 000 is exactly the maximum",
            "2000000.00, 6775.00, held at the €6 775 maximum"})
    void staffel(BigDecimal principal, BigDecimal expected, String why) {
        Money costs = RULES.staffel(Money.of(Currency.getInstance("EUR"), principal), LocalDate.parse("2025-06-01"));
        assertThat(costs.amount()).as(why).isEqualByComparingTo(expected);
    }
}
