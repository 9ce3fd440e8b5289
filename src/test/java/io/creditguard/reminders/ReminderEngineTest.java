package io.creditguard.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.creditguard.Standalone;
import io.creditguard.calendar.BusinessCalendar;
import io.creditguard.money.Money;
import io.creditguard.receivables.Invoice.CustomerType;
import io.creditguard.reminders.ReminderEngine.Reminder;
import io.creditguard.reminders.ReminderEngine.SkipReason;
import io.creditguard.reminders.ReminderPolicy.Action;

/**
 * The default policy (levels at 5, 20, 35 and 50 days; 3 days' grace; 10 days between letters;
 * insurer report due 60 days after the due date, made at 45) applied to one invoice at a time.
 */
class ReminderEngineTest {

    private static final StatutoryRules RULES = StatutoryRules.standard();
    private static final ReminderEngine ENGINE = new ReminderEngine(Standalone.reminders().defaultPolicy(), RULES, BusinessCalendar.standard());
    private static final CustomerType B2B = CustomerType.BUSINESS;
    private static final CustomerType B2C = CustomerType.CONSUMER;

    private static ReminderEngine.Decision decide(TestInvoices invoice, String asOf) {
        return ENGINE.decide(invoice.build(), LocalDate.parse(asOf));
    }

    private static Reminder letter(TestInvoices invoice, String asOf) {
        return decide(invoice, asOf).actions().stream().filter(a -> a.level() != null).findFirst().orElseThrow();
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
        assertThat(decide(invoice.pausedUntil("2025-04-01"), "2025-04-02").actions()).hasSize(1);
    }

    @ParameterizedTest(name = "sent {0}, on {1}: level {2}")
    @CsvSource({
            "'',                                             2025-03-22, 1, REMINDER",
            "'',                                             2025-05-30, 1, REMINDER",
            "1:2025-03-22,                                   2025-04-06, 2, REMINDER",
            "1:2025-03-22;2:2025-04-06,                      2025-04-21, 3, FINAL_NOTICE",
            "1:2025-03-22;2:2025-04-06;3:2025-04-21,         2025-05-06, 4, COLLECTION_HANDOFF"})
    void levelsClimbOneAtATimeAndNeverSkip(String sent, String asOf, int level, Action action) {
        var invoice = TestInvoices.of("SE", B2B, "SEK", "5000", "2025-03-17")
                .sent(sent.isEmpty() ? new String[0] : sent.split(";"));
        Reminder reminder = letter(invoice, asOf);
        assertThat(reminder.level()).isEqualTo(level);
        assertThat(reminder.action()).isEqualTo(action);
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
        Reminder reminder = letter(TestInvoices.of("SE", B2B, "SEK", "5000", "2025-12-24"), "2026-01-05");
        assertThat(reminder.dueDateAdjustedTo()).isEqualTo(LocalDate.parse("2025-12-29"));
        assertThat(reminder.daysOverdue()).isEqualTo(7);
    }

    @Test
    void swedishBusinessDebtorOwesTheFixedCompensationInsteadOfReminderFees() {
        // Lag (1981:739) 4 a §: 450 kr once; reminder and collection fees are then not added on top.
        var invoice = TestInvoices.of("SE", B2B, "SEK", "10000", "2025-03-17").withFeeAgreed();
        assertThat(letter(invoice, "2025-03-22").fees()).extracting(ReminderEngine.Fee::code, f -> f.amount().amount().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("LATE_PAYMENT_COMPENSATION", "450.00"));
        Reminder handoff = letter(invoice.sent("1:2025-03-22", "2:2025-04-06", "3:2025-04-21"), "2025-05-06");
        assertThat(handoff.fees()).extracting(ReminderEngine.Fee::code).containsExactly("LATE_PAYMENT_COMPENSATION");
    }

    @Test
    void swedishConsumerPaysReminderFeesOnlyIfAgreedAndTheCollectionFee() {
        // Lag (1981:739) 2 § and 4 §: 60 kr per written reminder only if agreed when the debt arose; 180 kr inkassokrav.
        var invoice = TestInvoices.of("SE", B2C, "SEK", "2000", "2025-03-17");
        assertThat(letter(invoice, "2025-03-22").fees()).isEmpty();
        assertThat(letter(invoice.withFeeAgreed(), "2025-03-22").fees()).extracting(f -> f.amount().amount().toPlainString())
                .containsExactly("60.00");
        Reminder handoff = letter(invoice.withFeeAgreed().sent("1:2025-03-22", "2:2025-04-06", "3:2025-04-21"), "2025-05-06");
        assertThat(handoff.fees()).extracting(ReminderEngine.Fee::code, ReminderEngine.Fee::chargedAtLevel).containsExactly(
                org.assertj.core.groups.Tuple.tuple("REMINDER_FEE", 1), org.assertj.core.groups.Tuple.tuple("REMINDER_FEE", 2),
                org.assertj.core.groups.Tuple.tuple("COLLECTION_DEMAND", 4));
        Money expectedTotal = handoff.openAmount().plus(handoff.interest().amount())
                .plus(Money.of(handoff.openAmount().currency(), new java.math.BigDecimal("300")));
        assertThat(handoff.totalDue()).isEqualTo(expectedTotal);
    }

