package io.creditguard.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.creditguard.receivables.Invoice.CustomerType;
import io.creditguard.reminders.ReminderEngine.DunningLetter;
import io.creditguard.reminders.ReminderEngine.Fee;
import io.creditguard.reminders.ReminderEngine.SkipReason;
import io.creditguard.reminders.ReminderPolicy.Kind;

/**
 * The default policy (levels at 5, 20, 35 and 50 days: two payment reminders, an inkassokrav, the
 * hand-off to collection; 3 days' grace; 10 days between letters; insurer report due 60 days after the
 * due date, made at 45) applied to one invoice at a time, under the law that governs its contract.
 * Every figure is worked out by hand from the rule and the rate it cites.
 */
class ReminderEngineTest {

    private static final ReminderEngine SWEDISH_SELLER = TestPolicies.engine(TestPolicies.seller("SE"));
    private static final ReminderEngine DUTCH_SELLER = TestPolicies.engine(TestPolicies.seller("NL"));
    private static final CustomerType B2B = CustomerType.BUSINESS;
    private static final CustomerType B2C = CustomerType.CONSUMER;

    private static ReminderEngine.Decision decide(ReminderEngine engine, TestInvoices invoice, String asOf) {
        return engine.decide(invoice.build(), LocalDate.parse(asOf));
    }

    private static ReminderEngine.Decision decide(TestInvoices invoice, String asOf) {
        return decide(SWEDISH_SELLER, invoice, asOf);
    }

    private static DunningLetter letter(ReminderEngine engine, TestInvoices invoice, String asOf) {
        return decide(engine, invoice, asOf).letter().orElseThrow();
    }

    private static DunningLetter letter(TestInvoices invoice, String asOf) {
        return letter(SWEDISH_SELLER, invoice, asOf);
    }

    private static List<Fee> fees(DunningLetter letter) {
        return letter.line().balance().fees();
    }

    private static String amount(io.creditguard.money.Money money) {
        return money.amount().toPlainString();
    }

    @ParameterizedTest(name = "{2}: {3}")
    @CsvSource({
            "0,       2025-03-28, PAID,               nothing open",
            "5000,    2025-03-17, NOT_YET_DUE,        asOf is the due date itself: never a reminder on the due date",
            "5000,    2025-03-20, IN_GRACE_PERIOD,    3 days after the due date",
            "50,      2025-03-28, BELOW_MINIMUM,      50 kr is under the 100 kr minimum",
            "5000,    2025-03-21, NEXT_LEVEL_NOT_DUE, 4 days overdue; level 1 comes at 5"})
    void skipReasons(String open, String asOf, SkipReason reason, String why) {
        // Due Monday 2025-03-17 (an ordinary business day in Sweden).
        var decision = decide(TestInvoices.of("SE", B2B, "SEK", open, "2025-03-17"), asOf);
        assertThat(decision.actions()).as(why).isEmpty();
        assertThat(decision.skip()).get().extracting(ReminderEngine.Skip::reason).isEqualTo(reason);
    }

    @Test
    void disputedAndPausedInvoicesAreLeftAlone() {
        var invoice = TestInvoices.of("SE", B2B, "SEK", "5000", "2025-03-17");
        assertThat(decide(invoice.asDisputed(), "2025-04-01").skip()).get().extracting(ReminderEngine.Skip::reason)
                .isEqualTo(SkipReason.DISPUTED);
        assertThat(decide(invoice.pausedUntil("2025-04-01"), "2025-04-01").skip()).get()
                .extracting(ReminderEngine.Skip::reason).isEqualTo(SkipReason.PAUSED);
        assertThat(decide(invoice.pausedUntil("2025-04-01"), "2025-04-02").letter()).isPresent();
    }

    @ParameterizedTest(name = "sent {0}, on {1}: level {2}")
    @CsvSource({
            "'',                                             2025-03-22, 1, PAYMENT_REMINDER",
            "'',                                             2025-05-30, 1, PAYMENT_REMINDER",
            "1:2025-03-22,                                   2025-04-06, 2, PAYMENT_REMINDER",
            "1:2025-03-22;2:2025-04-06,                      2025-04-21, 3, INKASSOKRAV",
            "1:2025-03-22;2:2025-04-06;3:2025-04-21,         2025-05-06, 4, COLLECTION_HANDOFF"})
    void levelsClimbOneAtATimeAndNeverSkip(String sent, String asOf, int level, Kind kind) {
        var invoice = TestInvoices.of("SE", B2B, "SEK", "5000", "2025-03-17")
                .sent(sent.isEmpty() ? new String[0] : sent.split(";"));
        DunningLetter letter = letter(invoice, asOf);
        assertThat(letter.level()).isEqualTo(level);
        assertThat(letter.kind()).isEqualTo(kind);
    }

