package io.creditguard.filings;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.creditguard.filings.AnnualAccounts.Figure;
import io.creditguard.json.Json;

/**
 * The figures of KvK's open data as its answer writes them: the balance sheet of the answer in
 * {@code FiledAccountsLambdaTest} (KvK's sample shape, values as JSON strings), with the value of {@code Assets}
 * replaced. A value that is no amount leaves the figure out, so the check names it as one it lacks; it is never
 * read as a figure no company has, nor parsed for minutes.
 */
class KvkOpenDataTest {

    private static final KvkOpenData KVK = new KvkOpenData(URI.create("http://127.0.0.1:9/"), null);

    private static ObjectNode answer(String assets) throws Exception {
        ObjectNode answer = (ObjectNode) Json.MAPPER.readTree("""
                {"opendataFields":[{"key":"FinancialYear","value":"2024"},
                 {"key":"BalanceSheet","opendataFields":[{"key":"Assets","value":"0"},
                   {"key":"Equity","value":"275698"},{"key":"LiabilitiesMaturityLessThanOneYear","value":"153065"}]}]}""");
        ((ObjectNode) answer.path("opendataFields").path(1).path("opendataFields").path(0))
                .set("value", JsonNodeFactory.instance.textNode(assets));
        return answer;
    }

    private static BigDecimal assets(String value) throws Exception {
        return KVK.read("69599084", answer(value)).orElseThrow().years().get(0).figures().stream()
                .filter(f -> f.figure() == Figure.TOTAL_ASSETS).map(AnnualAccounts.Filed::value).findFirst().orElse(null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # Assets as KvK writes it               | read as
            428763                                  | 428763
            ' 428763 '                              | 428763
            428763.50                               | 428763.50
            -1250                                   | -1250
            999999999999999.9999                    | 999999999999999.9999
            0000000000000000000000000000000000012   | 12
            """)
    void anAmountIsRead(String value, BigDecimal expected) throws Exception {
        assertThat(assets(value)).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # Assets as KvK writes it, and why it is no amount
            1000000000000000       | the first amount no currency's figures reach (AmountsFitCurrency)
            1.00001                | a fifth decimal that carries a value
            1e5                    | an exponent: KvK writes its figures out
            428.763,00             | a Dutch grouping: not KvK's JSON
            ''                     | nothing
            -                      | a sign alone
            """)
    void aValueThatIsNoAmountLeavesTheFigureOut(String value, String why) throws Exception {
        assertThat(assets(value)).as(why).isNull();
    }

    @ParameterizedTest(name = "{0} digits")
    @CsvSource({ "41", "100000", "5000000" })
    @Timeout(60) // a guard: before, BigDecimal's parse of five million digits took minutes
    void aValueLongerThanAnyAmountIsNotParsed(int digits) throws Exception {
        assertThat(assets("9".repeat(digits))).isNull();
        // the year's other figures stay
        assertThat(KVK.read("69599084", answer("9".repeat(digits))).orElseThrow().years().get(0).figures())
                .extracting(AnnualAccounts.Filed::figure).contains(Figure.EQUITY, Figure.CURRENT_LIABILITIES);
    }
}
