package io.creditguard.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.creditguard.TestFolders;
import io.creditguard.filings.Reports;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * An annual report uploaded with the credit check ({@code annualReport}), through the Lambda contract: read
 * instead of the registry's, or, when it is hostile or not this company's, a 422 problem naming the field and
 * why. Never a 5xx, never a partial answer.
 */
@QuarkusTest
@TestProfile(FiledAccountsProfile.class)
class AnnualReportUploadTest {

    @BeforeEach
    void fresh() {
        TestFolders.delete(FiledAccountsProfile.STORE);
        FiledAccountsProfile.Registry.server.reset();
    }

    private static String request(String orgnr, String currency, String fileName, byte[] report) {
        return """
                {"company":{"country":"SE","registrationNumber":"%s"},"currency":"%s","requestedCredit":100000,
                 "asOf":"2021-03-01","annualReport":{"fileName":"%s","contentBase64":"%s"}}"""
                .formatted(orgnr, currency, fileName, Base64.getEncoder().encodeToString(report));
    }

    private static JsonPath check(String body, int status) {
        return FiledAccountsLambdaTest.body(FiledAccountsProfile.check(body, "en"), status);
    }

    /**
     * Modular Finance's zip as filed (its annual report beside its audit report): the K3 report of 2021 is weighed, as of
     * a day after that year; as of one within it only the year before is, and the answer says why.
     */
    @Test
    void anUploadedReportIsReadInsteadOfTheRegistrys() {
        String modular = request("5569201998", "SEK", Reports.MODULAR, Reports.bytes(Reports.MODULAR));
        JsonPath answer = check(modular.replace("\"asOf\":\"2021-03-01\"", "\"asOf\":\"2022-06-30\""), 200);
        assertThat(answer.getList("financials.source.type")).containsExactly("UPLOAD", "UPLOAD");
        assertThat(answer.getString("financials[0].source.document")).isEqualTo(Reports.MODULAR
                + "!/7ebc341f-bd7c-4d8a-9895-cfa3938feff0.xhtml");
        assertThat(answer.getString("financials[0].revenue")).isEqualTo("70196324");
        assertThat(answer.getString("financials[0].retainedEarnings")).isEqualTo("33311211");
        assertThat(FiledAccountsProfile.Registry.server.downloads("mf-2021")).isZero();
        // The register is still asked: its facts are weighed beside the upload.
        assertThat(answer.getString("company.register.registry")).isEqualTo("Bolagsverket");

        JsonPath early = check(modular, 200);
        assertThat(early.getList("financials.periodEnd")).containsExactly("2020-12-31");
        assertThat(early.getList("notAssessed", String.class)).contains(
                "2021-12-31: the financial year ends after 2021-03-01, the day checked, and was not weighed");
    }

    /** SecTrade's report with its unit in euros: weighed in euros, refused for a check in kronor. */
    @Test
    void aReportInEurosIsWeighedInEuros() {
        JsonPath euros = check(request("5590179924", "EUR", "sectrade-eur.xhtml", Reports.sectradeInEuros()), 200);
        assertThat(euros.getString("currency")).isEqualTo("EUR");
        assertThat(euros.getString("financials[0].revenue")).isEqualTo("2829042");
        JsonPath kronor = check(request("5590179924", "SEK", "sectrade-eur.xhtml", Reports.sectradeInEuros()), 422);
        assertThat(kronor.getList("errors.field")).containsExactly("$.currency");
        assertThat(kronor.getString("errors[0].message")).contains("EUR");
    }