    @Test
    void tooSoonAfterTheLastLetterAndExhaustedPolicy() {
        var invoice = TestInvoices.of("SE", B2B, "SEK", "5000", "2025-03-17");
        assertThat(decide(invoice.sent("1:2025-04-01"), "2025-04-06").skip()).get()
                .extracting(ReminderEngine.Skip::reason).isEqualTo(SkipReason.TOO_SOON);
        assertThat(decide(invoice.sent("1:2025-03-22", "2:2025-04-06", "3:2025-04-21", "4:2025-05-06")
                .insurerNotified("2025-05-01"), "2025-06-01").skip()).get()
                .extracting(ReminderEngine.Skip::reason).isEqualTo(SkipReason.POLICY_EXHAUSTED);
    }

    @Test
    void dueDateOnAHolidayMovesAndCountsFromTheNextBusinessDay() {
        // Due julafton 2025 (Wednesday): juldagen, annandag jul, weekend → Monday 29 December.
        DunningLetter letter = letter(TestInvoices.of("SE", B2B, "SEK", "5000", "2025-12-24"), "2026-01-05");
        assertThat(letter.line().dueDateAdjustedTo()).isEqualTo(LocalDate.parse("2025-12-29"));
        assertThat(letter.line().daysOverdue()).isEqualTo(7);
    }

    @Test
    void swedishBusinessDebtorOwesTheFixedCompensationWhichCoversReminderAndCollectionFees() {
        // Lag (1981:739) 4 a §: 450 kr once, owed from the day after the due date. It stands in for the
        // 60 kr reminder fees and the 180 kr inkassokrav up to 450 kr (IMY; Sergel), so 60 + 60 + 180 = 300
        // adds nothing on top.
        var invoice = TestInvoices.of("SE", B2B, "SEK", "10000", "2025-03-17").withFeeAgreed();
        assertThat(fees(letter(invoice, "2025-03-22"))).extracting(Fee::code, f -> amount(f.amount()), Fee::chargedOn)
                .containsExactly(tuple(FeeCode.FIXED_COMPENSATION, "450.00", LocalDate.parse("2025-03-18")));
        DunningLetter inkassokrav = letter(invoice.sent("1:2025-03-22", "2:2025-04-06"), "2025-04-21");
        assertThat(inkassokrav.kind()).isEqualTo(Kind.INKASSOKRAV);
        assertThat(fees(inkassokrav)).extracting(Fee::code).containsExactly(FeeCode.FIXED_COMPENSATION);
    }

    @Test
    void swedishConsumerPaysReminderFeesOnlyIfAgreedAndTheCollectionFeeOnlyOnAnInkassokrav() {
        // Lag (1981:739) 2 §, 4 § 1: 60 kr per written reminder only if agreed when the debt arose;
        // 3 § 1, 4 § 2: 180 kr only for a demand written as inkassolagen 5 § requires (the inkassokrav level).
        var invoice = TestInvoices.of("SE", B2C, "SEK", "2000", "2025-03-17");
        assertThat(fees(letter(invoice, "2025-03-22"))).isEmpty();
        assertThat(fees(letter(invoice.withFeeAgreed(), "2025-03-22"))).extracting(f -> amount(f.amount()))
                .containsExactly("60.00");
        DunningLetter inkassokrav = letter(invoice.withFeeAgreed().sent("1:2025-03-22", "2:2025-04-06"), "2025-04-21");
        assertThat(fees(inkassokrav)).extracting(Fee::code, Fee::chargedAtLevel).containsExactly(
                tuple(FeeCode.REMINDER_FEE, 1), tuple(FeeCode.REMINDER_FEE, 2), tuple(FeeCode.COLLECTION_DEMAND, 3));
        var balance = inkassokrav.line().balance();
        assertThat(balance.total()).isEqualTo(balance.principal().plus(balance.interest().outstanding())
                .plus(io.creditguard.money.Money.of(balance.total().currency(), new java.math.BigDecimal("300"))));
        // The hand-off to collection is no inkassokrav of its own: no second 180 kr.
        DunningLetter handoff = letter(invoice.withFeeAgreed().sent("1:2025-03-22", "2:2025-04-06", "3:2025-04-21"),
                "2025-05-06");
        assertThat(fees(handoff)).filteredOn(f -> f.code() == FeeCode.COLLECTION_DEMAND).hasSize(1);
    }

