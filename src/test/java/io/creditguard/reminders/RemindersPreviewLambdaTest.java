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
        List<String> invoiceIds = body.getList("reminders.invoiceId");
        // inv-0001: SE business, 8 days overdue → level 1; inv-0003: level 3 final notice (levels 1 and 2 sent).
        assertThat(invoiceIds).contains("inv-0001", "inv-0003");
        Map<String, Object> first = body.getMap("reminders.find { it.invoiceId == 'inv-0001' }");
        assertThat(first).containsEntry("action", "REMINDER").containsEntry("level", 1);
        assertThat(body.getString("reminders.find { it.invoiceId == 'inv-0001' }.letter.language")).isEqualTo("sv");
        assertThat(body.getString("reminders.find { it.invoiceId == 'inv-0001' }.letter.subject"))
                .isEqualTo("Betalningspåminnelse: faktura 2026-1001");
        assertThat(body.getString("reminders.find { it.invoiceId == 'inv-0003' }.action")).isEqualTo("FINAL_NOTICE");
        // Due Sunday 2026-11-22, so Monday 23rd counts; the 2026H2 Swedish reference rate is not verified,
        // so the preview says interest from the 24th is missing instead of guessing a rate.
        assertThat(body.getString("reminders.find { it.invoiceId == 'inv-0001' }.dueDateAdjustedTo")).isEqualTo("2026-11-23");
        assertThat(body.getString("warnings.find { it.invoiceId == 'inv-0001' }.message"))
                .startsWith("No verified reference rate for 2026-11-24–2026-11-30");
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
