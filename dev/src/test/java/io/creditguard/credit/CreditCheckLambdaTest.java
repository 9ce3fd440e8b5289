package io.creditguard.credit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.creditguard.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** The credit-check Lambda as deployed: QUARKUS_FUNQY_EXPORT=credit-check, a raw API Gateway event in. */
@QuarkusTest
@TestProfile(CreditCheckLambdaTest.Export.class)
class CreditCheckLambdaTest {

    public static class Export implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "credit-check");
        }
    }

    @Test
    void healthyCompanyEvent() {
        JsonPath response = given().port(Events.LAMBDA_PORT).body(Events.read("credit-check.json"))
                .post("/_lambda_").then().statusCode(200).extract().jsonPath();
        assertThat(response.getInt("statusCode")).isEqualTo(200);
        JsonPath body = JsonPath.from(response.getString("body"));
        assertThat(body.getString("decision")).isEqualTo("APPROVE");
        assertThat(body.getString("riskClass")).isEqualTo("A");
        assertThat(body.getString("company.registrationNumber")).isEqualTo("556036-0793");
        assertThat(body.getString("altman.model")).isEqualTo("Z_DOUBLE_PRIME");
        assertThat(body.getString("altman.zone")).isEqualTo("SAFE");
        assertThat(body.getList("reasons.code")).first().isEqualTo("ALTMAN_SAFE");
        assertThat(body.getString("probabilityOfDefault.basis")).contains("model estimate");
    }

    @Test
    void invalidOrgnrInTheEventIsA422Problem() {
        String event = Events.read("credit-check.json").replace("556036-0793", "556036-0794");
        JsonPath response = given().port(Events.LAMBDA_PORT).body(event).post("/_lambda_").jsonPath();
        assertThat(response.getInt("statusCode")).isEqualTo(422);
        JsonPath problem = JsonPath.from(response.getString("body"));
        assertThat(problem.getList("errors.field")).contains("$.company.registrationNumber");
        assertThat(problem.getString("detail")).contains("Luhn");
    }

    /** The sample event with its body's {@code asOf} and each year's {@code periodEnd} set anew. */
    private static String sampleAsOf(String asOf, String... periodEnds) throws java.io.IOException {
        var event = (com.fasterxml.jackson.databind.node.ObjectNode) io.creditguard.json.Json.MAPPER.readTree(
                Events.read("credit-check.json"));
        var body = (com.fasterxml.jackson.databind.node.ObjectNode) io.creditguard.json.Json.MAPPER.readTree(
                event.get("body").asText());
        body.put("asOf", asOf);
        for (int i = 0; i < periodEnds.length; i++) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("financials").get(i)).put("periodEnd", periodEnds[i]);
        }
        event.put("body", io.creditguard.json.Json.write(body));
        return io.creditguard.json.Json.write(event);
    }

    /**
     * A check as of any day the request may name is answered: 2025-06-01 once answered 500 "no risk class
     * covers score 50", the scorecard's rows then starting in 2026. Eleven years back is refused, naming asOf.
     */
    @Test
    void aCheckAsOfAnyAcceptedDayIsAnsweredAndAnEarlierOneRefusedNamingAsOf() throws java.io.IOException {
        JsonPath response = given().port(Events.LAMBDA_PORT).body(sampleAsOf("2025-06-01", "2024-12-31", "2023-12-31"))
                .post("/_lambda_").jsonPath();
        assertThat(response.getInt("statusCode")).as(response.getString("body")).isEqualTo(200);
        assertThat(JsonPath.from(response.getString("body")).getString("asOf")).isEqualTo("2025-06-01");

        JsonPath refused = given().port(Events.LAMBDA_PORT).body(sampleAsOf("2012-01-01", "2010-12-31", "2009-12-31"))
                .post("/_lambda_").jsonPath();
        assertThat(refused.getInt("statusCode")).isEqualTo(422);
        assertThat(JsonPath.from(refused.getString("body")).getList("errors.field")).containsExactly("$.asOf");
    }
}
