package io.creditguard.claims;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.creditguard.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** POST /claims over HTTP through the local gateway. */
@QuarkusTest
class ClaimsRoutesTest {

    private static final String CLAIM = """
            {"asOf":"2026-06-30",
             "policy":{"insurer":"Insurer Ltd","policyNumber":"P-1","policyholder":"Seller BV","currency":"EUR","insuredPercentage":0.85,"deductible":1000,
               "creditLimits":[{"buyerId":"B-1","amount":50000,"approvedOn":"2026-01-10"}],
               "maxCreditPeriodDays":60,"overdueNotificationDays":60,"claimFilingDays":90,"waitingPeriodDays":90},
             "buyer":{"id":"B-1","name":"Buyer BV","country":"NL","registrationNumber":"12345678"},
             "debts":[{"invoiceId":"I-1","issueDate":"2026-02-01","deliveryDate":"2026-02-01","dueDate":"2026-03-03",
               "amount":20000,"openAmount":20000,"remindersSent":[{"level":1,"sentOn":"2026-03-10"}]}],
             "events":[{"type":"OVERDUE_NOTIFIED","date":"2026-04-20"}],
             "documents":["INVOICE_COPIES"]}""";

    private static RequestSpecification api() {
        return given().port(Events.GATEWAY_PORT).contentType(ContentType.JSON);
    }

    @Test
    void protractedDefaultInEnglish() {
        api().body(CLAIM).post("/claims").then().statusCode(200)
                .body("status", equalTo("NOT_YET_CLAIMABLE"))
                .body("trigger", equalTo("PROTRACTED_DEFAULT"))
                .body("deadlines.waitingPeriodEnds.date", equalTo("2026-07-19"))
                .body("deadlines.notifyOverdueBy.status", equalTo("MET"))
                .body("indemnity.amount", equalTo(16000.00f))
                .body("dossier.coverLetter.language", equalTo("en"))
                .body("dossier.coverLetter.text", containsString("Yours sincerely\nSeller BV"))
                .body("dossier.coverLetter.text", containsString("Cause of loss: protracted default; the overdue debt was reported to you on 20 April 2026."));
    }

    @Test
    void theDeductibleBeforeTheCoverAndTheFormulaSaysSo() {
        // (20 000 − 1 000) × 85 % = 16 150, where after the cover it is 20 000 × 85 % − 1 000 = 16 000.
        api().body(CLAIM.replace("\"deductible\":1000,", "\"deductible\":1000,\"deductibleOrder\":\"BEFORE_COVER\","))
                .post("/claims").then().statusCode(200)
                .body("indemnity.deductibleOrder", equalTo("BEFORE_COVER"))
                .body("indemnity.amount", equalTo(16150.00f))
                .body("indemnity.formula", equalTo("(insured EUR 20000.00 of claimable EUR 20000.00 − deductible EUR 1000.00) × 85 % "
                        + "= EUR 16150.00"));
    }

    @Test
    void aLimitLoweredBeforeTheDeliveryInsuresOnlyWhatItAllows() {
        // 50 000 approved 10 January, lowered to 10 000 on 25 January; delivered 1 February: 10 000 × 85 % − 1 000.
        api().body(CLAIM.replace("{\"buyerId\":\"B-1\",\"amount\":50000,\"approvedOn\":\"2026-01-10\"}",
                "{\"buyerId\":\"B-1\",\"amount\":50000,\"approvedOn\":\"2026-01-10\"},"
                        + "{\"buyerId\":\"B-1\",\"amount\":10000,\"approvedOn\":\"2026-01-25\"}"))
                .post("/claims").then().statusCode(200)
                .body("debts[0].insuredAmount", equalTo(10000.00f))
                .body("debts[0].reasons[0].code", equalTo("ABOVE_LIMIT"))
                .body("indemnity.amount", equalTo(7500.00f));
    }

    @ParameterizedTest(name = "{4}")
    @CsvSource(delimiter = ';', value = {
            "\"amount\":20000,\"openAmount\":20000;\"amount\":20000,\"openAmount\":-1;422;$.debts[0].openAmount;negative amount",
            "\"dueDate\":\"2026-03-03\";\"dueDate\":\"2026-01-03\";422;$.debts[0].dueDate;due date before the issue date",
            "\"currency\":\"EUR\";\"currency\":\"EURO\";400;$.policy.currency;unknown currency",
            "\"insuredPercentage\":0.85;\"insuredPercentage\":1.5;422;$.policy.insuredPercentage;cover above 100 %",
            // at most ten decimals, as every fraction (@Fraction): the indemnity formula states the share as given
            "\"insuredPercentage\":0.85;\"insuredPercentage\":1e-999;422;$.policy.insuredPercentage;a share of a thousand decimals",
            "\"deductible\":1000;\"deductible\":1000.001;422;$.policy.deductible;more decimals than cents",
            "\"date\":\"2026-04-20\";\"date\":\"2026-07-20\";422;$.events[0].date;an event after asOf",
            "\"type\":\"OVERDUE_NOTIFIED\";\"type\":\"LATE\";400;$.events[0].type;unknown event type",
            "\"documents\":[\"INVOICE_COPIES\"];\"documents\":[\"SELFIE\"];400;$.documents[0];unknown document",
            "\"deductible\":1000,;\"deductible\":1000,\"deductibleOrder\":\"FIRST\",;400;$.policy.deductibleOrder;unknown deductible order"})
    void badInputIsAProblemNamingTheField(String from, String to, int status, String field, String what) {
        api().body(CLAIM.replace(from, to)).post("/claims").then().statusCode(status)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void aDebtIsRequired() {
        api().body(CLAIM.replaceAll("(?s)\"debts\":\\[.*?\\]}\\],", "\"debts\":[],")).post("/claims").then().statusCode(422)
                .body("errors.field", hasItem("$.debts"));
    }
}
