package io.creditguard.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.creditguard.receivables.Invoice.CustomerType;
import io.creditguard.reference.Jurisdictions;
import io.creditguard.reference.ReferenceRates;
import io.creditguard.reference.ReferenceTable;
import io.creditguard.reminders.DebtorDefault.Reason;
import io.creditguard.reminders.ReminderEngine.DunningLetter;
import io.creditguard.reminders.ReminderEngine.Fee;

/**
 * When default begins, law by law, worked by hand from the statute each case cites, under the default policy
 * of a seller in the law's country (levels at 5, 20, 35 and 50 days, 10 days to pay, letters taking 2 days).
 * Unless a case says otherwise the invoice of 10 000 is issued (and sent) Monday 3 March 2025, received
 * Wednesday 5 March, due Monday 17 March.
 */
class DebtorDefaultTest {

    private static final StatutoryRules RULES = StatutoryRules.standard();

    private static DunningLetter letter(String law, TestInvoices invoice, String asOf) {
        ReminderEngine engine = TestPolicies.engine(TestPolicies.seller(law));
        return engine.decide(invoice.build(), LocalDate.parse(asOf)).letter().orElseThrow();
    }

    private static TestInvoices invoice(String law, CustomerType type) {
        String currency = switch (law) {
            case "SE" -> "SEK";
            case "NO" -> "NOK";
            case "DK" -> "DKK";
            default -> "EUR";
        };
        return TestInvoices.of(law, type, currency, "10000", "2025-03-17").issued("2025-03-03");
    }

    private static String fees(DunningLetter letter) {
        return String.join(" ", letter.line().balance().fees().stream()
                .map(f -> f.code() + ":" + f.amount().amount().toPlainString() + "@" + f.chargedOn()).toList());
    }

    @ParameterizedTest(name = "{0} {1}, agreed terms: from {2} ({3})")
    @CsvSource(delimiter = '|', value = {
            // Directive 2011/7/EU art. 3(3)(a) as each law has it: the day after the agreed date, 17 March. The basis
            // in the letter's language (the customer's: sv, nl, else en), the citation as cited (legal-bases.txt).
            "SE | BUSINESS | 2025-03-18 | Räntelagen (1975:635) 3 § (förfallodag bestämd i förväg)",
            "SE | CONSUMER | 2025-03-18 | Räntelagen (1975:635) 3 § (förfallodag bestämd i förväg)",
            "NL | BUSINESS | 2025-03-18 | BW 6:119a lid 1 (overeengekomen betaaldatum)",
            "NL | CONSUMER | 2025-03-18 | BW 6:83 sub a, 6:119 lid 1 (een fatale termijn)",
            "DE | BUSINESS | 2025-03-18 | BGB § 286 Abs. 2 Nr. 1 (a payment date set by the calendar)",
            "DE | CONSUMER | 2025-03-18 | BGB § 286 Abs. 2 Nr. 1 (a payment date set by the calendar)",
            "NO | BUSINESS | 2025-03-18 | Forsinkelsesrenteloven § 2 første ledd (a due date fixed in advance)",
            "FI | BUSINESS | 2025-03-18 | Korkolaki (633/1982) (a due date fixed in advance)",
            "DK | CONSUMER | 2025-03-18 | Renteloven § 3 stk. 1 (a due date fixed in advance)"})
    void agreedTermsPutTheDebtorInDefaultTheDayAfterTheDueDate(String law, CustomerType type, LocalDate from,
            String basis) {
        DunningLetter letter = letter(law, invoice(law, type), "2025-04-16");
        assertThat(letter.line().defaultFrom()).isEqualTo(from);
        assertThat(letter.line().defaultBasis())
                .isEqualTo(new DebtorDefault.Basis(Reason.AGREED_DUE_DATE, LocalDate.parse("2025-03-17"), basis));
        assertThat(letter.line().balance().interest().periods().get(0).from()).isEqualTo(from);
    }

