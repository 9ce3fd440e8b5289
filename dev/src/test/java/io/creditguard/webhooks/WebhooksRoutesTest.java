package io.creditguard.webhooks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.creditguard.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The webhook routes over HTTP in a deployment where no secret is configured (the default test profile). */
@QuarkusTest
class WebhooksRoutesTest {

    @Test
    void aMissingSecretIsOurFaultSoThePlatformRetries() {
        given().port(Events.GATEWAY_PORT).contentType(ContentType.JSON).header("stripe-signature", "t=1,v1=00")
                .body("{\"id\":\"evt_1\",\"type\":\"invoice.paid\"}").post("/webhooks/stripe").then().statusCode(503)
                .body("type", equalTo("urn:creditguard:problem:not-configured"))
                .body("detail", containsString("STRIPE_WEBHOOK_SECRET"))
                .body("detail", not(containsString("whsec_")));
    }

    @Test
    void sourceNamesAreLimited() {
        given().port(Events.GATEWAY_PORT).contentType(ContentType.JSON).body("{}").post("/webhooks/standard/Not_Valid")
                .then().statusCode(404);
    }

    @Test
    void onlyPostIsRouted() {
        given().port(Events.GATEWAY_PORT).get("/webhooks/xero").then().statusCode(405);
    }
}
