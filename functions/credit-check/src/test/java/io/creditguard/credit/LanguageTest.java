package io.creditguard.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.creditguard.money.Money;
import io.creditguard.reference.ReferenceTable;

/** The answer's language from what the caller accepts, its numbers, and the texts table's checks at load. */
class LanguageTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            sv-SE,sv;q=0.9,en;q=0.5   | SV
            nl-NL                     | NL
            en-GB,sv;q=0.8            | EN
            de-DE,nl;q=0.7,sv;q=0.6   | NL
            de-DE                     | EN
            ''                        | EN
            sv;q=0.2,en;q=0.9         | EN
            sv;q=x,nl                 | NL
            """)
    void theLanguageTheCallerRanksHighest(String header, Language expected) {
        assertThat(Language.accepted(header)).isEqualTo(expected);
    }

    @Test
    void numbersAndAmountsAreWrittenEachLanguagesWay() {
        BigDecimal value = new BigDecimal("1234567.891");
        assertThat(Language.SV.number(value, 2)).isEqualTo("1\u00a0234\u00a0567,89");
        assertThat(Language.NL.number(value, 2)).isEqualTo("1.234.567,89");
        assertThat(Language.EN.number(value, 2)).isEqualTo("1,234,567.89");
        Money amount = Money.of(Currency.getInstance("EUR"), new BigDecimal("200000.00"));
        assertThat(Language.NL.money(amount)).isEqualTo("200.000 EUR");
        assertThat(Language.EN.money(Money.of(Currency.getInstance("SEK"), new BigDecimal("1250.50")))).isEqualTo("1,250.50 SEK");
    }

    private static CreditTexts texts(String rows) throws IOException {
        return CreditTexts.from(ReferenceTable.parse("texts.txt", new BufferedReader(new StringReader(
                "code | sv | nl | en | source\n" + rows))));
    }

    @Test
    void theShippedTextsLoadAndFillTheirPlaceholders() {
        String text = CreditRules.TEXTS.text(CreditTexts.Text.CONDITION_SHORTER_TERMS, Language.SV,
                Map.of("terms", "30", "riskClass", "C", "requested", "60"));
        assertThat(text).isEqualTo("Betalningsvillkor om högst 30 dagar (riskklass C), inte de 60 som begärts");
    }

    @Test
    void aTextTableWithAnUnknownCodeMissingRowsOrUnequalPlaceholdersFailsAtLoad() {
        assertThatThrownBy(() -> texts("NO_SUCH_TEXT | a | b | c | s\n")).hasMessageStartingWith("texts.txt:2:");
        assertThatThrownBy(() -> texts("PD_HORIZON | 12 månader | 12 maanden | 12 months | s\n")).hasMessageContaining("has no row for");
        assertThatThrownBy(() -> texts("PD_BASIS | {riskClass} | {riskClass} | {risk} | s\n")).hasMessageStartingWith("texts.txt:2:")
                .hasMessageContaining("[risk]");
    }
}
