package io.creditguard.breakeven;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.creditguard.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The breakeven Lambda through its real contract: raw API Gateway v2 events in, proxy responses out. */
@QuarkusTest
class BreakevenLambdaTest {

    private static JsonPath invoke(String eventFile) {
        JsonPath response = given().port(Events.LAMBDA_PORT).body(Events.read(eventFile)).post("/_lambda_")
                .then().statusCode(200).extract().jsonPath();
        assertThat(response.getInt("statusCode")).isEqualTo(200);
        assertThat(response.getString("headers.content-type")).isEqualTo("application/json");
        assertThat(response.getBoolean("isBase64Encoded")).isFalse();
        return JsonPath.from(response.getString("body"));
    }

    @Test
    void lossEvent() {
        JsonPath body = invoke("breakeven-loss.json");
        // Coface table: 10 % margin, 100 000 kr loss → 1 000 000 kr of sales; 100 000 a month → 1 month.
        assertThat(body.getString("currency")).isEqualTo("SEK");
        assertThat(body.getString("requiredSales")).isEqualTo("1000000.0");
        assertThat(body.getDouble("bufferMonthsConsumed")).isEqualTo(1.0);
    }

    @Test
    void protectionEvent() {
        JsonPath body = invoke("breakeven-protection.json");
        assertThat(body.getList("options.kind")).containsExactly("CREDIT_INSURANCE", "SELF_INSURANCE",
                "BANK_GUARANTEE", "FACTORING");
        assertThat(body.getString("options[0].source")).contains("Coface");
    }

    @Test
    void factoringEvent() {
        JsonPath body = invoke("breakeven-factoring.json");
        assertThat(body.getString("assessment.verdict")).isEqualTo("WORTH_A_CLOSER_LOOK");
        assertThat(body.getList("lineItems.name")).contains("interestGain", "reminderIncome", "perInvoiceFees");
    }

    @Test
    void anEventForAnotherRouteIsA404Problem() {
        String event = Events.read("breakeven-loss.json").replace("/breakeven/loss", "/breakeven/nothing");
        JsonPath response = given().port(Events.LAMBDA_PORT).body(event).post("/_lambda_").jsonPath();
        assertThat(response.getInt("statusCode")).isEqualTo(404);
        assertThat(response.getString("headers.content-type")).isEqualTo("application/problem+json");
        assertThat(JsonPath.from(response.getString("body")).getString("type"))
                .isEqualTo("urn:creditguard:problem:not-found");
    }
}
