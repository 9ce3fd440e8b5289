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

    /** A policy of one level with a creditor, {@code extra} (JSON members) added. */
    private static String policy(String name, String levels, String extra) {
        return "{\"name\":\"" + name + "\",\"graceDays\":0,\"levels\":" + levels + ",\"creditor\":{\"name\":\"Säljare AB\","
                + "\"country\":\"SE\",\"paymentInstructions\":\"bankgiro 123-4567\",\"disputeContact\":\"ekonomi@example.se\"}"
                + extra + "}";
    }

    private static final String ONE_LEVEL = "[{\"level\":1,\"daysAfterDue\":1,\"kind\":\"PAYMENT_REMINDER\"}]";

    @Test
    void previewWithACallerSuppliedRateForAHalfYearTheFileLacks() {
        // The policy replaces the default and supplies the 2026H2 referensränta, so interest is complete:
        // 2026H1 2.00 + 8 and the supplied 2.00 + 8, both 10 %. Lag (1981:739) 4 a §: 450 kr.
        String policy = policy("tight", ONE_LEVEL, ",\"referenceRates\":[{\"scheme\":\"SE_REFERENSRANTA\","
                + "\"validFrom\":\"2026-07-01\",\"validTo\":\"2026-12-31\",\"ratePercent\":2.00}]");
        api().body("{\"asOf\":\"2026-07-10\",\"policy\":" + policy + ",\"invoices\":[" + INVOICE + "]}")
                .post("/reminders/preview").then().statusCode(200)
                .body("policy", equalTo("tight"))
                .body("letters", hasSize(1))
                .body("letters[0].kind", equalTo("PAYMENT_REMINDER"))
                .body("letters[0].governingLaw.country", equalTo("SE"))
                .body("letters[0].governingLaw.basis", equalTo("SELLER_DEFAULT"))
                .body("letters[0].invoices[0].line.balance.interest.complete", equalTo(true))
                .body("letters[0].invoices[0].line.balance.interest.periods", hasSize(2))
                .body("letters[0].invoices[0].line.balance.interest.periods[1].ratePercent", equalTo(10.00f))
                .body("letters[0].invoices[0].line.balance.fees[0].code", equalTo("FIXED_COMPENSATION"))
                .body("letters[0].letter.subject", equalTo("Betalningspåminnelse: faktura F-1"));
    }

    @Test
    void aPartPaymentIsAppliedToInterestFirstAndShown() {
        // 10 000 kr due Sunday 31 May 2026, so Monday 1 June; interest from 2 June at 2.00 + 8 = 10 %. 4 000 paid
        // 20 June: 19 days = 52.05 interest; the payment meets the 450 kr (owed since 2 June, lag 1981:739 4 a §),
        // then 52.05, then 3 497.95 of the principal (Swedish practice: costs, interest, capital), leaving
        // 6 502.05, on which 21-30 June (10 days) accrue 17.81.
        String paid = INVOICE.replace("\"openAmount\":10000", "\"openAmount\":6000,\"payments\":[{\"date\":\"2026-06-20\","
                + "\"amount\":4000,\"reference\":\"OCR 123\"}]");
        api().body(body("2026-06-30", paid)).post("/reminders/preview").then().statusCode(200)
                .body("letters[0].invoices[0].line.balance.payments[0].toCosts", equalTo(450.00f))
                .body("letters[0].invoices[0].line.balance.payments[0].toInterest", equalTo(52.05f))
                .body("letters[0].invoices[0].line.balance.payments[0].toPrincipal", equalTo(3497.95f))
                .body("letters[0].invoices[0].line.balance.principal", equalTo(6502.05f))
                .body("letters[0].invoices[0].line.balance.interest.periods[1].amount", equalTo(17.81f))
                .body("letters[0].invoices[0].line.balance.total", equalTo(6519.86f))
                .body("letters[0].letter.text", containsString("Betalt 2026-06-20: 4 000,00 SEK (avräknat mot kostnader "
                        + "450,00 SEK, ränta 52,05 SEK, kapital 3 497,95 SEK)"));
    }

    @Test
    void thePreviewTakesWhetherTheTermsWereAgreedAndWhenTheInvoiceArrived() {
        // A German consumer's invoice of 1 May, due 31 May (Sunday, so Monday 1 June), on terms not agreed,
        // received 4 May and telling the consumer of BGB § 286 Abs. 3: in default 30 days after receipt, from
        // 4 June; 4-30 June, 27 days at Basiszinssatz 1.27 + 5 = 6.27 % on €10 000 = 46.38.
        String invoice = INVOICE.replace("\"currency\":\"SEK\"", "\"currency\":\"EUR\"")
                .replace("\"interestRate\":null", "\"interestRate\":null,\"governingLaw\":\"DE\",\"paymentTermsAgreed\":false,"
                        + "\"receivedOn\":\"2026-05-04\",\"consumerNoticeOnInvoice\":true")
                .replace("\"type\":\"BUSINESS\",\"country\":\"SE\",\"language\":\"sv\"",
                        "\"type\":\"CONSUMER\",\"country\":\"DE\",\"language\":\"en\"");
        api().body(body("2026-06-30", invoice)).post("/reminders/preview").then().statusCode(200)
                .body("letters[0].invoices[0].line.defaultFrom", equalTo("2026-06-04"))
                .body("letters[0].invoices[0].line.defaultBasis.reason", equalTo("INVOICE_RECEIVED"))
                .body("letters[0].invoices[0].line.defaultBasis.event", equalTo("2026-05-04"))
                .body("letters[0].invoices[0].line.defaultBasis.legalBasis", equalTo("BGB § 286 Abs. 3 Satz 1 Halbsatz 2, Abs. 1 "
                        + "(30 days after an invoice stating this consequence was received, or a reminder)"))
                .body("letters[0].invoices[0].line.balance.interest.accrued", equalTo(46.38f))
                .body("letters[0].letter.text", containsString("Late interest runs from 4 June 2026 (BGB § 286 Abs. 3 Satz 1 "
                        + "Halbsatz 2, Abs. 1 (30 days after an invoice stating this consequence was received, or a reminder))."));
        // Without the notice only a reminder puts a consumer in default: this one, received 2 July.
        api().body(body("2026-06-30", invoice.replace("\"consumerNoticeOnInvoice\":true", "\"consumerNoticeOnInvoice\":false")))
                .post("/reminders/preview").then().statusCode(200)
                .body("letters[0].invoices[0].line.defaultFrom", equalTo("2026-07-03"))
                .body("letters[0].invoices[0].line.defaultBasis.reason", equalTo("REMINDER_RECEIVED"))
                .body("letters[0].invoices[0].line.balance.interest.accrued", equalTo(0.0f))
                .body("letters[0].letter.text", containsString("If it is not paid before then, late interest runs from 3 July 2026"));
    }

    @Test
    void aFrameworkContractsAgreedTermsCountForItsInvoices() {
        // The customer's contract fixed the terms: a Swedish business in default the day after the due date.
        String invoice = INVOICE.replace("\"language\":\"sv\"", "\"language\":\"sv\",\"paymentTermsAgreed\":true");
        api().body(body("2026-06-30", invoice)).post("/reminders/preview").then().statusCode(200)
                .body("letters[0].invoices[0].line.defaultFrom", equalTo("2026-06-02"))
                .body("letters[0].invoices[0].line.defaultBasis.reason", equalTo("AGREED_DUE_DATE"))
                .body("letters[0].letter.text", containsString("Dröjsmålsränta löper från 2026-06-02 (Räntelagen (1975:635) 3 § (förfallodag bestämd i förväg))."));
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = ';', value = {
            "\"interestRate\":null;\"interestRate\":null,\"governingLaw\":\"XX\";$.invoices[0].governingLaw;a law that is no country",
            "\"interestRate\":null;\"interestRate\":null,\"governingLaw\":\"PL\";$.invoices[0].governingLaw;a law without rules",
            "\"language\":\"sv\";\"language\":\"sv\",\"governingLaw\":\"FR\";$.invoices[0].customer.governingLaw;the customer's law without rules",
            "\"openAmount\":10000;\"openAmount\":9000,\"payments\":[{\"date\":\"2026-06-20\",\"amount\":1000}];$.invoices[0].payments[0].date;paid after asOf",
            "\"openAmount\":10000;\"openAmount\":0,\"payments\":[{\"date\":\"2026-06-01\",\"amount\":12000}];$.invoices[0].payments;paid above the amount",
            "\"openAmount\":10000;\"openAmount\":9000,\"payments\":[{\"date\":\"2026-06-01\",\"amount\":1000,\"currency\":\"EUR\"}];$.invoices[0].payments[0].currency;paid in another currency",
            "\"openAmount\":10000;\"openAmount\":10000,\"payments\":[{\"date\":\"2026-06-01\",\"amount\":1000}];$.invoices[0].openAmount;open amount not what the payments leave",
            "\"openAmount\":10000;\"openAmount\":9000,\"credits\":[{\"documentId\":\"CN-1\",\"date\":\"2026-06-01\",\"amount\":-1000}];$.invoices[0].credits[0].amount;a negative credit",
            "\"interestRate\":null;\"interestRate\":null,\"receivedOn\":\"2026-04-30\";$.invoices[0].receivedOn;received before it was issued",
            "\"interestRate\":null;\"interestRate\":null,\"vatAmount\":12500;$.invoices[0].vatAmount;more VAT than the amount",
            "\"interestRate\":null;\"interestRate\":null,\"vatAmount\":2000.001;$.invoices[0].vatAmount;VAT with more decimals than öre"})
    void inconsistentLedgerOrLawIsA422NamingTheField(String from, String to, String field, String what) {
        api().body(body("2026-06-15", INVOICE.replace(from, to))).post("/reminders/preview").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void aLawWithoutRulesIsRefusedNamingTheLawsThatHaveThem() {
        api().body(body("2026-06-15", INVOICE.replace("\"interestRate\":null", "\"interestRate\":null,\"governingLaw\":\"PL\"")))
                .post("/reminders/preview").then().statusCode(422)
                .body("errors[0].message", equalTo("must be a law creditguard has late-payment rules for: DE, DK, FI, NL, NO, SE"));
    }

    @Test
    void anUnknownLevelKindNamesTheKinds() {
        String policy = policy("bad", "[{\"level\":1,\"daysAfterDue\":1,\"kind\":\"REMINDER\"}]", "");
        api().body("{\"asOf\":\"2026-06-15\",\"policy\":" + policy + ",\"invoices\":[" + INVOICE + "]}")
                .post("/reminders/preview").then().statusCode(422)
                .body("errors[0].field", equalTo("$.policy.levels[0].kind"))
                .body("errors[0].message", equalTo("must be one of PRE_DUE_NOTICE, PAYMENT_REMINDER, INKASSOKRAV, FINAL_NOTICE, COLLECTION_HANDOFF"));
    }

    @Test
    void anInkassokravGivesAtLeastEightDays() {
        String policy = policy("short", "[{\"level\":1,\"daysAfterDue\":1,\"kind\":\"INKASSOKRAV\",\"payWithinDays\":5}]", "");
        api().body("{\"asOf\":\"2026-06-15\",\"policy\":" + policy + ",\"invoices\":[" + INVOICE + "]}")
                .post("/reminders/preview").then().statusCode(422)
                .body("errors.field", hasItem("$.policy.levels[0].payWithinDays"));
    }

    @Test
    void aPolicyWithoutACreditorIsRefused() {
        api().body("{\"asOf\":\"2026-06-15\",\"policy\":{\"name\":\"x\",\"levels\":" + ONE_LEVEL + "},\"invoices\":["
                + INVOICE + "]}").post("/reminders/preview").then().statusCode(422)
                .body("errors.field", hasItem("$.policy.creditor"));
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = ';', value = {
            "\"currency\":\"SEK\";\"currency\":\"XXY\";400;$.invoices[0].currency;unknown currency",
            "\"openAmount\":10000;\"openAmount\":-5;422;$.invoices[0].openAmount;negative amount",
            "\"openAmount\":10000;\"openAmount\":10.123;422;$.invoices[0].openAmount;more decimals than öre",
            "\"openAmount\":10000;\"openAmount\":10000,\"remindersSent\":[{\"level\":1,\"sentOn\":\"2026-06-05\",\"fees\":"
                    + "[{\"code\":\"FIXED_COMPENSATION\",\"amount\":450.001}]}];422;$.invoices[0].remindersSent[0].fees[0].amount;"
                    + "a fee a letter recorded with more decimals than öre",
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
        String policy = policy("bad", """
                [{"level":1,"daysAfterDue":20,"kind":"PAYMENT_REMINDER"},{"level":2,"daysAfterDue":10,"kind":"FINAL_NOTICE"}]""",
                ",\"insurer\":{\"name\":\"X\",\"overdueNotificationDays\":30,\"notifyAfterDays\":45}");
        api().body("{\"asOf\":\"2026-06-15\",\"policy\":" + policy + ",\"invoices\":[" + INVOICE + "]}")
                .post("/reminders/preview").then().statusCode(422)
                .body("errors.field", hasItem("$.policy.levels[1].daysAfterDue"))
                .body("errors.field", hasItem("$.policy.insurer.notifyAfterDays"));
    }

    private static String book(int invoices) {
        String paid = INVOICE.replace("\"openAmount\":10000", "\"openAmount\":6000,\"payments\":[{\"date\":\"2026-06-10\","
                + "\"amount\":4000,\"reference\":\"OCR 123\"}]");
        return java.util.stream.IntStream.range(0, invoices).mapToObj(i -> paid.replace("\"i-1\"", "\"i-" + i + "\""))
                .collect(java.util.stream.Collectors.joining(",", "{\"asOf\":\"2026-06-15\",\"invoices\":[", "]}"));
    }

    @Test
    void tenThousandInvoicesWithPaymentsAreTooLargeForOneRequest() {
        String body = book(10_000);
        org.assertj.core.api.Assertions.assertThat(body.length()).isGreaterThan(1024 * 1024);
        api().body(body).post("/reminders/preview").then().statusCode(413)
                .body("type", equalTo("urn:creditguard:problem:payload-too-large"));
    }

    @Test
    void moreThanAThousandInvoicesBelongInTheScheduledRun() {
        api().body(book(1_001)).post("/reminders/preview").then().statusCode(422)
                .body("errors[0].field", equalTo("$.invoices"))
                .body("errors[0].message", containsString("at most 1000 invoices per preview; use the scheduled run"));
    }

    @Test
    void aThousandInvoicesWithPaymentsFitAndAreAnswered() {
        api().body(book(1_000)).post("/reminders/preview").then().statusCode(200)
                .body("letters", hasSize(1))
                .body("letters[0].invoices", hasSize(1000));
    }

    @Test
    void missingInvoicesIsRequired() {
        api().body("{\"asOf\":\"2026-06-15\"}").post("/reminders/preview").then().statusCode(422)
                .body("errors[0].field", equalTo("$.invoices"))
                .body("errors[0].message", equalTo("must not be null"));
    }

    /** The invoice's customer asking for {@code policy} by name. */
    private static String invoiceOf(String id, String customer, String policy) {
        return INVOICE.replace("\"i-1\"", "\"" + id + "\"").replace("\"c-1\"", "\"" + customer + "\"")
                .replace("\"language\":\"sv\"", "\"language\":\"sv\"" + (policy == null ? "" : ",\"policy\":\"" + policy + "\""));
    }

    @Test
    void aCustomerNamingAGentlerPolicyIsRemindedByItAndTheOthersByTheRequestsPolicy() {
        // Due Sunday 31 May, so Monday 1 June; on 15 June the request's policy reminds (from day 1), the key
        // accounts' from day 30, 1 July.
        String gentle = policy("key-accounts", "[{\"level\":1,\"daysAfterDue\":30,\"kind\":\"PAYMENT_REMINDER\"}]", "");
        api().body("{\"asOf\":\"2026-06-15\",\"policy\":" + policy("tight", ONE_LEVEL, "") + ",\"policies\":{\"key-accounts\":"
                        + gentle + "},\"invoices\":[" + invoiceOf("i-1", "c-1", null) + "," + invoiceOf("i-2", "c-2", "key-accounts")
                        + "]}")
                .post("/reminders/preview").then().statusCode(200)
                .body("letters", hasSize(1))
                .body("letters[0].customer.id", equalTo("c-1"))
                .body("skipped", hasSize(1))
                .body("skipped[0].invoiceId", equalTo("i-2"))
                .body("skipped[0].reason", equalTo("NEXT_LEVEL_NOT_DUE"))
                .body("skipped[0].detail", containsString("2026-07-01"));
    }

    @Test
    void aPolicyNameTheRequestDoesNotGiveIsAFieldError() {
        api().body(body("2026-06-15", invoiceOf("i-1", "c-1", "key-accounts"))).post("/reminders/preview").then()
                .statusCode(422)
                .body("errors[0].field", equalTo("$.invoices[0].customer.policy"))
                .body("errors[0].message", equalTo("must name a policy given in policies"));
        api().body(body("2026-06-15", invoiceOf("i-1", "c-1", "Key Accounts!"))).post("/reminders/preview").then()
                .statusCode(422)
                .body("errors.field", hasItem("$.invoices[0].customer.policy"));
    }

    @Test
    void aNoticeBeforeTheDueDateInThePreview() {
        String levels = "[{\"level\":1,\"daysAfterDue\":-7,\"kind\":\"PRE_DUE_NOTICE\"},"
                + "{\"level\":2,\"daysAfterDue\":5,\"kind\":\"PAYMENT_REMINDER\"}]";
        api().body("{\"asOf\":\"2026-05-25\",\"policy\":" + policy("friendly", levels, "") + ",\"invoices\":[" + INVOICE + "]}")
                .post("/reminders/preview").then().statusCode(200)
                .body("letters[0].kind", equalTo("PRE_DUE_NOTICE"))
                .body("letters[0].payBy", equalTo("2026-06-01"))
                .body("letters[0].invoices[0].line.balance.fees", hasSize(0))
                .body("letters[0].letter.subject", equalTo("Snart förfallodag: faktura F-1, att betala senast 2026-06-01"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "\"name\":\"Kund AB\"                          | \"name\":\"Kund AB\\r\\nBcc: x@evil.example\"                | $.invoices[0].customer.name",
            "\"language\":\"sv\"                           | \"language\":\"sv\",\"email\":\"a@b.se\\r\\nBcc: x@evil.example\" | $.invoices[0].customer.email"})
    void aLineBreakInAnAddressOrNameThatMailWouldCarryIsRefused(String find, String replace, String field) {
        api().body(body("2026-06-15", INVOICE.replace(find, replace))).post("/reminders/preview").then().statusCode(422)
                .body("errors.field", hasItem(field));
    }

    @Test
    void emailDeliveryNeedsOneSenderAddress() {
        api().body("{\"asOf\":\"2026-06-15\",\"policy\":" + policy("mail", ONE_LEVEL, ",\"delivery\":{\"mode\":\"EMAIL\"}")
                        + ",\"invoices\":[" + INVOICE + "]}").post("/reminders/preview").then().statusCode(422)
                .body("errors[0].field", equalTo("$.policy.delivery.from"))
                .body("errors[0].message", equalTo("must be given when mode is EMAIL: mail needs a sender"));
        api().body("{\"asOf\":\"2026-06-15\",\"policy\":" + policy("mail", ONE_LEVEL,
                        ",\"delivery\":{\"mode\":\"EMAIL\",\"from\":\"a@b.se, c@d.se\"}") + ",\"invoices\":[" + INVOICE + "]}")
                .post("/reminders/preview").then().statusCode(422)
                .body("errors[0].field", equalTo("$.policy.delivery.from"))
                .body("errors[0].message", containsString("must be one mail address"));
    }
}
