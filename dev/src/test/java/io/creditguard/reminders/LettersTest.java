package io.creditguard.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.creditguard.receivables.Invoice;
import io.creditguard.receivables.Invoice.CustomerType;
import io.quarkus.test.junit.QuarkusTest;

/** Letters rendered by the real Qute templates, in each language, from real decisions composed into statements. */
@QuarkusTest
class LettersTest {

    private static final ReminderPolicy POLICY = TestPolicies.seller("SE");
    /** Every kind of letter, one level each. */
    private static final ReminderPolicy ALL_KINDS = TestPolicies.seller("SE", """
            {"levels": [
              {"level": 1, "daysAfterDue": 5,  "kind": "PAYMENT_REMINDER"},
              {"level": 2, "daysAfterDue": 20, "kind": "FINAL_NOTICE"},
              {"level": 3, "daysAfterDue": 35, "kind": "INKASSOKRAV"},
              {"level": 4, "daysAfterDue": 50, "kind": "COLLECTION_HANDOFF"}]}""");

    @Inject
    Letters letters;

    private Letters.Letter render(ReminderPolicy policy, List<Invoice> invoices, String day) {
        LocalDate asOf = LocalDate.parse(day);
        ReminderEngine engine = TestPolicies.engine(policy);
        List<ReminderEngine.DunningLetter> due = invoices.stream()
                .map(i -> engine.decide(i, asOf).letter().orElseThrow(() -> new AssertionError("no letter for " + i.invoiceId())))
                .toList();
        List<Statements.Statement> statements = Statements.compose(engine, due, asOf);
        assertThat(statements).hasSize(1);
        return letters.render(statements.get(0), policy, asOf);
    }

    private Letters.Letter render(Invoice invoice, String asOf) {
        return render(POLICY, List.of(invoice), asOf);
    }

    @Test
    void swedishReminderToABusiness() {
        // Räntelagen 6 §: 2025H1 referensränta 3.00 + 8 = 11 %; 10 000 kr × 11 % × 30 / 365 = 90.41.
        // Lag (1981:739) 4 a §: 450 kr förseningsersättning. Pay within 10 days: 26 April is a Saturday → 28 April.
        Invoice invoice = TestInvoices.of("SE", CustomerType.BUSINESS, "SEK", "10000", "2025-03-17").build();
        Letters.Letter letter = render(invoice, "2025-04-16");
        assertThat(letter.language()).isEqualTo("sv");
        assertThat(letter.subject()).isEqualTo("Betalningspåminnelse: faktura F-2025-03-17");
        assertThat(letter.text())
                .contains("förföll 2025-03-17 (30 dagar sedan)")
                .contains("Kapital att betala: 10 000,00 SEK")
                .contains("Dröjsmålsränta löper från 2025-03-18 (Räntelagen (1975:635) 3 § (förfallodag bestämd i förväg)).")
                .contains("Dröjsmålsränta (Räntelagen (1975:635) 6 §")
                .contains("2025-03-18 – 2025-04-16: 30 dagar à 11,00 % på 10 000,00 SEK = 90,41 SEK")
                .contains("Förseningsersättning (Lag (1981:739) 4 a §")
                .contains(": 450,00 SEK")
                .contains("Att betala totalt: 10 540,41 SEK")
                .contains("Betala senast 2025-04-28")
                .contains("Fordran lyder under lagen i Sverige, säljarens land.");
        assertThat(letter.html()).startsWith("<!DOCTYPE html>").contains("<html lang=\"sv\">")
                .contains("Att betala totalt: 10 540,41 SEK");
    }

    @Test
    void oneStatementListsEveryInvoiceOfTheCustomer() {
        Invoice first = TestInvoices.of("SE", CustomerType.BUSINESS, "SEK", "10000", "2025-03-17").id("a").build();
        Invoice second = TestInvoices.of("SE", CustomerType.BUSINESS, "SEK", "2000", "2025-03-31").id("b").build();
        Letters.Letter letter = render(POLICY, List.of(first, second), "2025-04-16");
        assertThat(letter.subject()).isEqualTo("Betalningspåminnelse: fakturor F-2025-03-17, F-2025-03-31");
        assertThat(letter.text()).contains("Faktura F-2025-03-17").contains("Faktura F-2025-03-31")
                .contains("fakturanumren");
    }

