package io.creditguard.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.creditguard.money.Money;

/** The invoice list insurers get: RFC 4180 fields, headings in the letter's language, no formula from a platform's text. */
class InvoiceCsvTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "nl | F-2026-17          | Factuurnummer,Factuurdatum,Vervaldatum,Netto,Btw,Bruto,Openstaand,Valuta | F-2026-17",
            "de | 17,18              | Rechnungsnummer,Rechnungsdatum,Fälligkeitsdatum,Netto,USt,Brutto,Offen,Währung | \"17,18\"",
            "en | Order \"A\"          | Invoice number,Issue date,Due date,Net,VAT,Gross,Open,Currency | \"Order \"\"A\"\"\"",
            "en | =HYPERLINK(\"x\")    | Invoice number,Issue date,Due date,Net,VAT,Gross,Open,Currency | \"'=HYPERLINK(\"\"x\"\")\"",
            "en | -2                 | Invoice number,Issue date,Due date,Net,VAT,Gross,Open,Currency | '-2"})
    void eachInvoiceOnALineHeadedInItsLanguage(String language, String number, String heading, String cell) {
        InvoiceCsv.Line line = new InvoiceCsv.Line(number, LocalDate.parse("2026-09-01"), LocalDate.parse("2026-10-01"),
                Money.of(EUR, new BigDecimal("1210.00")), Optional.of(Money.of(EUR, new BigDecimal("210.00"))),
                Money.of(EUR, new BigDecimal("610.00")));
        InvoiceCsv.Line noVat = new InvoiceCsv.Line("F-2", LocalDate.parse("2026-09-02"), LocalDate.parse("2026-10-02"),
                Money.of(EUR, new BigDecimal("500.00")), Optional.empty(), Money.of(EUR, new BigDecimal("500.00")));
        assertThat(new String(InvoiceCsv.of(List.of(line, noVat), language), StandardCharsets.UTF_8)).isEqualTo(heading + "\r\n"
                + cell + ",2026-09-01,2026-10-01,1000.00,210.00,1210.00,610.00,EUR\r\n"
                + "F-2,2026-09-02,2026-10-02,,,500.00,500.00,EUR\r\n");
    }
}
