package io.creditguard.breakeven;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.creditguard.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The breakeven routes over HTTP, through the local API gateway, as a user's curl would call them. */
@QuarkusTest
class BreakevenRoutesTest {

    private static RequestSpecification api() {
        return given().port(Events.GATEWAY_PORT).contentType(ContentType.JSON);
    }

    @ParameterizedTest(name = "margin {0}, loss {1} → {2} (Coface table)")
    @CsvSource({"0.05, 100000, 2000000.00", "0.10, 100000, 1000000.00", "0.20, 100000, 500000.00",
            "0.10, 300000, 3000000.00"})
    void answersTheArticleTableExactly(String margin, String loss, String sales) {
        api().body("{\"currency\":\"SEK\",\"loss\":" + loss + ",\"margin\":" + margin + "}")
                .post("/breakeven/loss")
                .then().statusCode(200).contentType("application/json")
                .header("x-content-type-options", "nosniff")
                // Exact decimal text: the amount is written at the currency's scale, never via a double.
                .body(containsString("\"requiredSales\":" + sales));
    }

    @Test
    void acceptsAmountsAsDecimalStrings() {
        api().body("{\"currency\":\"EUR\",\"loss\":\"2500.50\",\"margin\":\"0.25\"}").post("/breakeven/loss")
                .then().statusCode(200).body(containsString("\"requiredSales\":10002.00"))
                .body("currency", equalTo("EUR"));
    }

    @ParameterizedTest(name = "{0} → {1} at {2}")
    @CsvSource(delimiter = ';', value = {
            "{\"currency\":\"SEK\",\"loss\":100000,\"margin\":0}; 422; $.margin",
            "{\"currency\":\"SEK\",\"loss\":100000,\"margin\":2}; 422; $.margin",
            "{\"currency\":\"SEK\",\"loss\":-5,\"margin\":0.1}; 422; $.loss",
            "{\"loss\":100000,\"margin\":0.1}; 422; $.currency",
            "{\"currency\":\"SEK\",\"loss\":\"lots\",\"margin\":0.1}; 400; $.loss",
            "{\"currency\":\"XYZ\",\"loss\":1,\"margin\":0.1}; 400; $.currency",
            "{\"currency\":\"SEK\",\"loss\":10.001,\"margin\":0.1}; 422; $.loss",
            "{\"currency\":\"SEK\",\"loss\":1e400,\"margin\":0.1}; 422; $.loss",
            "{\"currency\":\"SEK\",\"loss\":1,\"margin\":0.1,\"monthlyExpenses\":[1]}; 400; $.monthlyExpenses",
    })
    void answersBadFieldsWithAProblemNamingTheField(String body, int status, String field) {
        api().body(body).post("/breakeven/loss")
                .then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("errors.field", hasItem(field))
                .body(not(containsString("Exception")));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = ';', value = {
            "{\"currency\":\"SEK\",; 400; urn:creditguard:problem:malformed-json",
            "[1,2]; 400; urn:creditguard:problem:invalid-body",
            "null; 400; urn:creditguard:problem:invalid-body",
            "\"text\"; 400; urn:creditguard:problem:invalid-body",
            "{} {}; 400; urn:creditguard:problem:malformed-json",
    })
    void answersMalformedBodiesWithAProblem(String body, int status, String type) {
        api().body(body).post("/breakeven/loss")
                .then().statusCode(status).contentType("application/problem+json").body("type", equalTo(type));
    }

    @Test
    void refusesAnEmptyBody() {
        api().post("/breakeven/loss").then().statusCode(400).body("type",
                equalTo("urn:creditguard:problem:invalid-body")).body("detail", containsString("empty"));
    }

    @Test
    void refusesAWrongContentType() {
        given().port(Events.GATEWAY_PORT).contentType("text/plain")
                .body("{\"currency\":\"SEK\",\"loss\":1,\"margin\":0.1}").post("/breakeven/loss")
                .then().statusCode(415).body("type", equalTo("urn:creditguard:problem:unsupported-media-type"));
    }

    @Test
    void refusesABodyOverOneMebibyte() {
        String padding = "x".repeat(1024 * 1024);
        api().body("{\"currency\":\"SEK\",\"loss\":1,\"margin\":0.1,\"note\":\"" + padding + "\"}")
                .post("/breakeven/loss").then().statusCode(413)
                .body("type", equalTo("urn:creditguard:problem:payload-too-large"));
    }

    @Test
    void refusesDeepNesting() {
        String deep = "[".repeat(100) + "]".repeat(100);
        api().body("{\"currency\":\"SEK\",\"loss\":1,\"margin\":0.1,\"x\":" + deep + "}").post("/breakeven/loss")
                .then().statusCode(400).body("detail", containsString("nesting"));
    }

    @Test
    void answersUnknownRoutesAndMethodsWithProblems() {
        api().body("{}").post("/breakeven/nothing").then().statusCode(404)
                .contentType("application/problem+json");
        api().get("/breakeven/loss").then().statusCode(405).body("detail", containsString("accepts POST"));
    }

    @Test
    void comparesProtectionWithTheCallersOptions() {
        api().body("""
                {"currency":"SEK","annualTurnover":1000000,"expectedLossRate":0.02,
                 "options":[{"kind":"CREDIT_INSURANCE","costRate":0.004,"coverRatio":0.85},
                            {"kind":"SELF_INSURANCE","costRate":0,"coverRatio":0}]}""")
                .post("/breakeven/protection").then().statusCode(200)
                .body("options.kind", contains("CREDIT_INSURANCE", "SELF_INSURANCE"))
                .body(containsString("\"totalExpectedCost\":{\"low\":7000.00,\"high\":7000.00}"));
    }

    @Test
    void namesAnUnknownProtectionKind() {
        api().body("{\"currency\":\"SEK\",\"annualTurnover\":1,\"options\":[{\"kind\":\"PRAYER\",\"costRate\":0,"
                + "\"coverRatio\":0}]}").post("/breakeven/protection").then().statusCode(400)
                .body("errors[0].field", equalTo("$.options[0].kind"))
                .body("errors[0].message", containsString("CREDIT_INSURANCE"));
    }

    @Test
    void factoringNeedsAReductionAndAPrice() {
        api().body("{\"currency\":\"SEK\",\"annualTurnover\":1000000,\"invoicesPerYear\":300,\"paymentTermsDays\":30,"
                + "\"currentCreditDays\":40,\"internalInterestRate\":0.05}").post("/breakeven/factoring")
                .then().statusCode(422)
                .body("errors.field", contains("$.expectedCreditDays", "$.feePerInvoice"));
    }

    /**
     * A power of ten no figure has is refused as it is read: the rule comparing the two credit periods subtracts them,
     * and 40 − 1e400000000 would write out every digit first (minutes; it held the request before).
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aPowerOfTenNoFigureHasIsRefusedAsItIsRead() {
        for (String days : List.of("1e400000000", "1e-400000000")) {
            api().body("{\"currency\":\"SEK\",\"annualTurnover\":1000000,\"invoicesPerYear\":300,\"paymentTermsDays\":30,"
                    + "\"currentCreditDays\":40,\"expectedCreditDays\":" + days + ",\"internalInterestRate\":0.05,"
                    + "\"feePerInvoice\":25}").post("/breakeven/factoring")
                    .then().statusCode(400)
                    .body("errors[0].field", equalTo("$.expectedCreditDays"))
                    .body("errors[0].message", equalTo("must be a number with an exponent of at most ±1000"));
        }
    }
}