    @Test
    void dutchBusinessDebtorOwesFortyEurosOnce() {
        var invoice = TestInvoices.of("NL", B2B, "EUR", "4200", "2025-03-17");
        assertThat(letter(invoice, "2025-03-24").fees()).extracting(f -> f.amount().amount().toPlainString()).containsExactly("40.00");
        assertThat(letter(invoice.sent("1:2025-03-24"), "2025-04-07").fees()).hasSize(1);
    }

    @Test
    void dutchConsumerGetsTheFourteenDayLetterBeforeAnyCollectionCosts() {
        // BW 6:96 lid 6: the first letter states the exact costs and gives 14 days from the day after
        // receipt (HR 25-11-2016); only a later letter, after that term, may charge them (WIK: 15 % of 640 = 96).
        var invoice = TestInvoices.of("NL", B2C, "EUR", "640", "2025-03-17");
        Reminder first = letter(invoice, "2025-03-24");
        assertThat(first.fees()).isEmpty();
        assertThat(first.collectionCostsIfUnpaid().amount()).isEqualByComparingTo("96.00");
        assertThat(first.payBy()).isAfterOrEqualTo(LocalDate.parse("2025-03-24").plusDays(2 + 14));
        Reminder tooEarly = letter(invoice.sent("1:2025-03-24"), "2025-04-08");
        assertThat(tooEarly.fees()).isEmpty();
        Reminder after = letter(invoice.sent("1:2025-03-24"), "2025-04-10");
        assertThat(after.fees()).extracting(ReminderEngine.Fee::code, f -> f.amount().amount().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("COLLECTION_COSTS", "96.00"));
    }

    @Test
    void otherEuroAreaBusinessesGetTheDirectiveDefaultAndOthersAWarning() {
        assertThat(letter(TestInvoices.of("DE", B2B, "EUR", "27400", "2025-03-17"), "2025-03-24").fees())
                .extracting(ReminderEngine.Fee::code).containsExactly("RECOVERY_COMPENSATION");
        var polish = decide(TestInvoices.of("PL", B2B, "PLN", "41000", "2025-03-17"), "2025-03-24");
        assertThat(polish.actions().get(0).fees()).isEmpty();
        assertThat(polish.actions().get(0).interest().amount().isZero()).isTrue();
        assertThat(polish.warnings()).anySatisfy(w -> assertThat(w).contains("No statutory late-interest rule"));
    }

    @Test
    void insurerIsNotifiedAfterTheAgreedDaysAndWarnedAboutTheDeadline() {
        var invoice = TestInvoices.of("SE", B2B, "SEK", "310000", "2025-03-17")
                .sent("1:2025-03-22", "2:2025-04-06", "3:2025-04-21", "4:2025-05-06");
        // Day 45 after the due date: report it; the deadline is day 60 (2025-05-16).
        var decision = decide(invoice, "2025-05-01");
        assertThat(decision.actions()).extracting(Reminder::action).containsExactly(Action.INSURER_NOTIFICATION);
        assertThat(decision.actions().get(0).insurerNotificationDeadline()).isEqualTo(LocalDate.parse("2025-05-16"));
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
        assertThat(ReminderEngine.reminderId("a", "1")).isNotEqualTo(ReminderEngine.reminderId("a1", ""));
    }

    @Test
    void totalIsOpenPlusInterestPlusFees() {
        Reminder reminder = letter(TestInvoices.of("SE", B2B, "SEK", "10000", "2025-03-17"), "2025-04-16");
        // 30 days at 11 % (2025H1 referensränta 3.00 + 8): 10 000 × 0.11 × 30 / 365 = 90.41; + 450.
        assertThat(reminder.interest().amount().amount()).isEqualByComparingTo("90.41");
        assertThat(reminder.totalDue().amount()).isEqualByComparingTo("10540.41");
        assertThat(reminder.payBy()).isEqualTo(LocalDate.parse("2025-04-28")); // 26 April is a Saturday
        assertThat(List.of(reminder.interest().periods().get(0).ratePercent().toPlainString())).containsExactly("11.00");
    }
}