    @ParameterizedTest(name = "{0} {1} {2}: from {3}, {4}")
    @CsvSource(delimiter = '|', value = {
            // Räntelagen 4 §: 30 days after the invoice was sent, 3 March: from 3 April; 14 days at 3.00 + 8 = 11 %
            // on 10 000 kr = 42.19; 4 a §: the 450 kr is owed from that day.
            "SE | BUSINESS | -      | 2025-04-03 | INVOICE_SENT      | 2025-03-03 | 42.19 | FIXED_COMPENSATION:450.00@2025-04-03",
            // 4 § first paragraph: a consumer's invoice starts the 30 days only if it said interest would follow.
            "SE | CONSUMER | notice | 2025-04-03 | INVOICE_SENT      | 2025-03-03 | 42.19 | ''",
            // Without it this letter is the demand that does (it says so): 30 days from today, 16 April.
            "SE | CONSUMER | -      | 2025-05-17 | REMINDER_SENT     | 2025-04-16 | 0.00  | ''",
            // BW 6:119a lid 2 sub a: from 30 days after the start of the day after receipt (5 March): 5 April.
            // 12 days at ECB 3.15 + 8 = 11.15 % = 36.66; BW 6:96 lid 4: the staffel, 375 + 250 + 250 = 875.
            "NL | BUSINESS | -      | 2025-04-05 | INVOICE_RECEIVED  | 2025-03-05 | 36.66 | COLLECTION_COSTS:875.00@2025-04-05",
            // BW 6:82 lid 1: no verzuim before a written demand's term has passed: this letter's, pay by Saturday
            // 26 April (Koningsdag that year), so Monday 28 April; in default from the 29th. No 14-day letter yet.
            "NL | CONSUMER | -      | 2025-04-29 | REMINDER_TERM_ENDED | 2025-04-28 | 0.00 | ''",
            // BGB § 286 Abs. 3: 30 days after receipt: from 5 April; 12 days at Basiszinssatz 2.27 + 9 = 11.27 % =
            // 37.05; § 288 Abs. 5: €40 once in default. This letter, received 18 April, would come later.
            "DE | BUSINESS | -      | 2025-04-05 | INVOICE_RECEIVED  | 2025-03-05 | 37.05 | FIXED_COMPENSATION:40.00@2025-04-05",
            // § 286 Abs. 3 Halbsatz 2: a consumer whose invoice pointed the 30 days out: 12 days at 2.27 + 5 = 23.90.
            "DE | CONSUMER | notice | 2025-04-05 | INVOICE_RECEIVED  | 2025-03-05 | 23.90 | ''",
            // Without the notice only a reminder does (Abs. 1): this one, received 18 April; default from the 19th.
            "DE | CONSUMER | -      | 2025-04-19 | REMINDER_RECEIVED | 2025-04-18 | 0.00  | ''",
            // Forsinkelsesrenteloven § 2: 30 days after the påkrav was sent: 14 days at 12.50 % = 47.95; § 3a: 470 kr.
            "NO | BUSINESS | -      | 2025-04-03 | INVOICE_SENT      | 2025-03-03 | 47.95 | FIXED_COMPENSATION:470.00@2025-04-03",
            // Korkolaki: 30 days after the invoice was sent: 14 days at 3.50 + 8 = 11.50 % = 44.11; 10 e §: €40.
            "FI | BUSINESS | -      | 2025-04-03 | INVOICE_SENT      | 2025-03-03 | 44.11 | FIXED_COMPENSATION:40.00@2025-04-03",
            // Renteloven § 3 stk. 2: 30 days after it was sent: 14 days at 2.75 + 8 = 10.75 % = 41.23; § 9 a: 310 kr;
            // § 9 b: the 100 kr rykkergebyr of this reminder, which the 310 kr leaves untouched.
            "DK | BUSINESS | -      | 2025-04-03 | INVOICE_SENT      | 2025-03-03 | 41.23 | FIXED_COMPENSATION:310.00@2025-04-03 REMINDER_FEE:100.00@2025-04-16"})
    void withoutAgreedTermsDefaultBeginsAsTheLawSays(String law, CustomerType type, String notice, LocalDate from,
            Reason reason, LocalDate event, String interest, String fees) {
        TestInvoices invoice = invoice(law, type).termsNotAgreed();
        DunningLetter letter = letter(law, notice.equals("notice") ? invoice.withConsumerNotice() : invoice, "2025-04-16");
        assertThat(letter.line().defaultFrom()).isEqualTo(from);
        assertThat(letter.line().defaultBasis().reason()).isEqualTo(reason);
        assertThat(letter.line().defaultBasis().event()).isEqualTo(event);
        assertThat(letter.line().balance().interest().accrued().amount()).isEqualByComparingTo(interest);
        assertThat(fees(letter)).isEqualTo(fees);
    }