    @Test
    void anInkassokravLevelWithoutTheInkassokravLetterChargesNoCollectionFee() {
        // A level may name its template; the reminder letter lacks what inkassolagen 5 § asks of a demand.
        ReminderEngine engine = TestPolicies.engine(TestPolicies.seller("SE", """
                {"levels":[{"level":1,"daysAfterDue":5,"kind":"INKASSOKRAV","template":"reminder","payWithinDays":10}]}"""));
        assertThat(fees(letter(engine, TestInvoices.of("SE", B2C, "SEK", "2000", "2025-03-17"), "2025-03-22"))).isEmpty();
    }

    @Test
    void aSwedishSellersInvoiceToADutchBusinessFollowsSwedishLaw() {
        // Rome I art. 4(1)(a): without a choice the seller's law governs; art. 12(1)(c): late interest too.
        // Räntelagen 6 §: referensränta 2025H1 3.00 + 8 = 11 %; 7 days on EUR 4 200: 4200 × 0.11 × 7 / 365 = 8.86.
        // 4 a §: 450 kr, owed from 2025-03-18, at SEK 11.00 per euro that day: EUR 40.91. No Dutch €40.
        ReminderEngine engine = TestPolicies.engine(TestPolicies.seller("SE", """
                {"exchangeRates":[{"currency":"SEK","date":"2025-03-18","perEuro":11.0000}]}"""));
        DunningLetter letter = letter(engine, TestInvoices.of("NL", B2B, "EUR", "4200", "2025-03-17"), "2025-03-24");
        assertThat(letter.governingLaw()).isEqualTo(new GoverningLaw("SE", GoverningLaw.Basis.SELLER_DEFAULT));
        var balance = letter.line().balance();
        assertThat(balance.interest().legalBasis()).contains("Räntelagen");
        assertThat(amount(balance.interest().accrued())).isEqualTo("8.86");
        assertThat(fees(letter)).singleElement().satisfies(fee -> {
            assertThat(fee.code()).isEqualTo(FeeCode.FIXED_COMPENSATION);
            assertThat(amount(fee.amount())).isEqualTo("40.91");
            assertThat(amount(fee.conversion().original())).isEqualTo("450.00");
            assertThat(fee.conversion().rateDate()).isEqualTo(LocalDate.parse("2025-03-18"));
        });
        assertThat(amount(balance.total())).isEqualTo("4249.77");
    }

    @Test
    void aFixedAmountInAnotherCurrencyWithoutARateIsLeftOutAndSaidSo() {
        DunningLetter letter = letter(TestInvoices.of("NL", B2B, "EUR", "4200", "2025-03-17"), "2025-03-24");
        assertThat(fees(letter)).isEmpty();
        assertThat(letter.warnings()).anySatisfy(w -> assertThat(w).contains("no euro reference rate").contains("450.00"));
    }

    @ParameterizedTest(name = "EUR {0}: {1}")
    @CsvSource({
            "20000, 975.00", // 15 % of 2 500 + 10 % of 2 500 + 5 % of 5 000 + 1 % of 10 000 = 375 + 250 + 250 + 100
            "266,   40.00",  // 15 % of 266 = 39.90: the minimum of BW 6:96 lid 4 and the Besluit, art. 2 lid 2
            "2500,  375.00"})
    void dutchBusinessCollectionCostsFollowTheStaffelWithAFortyEuroMinimum(String principal, String costs) {
        DunningLetter letter = letter(DUTCH_SELLER, TestInvoices.of("NL", B2B, "EUR", principal, "2025-03-17"), "2025-03-24");
        assertThat(letter.governingLaw().country()).isEqualTo("NL");
        assertThat(fees(letter)).extracting(Fee::code, f -> amount(f.amount()))
                .containsExactly(tuple(FeeCode.COLLECTION_COSTS, costs));
        // Handelsrente 2025H1: ECB 3.15 + 8 = 11.15 % (BW 6:119a, 6:120 lid 2).
        assertThat(letter.line().balance().interest().periods().get(0).ratePercent()).isEqualByComparingTo("11.15");
    }

