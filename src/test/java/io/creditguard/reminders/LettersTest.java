package io.creditguard.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.creditguard.Standalone;
import io.creditguard.calendar.BusinessCalendar;
import io.creditguard.receivables.Invoice;
import io.creditguard.receivables.Invoice.CustomerType;
import io.quarkus.test.junit.QuarkusTest;

/** Letters rendered by the real Qute templates, in each language, from real decisions. */
@QuarkusTest
class LettersTest {

    private static final ReminderPolicy POLICY = Standalone.reminders().defaultPolicy();
    private static final ReminderEngine ENGINE = new ReminderEngine(POLICY, StatutoryRules.standard(), BusinessCalendar.standard());

    @Inject
    Letters letters;

    private Letters.Letter render(Invoice invoice, String asOf) {
        var action = ENGINE.decide(invoice, LocalDate.parse(asOf)).actions().get(0);
        return letters.render(action, invoice, POLICY);
    }

    @Test
    void swedishReminderToABusiness() {
        Invoice invoice = TestInvoices.of("SE", CustomerType.BUSINESS, "SEK", "10000", "2025-03-17").build();
        Letters.Letter letter = render(invoice, "2025-04-16");
        assertThat(letter.language()).isEqualTo("sv");
        assertThat(letter.subject()).isEqualTo("Betalningspåminnelse: faktura F-2025-03-17");
        assertThat(letter.text())
                .contains("förfallodag 2025-03-17")
                .contains("Obetalt belopp: 10 000,00 SEK")
                .contains("Dröjsmålsränta (Räntelagen (1975:635) 6 §")
                .contains("2025-03-18 – 2025-04-16: 30 dagar à 11,00 % = 90,41 SEK")
                .contains("Förseningsersättning (Lag (1981:739) om ersättning för inkassokostnader 4 a §): 450,00 SEK")
                .contains("Att betala: 10 540,41 SEK")
                .contains("Betala senast 2025-04-28");
        assertThat(letter.html()).startsWith("<!DOCTYPE html>").contains("<html lang=\"sv\">")
                .contains("Att betala: 10 540,41 SEK");
    }

    @Test
    void dutchFourteenDayLetterToAConsumerStatesTheCosts() {
        Invoice invoice = TestInvoices.of("NL", CustomerType.CONSUMER, "EUR", "640", "2025-03-17").build();
        Letters.Letter letter = render(invoice, "2025-03-24");
        assertThat(letter.subject()).isEqualTo("Betalingsherinnering: factuur F-2025-03-17");
        assertThat(letter.text()).contains("Openstaand bedrag: EUR 640,00")
                .contains("binnen 14 dagen, te rekenen vanaf de dag na ontvangst van deze brief")
                .contains("buitengerechtelijke incassokosten verschuldigd van EUR 96,00");
    }

    @Test
    void englishFinalNoticeNamesTheNextStep() {
        Invoice invoice = TestInvoices.of("FR", CustomerType.BUSINESS, "EUR", "8300", "2025-03-17")
                .sent("1:2025-03-22", "2:2025-04-06").build();
        Letters.Letter letter = render(invoice, "2025-04-21");
        assertThat(letter.language()).isEqualTo("en");
        assertThat(letter.subject()).isEqualTo("Final notice: invoice F-2025-03-17");
        assertThat(letter.text()).contains("This is our final notice")
                .contains("Compensation for recovery costs (Directive 2011/7/EU art. 6): EUR 40.00")
                .contains("hand the debt to a collection agency");
    }

