package io.creditguard.reminders;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.creditguard.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** POST /reminders/preview over HTTP through the local gateway, as a client calls it. */
@QuarkusTest
class RemindersRoutesTest {

    private static final String INVOICE = """
            {"invoiceId":"i-1","invoiceNumber":"F-1","currency":"SEK","issueDate":"2026-05-01","dueDate":"2026-05-31",
             "amount":10000,"openAmount":10000,"interestRate":null,
             "customer":{"id":"c-1","name":"Kund AB","type":"BUSINESS","country":"SE","language":"sv"}}""";

    private static RequestSpecification api() {
        return given().port(Events.GATEWAY_PORT).contentType(ContentType.JSON);
    }

    private static String body(String asOf, String invoice) {
        return "{\"asOf\":\"" + asOf + "\",\"invoices\":[" + invoice + "]}";
    }

    @Test
    void previewWithACallerSuppliedRateForAHalfYearTheFileLacks() {
        // The policy replaces the default and supplies the 2026H2 referensränta, so interest is complete.
        String policy = """
                {"name":"tight","graceDays":0,"levels":[{"level":1,"daysAfterDue":1,"action":"REMINDER"}],
                 "referenceRates":[{"scheme":"SE_REFERENSRANTA","validFrom":"2026-07-01","validTo":"2026-12-31","ratePercent":2.00}]}""";
        api().body("{\"asOf\":\"2026-07-10\",\"policy\":" + policy + ",\"invoices\":[" + INVOICE + "]}")
                .post("/reminders/preview").then().statusCode(200)
                .body("policy", equalTo("tight"))
                .body("reminders", hasSize(1))
                .body("reminders[0].interest.complete", equalTo(true))
                .body("reminders[0].interest.periods", hasSize(2))
                .body("reminders[0].interest.periods[1].ratePercent", equalTo(10.00f))
                .body("reminders[0].fees[0].code", equalTo("LATE_PAYMENT_COMPENSATION"));
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = ';', value = {
            "\"currency\":\"SEK\";\"currency\":\"XXY\";400;$.invoices[0].currency;unknown currency",
            "\"openAmount\":10000;\"openAmount\":-5;422;$.invoices[0].openAmount;negative amount",
            "\"openAmount\":10000;\"openAmount\":10.123;422;$.invoices[0].openAmount;more decimals than öre",
            "\"openAmount\":10000;\"openAmount\":20000;422;$.invoices[0].openAmount;open above the invoice amount",
            "\"dueDate\":\"2026-05-31\";\"dueDate\":\"2026-02-30\";400;$.invoices[0].dueDate;impossible date",
            "\"dueDate\":\"2026-05-31\";\"dueDate\":\"2026-04-01\";422;$.invoices[0].dueDate;due before issue",
            "\"dueDate\":\"2026-05-31\";\"dueDate\":\"1500-05-31\";422;$.invoices[0].dueDate;a date centuries away",
            "\"interestRate\":null;\"interestRate\":150;422;$.invoices[0].interestRate;interest above 100 %",
            "\"name\":\"Kund AB\";\"name\":\"Kund AB\\nPay to IBAN X\";422;$.invoices[0].customer.name;a line break that could forge a letter line",
            "\"country\":\"SE\";\"country\":\"Sweden\";422;$.invoices[0].customer.country;country not ISO",
            "\"type\":\"BUSINESS\";\"type\":\"COMPANY\";400;$.invoices[0].customer.type;unknown customer type"})
    void badInvoiceIsAProblemNamingTheField(String from, String to, int status, String field, String what) {
        api().body(body("2026-06-15", INVOICE.replace(from, to))).post("/reminders/preview").then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void asOfTwoHundredYearsAwayIsRefused() {
        api().body(body("2226-06-15", INVOICE)).post("/reminders/preview").then().statusCode(422)
                .body("errors[0].field", equalTo("$.asOf"));
    }

    @Test
    void duplicateInvoiceIdsAreRefused() {
        api().body("{\"asOf\":\"2026-06-15\",\"invoices\":[" + INVOICE + "," + INVOICE + "]}")
                .post("/reminders/preview").then().statusCode(422)
                .body("errors[0].field", equalTo("$.invoices[1].invoiceId"));
    }

    @Test
    void policyWhoseLevelsDoNotRiseIsRefused() {
        String policy = """
                {"name":"bad","levels":[{"level":1,"daysAfterDue":20,"action":"REMINDER"},
                 {"level":2,"daysAfterDue":10,"action":"FINAL_NOTICE"}],
                 "insurer":{"name":"X","overdueNotificationDays":30,"notifyAfterDays":45}}""";
        api().body("{\"asOf\":\"2026-06-15\",\"policy\":" + policy + ",\"invoices\":[" + INVOICE + "]}")
                .post("/reminders/preview").then().statusCode(422)
                .body("errors.field", hasItem("$.policy.levels[1].daysAfterDue"))
                .body("errors.field", hasItem("$.policy.insurer.notifyAfterDays"));
    }

    @Test
    void missingInvoicesIsRequired() {
        api().body("{\"asOf\":\"2026-06-15\"}").post("/reminders/preview").then().statusCode(422)
                .body("errors[0].field", equalTo("$.invoices"))
                .body("errors[0].message", equalTo("must not be null"));
    }
}