    @ParameterizedTest(name = "EUR 8 000 of 10 000 paid {0}: {1}")
    @CsvSource({
            // Due Monday 2025-03-17, in default from the 18th on the EUR 2 000 left: 15 % of 2 000.
            "2025-03-10, 300.00",
            // Paid on the due date, the last day before default: the same.
            "2025-03-17, 300.00",
            // Paid on the first day of default, when the costs fell due on the whole principal:
            // 375 + 10 % of 2 500 + 5 % of 5 000 = 875.
            "2025-03-18, 875.00"})
    void dutchBusinessCollectionCostsAreOnThePrincipalOutstandingWhenDefaultBegins(String paid, String costs) {
        DunningLetter letter = letter(DUTCH_SELLER, TestInvoices.of("NL", B2B, "EUR", "10000", "2025-03-17")
                .paid(paid, "8000"), "2025-03-24");
        assertThat(fees(letter)).extracting(Fee::code, f -> amount(f.amount()))
                .containsExactly(tuple(FeeCode.COLLECTION_COSTS, costs));
    }

    @ParameterizedTest(name = "agreed EUR {0}: {1}")
    @CsvSource({"250, 250.00", "10, 40.00"})
    void dutchBusinessesMayAgreeOtherCollectionCostsButNotBelowForty(String agreed, String costs) {
        ReminderEngine engine = TestPolicies.engine(TestPolicies.seller("NL", "{\"agreedCollectionCosts\":{\"EUR\":" + agreed + "}}"));
        assertThat(fees(letter(engine, TestInvoices.of("NL", B2B, "EUR", "20000", "2025-03-17"), "2025-03-24")))
                .extracting(f -> amount(f.amount())).containsExactly(costs);
    }

    @Test
    void aDutchConsumersFirstLetterIsTheFourteenDayWarning() {
        // BW 6:96 lid 6: the costs fall due only after a letter that states them and gives 14 days from the
        // day after receipt (HR 25-11-2016, ECLI:NL:HR:2016:2704). Sent Monday 2025-03-24, received two days
        // later (letterDeliveryDays): 2025-03-26 + 14 = Wednesday 2025-04-09.
        DunningLetter first = letter(TestInvoices.of("NL", B2C, "EUR", "640", "2025-03-17"), "2025-03-24");
        assertThat(first.governingLaw()).isEqualTo(new GoverningLaw("NL", GoverningLaw.Basis.CONSUMER_RESIDENCE));
        assertThat(fees(first)).isEmpty();
        assertThat(first.noticeTerm().stage()).isEqualTo(ReminderEngine.NoticeTerm.Stage.NOTICE);
        assertThat(first.noticeTerm().termEnds()).isEqualTo(LocalDate.parse("2025-04-09"));
        assertThat(first.payBy()).isEqualTo(LocalDate.parse("2025-04-09"));
        var invoice = TestInvoices.of("NL", B2C, "EUR", "640", "2025-03-17").sent("1:2025-03-24");
        assertThat(letter(invoice, "2025-04-08").noticeTerm()).isNull(); // within the term: nothing due yet
        assertThat(letter(invoice, "2025-04-10").noticeTerm().stage()).isEqualTo(ReminderEngine.NoticeTerm.Stage.COSTS_DUE);
    }

    @Test
    void anEarlierLetterChargesOnlyWhatTheLawInForceOnItsDayLetsIt() {
        // Letters of 2011 recorded without their fees: the staffel (Besluit of Stb. 2012, 141) is in force from
        // 2012-07-01, so the second letter, after the 14-day term, charged no collection costs; this one is no
        // longer the first after the term, so it charges none either.
        var invoice = TestInvoices.of("NL", B2C, "EUR", "640", "2011-01-10").sent("1:2011-01-17", "2:2011-02-15");
        DunningLetter third = letter(invoice, "2026-11-30");
        assertThat(third.level()).isEqualTo(3);
        assertThat(fees(third)).isEmpty();
    }

