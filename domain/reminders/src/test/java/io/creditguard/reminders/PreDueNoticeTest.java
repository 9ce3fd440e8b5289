package io.creditguard.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.creditguard.receivables.Invoice.CustomerType;
import io.creditguard.reminders.ReminderEngine.DunningLetter;
import io.creditguard.reminders.ReminderEngine.Fee;
import io.creditguard.reminders.ReminderEngine.SkipReason;
import io.creditguard.reminders.ReminderPolicy.Kind;
import io.creditguard.validation.FieldError;
import io.creditguard.validation.InvalidInputException;

/**
 * A policy with a friendly notice five days before the due date (level 1), then the default's dunning
 * levels renumbered (2 at five days after, 3 at twenty, 4 an inkassokrav at thirty-five), for a Swedish
 * seller and a Swedish business debtor; the invoice is due Monday 17 March 2025, an ordinary business day.
 */
class PreDueNoticeTest {

    private static final String LEVELS = """
            {"levels": [
              {"level": 1, "daysAfterDue": -5, "kind": "PRE_DUE_NOTICE", "payWithinDays": 5},
              {"level": 2, "daysAfterDue": 5, "kind": "PAYMENT_REMINDER", "fee": "REMINDER_FEE"},
              {"level": 3, "daysAfterDue": 20, "kind": "PAYMENT_REMINDER", "fee": "REMINDER_FEE"},
              {"level": 4, "daysAfterDue": 35, "kind": "INKASSOKRAV"}]}""";
    private static final ReminderEngine ENGINE = TestPolicies.engine(TestPolicies.seller("SE", LEVELS));
    private static final TestInvoices INVOICE = TestInvoices.of("SE", CustomerType.BUSINESS, "SEK", "5000", "2025-03-17")
            .withFeeAgreed();

    private static ReminderEngine.Decision decide(TestInvoices invoice, String asOf) {
        return ENGINE.decide(invoice.build(), LocalDate.parse(asOf));
    }

    @ParameterizedTest(name = "sent [{0}], on {1}: {2}")
    @CsvSource({
            "'',           2025-03-11, NOT_YET_DUE,    six days before: the notice comes at five",
            "'',           2025-03-12, PRE_DUE_NOTICE, five days before",
            "'',           2025-03-16, PRE_DUE_NOTICE, the day before, not yet sent",
            "'',           2025-03-17, NOT_YET_DUE,    the due date itself: no notice, no reminder",
            "1:2025-03-12, 2025-03-14, NOT_YET_DUE,    the notice went; nothing more before the due date",
            "'',           2025-03-22, PAYMENT_REMINDER, overdue with no notice sent: the notice is not sent late",
            "1:2025-03-14, 2025-03-22, PAYMENT_REMINDER, eight days after the notice: the gap is between dunning letters"})
    void theNoticeGoesBeforeTheDueDateOnly(String sent, String asOf, String outcome, String why) {
        var decision = decide(INVOICE.sent(sent.isEmpty() ? new String[0] : sent.split(";")), asOf);
        if (outcome.equals("NOT_YET_DUE")) {
            assertThat(decision.letter()).as(why).isEmpty();
            assertThat(decision.skip()).get().extracting(ReminderEngine.Skip::reason).isEqualTo(SkipReason.NOT_YET_DUE);
        } else {
            assertThat(decision.letter()).as(why).get().extracting(DunningLetter::kind).isEqualTo(Kind.valueOf(outcome));
        }
    }

    @Test
    void theNoticeAsksForTheOpenAmountByTheDueDateWithNoFeeAndNoInterest() {
        DunningLetter notice = decide(INVOICE.paid("2025-03-01", "1000"), "2025-03-12").letter().orElseThrow();
        assertThat(notice.level()).isEqualTo(1);
        assertThat(notice.template()).isEqualTo("pre-due-notice");
        assertThat(notice.payBy()).isEqualTo(LocalDate.parse("2025-03-17"));
        assertThat(notice.line().daysOverdue()).isEqualTo(-5);
        assertThat(notice.line().balance().fees()).isEmpty();
        assertThat(notice.line().balance().interest().accrued().isPositive()).isFalse();
        assertThat(notice.line().balance().total().amount()).isEqualByComparingTo("4000.00");
        assertThat(notice.line().balance().payments()).singleElement()
                .satisfies(p -> assertThat(p.toPrincipal().amount()).isEqualByComparingTo("1000.00"));
    }

    @Test
    void theFirstDunningLetterAfterANoticeChargesWhatTheLawAttachesToTheDefault() {
        // Lag (1981:739) 4 a §: 450 kr owed from the day after the due date, with the first dunning letter,
        // as without a notice; the notice is no step of the dunning history.
        DunningLetter first = decide(INVOICE.sent("1:2025-03-12"), "2025-03-22").letter().orElseThrow();
        assertThat(first.level()).isEqualTo(2);
        assertThat(first.line().balance().fees()).extracting(Fee::code, f -> f.amount().amount().toPlainString(),
                Fee::chargedOn).contains(org.assertj.core.groups.Tuple.tuple(FeeCode.FIXED_COMPENSATION, "450.00",
                        LocalDate.parse("2025-03-18")));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"level\": 1, \"daysAfterDue\": -5, \"kind\": \"PAYMENT_REMINDER\"} | $.levels[0].daysAfterDue",
            "{\"level\": 1, \"daysAfterDue\": 3, \"kind\": \"PRE_DUE_NOTICE\"} | $.levels[0].daysAfterDue",
            "{\"level\": 1, \"daysAfterDue\": -5, \"kind\": \"PRE_DUE_NOTICE\", \"fee\": \"REMINDER_FEE\"} | $.levels[0].fee",
            "{\"level\": 1, \"daysAfterDue\": -5, \"kind\": \"PRE_DUE_NOTICE\", \"template\": \"reminder\"} | $.levels[0].template",
            "{\"level\": 1, \"daysAfterDue\": -61, \"kind\": \"PRE_DUE_NOTICE\"} | $.levels[0].daysAfterDue"})
    void aLevelBeforeTheDueDateIsANoticeWithoutFee(String level, String field) {
        String levels = "{\"levels\": [" + level + ", {\"level\": 2, \"daysAfterDue\": 5, \"kind\": \"PAYMENT_REMINDER\"}]}";
        assertThatThrownBy(() -> TestPolicies.seller("SE", levels)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).contains(field));
    }
}