    @Test
    void aGermanReminderReceivedBeforeTheThirtyDaysPutsTheDebtorInDefault() {
        // BGB § 286 Abs. 1: the first reminder, sent 24 March, reached the debtor on the 26th, before the 30 days
        // after receipt of the invoice (to 4 April) ran out: in default from 27 March. 21 days to 16 April at
        // 11.27 % on €10 000 = 64.84. The €40 (§ 288 Abs. 5) was not owed when that reminder went out, so it
        // comes with this letter, owed since 27 March.
        DunningLetter letter = letter("DE", invoice("DE", CustomerType.BUSINESS).termsNotAgreed().sent("1:2025-03-24"),
                "2025-04-16");
        assertThat(letter.level()).isEqualTo(2);
        assertThat(letter.line().defaultFrom()).isEqualTo(LocalDate.parse("2025-03-27"));
        assertThat(letter.line().defaultBasis())
                .isEqualTo(new DebtorDefault.Basis(Reason.REMINDER_RECEIVED, LocalDate.parse("2025-03-26"),
                        "BGB § 286 Abs. 3 Satz 1, Abs. 1 (30 days after the invoice was received, or a reminder)"));
        assertThat(letter.line().balance().interest().periods()).singleElement().satisfies(p -> {
            assertThat(p.from()).isEqualTo(LocalDate.parse("2025-03-27"));
            assertThat(p.days()).isEqualTo(21);
            assertThat(p.amount().amount()).isEqualByComparingTo("64.84");
        });
        assertThat(fees(letter)).isEqualTo("FIXED_COMPENSATION:40.00@2025-03-27");
        assertThat(letter.line().balance().fees()).extracting(Fee::chargedAtLevel).containsExactly(2);
    }

    @Test
    void aGermanConsumerWithoutTheNoticeIsInDefaultOnlyOnceAReminderArrives() {
        // The invoice of 3 March said nothing of § 286 Abs. 3; the first letter goes out 16 April. With the notice
        // the consumer would owe interest since 5 April (the table above); without it, from the day after this
        // letter arrives, and the letter says so.
        DunningLetter without = letter("DE", invoice("DE", CustomerType.CONSUMER).termsNotAgreed(), "2025-04-16");
        DunningLetter with = letter("DE", invoice("DE", CustomerType.CONSUMER).termsNotAgreed().withConsumerNotice(),
                "2025-04-16");
        assertThat(without.line().defaultFrom()).isEqualTo(LocalDate.parse("2025-04-19"));
        assertThat(without.line().balance().interest().periods()).isEmpty();
        assertThat(without.line().balance().total().amount()).isEqualByComparingTo("10000.00");
        assertThat(with.line().defaultFrom()).isEqualTo(LocalDate.parse("2025-04-05"));
        assertThat(with.line().balance().total().amount()).isEqualByComparingTo("10023.90");
    }

    @Test
    void aDutchConsumersFourteenDayLetterComesOnlyOnceTheyAreInDefault() {
        // BW 6:96 lid 6: the letter that starts the 14 days must come "na het intreden van het verzuim". Without
        // agreed terms the first letter (24 March, pay by 3 April) was the ingebrekestelling: in default from
        // 4 April. This letter of 7 April is the first in default: the 14-day letter, received the 9th, the term
        // ending Wednesday 23 April, stating the staffel on €10 000 (875.00) as owed if unpaid.
        DunningLetter letter = letter("NL", invoice("NL", CustomerType.CONSUMER).termsNotAgreed().sent("1:2025-03-24"),
                "2025-04-07");
        assertThat(letter.line().defaultFrom()).isEqualTo(LocalDate.parse("2025-04-04"));
        assertThat(letter.line().defaultBasis().reason()).isEqualTo(Reason.REMINDER_TERM_ENDED);
        assertThat(letter.noticeTerm().stage()).isEqualTo(ReminderEngine.NoticeTerm.Stage.NOTICE);
        assertThat(letter.noticeTerm().termEnds()).isEqualTo(LocalDate.parse("2025-04-23"));
        assertThat(letter.payBy()).isEqualTo(LocalDate.parse("2025-04-23"));
    }

