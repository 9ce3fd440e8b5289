package io.creditguard.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.creditguard.SampleDay;
import io.creditguard.validation.FieldError;
import io.creditguard.validation.InputReader;
import io.creditguard.validation.InvalidInputException;

/** The rules of a claim's body that span its fields: its own dates in order, nothing after the day assessed. */
class ClaimRequestTest {

    private static final InputReader INPUTS = InputReader.standalone(SampleDay.CLOCK);

    private static final String CLAIM = """
            {"asOf":"2026-06-30",
             "policy":{"insurer":"Insurer Ltd","policyNumber":"P-1","currency":"EUR","insuredPercentage":0.85,"deductible":1000,
               "creditLimits":[{"buyerId":"B-1","amount":50000,"approvedOn":"2026-01-10"}],
               "maxCreditPeriodDays":60,"overdueNotificationDays":60,"claimFilingDays":90,"waitingPeriodDays":90},
             "buyer":{"id":"B-1","name":"Buyer BV","country":"NL"},
             "debts":[{"invoiceId":"I-1","issueDate":"2026-02-01","deliveryDate":"2026-02-01","dueDate":"2026-03-03",
               "amount":20000,"openAmount":20000}]}""";

    private static String with(String dates) {
        return CLAIM.replace("{\"asOf\":\"2026-06-30\",", "{\"asOf\":\"2026-06-30\"," + dates);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = ';', value = {
            // Paid before it was filed: payments in between would count as recoveries shared with the insurer.
            "\"claimFiledOn\":\"2026-06-20\",\"indemnityPaidOn\":\"2026-06-10\",; $.indemnityPaidOn; "
                    + "must not be before claimFiledOn (2026-06-20): an indemnity is paid on a filed claim",
            "\"claimFiledOn\":\"2026-07-01\",; $.claimFiledOn; must not be after asOf (2026-06-30)",
            "\"claimFiledOn\":\"2026-06-20\",\"indemnityPaidOn\":\"2026-07-01\",; $.indemnityPaidOn; "
                    + "must not be after asOf (2026-06-30)",
    })
    void theClaimsOwnDatesOutOfOrderAreRefusedNamingTheField(String dates, String field, String message) {
        assertThatThrownBy(() -> INPUTS.read(with(dates), ClaimRequest.class)).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.errors()).extracting(FieldError::field, FieldError::message)
                        .containsExactly(tuple(field, message)));
    }

    /** Without a delivery date the issue date stands in for it: issued after asOf, it was not delivered by then. */
    @Test
    void aDebtIssuedAfterTheDayAssessedWithoutADeliveryDateIsRefused() {
        String issuedLater = CLAIM.replace("\"issueDate\":\"2026-02-01\",\"deliveryDate\":\"2026-02-01\",\"dueDate\":\"2026-03-03\"",
                "\"issueDate\":\"2026-07-01\",\"dueDate\":\"2026-07-31\"");
        assertThatThrownBy(() -> INPUTS.read(issuedLater, ClaimRequest.class)).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.errors()).extracting(FieldError::field, FieldError::message)
                        .containsExactly(tuple("$.debts[0].issueDate", "must not be after asOf (2026-06-30) without a "
                                + "deliveryDate: the issue date stands in for the delivery")));
        // Delivered by then and invoiced after: a debt of the day assessed.
        assertThatCode(() -> INPUTS.read(issuedLater.replace("\"dueDate\":\"2026-07-31\"",
                "\"deliveryDate\":\"2026-06-25\",\"dueDate\":\"2026-07-31\""), ClaimRequest.class)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "\"claimFiledOn\":\"2026-06-20\",\"indemnityPaidOn\":\"2026-06-20\",",
            "\"claimFiledOn\":\"2026-06-30\",\"indemnityPaidOn\":\"2026-06-30\",",
    })
    void paidOnTheDayItWasFiledAndOnTheDayAssessedIsInOrder(String dates) {
        assertThatCode(() -> INPUTS.read(with(dates), ClaimRequest.class)).doesNotThrowAnyException();
    }
}
