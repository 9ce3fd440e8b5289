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
}