    @ParameterizedTest(name = "{0} recorded {1}: {2}")
    @CsvSource({
            // The customer is a consumer now: Lag (1981:739) 4 a § is for businesses, so no 450 kr.
            "CONSUMER, FIXED_COMPENSATION, ''",
            // A code no fee has: the first letter in default (from 2025-03-18) owed the 450 kr of 4 a §.
            "BUSINESS, PAYMENT_PLAN_FEE,   FIXED_COMPENSATION 450.00 at level 1"})
    void feesALetterRecordedThatTheLawCannotStateAreWorkedOutAgain(CustomerType type, String code, String expected) {
        // SEK 10 000 due Monday 2025-03-17; letter 1 went on 2025-03-24 recording 450 kr under the code; letter 2 today.
        DunningLetter second = letter(TestInvoices.of("SE", type, "SEK", "10000", "2025-03-17")
                .sentCharging(1, "2025-03-24", code, "450"), "2025-04-08");
        assertThat(second.level()).isEqualTo(2);
        assertThat(fees(second).stream().map(f -> f.code() + " " + amount(f.amount()) + " at level " + f.chargedAtLevel())
                .toList()).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
        assertThat(second.warnings()).anySatisfy(w -> assertThat(w)
                .contains("Letter 1 of 2025-03-24 recorded the fees " + code + ", which SE law does not have"));
    }

    @ParameterizedTest(name = "sent {0}: the term ends {1}")
    @CsvSource({
            // Received Saturday 2025-03-29; + 14 = Saturday 2025-04-12 → Monday 2025-04-14 (Atw art. 1).
            "2025-03-27, 2025-04-14",
            // Received 2025-04-04; + 14 = Goede Vrijdag 2025-04-18, which art. 3 lid 2 puts on a par with the
            // holidays; then Saturday, Easter Sunday, Easter Monday → Tuesday 2025-04-22.
            "2025-04-02, 2025-04-22",
            // Received 2025-04-23; + 14 = Wednesday 7 May: 5 May (Bevrijdingsdag) falls inside, no extension.
            "2025-04-21, 2025-05-07"})
    void theFourteenDayTermRunsToTheNextDayThatIsNoWeekendOrHoliday(String sent, String ends) {
        assertThat(SWEDISH_SELLER.noticeTermEnds(LocalDate.parse(sent), "NL")).isEqualTo(LocalDate.parse(ends));
    }

    @Test
    void aHalfPaidInvoiceRunsInterestOnTheBalanceFromTheDayAfterThePayment() {
        // SEK 10 000 due Monday 2025-03-17; SEK 5 000 paid 2025-04-16; asOf 2025-05-16. Räntelagen 6 §: 11 %.
        // The payment meets the costs due (450 kr from 2025-03-18), then the interest accrued (30 days:
        // 10000 × 0.11 × 30 / 365 = 90.41), then the principal: 5000 − 450 − 90.41 = 4459.59, leaving 5540.41,
        // on which the next 30 days run: 5540.41 × 0.11 × 30 / 365 = 50.09.
        DunningLetter letter = letter(TestInvoices.of("SE", B2B, "SEK", "10000", "2025-03-17").paid("2025-04-16", "5000"),
                "2025-05-16");
        var balance = letter.line().balance();
        assertThat(balance.interest().periods()).extracting(p -> p.from().toString(), p -> p.to().toString(),
                ReminderEngine.PeriodView::days, p -> amount(p.base()), p -> p.ratePercent().toPlainString(),
                p -> amount(p.amount()))
                .containsExactly(tuple("2025-03-18", "2025-04-16", 30L, "10000.00", "11.00", "90.41"),
                        tuple("2025-04-17", "2025-05-16", 30L, "5540.41", "11.00", "50.09"));
        assertThat(balance.payments()).singleElement().satisfies(p -> {
            assertThat(amount(p.toCosts())).isEqualTo("450.00");
            assertThat(amount(p.toInterest())).isEqualTo("90.41");
            assertThat(amount(p.toPrincipal())).isEqualTo("4459.59");
        });
        assertThat(amount(balance.principal())).isEqualTo("5540.41");
        assertThat(amount(balance.feesPaid())).isEqualTo("450.00");
        assertThat(amount(balance.total())).isEqualTo("5590.50");
    }

