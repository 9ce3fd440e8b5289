package io.creditguard.robustness;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.creditguard.Events;
import io.creditguard.LogCapture;
import io.creditguard.reminders.ReminderRun;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Captures every log record while secrets, an access token, a personal number and a forged webhook pass through,
 * and checks that none of them reaches the logs.
 */
@QuarkusTest
@TestProfile(BadInputCorpusTest.WithSecrets.class)
class LogsLeakNothingTest {

    private static final String PERSONNUMMER = "811218-9876";
    /** Stands for an access token: it must never be logged, from the header or the query string. */
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbm5hIn0.c2lnbmF0dXJlLWxlYWstbWFya2Vy";
    private LogCapture logs;

    @Inject
    ReminderRun run;

    @BeforeEach
    void listen() {
        logs = LogCapture.start();
    }

    @AfterEach
    void stopListening() {
        logs.close();
    }

    @Test
    void noSecretAndNoPersonalNumberIsLogged() throws Exception {
        given().port(Events.GATEWAY_PORT).contentType(ContentType.JSON)
                .header("stripe-signature", "t=" + (System.currentTimeMillis() / 1000) + ",v1=00")
                .body("{\"id\":\"evt_x\",\"type\":\"invoice.paid\",\"token\":\"" + BadInputCorpusTest.SECRETS.get(3) + "\"}")
                .post("/webhooks/stripe").then().statusCode(401);
        given().port(Events.GATEWAY_PORT).contentType(ContentType.JSON)
                .body("{\"webhook_token\":\"wrong\",\"entity_type\":\"SalesInvoice\"}")
                .post("/webhooks/moneybird").then().statusCode(401);
        given().port(Events.GATEWAY_PORT).contentType(ContentType.JSON)
                .body("{\"company\":{\"country\":\"SE\",\"registrationNumber\":\"" + PERSONNUMMER + "\"},\"currency\":\"SEK\"}")
                .post("/credit-checks").then().statusCode(200);
        String loss = "{\"currency\":\"SEK\",\"loss\":100000,\"margin\":0.1}";
        given().port(Events.GATEWAY_PORT).contentType(ContentType.JSON).header("Authorization", "Bearer " + TOKEN)
                .body(loss).post("/breakeven/loss").then().statusCode(200);
        given().port(Events.GATEWAY_PORT).contentType(ContentType.JSON).queryParam("access_token", TOKEN)
                .body(loss).post("/breakeven/loss").then().statusCode(401);
        run.run(Optional.of(LocalDate.parse("2026-11-30")), true);

        List<String> all = logs.lines();
        assertThat(all).as("the run logs its summary, so the capture works").anySatisfy(l -> assertThat(l).contains("reminder run"));
        for (String line : all) {
            for (String secret : BadInputCorpusTest.SECRETS) {
                assertThat(line).doesNotContain(secret);
            }
            assertThat(line).doesNotContain(PERSONNUMMER).doesNotContain("8112189876").doesNotContain("c2lnbmF0dXJl");
        }
    }
}