    @Test
    void dutchFourteenDayLetterToAConsumerStatesTheCosts() {
        // BW 6:96 lid 6: the letter states the costs owed if the 14 days pass: 15 % of €640 = €96.00 (staffel).
        // Sent 24 March, received 26 March, the term ends 9 April (Algemene termijnenwet).
        Invoice invoice = TestInvoices.of("NL", CustomerType.CONSUMER, "EUR", "640", "2025-03-17").build();
        Letters.Letter letter = render(invoice, "2025-03-24");
        assertThat(letter.subject()).isEqualTo("Betalingsherinnering: factuur F-2025-03-17");
        assertThat(letter.text()).contains("Openstaande hoofdsom: EUR 640,00")
                .contains("Rente is verschuldigd vanaf 18-3-2025 (BW 6:83 sub a, 6:119 lid 1 (een fatale termijn)).")
                .contains("binnen 14 dagen, te rekenen vanaf de dag na ontvangst van deze brief")
                .contains("uiterlijk 9-4-2025")
                .contains("buitengerechtelijke incassokosten verschuldigd van EUR 96,00")
                .contains("het recht van Nederland van toepassing, uw woonland");
    }

    @Test
    void englishLetterUnderTheChosenLawNamesTheContract() {
        // BGB § 288 Abs. 5: €40 Pauschale; the contract chose German law for a customer writing in English.
        Invoice invoice = TestInvoices.of("IE", CustomerType.BUSINESS, "EUR", "8300", "2025-03-17").underLaw("DE").build();
        Letters.Letter letter = render(invoice, "2025-03-24");
        assertThat(letter.language()).isEqualTo("en");
        assertThat(letter.subject()).isEqualTo("Payment reminder: invoice F-2025-03-17");
        assertThat(letter.text()).contains("Fixed compensation (BGB § 288 Abs. 5 (flat-rate compensation of 40 euros)): EUR 40.00")
                .contains("governed by the law of Germany, as the contract chose.");
    }

