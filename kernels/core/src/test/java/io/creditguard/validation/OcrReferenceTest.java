package io.creditguard.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Swedish OCR references as Bankgirot's OCR check reads them: the last digit a modulus-10 (Luhn) check
 * digit over the rest. Worked example: for 12345, every second digit from the right doubled (digits of a
 * product summed) gives 1+0 (5×2) + 4 + 6 (3×2) + 2 + 2 (1×2) = 15, so the check digit is 5: 123455. With
 * a length digit, 123456 becomes 1234568 (eight digits in all) and its check digit 2: 12345682.
 */
class OcrReferenceTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "123455, true",
            "123456, false",
            "12345682, true",
            "12345683, false",
            "4002, true",
            "18, true",
            "1, false",
            "'', false",
            "12 3455, false",
            "12345-5, false",
            "00000000000000000000000000, false",
            "0000000000000000000000000, true"
    })
    void theCheckDigitIsModulusTen(String reference, boolean valid) {
        assertThat(OcrReference.valid(reference)).isEqualTo(valid);
    }
}
