package io.creditguard.credit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.creditguard.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class CreditCheckRoutesTest {

    private static RequestSpecification api() {
        return given().port(Events.GATEWAY_PORT).contentType(ContentType.JSON);
    }

    private static final String ONE_YEAR = """
            {"periodEnd":"2025-12-31","revenue":2000000,"ebit":40000,"totalAssets":1000000,"currentAssets":440000,
             "currentLiabilities":400000,"totalLiabilities":750000,"equity":250000,"retainedEarnings":100000}""";

    @Test
    void theFormIsServedUnderAStrictContentSecurityPolicy() {
        String csp = given().port(Events.GATEWAY_PORT).header("Accept-Language", "en-GB,en;q=0.9,sv;q=0.5").get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("x-content-type-options", equalTo("nosniff"))
                .header("referrer-policy", equalTo("no-referrer"))
                .body(containsString("<html lang=\"en\">"))
                .body(not(containsString("onclick=")))
                .extract().header("content-security-policy");
        org.assertj.core.api.Assertions.assertThat(csp).contains("default-src 'none'", "script-src 'sha256-",
                "style-src 'sha256-", "connect-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
    }

    @ParameterizedTest(name = "Accept-Language {0} → {1}")
    @CsvSource(delimiter = '|', value = {"sv-SE,sv;q=0.9,en;q=0.8|sv", "en-US,en;q=0.9|en", "de-DE|en",
            "en;q=0.5, sv;q=0.7|sv", "''|en"})
    void languageFollowsTheBrowser(String acceptLanguage, String lang) {
        given().port(Events.GATEWAY_PORT).header("Accept-Language", acceptLanguage).get("/credit-check").then()
                .statusCode(200).body(containsString("<html lang=\"" + lang + "\">"));
    }

    @Test
    void acceptsOneFinancialYearAsAnObject() {
        api().body("{\"company\":{\"country\":\"NL\",\"registrationNumber\":\"12345678\",\"industry\":\"C25\"},"
                + "\"currency\":\"EUR\",\"requestedCredit\":10000,\"asOf\":\"2026-11-28\",\"financials\":" + ONE_YEAR
                + "}").post("/credit-checks").then().statusCode(200)
                .body("altman.model", equalTo("Z_PRIME"))
                .body("company.idType", equalTo("KVK_NUMBER"))
                .body("notAssessed", hasItem(containsString("payment behaviour")));
    }

    @Test
    void masksASoleTradersPersonalNumber() {
        api().body("{\"company\":{\"country\":\"SE\",\"registrationNumber\":\"811218-9876\"},\"currency\":\"SEK\"}")
                .post("/credit-checks").then().statusCode(200)
                .body("company.registrationNumber", equalTo("811218-****"))
                .body("company.idType", equalTo("PERSONNUMMER_SOLE_TRADER"))
                .body(not(containsString("9876")));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = ';', value = {
            "{\"company\":{\"country\":\"SE\",\"registrationNumber\":\"556036-0794\"},\"currency\":\"SEK\"}; $.company.registrationNumber; Luhn",
            "{\"company\":{\"country\":\"NL\",\"registrationNumber\":\"1234567\"},\"currency\":\"EUR\"}; $.company.registrationNumber; 8 digits",
            "{\"company\":{\"country\":\"SE\",\"registrationNumber\":\"556036-0793\",\"vatNumber\":\"SE556703748501\"},\"currency\":\"SEK\"}; $.company.vatNumber; does not match",
            "{\"company\":{\"country\":\"XX\",\"registrationNumber\":\"1\"},\"currency\":\"SEK\"}; $.company.country; ISO 3166",
            "{\"company\":{\"country\":\"SE\",\"registrationNumber\":\"556036-0793\",\"industry\":\"Z99\"},\"currency\":\"SEK\"}; $.company.industry; NACE",
            "{\"currency\":\"SEK\"}; $.company; must not be null",
            "{\"company\":{\"country\":\"SE\",\"registrationNumber\":\"556036-0793\"},\"currency\":\"SEK\",\"financials\":{\"periodEnd\":\"2025-12-31\",\"revenue\":1,\"ebit\":1,\"totalAssets\":0,\"currentAssets\":0,\"currentLiabilities\":0,\"totalLiabilities\":0,\"equity\":0,\"retainedEarnings\":0}}; $.financials[0].totalAssets; greater than 0",
            "{\"company\":{\"country\":\"SE\",\"registrationNumber\":\"556036-0793\"},\"currency\":\"SEK\",\"financials\":[{\"periodEnd\":\"2025-12-31\",\"revenue\":1,\"ebit\":1,\"totalAssets\":2,\"currentAssets\":1,\"currentLiabilities\":1,\"totalLiabilities\":1,\"equity\":1,\"retainedEarnings\":1},{\"periodEnd\":\"2025-12-31\",\"revenue\":1,\"ebit\":1,\"totalAssets\":2,\"currentAssets\":1,\"currentLiabilities\":1,\"totalLiabilities\":1,\"equity\":1,\"retainedEarnings\":1}]}; $.financials[1].periodEnd; every other year",
            "{\"company\":{\"country\":\"SE\",\"registrationNumber\":\"556036-0793\"},\"currency\":\"SEK\",\"paymentBehaviour\":{\"invoicesPaid\":1,\"invoicesPaidLate\":5}}; $.paymentBehaviour.invoicesPaidLate; must not exceed",
            "{\"company\":{\"country\":\"SE\",\"registrationNumber\":\"556036-0793\"},\"currency\":\"SEK\",\"externalRating\":{\"provider\":\"UC\",\"score\":120,\"scaleMin\":0,\"scaleMax\":100,\"higherIsBetter\":true}}; $.externalRating.score; within",
    })
    void answersInvalidInputWith422NamingFieldAndRule(String body, String field, String rule) {
        api().body(body).post("/credit-checks").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("errors.message", hasItem(containsString(rule)));
    }

    @Test
    void refusesAnImpossibleDate() {
        api().body("{\"company\":{\"country\":\"SE\",\"registrationNumber\":\"556036-0793\"},\"currency\":\"SEK\","
                + "\"asOf\":\"2026-02-30\"}").post("/credit-checks").then().statusCode(400)
                .body("errors[0].field", equalTo("$.asOf"))
                .body("errors[0].message", containsString("YYYY-MM-DD"))
                .body("errors[0].value", nullValue());
    }
}