    static Stream<Arguments> hostile() {
        String sectrade = Reports.xhtml(Reports.SECTRADE);
        Map<String, byte[]> twoReports = new LinkedHashMap<>();
        twoReports.put("a.xhtml", sectrade.getBytes(StandardCharsets.UTF_8));
        twoReports.put("b.xhtml", sectrade.getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> manyEntries = new LinkedHashMap<>();
        for (int i = 0; i < 1_001; i++) {
            manyEntries.put("e" + i + ".txt", new byte[0]);
        }
        return Stream.of(
                Arguments.of("a PDF", "report.pdf", "%PDF-1.7\n%âãÏÓ".getBytes(StandardCharsets.ISO_8859_1),
                        "$.annualReport.contentBase64", "NOT_A_REPORT"),
                Arguments.of("a zip bomb", "bomb.zip", Reports.bomb(), "$.annualReport.contentBase64", "ZIP_BOMB"),
                Arguments.of("a zip of a thousand entries", "many.zip", Reports.zip(manyEntries),
                        "$.annualReport.contentBase64", "ZIP_BOMB"),
                Arguments.of("zips nested four deep", "deep.zip", Reports.nested(4), "$.annualReport.contentBase64",
                        "ZIP_BOMB"),
                Arguments.of("an XHTML with a DOCTYPE", "r.xhtml", sectrade.replaceFirst("\\?>", "?><!DOCTYPE html>")
                        .getBytes(StandardCharsets.UTF_8), "$.annualReport.contentBase64", "DOCTYPE"),
                Arguments.of("an external entity", "r.xhtml", sectrade.replaceFirst("\\?>",
                        "?><!DOCTYPE html [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>").replace("<title>", "<title>&e;")
                        .getBytes(StandardCharsets.UTF_8), "$.annualReport.contentBase64", "DOCTYPE"),
                Arguments.of("a number that does not parse", "r.xhtml", sectrade.replace(">2 829 042<", ">2,829.042<")
                        .getBytes(StandardCharsets.UTF_8), "$.annualReport.contentBase64", "NUMBER_FORMAT"),
                // 4 775 453 × 10^400000000: the figures' arithmetic would write out every digit (minutes) before
                Arguments.of("a scale no unit has", "r.xhtml", sectrade.replaceFirst("scale=\"0\"", "scale=\"400000000\"")
                        .getBytes(StandardCharsets.UTF_8), "$.annualReport.contentBase64", "NUMBER_FORMAT"),
                Arguments.of("two reports for one year", "two.zip", Reports.zip(twoReports),
                        "$.annualReport.contentBase64", "TWO_REPORTS"),
                Arguments.of("only an audit report", "audit.xhtml", auditReport(), "$.annualReport.contentBase64",
                        "NO_ANNUAL_REPORT"),
                Arguments.of("another company's report", Reports.SECTRADE, Reports.bytes(Reports.SECTRADE), "$.annualReport",
                        "OTHER_COMPANY"));
    }

    private static byte[] auditReport() {
        try {
            return io.creditguard.filings.ReportPackage.open(Reports.MODULAR, Reports.bytes(Reports.MODULAR),
                    io.creditguard.filings.ReportPackage.Limits.DEFAULT).stream().filter(d -> d.path().contains("5f07d34f"))
                    .findFirst().orElseThrow().bytes();
        } catch (io.creditguard.filings.ReportException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checked as Modular Finance's: SecTrade's own report is "another company's" then. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void aHostileUploadIsA422NamingTheField(String what, String fileName, byte[] report, String field, String fault) {
        JsonPath problem = check(request("5569201998", "SEK", fileName, report), 422);
        assertThat(problem.getString("type")).isEqualTo("urn:creditguard:problem:validation-failed");
        assertThat(problem.getList("errors.field")).containsExactly(field);
        assertThat(problem.getString("errors[0].message")).contains(fault);
        assertThat(problem.getString("detail")).doesNotContain("Exception").doesNotContain("at io.creditguard");
    }

    @Test
    void notBase64OrBothFiguresAndAReportAreRefused() {
        JsonPath notBase64 = check(request("5590179924", "SEK", "r.zip", new byte[0]).replace("\"contentBase64\":\"\"",
                "\"contentBase64\":\"this is * not base64\""), 422);
        assertThat(notBase64.getList("errors.field")).containsExactly("$.annualReport.contentBase64");
        String both = request("5590179924", "SEK", Reports.SECTRADE, Reports.bytes(Reports.SECTRADE)).replace("\"asOf\"",
                "\"financials\":{\"periodEnd\":\"2020-10-31\",\"revenue\":1,\"ebit\":1,\"totalAssets\":1,\"currentAssets\":1,"
                        + "\"currentLiabilities\":1,\"totalLiabilities\":1,\"equity\":1,\"retainedEarnings\":1},\"asOf\"");
        assertThat(check(both, 422).getList("errors.field")).containsExactly("$.annualReport");
    }

    /** The body bound: an upload takes up to 5 MiB, as much as a Lambda event carries, and no more. */
    @Test
    void anUploadBeyondTheBodyLimitIsA413() {
        String tooLarge = request("5590179924", "SEK", "big.zip", new byte[4 * 1024 * 1024]);
        JsonPath problem = check(tooLarge, 413);
        assertThat(problem.getString("detail")).contains("at most 5242880");
    }
}
