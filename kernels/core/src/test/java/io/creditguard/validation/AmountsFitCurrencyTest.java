package io.creditguard.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What may be an amount in some currency before any arithmetic touches it: below 10^15, and no more decimals that carry
 * a value than ISO 4217's most (four: CLF, UYW). Trailing zeros carry none, an exponent is read as written.
 */
class AmountsFitCurrencyTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "121.00, true",
            "-121.5, true",
            "0, true",
            "0.0001, true",
            "0.00001, false",
            "1.500000000000000000000, true",
            "999999999999999.9999, true",
            "1000000000000000, false",
            "-1000000000000000, false",
            "1E+14, true",
            "1E+15, false",
            "1e400000000, false",
            "1e-400000000, false",
            "0E-400000000, true",
    })
    void plausible(String text, boolean plausible) {
        assertThat(AmountsFitCurrency.Validator.plausible(new BigDecimal(text))).isEqualTo(plausible);
    }
}