    @Test
    void theLawsDayNeverFallsBeforeTheInvoicesOwnDueDate() {
        // Räntelagen 4 § would put the debtor in default on 3 April, but the invoice itself gave until Friday
        // 2 May: the seller cannot call it late before then. From 3 May: 18 days to 20 May at 11 % = 54.25.
        TestInvoices invoice = TestInvoices.of("SE", CustomerType.BUSINESS, "SEK", "10000", "2025-05-02").issued("2025-03-03")
                .termsNotAgreed();
        DunningLetter letter = letter("SE", invoice, "2025-05-20");
        assertThat(letter.line().defaultFrom()).isEqualTo(LocalDate.parse("2025-05-03"));
        assertThat(letter.line().defaultBasis())
                .isEqualTo(new DebtorDefault.Basis(Reason.INVOICE_DUE_DATE, LocalDate.parse("2025-05-02"),
                        "Räntelagen (1975:635) 4 § första och andra stycket "
                                + "(trettio dagar efter att räkningen eller kravet sändes)"));
        assertThat(letter.line().balance().interest().accrued().amount()).isEqualByComparingTo("54.25");
    }

    @Test
    void aKnownDayOfReceiptCountsInsteadOfTheDaysALetterTakes() {
        // BW 6:119a lid 2 sub a from the receipt the invoice records, 10 March: from 10 April.
        DunningLetter letter = letter("NL", invoice("NL", CustomerType.BUSINESS).termsNotAgreed().receivedOn("2025-03-10"),
                "2025-04-16");
        assertThat(letter.line().defaultFrom()).isEqualTo(LocalDate.parse("2025-04-10"));
        assertThat(letter.line().defaultBasis().event()).isEqualTo(LocalDate.parse("2025-03-10"));
    }

    @ParameterizedTest(name = "invoice {0}, customer {1}, policy {2}: {3}")
    @CsvSource({
            // The invoice's own statement wins, then the customer's framework contract, then the policy's.
            "true,  -,     false, 2025-03-18",
            "false, true,  true,  2025-04-05",
            "-,     true,  false, 2025-03-18",
            "-,     false, true,  2025-04-05",
            "-,     -,     true,  2025-03-18",
            "-,     -,     false, 2025-04-05",
            "-,     -,     -,     2025-04-05"}) // the policy's default: not agreed
    void whetherTheTermsWereAgreedIsTheInvoicesElseTheCustomersElseThePolicys(String onInvoice, String onCustomer,
            String inPolicy, LocalDate from) {
        TestInvoices invoice = invoice("DE", CustomerType.BUSINESS);
        invoice = onInvoice.equals("-") ? invoice.termsUnstated() : onInvoice.equals("true") ? invoice : invoice.termsNotAgreed();
        invoice = onCustomer.equals("-") ? invoice : invoice.customerTermsAgreed(Boolean.parseBoolean(onCustomer));
        ReminderPolicy policy = inPolicy.equals("-") ? TestPolicies.seller("DE")
                : TestPolicies.seller("DE", "{\"paymentTermsAgreed\":" + inPolicy + "}");
        DunningLetter letter = TestPolicies.engine(policy).decide(invoice.build(), LocalDate.parse("2025-04-16")).letter()
                .orElseThrow();
        assertThat(letter.line().defaultFrom()).isEqualTo(from);
    }

    @ParameterizedTest(name = "{0}: {2} on {1} for 184 days, {3}")
    @CsvSource({
            // Korkolaki 4 a §, 12 §: viitekorko 2025H2 = the ECB's 2.15 % rounded up to 2.50, + 8 = 10.50 %;
            // 1 July to 31 December 2025 on €10 000: 10 000 × 10.50 % × 184 / 365 = 529.32. Perintälaki 10 e §: €40.
            "FI, EUR, 529.32, FIXED_COMPENSATION:40.00@2025-07-01",
            // Forsinkelsesrenteloven § 3: 12.25 % (FOR-2025-06-23-1321) on NOK 10 000: × 184 / 365 = 617.53;
            // § 3a: the 460 kr of the half-year default began in.
            "NO, NOK, 617.53, FIXED_COMPENSATION:460.00@2025-07-01"})
    void finnishAndNorwegianInvoicesOverdueThroughTheSecondHalfOf2025AreChargedForEveryDay(String law, String currency,
            String interest, String fees) {
        DunningLetter letter = letter(law, TestInvoices.of(law, CustomerType.BUSINESS, currency, "10000", "2025-06-30"),
                "2025-12-31");
        var accrued = letter.line().balance().interest();
        assertThat(accrued.complete()).isTrue();
        assertThat(accrued.periods()).singleElement().satisfies(p -> {
            assertThat(p.from()).isEqualTo(LocalDate.parse("2025-07-01"));
            assertThat(p.days()).isEqualTo(184);
        });
        assertThat(accrued.accrued().amount()).isEqualByComparingTo(interest);
        assertThat(fees(letter)).isEqualTo(fees);
    }