    /** Every letter kind in every language, so strict rendering checks every expression of every template. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "sv, reminder, '', Betalningspåminnelse", "sv, final-notice, 1:2025-03-22;2:2025-04-06, Sista påminnelse",
            "sv, collection-handoff, 1:2025-03-22;2:2025-04-06;3:2025-04-21, Inkassokrav",
            "nl, reminder, '', Betalingsherinnering", "nl, final-notice, 1:2025-03-22;2:2025-04-06, Laatste aanmaning",
            "nl, collection-handoff, 1:2025-03-22;2:2025-04-06;3:2025-04-21, Incassovordering",
            "en, reminder, '', Payment reminder", "en, final-notice, 1:2025-03-22;2:2025-04-06, Final notice",
            "en, collection-handoff, 1:2025-03-22;2:2025-04-06;3:2025-04-21, Collection demand"})
    void everyKindInEveryLanguage(String language, String kind, String sent, String subject) {
        String country = language.equals("sv") ? "SE" : language.equals("nl") ? "NL" : "IE";
        Invoice invoice = TestInvoices.of(country, CustomerType.BUSINESS, country.equals("SE") ? "SEK" : "EUR", "5000",
                "2025-03-17").sent(sent.isEmpty() ? new String[0] : sent.split(";")).build();
        String asOf = sent.isEmpty() ? "2025-03-24" : sent.split(";").length == 2 ? "2025-04-21" : "2025-05-06";
        var action = ENGINE.decide(invoice, LocalDate.parse(asOf)).actions().stream()
                .filter(a -> a.level() != null).findFirst().orElseThrow();
        assertThat(action.template()).isEqualTo(kind);
        Letters.Letter letter = letters.render(action, invoice, POLICY);
        assertThat(letter.subject()).startsWith(subject);
        assertThat(letter.text()).doesNotContain("{").contains(POLICY.creditor().name());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "insurer notification in {0}")
    @org.junit.jupiter.params.provider.CsvSource({"sv, Anmälan om förfallen fordran", "nl, Melding achterstallige vordering",
            "en, Overdue debt notification"})
    void insurerNotificationInTheCreditorsLanguage(String language, String subject) {
        ReminderPolicy base = POLICY;
        ReminderPolicy policy = new ReminderPolicy(base.name(), base.timeZone(), base.graceDays(), base.minimumDaysBetween(),
                base.minimumAmounts(), base.shiftDueDateToBusinessDay(), base.letterDeliveryDays(), base.levels(),
                base.insurer(), new ReminderPolicy.Creditor("Säljare AB", "bankgiro 123-4567", "ekonomi@example.se", language),
                base.referenceRates());
        ReminderEngine engine = new ReminderEngine(policy, StatutoryRules.standard(), BusinessCalendar.standard());
        Invoice invoice = TestInvoices.of("NL", CustomerType.BUSINESS, "EUR", "96000", "2025-03-17")
                .sent("1:2025-03-22", "2:2025-04-06", "3:2025-04-21", "4:2025-05-06").build();
        var notification = engine.decide(invoice, LocalDate.parse("2025-05-01")).actions().get(0);
        assertThat(notification.action()).isEqualTo(ReminderPolicy.Action.INSURER_NOTIFICATION);
        Letters.Letter letter = letters.render(notification, invoice, policy);
        assertThat(letter.language()).isEqualTo(language);
        assertThat(letter.subject()).startsWith(subject);
        assertThat(letter.text()).contains("Credit insurer").contains("16");
    }

    @Test
    void htmlEscapesWhatTheCustomerRecordSays() {
        Invoice base = TestInvoices.of("SE", CustomerType.BUSINESS, "SEK", "10000", "2025-03-17").build();
        Invoice hostile = new Invoice(base.invoiceId(), base.invoiceNumber(), base.currency(), base.issueDate(),
                base.dueDate(), base.amount(), base.openAmount(), new Invoice.Customer("c", "<script>alert(1)</script> AB",
                        CustomerType.BUSINESS, "SE", "sv", null, null),
                null, false, false, null, null, null, null, null);
        Letters.Letter letter = render(hostile, "2025-04-16");
        assertThat(letter.html()).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void unknownLanguageFallsBackToEnglish() {
        Invoice base = TestInvoices.of("FI", CustomerType.BUSINESS, "EUR", "5400", "2025-03-17").build();
        Invoice finnish = new Invoice(base.invoiceId(), base.invoiceNumber(), base.currency(), base.issueDate(),
                base.dueDate(), base.amount(), base.openAmount(), new Invoice.Customer("c", "Helsinki Data Oy",
                        CustomerType.BUSINESS, "FI", "fi", null, null),
                null, false, false, null, null, null, null, null);
        assertThat(render(finnish, "2025-03-24").subject()).isEqualTo("Payment reminder: invoice F-2025-03-17");
    }
}
