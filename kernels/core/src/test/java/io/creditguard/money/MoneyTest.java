package io.creditguard.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @ParameterizedTest(name = "{0} {1} is held as {2}")
    @CsvSource({
            "SEK, 100000,     100000.00",
            "EUR, 12.5,       12.50",
            "JPY, 1200,       1200",
            "ISK, 1200.0,     1200",
            "BHD, 1.005,      1.005",
            "SEK, 0.10,       0.10",
    })
    void holdsTheCurrencyScale(String currency, BigDecimal amount, String expected) {
        assertThat(Money.of(Currency.getInstance(currency), amount).amount().toPlainString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} has too many decimals")
    @CsvSource({"SEK, 0.001", "EUR, 10.125", "JPY, 1.5"})
    void refusesMoreDecimalsThanTheCurrencyHas(String currency, BigDecimal amount) {
        assertThatThrownBy(() -> Money.of(Currency.getInstance(currency), amount))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more decimals than " + currency);
    }

    @Test
    void refusesCodesThatAreNoCurrencyOfPayment() {
        assertThatThrownBy(() -> Money.of(Currency.getInstance("XAU"), BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} × {1} rounds {2} to {3}")
    @CsvSource({
            "10.00, 0.125, HALF_EVEN, 1.25",
            "0.05,  0.5,   HALF_EVEN, 0.02",
            "0.15,  0.5,   HALF_EVEN, 0.08",
            "0.05,  0.5,   HALF_UP,   0.03",
            "100,   0.333, HALF_EVEN, 33.30",
    })
    void roundsWhereItMultiplies(BigDecimal amount, BigDecimal factor, RoundingMode rounding, BigDecimal expected) {
        Money sek = Money.of(Currency.getInstance("SEK"), amount);
        assertThat(sek.times(factor, rounding).amount()).isEqualByComparingTo(expected);
    }

    @Test
    void dividesWithOneRoundingOnly() {
        // 0.125 / 1 at 2 decimals: one HALF_EVEN step gives 0.12; rounding twice must not creep in.
        Money eur = Money.of(Currency.getInstance("EUR"), new BigDecimal("100.00"));
        assertThat(eur.dividedBy(new BigDecimal("800"), RoundingMode.HALF_EVEN).amount()).isEqualByComparingTo("0.12");
        assertThat(eur.dividedBy(new BigDecimal("3"), RoundingMode.HALF_EVEN).amount()).isEqualByComparingTo("33.33");
    }

    @Test
    void refusesArithmeticAcrossCurrencies() {
        Money sek = Money.of(Currency.getInstance("SEK"), BigDecimal.TEN);
        Money eur = Money.of(Currency.getInstance("EUR"), BigDecimal.TEN);
        assertThatThrownBy(() -> sek.plus(eur)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SEK and EUR");
    }

    static Stream<Arguments> combinations() {
        return Stream.of(Arguments.of("plus", (BiConsumer<Money, Money>) Money::plus),
                Arguments.of("minus", (BiConsumer<Money, Money>) Money::minus),
                Arguments.of("max", (BiConsumer<Money, Money>) Money::max),
                Arguments.of("min", (BiConsumer<Money, Money>) Money::min),
                Arguments.of("compareTo", (BiConsumer<Money, Money>) Money::compareTo),
                Arguments.of("ratioTo", (BiConsumer<Money, Money>) (a, b) -> a.ratioTo(b, 4, RoundingMode.HALF_EVEN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void everyCombinationNamesBothCurrenciesOnAMismatch(String operation, BiConsumer<Money, Money> combine) {
        Money sek = Money.of(Currency.getInstance("SEK"), BigDecimal.TEN);
        Money eur = Money.of(Currency.getInstance("EUR"), BigDecimal.TEN);
        assertThatThrownBy(() -> combine.accept(sek, eur)).isInstanceOfSatisfying(CurrencyMismatchException.class, e -> {
            assertThat(e.first()).isEqualTo(Currency.getInstance("SEK"));
            assertThat(e.second()).isEqualTo(Currency.getInstance("EUR"));
        });
    }

    @Test
    void equalityIncludesTheCurrency() {
        assertThat(Money.of(Currency.getInstance("SEK"), BigDecimal.TEN))
                .isEqualTo(Money.of(Currency.getInstance("SEK"), new BigDecimal("10.0")))
                .isNotEqualTo(Money.of(Currency.getInstance("NOK"), BigDecimal.TEN));
    }
}
