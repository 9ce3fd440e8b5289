package io.creditguard.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferenceTableTest {

    private static ReferenceTable parse(String text) throws IOException {
        return ReferenceTable.parse("test.txt", new BufferedReader(new StringReader(text)));
    }

    private static final String RATES = """
            # Sweden, referensränta by half-year
            validFrom  | validTo    | rate | source
            2024-01-01 | 2024-06-30 | 4.00 | Riksbank
            2024-07-01 | 2024-12-31 | 4.00 | Riksbank

            2025-01-01 | -          | 3.00 | mystep.se
            """;

    @ParameterizedTest(name = "on {0} the row from {1} applies")
    @CsvSource({"2024-01-01, 2024-01-01", "2024-06-30, 2024-01-01", "2024-07-01, 2024-07-01",
            "2024-12-31, 2024-07-01", "2031-05-05, 2025-01-01"})
    void selectsTheRowInForceWithInclusiveBounds(LocalDate date, LocalDate validFrom) throws IOException {
        assertThat(parse(RATES).effectiveOn(date)).singleElement()
                .satisfies(row -> assertThat(row.date("validFrom")).isEqualTo(validFrom));
    }

    @Test
    void findsNothingBeforeTheFirstRow() throws IOException {
        assertThat(parse(RATES).effectiveOn(LocalDate.of(2023, 12, 31))).isEmpty();
    }

    @Test
    void namesFileAndLineOfAMalformedRow() {
        assertThatThrownBy(() -> parse("a | b\n1 | 2 | 3\n")).hasMessage("test.txt:2: 3 cells, the header has 2");
        assertThatThrownBy(() -> parse("a | b\nx | 2\n").rows().get(0).decimal("a"))
                .hasMessage("test.txt:2: column a is not a decimal number");
        assertThatThrownBy(() -> parse("# only comments\n")).hasMessage("test.txt has no header line");
    }
}
