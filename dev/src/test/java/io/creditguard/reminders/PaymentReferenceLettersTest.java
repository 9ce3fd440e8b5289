package io.creditguard.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.creditguard.receivables.Invoice;
import io.creditguard.receivables.Invoice.CustomerType;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The invoice's payment reference (a Fortnox OCR number, an Exact or Visma payment reference, a Peppol
 * PaymentID) travels into the letter next to the amount, in the text, the HTML (which the e-mail carries as its
 * two alternatives) and the PDF, and the debtor is asked to quote it rather than the invoice number.
 */
@QuarkusTest
class PaymentReferenceLettersTest {

    @Inject
    Letters letters;

    private static Invoice withReference(Invoice base, String reference) {
        return new Invoice(base.invoiceId(), base.invoiceNumber(), base.currency(), base.issueDate(), base.dueDate(),
                base.amount(), base.openAmount(), base.customer(), base.terms().withPaymentReference(reference, null),
                base.payments(), base.credits(), base.dunning(), base.source(), base.updatedAt());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SE | SEK | 100115           | Att betala för fakturan      | ange OCR/referens 100115           | och ange referensen ovan
            NL | EUR | 1234567890123456 | Te betalen voor deze factuur | betalingskenmerk 1234567890123456  | het betalingskenmerk hierboven
            IE | EUR | RF18539007547034 | To pay on this invoice       | payment reference RF18539007547034 | quoting the payment reference above
            """)
    void theReferenceStandsNextToTheAmountInEveryFormOfTheLetter(String country, String currency, String reference,
            String amountLabel, String nextToAmount, String quote) throws IOException {
        ReminderPolicy policy = TestPolicies.seller("SE");
        Invoice invoice = withReference(TestInvoices.of(country, CustomerType.BUSINESS, currency, "10000", "2025-03-17").build(),
                reference);
        LocalDate asOf = LocalDate.parse("2025-04-16");
        ReminderEngine engine = TestPolicies.engine(policy);
        ReminderEngine.DunningLetter due = engine.decide(invoice, asOf).letter().orElseThrow();
        assertThat(due.line().paymentReference()).isEqualTo(reference);
        Letters.Letter letter = letters.render(Statements.compose(engine, List.of(due), asOf).get(0), policy, asOf);

        String amountLine = letter.text().lines().filter(l -> l.contains(reference)).findFirst().orElseThrow();
        assertThat(amountLine.strip()).startsWith(amountLabel).endsWith(", " + nextToAmount);
        assertThat(letter.text()).contains(quote);
        assertThat(letter.html()).contains(nextToAmount);
        try (PDDocument pdf = Loader.loadPDF(letters.pdf(letter, policy))) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ")).contains(nextToAmount);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SE, SEK, fakturanumret", "IE, EUR, the invoice number"})
    void withoutAReferenceTheDebtorQuotesTheInvoiceNumber(String country, String currency, String quote) {
        ReminderPolicy policy = TestPolicies.seller("SE");
        Invoice invoice = TestInvoices.of(country, CustomerType.BUSINESS, currency, "10000", "2025-03-17").build();
        LocalDate asOf = LocalDate.parse("2025-04-16");
        ReminderEngine engine = TestPolicies.engine(policy);
        Letters.Letter letter = letters.render(Statements.compose(engine, List.of(engine.decide(invoice, asOf).letter()
                .orElseThrow()), asOf).get(0), policy, asOf);
        assertThat(letter.text()).contains(quote).doesNotContain("OCR/referens").doesNotContain("payment reference");
    }
}