    @Test
    void aNorwegianInvoiceInTheFirstHalfOf2024() {
        // Forsinkelsesrenteloven § 3: 12.50 % from 1 January 2024 (regjeringen.no); due Wednesday 31 January,
        // 1 February to 1 March (29 days of a leap February and 1 March) on NOK 10 000: × 30 / 365 = 102.74.
        // § 3a: 470 kr for 2024H1.
        DunningLetter letter = letter("NO", TestInvoices.of("NO", CustomerType.BUSINESS, "NOK", "10000", "2024-01-31"),
                "2024-03-01");
        assertThat(letter.line().balance().interest().periods()).singleElement().satisfies(p -> {
            assertThat(p.ratePercent()).isEqualByComparingTo("12.50");
            assertThat(p.days()).isEqualTo(30);
        });
        assertThat(letter.line().balance().interest().accrued().amount()).isEqualByComparingTo("102.74");
        assertThat(fees(letter)).isEqualTo("FIXED_COMPENSATION:470.00@2024-02-01");
    }

    @ParameterizedTest(name = "due {0}: {2}")
    @CsvSource({
            // Forsinkelsesrenteloven § 3a: the kompensasjon of the half-year default began in, the day after the
            // agreed due date (every due date here a Norwegian business day), as the forskrift of that half-year set it.
            "2017-02-28, 2017-03-30, FIXED_COMPENSATION:360.00@2017-03-01", // FOR-2016-12-15-1583 § 2
            "2018-08-31, 2018-09-30, FIXED_COMPENSATION:380.00@2018-09-01", // kredinor.no, 2018H2
            "2020-08-31, 2020-09-30, FIXED_COMPENSATION:430.00@2020-09-01", // the forskrift of 2020-07-01 § 2
            "2022-01-31, 2022-03-02, FIXED_COMPENSATION:390.00@2022-02-01", // community.visma.com, 2022H1
            // 2021H1's sum is not known (an UNVERIFIED row): no kompensasjon rather than another half-year's.
            "2021-02-26, 2021-03-28, ''"})
    void aNorwegianDebtInDefaultYearsAgoIsOwedTheKompensasjonOfItsHalfYear(String due, String asOf, String fees) {
        DunningLetter letter = letter("NO", TestInvoices.of("NO", CustomerType.BUSINESS, "NOK", "10000", due), asOf);
        assertThat(fees(letter)).isEqualTo(fees);
    }

    @ParameterizedTest(name = "due {0}")
    @CsvSource({
            // 2021H1's kompensasjon has no source (an UNVERIFIED row): none charged, and the creditor told so; due on
            // Friday 26 February, the debtor is in default from the 27th.
            "2021-02-26, 2021-03-28, 2021-02-27, 1",
            // 2022H1's is shipped (390 kr): charged, nothing to say.
            "2022-01-31, 2022-03-02, 2022-02-01, 0"})
    void aKompensasjonWhoseSumHasNoSourceIsSaidToBeMissing(String due, String asOf, String defaultFrom, int said) {
        DunningLetter letter = letter("NO", TestInvoices.of("NO", CustomerType.BUSINESS, "NOK", "10000", due), asOf);
        assertThat(letter.warnings()).filteredOn(w -> w.contains("FIXED_COMPENSATION") && w.contains(defaultFrom))
                .hasSize(said);
    }