    @Test
    void aPaymentOnTheDueDateMeetsThePrincipalOnly() {
        DunningLetter letter = letter(TestInvoices.of("SE", B2B, "SEK", "10000", "2025-03-17").paid("2025-03-17", "4000"),
                "2025-03-22");
        assertThat(letter.line().balance().payments().get(0).toPrincipal().amount()).isEqualByComparingTo("4000");
        assertThat(letter.line().balance().interest().periods().get(0).base().amount()).isEqualByComparingTo("6000");
    }

    @ParameterizedTest(name = "{0}: {1} %, {2} on EUR 10 000 for 30 days, fixed sum {3}")
    @CsvSource({
            // BGB § 288 Abs. 2: Basiszinssatz 2025H2 1.27 + 9 = 10.27 %; 10000 × 0.1027 × 30 / 365 = 84.41; § 288 Abs. 5 €40.
            "BUSINESS, 10.27, 84.41, 40.00",
            // § 288 Abs. 1: + 5 = 6.27 %; 10000 × 0.0627 × 30 / 365 = 51.53; no Pauschale for a consumer.
            "CONSUMER, 6.27,  51.53, -"})
    void aGermanContractRunsAtTheBaseRatePlusNineOrFive(CustomerType type, String rate, String interest, String fixed) {
        var invoice = TestInvoices.of("DE", type, "EUR", "10000", "2025-06-30").underLaw("DE");
        DunningLetter letter = letter(invoice, "2025-07-30");
        assertThat(letter.governingLaw()).isEqualTo(new GoverningLaw("DE", GoverningLaw.Basis.CONTRACT));
        var balance = letter.line().balance();
        assertThat(balance.interest().periods()).singleElement().satisfies(p -> {
            assertThat(p.ratePercent()).isEqualByComparingTo(rate);
            assertThat(p.days()).isEqualTo(30);
        });
        assertThat(amount(balance.interest().accrued())).isEqualTo(interest);
        if (fixed.equals("-")) {
            assertThat(fees(letter)).isEmpty();
        } else {
            assertThat(fees(letter)).extracting(f -> amount(f.amount())).containsExactly(fixed);
        }
    }

    @Test
    void aConsumerIsDunnedUnderTheLawOfTheirResidenceWhereCreditguardHasItsRules() {
        // Rome I art. 6(1). Denmark: renteloven § 5, Nationalbanken 1.75 (2026H1) + 8 = 9.75 %.
        DunningLetter danish = letter(TestInvoices.of("DK", B2C, "DKK", "5000", "2026-01-15"), "2026-01-22");
        assertThat(danish.governingLaw()).isEqualTo(new GoverningLaw("DK", GoverningLaw.Basis.CONSUMER_RESIDENCE));
        assertThat(danish.line().balance().interest().periods().get(0).ratePercent()).isEqualByComparingTo("9.75");
        // Poland: no rules here, so the seller's law, with the warning that Polish mandatory rules may apply.
        var polish = decide(TestInvoices.of("PL", B2C, "PLN", "5000", "2026-01-15"), "2026-01-22");
        assertThat(polish.letter().orElseThrow().governingLaw()).isEqualTo(new GoverningLaw("SE", GoverningLaw.Basis.SELLER_DEFAULT));
        assertThat(polish.warnings()).anySatisfy(w -> assertThat(w).contains("mandatory consumer rules of PL"));
    }

    @Test
    void aConsumerContractUnderAnotherLawKeepsTheConsumersMandatoryProtection() {
        var decision = decide(TestInvoices.of("NL", B2C, "EUR", "500", "2026-01-15").underLaw("SE"), "2026-01-22");
        assertThat(decision.letter().orElseThrow().governingLaw()).isEqualTo(new GoverningLaw("SE", GoverningLaw.Basis.CONTRACT));
        assertThat(decision.warnings()).anySatisfy(w -> assertThat(w).contains("Rome I art. 6(2)"));
    }

