package io.creditguard.claims;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.creditguard.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;

/** The claims Lambda as deployed: QUARKUS_FUNQY_EXPORT=claims, the raw API Gateway event from events/ in. */
@QuarkusTest
@TestProfile(ClaimsLambdaTest.Export.class)
class ClaimsLambdaTest {

    public static class Export implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "claims");
        }
    }

    private static JsonPath post(String event) {
        JsonPath response = given().port(Events.LAMBDA_PORT).body(event.getBytes(StandardCharsets.UTF_8))
                .post("/_lambda_").then().statusCode(200).extract().jsonPath();
        return response;
    }

    @Test
    void bankruptBuyerClaimWithItsDossier() throws java.io.IOException {
        JsonPath response = post(Events.read("claims.json"));
        assertThat(response.getInt("statusCode")).isEqualTo(200);
        JsonPath body = JsonPath.from(response.getString("body")).using(new JsonPathConfig(NumberReturnType.BIG_DECIMAL));
        assertThat(body.getString("status")).isEqualTo("CLAIMABLE");
        assertThat(body.getString("trigger")).isEqualTo("INSOLVENCY");
        // 310 000 + 125 000 covered (the disputed 18 000 is not); limit 400 000 binds:
        // 400 000 × 90 % − 5 000 = 355 000.
        assertThat(body.getString("claimableAmount")).isEqualTo("435000.00");
        assertThat(body.getString("indemnity.amount")).isEqualTo("355000.00");
        assertThat(body.getList("debts.find { it.invoiceId == '2026-1042' }.reasons.code")).containsExactly("DISPUTED");
        assertThat(body.getList("missingDocuments")).containsExactly("CORRESPONDENCE", "PROOF_OF_INSOLVENCY",
                "PROOF_OF_CLAIM_LODGED");
        assertThat(body.getString("deadlines.fileClaimBy.date")).isEqualTo("2027-02-24");
        assertThat(body.getString("dossier.coverLetter.subject"))
                .isEqualTo("Skadeanmälan kreditförsäkring: Norrlands Metall & Svets AB, försäkring KF-2026-0417");
        assertThat(body.getString("dossier.coverLetter.text")).contains("Skadeorsak: köparens insolvens den 2026-11-26.")
                .contains("Faktura 2026-1031, förfallen 2026-10-31: 125 000,00 SEK")
                .contains("Summa anmält: 435 000,00 SEK")
                .contains("Förväntad ersättning enligt villkoren: 355 000,00 SEK")
                .contains("Bevis om bevakning i konkursboet");
        assertThat(body.getList("dossier.claim.debts.invoiceId")).containsExactly("2026-1004", "2026-1031");
        // The same letter as PDF, to send with the claim.
        byte[] pdf = java.util.Base64.getDecoder().decode(body.getString("dossier.coverLetter.pdf"));
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains("Skadeanmälan kreditförsäkring: Norrlands Metall & Svets AB")
                    .contains("Summa anmält: 435 000,00 SEK").contains("Sida 1 av 1")
                    .contains("Mälardalens Stålhandel AB").contains("Nordisk Kreditförsäkring AB, KF-2026-0417");
        }
    }

    @Test
    void percentageAboveOneIsA422() {
        String event = Events.read("claims.json").replace("\\\"insuredPercentage\\\": 0.9", "\\\"insuredPercentage\\\": 90");
        assertThat(event).contains("\\\"insuredPercentage\\\": 90");
        JsonPath response = post(event);
        assertThat(response.getInt("statusCode")).isEqualTo(422);
        // above 1, and with more whole digits than a fraction has: both said, of the one field
        assertThat(JsonPath.from(response.getString("body")).getList("errors.field")).containsOnly("$.policy.insuredPercentage");
        assertThat(JsonPath.from(response.getString("body")).getList("errors.message"))
                .contains("must be a fraction between 0 and 1, such as 0.90");
    }
}