    @Test
    void aFixedSumStandsInForTheFeesChargedBeforeItFellDue() {
        // Lag (1981:739) 4 a §: the 450 kr takes the place of reminder and collection fees up to its amount. Without
        // agreed terms the Swedish business debtor of an invoice sent 3 March and due 7 March is in default from
        // 3 April; the agreed 60 kr reminder fees of 12 and 27 March were owed before then, so the 450 kr owed
        // with the inkassokrav of 11 April is 330 kr, and its 180 kr is within the 330: 60 + 60 + 330 = 450 in all,
        // as 60 + 60 + 180 = 300 is less.
        TestInvoices invoice = TestInvoices.of("SE", CustomerType.BUSINESS, "SEK", "10000", "2025-03-07").issued("2025-03-03")
                .termsNotAgreed().withFeeAgreed().sent("1:2025-03-12", "2:2025-03-27");
        DunningLetter letter = letter("SE", invoice, "2025-04-11");
        assertThat(letter.line().balance().fees()).extracting(f -> f.code() + ":" + f.amount().amount().toPlainString())
                .containsExactly("REMINDER_FEE:60.00", "REMINDER_FEE:60.00", "FIXED_COMPENSATION:330.00");
    }

    @Test
    void everyLawHasARuleForBothDebtorsOnEveryDayAPreviewMayName() {
        for (String law : Jurisdictions.standard().countries()) {
            for (CustomerType type : CustomerType.values()) {
                for (LocalDate day = LocalDate.parse("2016-01-01"); day.getYear() <= 2028; day = day.plusMonths(6)) {
                    assertThat(RULES.defaultRule(law, type, day)).as(law + " " + type + " " + day).isPresent();
                }
            }
        }
    }

    @Test
    void theFinnishAndNorwegianRatesCoverEveryDayFrom2024() {
        for (ReferenceRates.Scheme scheme : List.of(ReferenceRates.Scheme.FI_VIITEKORKO,
                ReferenceRates.Scheme.NO_FORSINKELSESRENTE)) {
            for (LocalDate day = LocalDate.parse("2024-01-01"); day.getYear() < 2027; day = day.plusDays(1)) {
                assertThat(RULES.rates().rateOn(scheme, day)).as(scheme + " " + day).isPresent();
            }
        }
    }

    private static List<DebtorDefault.Rule> parse(String row) throws IOException {
        String header = "law | debtor | agreedBasis | periodFrom | days | condition | reminder | legalBasis | validFrom | validTo"
                + " | evidence | source\n";
        return DebtorDefault.rules(ReferenceTable.parse("broken.txt", new BufferedReader(new StringReader(header + row))),
                Jurisdictions.standard());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\"SE , BUSINESS , a , SENDNG , 30 , ALWAYS , STARTS_PERIOD , b , 2002-07-01 , - , PRIMARY , s\""
                    + " | broken.txt:2: column periodFrom is 'SENDNG', not one of [RECEIPT, SENDING, NONE]",
            "\"SE , BUSINESS , a , SENDING , 30 , IF_NOTICE , STARTS_PERIOD , b , 2002-07-01 , - , PRIMARY , s\""
                    + " | broken.txt:2: column condition is 'IF_NOTICE', not one of [ALWAYS, IF_NOTICE_ON_INVOICE]",
            "\"NL , CONSUMER , a , NONE , - , ALWAYS , STARTS_PERIOD , b , 1992-01-01 , - , PRIMARY , s\""
                    + " | broken.txt:2: periodFrom NONE needs condition ALWAYS and a reminder that puts the debtor in default",
            "\"NL , BUSINESS , a , RECEIPT , - , ALWAYS , NONE , b , 2013-03-16 , - , PRIMARY , s\""
                    + " | broken.txt:2: days is a positive number exactly when periodFrom is not NONE",
            "\"PL , BUSINESS , a , RECEIPT , 30 , ALWAYS , NONE , b , 2013-03-16 , - , PRIMARY , s\""
                    + " | broken.txt:2: law PL is not in jurisdictions.txt"})
    void aBrokenRowFailsTheLoadNamingFileAndLine(String row, String message) {
        assertThatThrownBy(() -> parse(String.join("|", Arrays.stream(row.split(",")).toList()))).hasMessage(message);
    }

    @Test
    void anUnverifiedRowIsNotUsed() throws IOException {
        assertThat(parse("SE | BUSINESS | a | SENDING | 30 | ALWAYS | STARTS_PERIOD | b | 2002-07-01 | - | UNVERIFIED | s"))
                .isEmpty();
        // Without a usable rule an invoice on unagreed terms is charged nothing for lateness.
        assertThat(DebtorDefault.start(Optional.empty(), new DebtorDefault.Facts(false, LocalDate.parse("2025-03-17"),
                LocalDate.parse("2025-03-03"), LocalDate.parse("2025-03-05"), false), List.of())).isEmpty();
    }
}
