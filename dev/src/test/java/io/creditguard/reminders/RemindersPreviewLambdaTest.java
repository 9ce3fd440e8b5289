package io.creditguard.reminders;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.creditguard.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** The reminders-preview Lambda as deployed: a raw API Gateway event from events/ in, the preview out. */
@QuarkusTest
@TestProfile(RemindersPreviewLambdaTest.Export.class)
class RemindersPreviewLambdaTest {

    public static class Export implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "reminders-preview");
        }
    }

    private static JsonPath post(String event) {
        JsonPath response = given().port(Events.LAMBDA_PORT).body(event.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/_lambda_").then().statusCode(200)
                .extract().jsonPath();
        assertThat(response.getInt("statusCode")).isEqualTo(200);
        return JsonPath.from(response.getString("body"));
    }

    @Test
    void previewOfTheSampleEvent() {
        JsonPath body = post(Events.read("reminders-preview.json"));
        assertThat(body.getString("asOf")).isEqualTo("2026-11-30");
        assertThat(body.getString("policy")).isEqualTo("default");
        String byggab = "letters.find { it.customer.id == 'c-byggab' }";
        String kafe = "letters.find { it.customer.id == 'c-kafe' }";
        String visser = "letters.find { it.customer.id == 'p-visser' }";
        // inv-0001: SE business, due Sunday 22 November so Monday 23rd counts, 7 days overdue → level 1.
        assertThat(body.getString(byggab + ".kind")).isEqualTo("PAYMENT_REMINDER");
        assertThat(body.getInt(byggab + ".invoices[0].level")).isEqualTo(1);
        assertThat(body.getString(byggab + ".invoices[0].line.invoiceId")).isEqualTo("inv-0001");
        assertThat(body.getString(byggab + ".invoices[0].line.dueDateAdjustedTo")).isEqualTo("2026-11-23");
        assertThat(body.getString(byggab + ".letter.language")).isEqualTo("sv");
        assertThat(body.getString(byggab + ".letter.subject")).isEqualTo("Betalningspåminnelse: faktura 2026-1001");
        // Lag (1981:739) 4 a §: 450 kr on 48 500; the 2026H2 referensränta is not verified, so no interest yet.
        assertThat(body.getDouble(byggab + ".total")).isEqualTo(48950.00);
        assertThat(body.getString("warnings.find { it.invoiceId == 'inv-0001' }.message"))
                .startsWith("No verified reference rate for 2026-11-24–2026-11-30");
        // Its terms are not said to be agreed (the default policy assumes not): räntelagen 4 § would count 30 days
        // from sending on 23 October, to 22 November, but the invoice itself gave until the 23rd: from the 24th.
        assertThat(body.getString(byggab + ".invoices[0].line.defaultFrom")).isEqualTo("2026-11-24");
        assertThat(body.getString(byggab + ".invoices[0].line.defaultBasis.reason")).isEqualTo("INVOICE_DUE_DATE");
        // inv-0016: a Dutch business buying from a Swedish seller, so Swedish law (Rome I art. 4(1)); an e-invoice
        // sent and received on 23 September: räntelagen 4 §, 30 days after it was sent, from 24 October.
        String groothandel = "letters.find { it.customer.id == 'c-groothandel' }.invoices[0].line";
        assertThat(body.getString(groothandel + ".defaultFrom")).isEqualTo("2026-10-24");
        assertThat(body.getString(groothandel + ".defaultBasis.reason")).isEqualTo("INVOICE_SENT");
        assertThat(body.getString(groothandel + ".defaultBasis.legalBasis"))
                .isEqualTo("Räntelagen (1975:635) 4 § första och andra stycket (dertig dagen na verzending van de factuur of "
                        + "de aanmaning)");
        // inv-0003: levels 1 and 2 sent, level 3 is the inkassokrav; the 450 kr covers 60 + 60 + 180 kr of fees.
        assertThat(body.getString(kafe + ".kind")).isEqualTo("INKASSOKRAV");
        assertThat(body.getString(kafe + ".letter.subject")).isEqualTo("Inkassokrav: faktura 2026-1003");
        assertThat(body.getDouble(kafe + ".total")).isEqualTo(10250.00);
        // inv-0020: a Dutch consumer on the shop's terms (paymentTermsAgreed); the 14-day letter went out 9 November
        // (received 11th, term to 25th), so this letter charges the collection costs: staffel on €3 150 = 375 + 10 % of 650 = €440 (BW 6:96).
        assertThat(body.getString(visser + ".governingLaw.country")).isEqualTo("NL");
        assertThat(body.getString(visser + ".governingLaw.basis")).isEqualTo("CONSUMER_RESIDENCE");
        assertThat(body.getString(visser + ".invoices[0].line.balance.fees[0].code")).isEqualTo("COLLECTION_COSTS");
        assertThat(body.getDouble(visser + ".invoices[0].line.balance.fees[0].amount")).isEqualTo(440.00);
        // inv-0022: the customer's framework contract chose German law. BGB § 288 Abs. 2: Basiszinssatz 2026H2
        // 1.52 + 9 = 10.52 %; 21-30 November, 10 days on €27 400 = 78.97; Abs. 5: €40. Total 27 518.97.
        String maschinen = "letters.find { it.customer.id == 'c-maschinen' }";
        assertThat(body.getString(maschinen + ".governingLaw.basis")).isEqualTo("CONTRACT");
        // The same framework contract fixed the payment terms: in default the day after the due date.
        assertThat(body.getString(maschinen + ".invoices[0].line.defaultFrom")).isEqualTo("2026-11-21");
        assertThat(body.getString(maschinen + ".invoices[0].line.defaultBasis.reason")).isEqualTo("AGREED_DUE_DATE");
        assertThat(body.getString(maschinen + ".invoices[0].line.defaultBasis.legalBasis"))
                .isEqualTo("BGB § 286 Abs. 2 Nr. 1 (a payment date set by the calendar)");
        assertThat(body.getDouble(maschinen + ".invoices[0].line.balance.interest.periods[0].amount")).isEqualTo(78.97);
        assertThat(body.getDouble(maschinen + ".total")).isEqualTo(27518.97);
        assertThat(body.getString(maschinen + ".letter.text")).contains("governed by the law of Germany, as the contract chose");
        assertThat(body.getList("kpis.byCurrency.currency")).contains("SEK", "EUR");
        assertThat(body.getList("kpis.byCurrency[0].aging.bucket"))
                .containsExactly("NOT_DUE", "DAYS_1_30", "DAYS_31_60", "DAYS_61_90", "OVER_90");
    }

    @Test
    void inconsistentInvoiceIsA422NamingTheField() {
        String event = Events.read("reminders-preview.json").replace("\\\"dueDate\\\": \\\"2026-11-22\\\"",
                "\\\"dueDate\\\": \\\"2026-10-01\\\"");
        assertThat(event).contains("2026-10-01");
        JsonPath response = given().port(Events.LAMBDA_PORT).body(event.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/_lambda_").jsonPath();
        assertThat(response.getInt("statusCode")).isEqualTo(422);
        JsonPath problem = JsonPath.from(response.getString("body"));
        assertThat(problem.getString("type")).isEqualTo("urn:creditguard:problem:validation-failed");
        assertThat(problem.getList("errors.field")).containsExactly("$.invoices[0].dueDate");
    }
}
