package io.creditguard.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.creditguard.money.ExchangeRates;

/**
 * A rate row an operator (or a publisher) writes is used only when it can be a rate: a reference rate from −5 to 50 %
 * with at most four decimals, a rate per euro from 0.0001 to 1 000 000 with at most six. Anything else is left out and
 * named, line and column, at once: {@code 350} typed for {@code 3.50} would be charged on every overdue invoice, and
 * {@code 1e400000000} would write out all its digits before any arithmetic finished.
 */
class PlausibleRatesTest {

    private static final String RATES_HEADER = "scheme | validFrom | validTo | ratePercent | evidence | source\n";
    private static final String EXCHANGE_HEADER = "currency | date | perEuro | evidence | source\n";

    private static ReferenceTable table(String text) throws IOException {
        return ReferenceTable.parse("config/operator.txt", new BufferedReader(new StringReader(text)));
    }

    /** The one row on line 2 is used, or left out with the column and the reason named. */
    private static void assertUsedOrNamed(boolean used, List<?> rows, List<FileProblem> problems, String column, String why) {
        assertThat(rows).hasSize(used ? 1 : 0);
        assertThat(problems).hasSize(used ? 0 : 1).allSatisfy(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(column);
            assertThat(p.why()).endsWith(why);
        });
    }

    @ParameterizedTest(name = "{0} %: {1}")
    @CsvSource({
            "2.00, true",
            "-0.50, true",
            "-5, true",
            "50, true",
            "4.125, true",
            "1.2500000, true",
            "350, false",
            "-5.01, false",
            "0.00001, false",
            "1e400000000, false",
            "1e-400000000, false",
    })
    void aReferenceRateRow(String percent, boolean used) throws IOException {
        List<FileProblem> problems = new ArrayList<>();
        List<ReferenceRates.Rate> rows = ReferenceRates.usableRows(table(RATES_HEADER
                + "SE_REFERENSRANTA | 2026-07-01 | 2026-12-31 | " + percent + " | PRIMARY | operator\n"), problems);
        assertUsedOrNamed(used, rows, problems, "ratePercent", "not a rate from -5 to 50 % with at most 4 decimals");
    }

    @ParameterizedTest(name = "{0} per euro: {1}")
    @CsvSource({
            "11.2345, true",
            "0.3301, true",
            "17123.45, true",
            "0.0001, true",
            "1000000, true",
            "0, false",
            "-11.20, false",
            "0.00009, false",
            "1000000.01, false",
            "11.1234567, false",
            "1e400000000, false",
            "1e-400000000, false",
    })
    void anExchangeRateRow(String perEuro, boolean used) throws IOException {
        List<FileProblem> problems = new ArrayList<>();
        List<ExchangeRates.Rate> rows = ExchangeRates.usableRows(table(EXCHANGE_HEADER
                + "SEK | 2026-11-09 | " + perEuro + " | PRIMARY | operator\n"), problems);
        assertUsedOrNamed(used, rows, problems, "perEuro", "not a rate from 0.0001 to 1000000 with at most 6 decimals");
    }
}