    /** Every letter kind in every language, so strict rendering checks every expression of every template. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "sv, reminder, '', Betalningspåminnelse", "sv, final-notice, 1:2025-03-22, Sista påminnelse",
            "sv, inkassokrav, 1:2025-03-22;2:2025-04-06, Inkassokrav",
            "sv, collection-handoff, 1:2025-03-22;2:2025-04-06;3:2025-04-21, Överlämnande till inkasso",
            "nl, reminder, '', Betalingsherinnering", "nl, final-notice, 1:2025-03-22, Laatste aanmaning",
            "nl, inkassokrav, 1:2025-03-22;2:2025-04-06, Sommatie tot betaling",
            "nl, collection-handoff, 1:2025-03-22;2:2025-04-06;3:2025-04-21, Incassovordering",
            "en, reminder, '', Payment reminder", "en, final-notice, 1:2025-03-22, Final notice",
            "en, inkassokrav, 1:2025-03-22;2:2025-04-06, Formal demand for payment",
            "en, collection-handoff, 1:2025-03-22;2:2025-04-06;3:2025-04-21, Collection demand"})
    void everyKindInEveryLanguage(String language, String template, String sent, String subject) {
        String country = language.equals("sv") ? "SE" : language.equals("nl") ? "NL" : "IE";
        Invoice invoice = TestInvoices.of(country, CustomerType.BUSINESS, country.equals("SE") ? "SEK" : "EUR", "5000",
                "2025-03-17").sent(sent.isEmpty() ? new String[0] : sent.split(";")).build();
        String asOf = switch (sent.isEmpty() ? 0 : sent.split(";").length) {
            case 0 -> "2025-03-24";
            case 1 -> "2025-04-06";
            case 2 -> "2025-04-21";
            default -> "2025-05-06";
        };
        Letters.Letter letter = render(ALL_KINDS, List.of(invoice), asOf);
        assertThat(letter.subject()).startsWith(subject);
        assertThat(letter.text()).doesNotContain("{").contains(ALL_KINDS.creditor().name());
    }

    @ParameterizedTest(name = "insurer notification in {0}")
    @CsvSource({"sv, Anmälan om förfallen fordran, 2025-05-16", "nl, Melding achterstallige vordering, 16-5-2025",
            "en, Overdue debt notification, 16 May 2025"})
    void insurerNotificationInTheCreditorsLanguage(String language, String subject, String deadline) {
        // The default insurer: report within 60 days of the original due date (17 March → 16 May), at 45 days.
        ReminderPolicy policy = TestPolicies.seller("SE", """
                {"creditor": {"name": "Säljare AB", "country": "SE", "paymentInstructions": "bankgiro 123-4567",
                 "disputeContact": "ekonomi@example.se", "language": "%s"}}""".formatted(language));
        Invoice invoice = TestInvoices.of("NL", CustomerType.BUSINESS, "EUR", "96000", "2025-03-17")
                .sent("1:2025-03-22", "2:2025-04-06", "3:2025-04-21", "4:2025-04-28").build();
        var decision = TestPolicies.engine(policy).decide(invoice, LocalDate.parse("2025-05-01"));
        Letters.Letter letter = letters.render(decision.insurerReport().orElseThrow(), policy);
        assertThat(letter.language()).isEqualTo(language);
        assertThat(letter.subject()).startsWith(subject);
        assertThat(letter.text()).contains("Credit insurer").contains("Kund AB").contains(deadline).contains("45");
    }

    @Test
    void htmlEscapesWhatTheCustomerRecordSays() {
        Invoice base = TestInvoices.of("SE", CustomerType.BUSINESS, "SEK", "10000", "2025-03-17").build();
        Invoice hostile = withCustomer(base, new Invoice.Customer("c", "<script>alert(1)</script> AB",
                CustomerType.BUSINESS, "SE", "sv", null, null, null, null, null));
        Letters.Letter letter = render(hostile, "2025-04-16");
        assertThat(letter.html()).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void unknownLanguageFallsBackToEnglish() {
        Invoice base = TestInvoices.of("FI", CustomerType.BUSINESS, "EUR", "5400", "2025-03-17").build();
        Invoice finnish = withCustomer(base, new Invoice.Customer("c", "Helsinki Data Oy", CustomerType.BUSINESS, "FI", "fi",
                null, null, null, null, null));
        assertThat(render(finnish, "2025-03-24").subject()).isEqualTo("Payment reminder: invoice F-2025-03-17");
    }

    /** A person's look at each language's first page: target/letters/. */
    private static final Path PAGES = Path.of("target/letters");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // The worked examples above: the Swedish reminder, the Dutch 14-day letter, the English one under German law.
            "sv | SE | BUSINESS | SEK | 10000 | 2025-04-16 | 'Att betala totalt: 10 540,41 SEK' | 'Betala senast 2025-04-28' | Sida 1 av 1",
            "nl | NL | CONSUMER | EUR | 640   | 2025-03-24 | 'incassokosten verschuldigd van EUR 96,00' | 'uiterlijk 9-4-2025' | Pagina 1 van 1",
            "en | DE | BUSINESS | EUR | 8300  | 2025-03-24 | 'EUR 40.00' | 'governed by the law of Germany' | Page 1 of 1"})
    void everyLetterIsAlsoAnA4PdfSayingWhatTheTextSays(String language, String country, CustomerType type, String currency,
            String open, String asOf, String amount, String date, String page) throws IOException {
        TestInvoices invoice = TestInvoices.of(country.equals("DE") ? "IE" : country, type, currency, open, "2025-03-17");
        Letters.Letter letter = render(country.equals("DE") ? invoice.underLaw("DE").build() : invoice.build(), asOf);
        assertThat(letter.text()).contains(amount).contains(date);
        byte[] pdf = letters.pdf(letter, POLICY);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDRectangle size = document.getPage(0).getMediaBox();
            assertThat(size.getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            assertThat(size.getHeight()).isEqualTo(PDRectangle.A4.getHeight());
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo(language);
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo(letter.subject());
            String text = flat(new PDFTextStripper().getText(document));
            assertThat(text).contains(flat(letter.subject())).contains(flat(amount)).contains(flat(date)).contains(page)
                    .contains("Exempelbolaget AB · Storgatan 1 · 111 22 Stockholm")
                    .contains("Bankgiro 123-4567");
            List<PDFont> fonts = new ArrayList<>();
            document.getPage(0).getResources().getFontNames().forEach(n -> fonts.add(font(document, n)));
            assertThat(fonts).hasSize(2).allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());
            Files.createDirectories(PAGES);
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 110);
            ImageIO.write(image, "png", PAGES.resolve("statement-" + language + ".png").toFile());
        }
    }

    @Test
    void thePdfPrintsEveryLettersOfTheCustomersLanguagesAndAQuestionMarkForWhatNoFontHas() throws IOException {
        Invoice base = TestInvoices.of("SE", CustomerType.BUSINESS, "SEK", "10000", "2025-03-17").build();
        Invoice invoice = withCustomer(base, new Invoice.Customer("c", "Åsa Østergård Ærø Café Müller 漢 AB",
                CustomerType.BUSINESS, "SE", "sv", null, "Ölandsgatan 7\n118 27 Stockholm", null, null, null));
        ReminderPolicy euro = TestPolicies.seller("SE", """
                {"creditor": {"name": "Överlåt & Söner AB", "country": "SE", "address": "Kungsgatan 2\\n111 43 Stockholm",
                  "paymentInstructions": "IBAN SE45 5000 0000 0583 9825 7466, € and kr welcome",
                  "disputeContact": "reskontra@example.se", "language": "sv"}}""");
        Letters.Letter letter = render(euro, List.of(invoice), "2025-04-16");
        try (PDDocument document = Loader.loadPDF(letters.pdf(letter, euro))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Åsa Østergård Ærø Café Müller ? AB").contains("Ölandsgatan 7")
                    .contains("Överlåt & Söner AB").contains("€ and kr welcome").contains("10 540,41 SEK");
        }
    }

    @Test
    void aLongStatementRunsOverNumberedPagesAndEachNamesTheSender() throws IOException {
        List<Invoice> invoices = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            invoices.add(TestInvoices.of("SE", CustomerType.BUSINESS, "SEK", "1000", "2025-03-17").id("inv-" + i).build());
        }
        Letters.Letter letter = render(POLICY, invoices, "2025-04-16");
        try (PDDocument document = Loader.loadPDF(letters.pdf(letter, POLICY))) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(2);
            for (int page = 1; page <= pages; page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(document)).contains("Sida " + page + " av " + pages)
                        .contains("Exempelbolaget AB");
            }
            // Every invoice is listed once, none lost at a page break.
            String all = new PDFTextStripper().getText(document);
            assertThat(all.split("Faktura F-2025-03-17", -1)).hasSize(41);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "sv | Snart förfallodag: faktura F-2025-03-17, att betala senast 2025-03-17 | Att betala: 10 000,00 SEK",
            "nl | Binnenkort te betalen: factuur F-2025-03-17, uiterlijk 17-3-2025 | Openstaand: EUR 10.000,00",
            "en | Coming due: invoice F-2025-03-17, payable by 17 March 2025 | Open: EUR 10,000.00"})
    void aNoticeBeforeTheDueDateHasItsOwnWordingAndNoCharges(String language, String subject, String open) {
        ReminderPolicy policy = TestPolicies.seller("SE", """
                {"levels": [{"level": 1, "daysAfterDue": -5, "kind": "PRE_DUE_NOTICE"},
                            {"level": 2, "daysAfterDue": 5, "kind": "PAYMENT_REMINDER"}]}""");
        String country = switch (language) {
            case "sv" -> "SE";
            case "nl" -> "NL";
            default -> "IE";
        };
        Invoice invoice = TestInvoices.of(country, CustomerType.BUSINESS, country.equals("SE") ? "SEK" : "EUR", "10000",
                "2025-03-17").build();
        Letters.Letter letter = render(policy, List.of(invoice), "2025-03-12");
        assertThat(letter.subject()).isEqualTo(subject);
        assertThat(letter.text()).contains(open).doesNotContain("ränta").doesNotContain("rente").doesNotContain("interest");
    }

    private static PDFont font(PDDocument document, org.apache.pdfbox.cos.COSName name) {
        try {
            return document.getPage(0).getResources().getFont(name);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Text as extracted, line breaks (where the PDF wrapped a line) as spaces. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static Invoice withCustomer(Invoice base, Invoice.Customer customer) {
        return new Invoice(base.invoiceId(), base.invoiceNumber(), base.currency(), base.issueDate(), base.dueDate(),
                base.amount(), base.openAmount(), customer, base.terms(), base.payments(), base.credits(), base.dunning(),
                base.source(), base.updatedAt());
    }
}