    @ParameterizedTest(name = "{0} law, {1}: {2} %, fixed sum {3}")
    @CsvSource({
            // Forsinkelsesrenteloven § 3, 2026H1 rate 12.00 % (kred.no); § 3a 460 kr.
            "NO, NOK, 12.00, 460.00",
            // Korkolaki 4 a §: viitekorko 2026H1 2.50 + 8 = 10.50 % (Suomen Pankki); perintälaki €40.
            "FI, EUR, 10.50, 40.00",
            // Renteloven § 5: 1.75 + 8 = 9.75 %; § 9 a kompensationsbeløb 310 kr, and § 9 b's 100 kr rykkergebyr
            // for the reminder letter, as the compensation leaves other charges untouched.
            "DK, DKK, 9.75,  310.00 REMINDER_FEE:100.00"})
    void theSellersExportMarketsHaveTheirOwnRates(String law, String currency, String rate, String fees) {
        DunningLetter letter = letter(TestInvoices.of(law, B2B, currency, "10000", "2026-01-15").underLaw(law), "2026-01-22");
        assertThat(letter.line().balance().interest().periods().get(0).ratePercent()).isEqualByComparingTo(rate);
        assertThat(fees(letter)).extracting(f -> f.code() == FeeCode.FIXED_COMPENSATION ? amount(f.amount())
                : f.code() + ":" + amount(f.amount())).containsExactly(fees.split(" "));
    }

    @Test
    void aPeriodWithoutAVerifiedRateIsLeftOutAndSaidSo() {
        // The Riksbank's referensränta from 2026-07-01 is not verified: no interest after 2026-06-30 yet.
        DunningLetter letter = letter(TestInvoices.of("SE", B2B, "SEK", "10000", "2026-06-15"), "2026-07-10");
        var interest = letter.line().balance().interest();
        assertThat(interest.complete()).isFalse();
        assertThat(interest.periods()).extracting(p -> p.ratePercent() == null).containsExactly(false, true);
        assertThat(letter.warnings()).anySatisfy(w -> assertThat(w).contains("2026-07-01–2026-07-10"));
    }

    @Test
    void insurerIsNotifiedAfterTheAgreedDaysAndWarnedAboutTheDeadline() {
        var invoice = TestInvoices.of("SE", B2B, "SEK", "310000", "2025-03-17")
                .sent("1:2025-03-22", "2:2025-04-06", "3:2025-04-21", "4:2025-05-06");
        // Day 45 after the due date: report it; the deadline is day 60 (2025-05-16).
        var decision = decide(invoice, "2025-05-01");
        assertThat(decision.letter()).isEmpty();
        assertThat(decision.insurerReport()).get().extracting(ReminderEngine.InsurerReport::deadline)
                .isEqualTo(LocalDate.parse("2025-05-16"));
        assertThat(decide(invoice, "2025-05-10").warnings()).anySatisfy(w -> assertThat(w).contains("by 2025-05-16"));
        assertThat(decide(invoice, "2025-05-20").warnings()).anySatisfy(w -> assertThat(w).contains("cover for it may be lost"));
        assertThat(decide(invoice.insurerNotified("2025-05-01"), "2025-05-20").actions()).isEmpty();
    }

    @Test
    void theSameInvoiceAndDayAlwaysGiveTheSameReminderId() {
        var invoice = TestInvoices.of("SE", B2B, "SEK", "5000", "2025-03-17");
        String id = letter(invoice, "2025-03-22").reminderId();
        assertThat(letter(invoice, "2025-03-25").reminderId()).isEqualTo(id);
        assertThat(letter(invoice.sent("1:2025-03-22"), "2025-04-06").reminderId()).isNotEqualTo(id);
        assertThat(ReminderRecords.id("a", "1")).isNotEqualTo(ReminderRecords.id("a1", ""));
    }

    @Test
    void totalIsPrincipalPlusInterestPlusFees() {
        DunningLetter letter = letter(TestInvoices.of("SE", B2B, "SEK", "10000", "2025-03-17"), "2025-04-16");
        // 30 days at 11 % (2025H1 referensränta 3.00 + 8): 10 000 × 0.11 × 30 / 365 = 90.41; + 450.
        var balance = letter.line().balance();
        assertThat(amount(balance.interest().accrued())).isEqualTo("90.41");
        assertThat(amount(balance.total())).isEqualTo("10540.41");
        assertThat(letter.payBy()).isEqualTo(LocalDate.parse("2025-04-28")); // 26 April is a Saturday
    }
}
