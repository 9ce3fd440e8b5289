package io.creditguard.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.creditguard.LogCapture;
import io.creditguard.TestFolders;
import io.creditguard.filings.LocalBolagsverket;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * A credit check from an organisation number alone, through the Lambda contract, against a local
 * Bolagsverket ({@link LocalBolagsverket}): the register's data and the latest digitally filed report read,
 * its figures weighed with where each came from, the register's signals deciding, every text in the
 * caller's language; and when Bolagsverket is down or refuses us, a check without filed figures that says so.
 */
@QuarkusTest
@TestProfile(FiledAccountsProfile.class)
class FiledAccountsLambdaTest {

    private static LocalBolagsverket bolagsverket() {
        return FiledAccountsProfile.Registry.server;
    }

    @BeforeEach
    void fresh() {
        TestFolders.delete(FiledAccountsProfile.STORE);
        bolagsverket().reset();
    }

    private static String request(String orgnr, String asOf) {
        return """
                {"company":{"country":"SE","registrationNumber":"%s"},"currency":"SEK","requestedCredit":100000,
                 "requestedTermsDays":30,"asOf":"%s",
                 "paymentBehaviour":{"invoicesPaid":40,"invoicesPaidLate":2,"averageDaysLate":3,"maxDaysLate":9}}"""
                .formatted(orgnr, asOf);
    }

    /** The answer's body, its numbers as written (BigDecimal), after checking the status. */
    static JsonPath body(JsonPath lambdaAnswer, int status) {
        assertThat(lambdaAnswer.getInt("statusCode")).as(lambdaAnswer.getString("body")).isEqualTo(status);
        return JsonPath.from(lambdaAnswer.getString("body")).using(JsonPathConfig.jsonPathConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /**
     * SecTrade Konsult AB by its number alone, as of 2021-03-01: the 2020 report (year 2019-11-01 – 2020-10-31)
     * and its comparatives, as read in filings.AccountsReaderTest: equity adjusted for the untaxed reserves
     * at 21,4 % (3 833 041) and 22 % (2 858 454), liabilities 942 412 and 678 864.
     */
    @Test
    void aCheckFromTheOrganisationNumberAloneReadsTheFiledAccounts() {
        JsonPath answer = body(FiledAccountsProfile.check(request("5590179924", "2021-03-01"), "sv-SE,sv;q=0.9"), 200);
        assertThat(answer.getList("financials.source.type")).containsExactly("BOLAGSVERKET", "BOLAGSVERKET");
        assertThat(answer.getString("financials[0].source.document"))
                .isEqualTo("4eaa2201-7ad0-4de4-9b2d-1f5f952b74d9!/4eaa2201-7ad0-4de4-9b2d-1f5f952b74d9.xhtml");
        assertThat(answer.getString("financials[0].source.filedOn")).isEqualTo("2021-02-15");
        assertThat(answer.getString("financials[0].periodEnd")).isEqualTo("2020-10-31");
        assertThat(answer.getString("financials[0].revenue")).isEqualTo("2829042");
        assertThat(answer.getString("financials[0].equity")).isEqualTo("3833041.00");
        assertThat(answer.getString("financials[0].totalLiabilities")).isEqualTo("942412.00");
        assertThat(answer.getString("financials[0].shareCapital")).isEqualTo("50000");
        assertThat(answer.getString("financials[0].source.elements.revenue")).isEqualTo("se-gen-base:Nettoomsattning");
        assertThat(answer.getString("financials[0].source.elements.equity")).contains("se-gen-base:ObeskattadeReserver")
                .contains("0.214");
        assertThat(answer.getString("financials[1].periodEnd")).isEqualTo("2019-10-31");
        assertThat(answer.getString("financials[1].equity")).isEqualTo("2858454.00");
        assertThat(answer.getString("company.name")).isEqualTo("SecTrade Konsult AB");
        assertThat(answer.getString("company.naceSection")).isEqualTo("M");
        assertThat(answer.getString("company.register.registry")).isEqualTo("Bolagsverket");
        assertThat(answer.getString("company.register.registeredOn")).isEqualTo("2015-06-10");
        assertThat(answer.getString("altman.model")).isEqualTo("Z_DOUBLE_PRIME");
        assertThat(answer.getList("reasons.code")).contains("ALTMAN_SAFE", "REVENUE_GROWING", "SETTLED");
        assertThat(answer.getString("decision")).isEqualTo("APPROVE");
        assertThat(bolagsverket().requestIds()).hasSize(3).doesNotHaveDuplicates();
    }

    /** Every reason, condition and gap in Swedish: nothing English in a Swedish answer. */
    @Test
    void theAnswerIsInTheCallersLanguage() {
        JsonPath swedish = body(FiledAccountsProfile.check(request("5560360793", "2026-11-28"), "sv-SE,sv;q=0.9,en;q=0.5"), 200);
        List<String> texts = new java.util.ArrayList<>(swedish.getList("reasons.message"));
        texts.addAll(swedish.getList("conditions.message"));
        texts.addAll(swedish.getList("notAssessed"));
        texts.addAll(swedish.getList("reasons.effect").stream().map(String::valueOf).filter(e -> !e.matches("[+-]\\d+")).toList());
        texts.add(swedish.getString("probabilityOfDefault.basis"));
        assertThat(texts).hasSizeGreaterThan(4).allSatisfy(t -> assertThat(Words.in(Language.SV, t)).as(t).isTrue());
        assertThat(swedish.getList("notAssessed", String.class)).anySatisfy(n -> assertThat(n).contains("Bolagsverket har ingen digitalt inlämnad"));

        JsonPath dutch = body(FiledAccountsProfile.check(request("5560360793", "2026-11-28")
                .replace("\"currency\":\"SEK\"", "\"language\":\"nl\",\"currency\":\"SEK\""), "sv"), 200);
        assertThat(dutch.getList("notAssessed", String.class)).allSatisfy(t -> assertThat(Words.in(Language.NL, t)).as(t).isTrue());
        JsonPath english = body(FiledAccountsProfile.check(request("5560360793", "2026-11-28"), "en-GB"), 200);
        assertThat(english.getList("conditions.message", String.class))
                .allSatisfy(t -> assertThat(Words.in(Language.EN, t)).as(t).isTrue());
    }

    /** The document is read once: a second check reads what was kept, and the token is reused while it lasts. */
    @Test
    void aFiledDocumentIsFetchedOnceAndTheTokenKeptUntilItExpires() throws Exception {
        body(FiledAccountsProfile.check(request("5590179924", "2021-03-01"), "en"), 200);
        JsonPath again = body(FiledAccountsProfile.check(request("5590179924", "2021-03-01"), "en"), 200);
        assertThat(again.getString("financials[0].revenue")).isEqualTo("2829042");
        assertThat(bolagsverket().downloads("4eaa2201-7ad0-4de4-9b2d-1f5f952b74d9")).isEqualTo(1);
        assertThat(Files.readString(FiledAccountsProfile.STORE.resolve(
                "filed-accounts/5590179924/4eaa2201-7ad0-4de4-9b2d-1f5f952b74d9.json"))).contains("\"sha256\"")
                .contains("se-gen-base:Nettoomsattning");
        assertThat(bolagsverket().tokenRequests()).isLessThanOrEqualTo(1);
        // Bolagsverket stops accepting the tokens it gave: one 401, a new token, the same answer.
        bolagsverket().fault(LocalBolagsverket.Fault.ROTATE_TOKENS);
        int before = bolagsverket().tokenRequests();
        body(FiledAccountsProfile.check(request("5590179924", "2021-03-01"), "en"), 200);
        assertThat(bolagsverket().tokenRequests()).isEqualTo(before + 1);
    }

    @Test
    void bolagsverketDownOrRefusingUsIsAGapNeverAFailure() {
        bolagsverket().fault(LocalBolagsverket.Fault.DOWN);
        JsonPath down = body(FiledAccountsProfile.check(request("5590179924", "2026-11-28"), "en"), 200);
        assertThat(down.getList("financials")).isEmpty();
        assertThat(down.getList("notAssessed", String.class)).contains(
                "filed accounts and register data: Bolagsverket did not answer; checked without them");
        assertThat(down.getList("conditions.code")).contains("FINANCIALS_REQUIRED");

        bolagsverket().reset();
        bolagsverket().fault(LocalBolagsverket.Fault.REFUSE_TOKEN);
        JsonPath refused = body(FiledAccountsProfile.check(request("5590179924", "2026-11-28"), "sv"), 200);
        assertThat(refused.getList("notAssessed", String.class)).contains(
                "årsredovisning och registeruppgifter: Bolagsverket godtog inte våra inloggningsuppgifter");
        assertThat(refused.getString("decision")).isEqualTo("APPROVE_WITH_CONDITIONS");
    }

    /** Bolagsverket's own example company: deregistered, in bankruptcy and in liquidation. */
    @Test
    void aCompanyInBankruptcyIsDeclined() {
        JsonPath answer = body(FiledAccountsProfile.check(request("5299999994", "2026-11-28"), "en"), 200);
        assertThat(answer.getString("decision")).isEqualTo("DECLINE");
        assertThat(answer.getString("reasons[0].code")).isEqualTo("BANKRUPTCY");
        assertThat(answer.getString("reasons[0].message")).isEqualTo(
                "The company has been in bankruptcy since 2024-01-26 (Bolagsverket)");
        assertThat(answer.getString("reasons[0].effect")).isEqualTo("decision DECLINE");
        assertThat(answer.getList("company.register.procedures.rule")).containsExactly("BANKRUPTCY", "LIQUIDATION");
        assertThat(answer.getString("company.register.deregisteredOn")).isEqualTo("2023-05-05");
    }

    /**
     * No report for the year after the latest filed (2020-10-31): that year ended 2021-10-31, so from
     * 2022-06-01 the report is more than seven months late (årsredovisningslagen 8 kap. 3 §).
     */
    @Test
    void aReportMissingSevenMonthsAfterTheYearEndedCostsPoints() {
        JsonPath onTime = body(FiledAccountsProfile.check(request("5590179924", "2022-05-31"), "en"), 200);
        assertThat(onTime.getList("reasons.code")).doesNotContain("FILING_OVERDUE");
        JsonPath late = body(FiledAccountsProfile.check(request("5590179924", "2022-06-01"), "en"), 200);
        assertThat(late.getList("reasons", Map.class)).filteredOn(r -> "FILING_OVERDUE".equals(r.get("code")))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("effect")).isEqualTo("-10");
                    assertThat((String) r.get("message")).contains("2021-10-31, 7 months ago");
                });
    }

    @Test
    void anotherCompanysReportFromTheRegistryIsNotWeighed() {
        JsonPath answer = body(FiledAccountsProfile.check(request("5566778899", "2026-11-28"), "en"), 200);
        assertThat(answer.getList("financials")).isEmpty();
        assertThat(answer.getList("notAssessed", String.class)).contains(
                "filed accounts: document other-2020 could not be read (the report is about another company)");
    }

    /**
     * BONESUPPORT's group, 2022, in kSEK: Z'' = 6,56 × (338 808 − 90 196) / 371 818 + 3,26 × −1 344 676 / 371 818
     * + 6,72 × −64 535 / 371 818 + 1,05 × 268 928 / 102 890 = 4,3863 − 11,7898 − 1,1664 + 2,7444 = −5,8254: the
     * accumulated deficit of a company that has spent on research for years puts it in the distress zone.
     */
    @Test
    void theEsefReportOfAListedGroupIsReadFromItsNestedPackage() {
        JsonPath answer = body(FiledAccountsProfile.check(request("5568022171", "2023-06-30"), "en"), 200);
        assertThat(answer.getString("financials[0].revenue")).isEqualTo("328818000");
        assertThat(answer.getString("financials[0].source.elements.revenue")).isEqualTo("ifrs-full:RevenueFromSaleOfGoods");
        assertThat(answer.getString("altman.zone")).isEqualTo("DISTRESS");
        assertThat(new java.math.BigDecimal(answer.getString("altman.zScore"))).isEqualByComparingTo("-5.8254");
        assertThat(answer.getList("reasons.code")).contains("EARNINGS_LOSS", "ALTMAN_DISTRESS");
    }

    /** The accounts route: register, the two years with each figure's element, and the figures as the form takes them. */
    @Test
    void theAccountsRouteShowsRegisterYearsAndSources() {
        JsonPath answer = body(FiledAccountsProfile.accounts("SE", "5590179924", "sv"), 200);
        assertThat(answer.getString("register.name")).isEqualTo("SecTrade Konsult AB");
        assertThat(answer.getString("register.industry")).isEqualTo("M70.22");
        assertThat(answer.getString("document.documentId")).isEqualTo("4eaa2201-7ad0-4de4-9b2d-1f5f952b74d9");
        assertThat(answer.getString("accounts.kind")).isEqualTo("K2");
        assertThat(answer.getString("currency")).isEqualTo("SEK");
        assertThat(answer.getList("accounts.years.end")).containsExactly("2020-10-31", "2019-10-31");
        assertThat(answer.getList("accounts.years[0].figures", Map.class)).filteredOn(f -> "TOTAL_ASSETS".equals(f.get("figure")))
                .singleElement().satisfies(f -> {
                    assertThat(f.get("element")).isEqualTo("se-gen-base:Tillgangar");
                    assertThat(f.get("context")).isEqualTo("balans0");
                });
        assertThat(answer.getString("financials[0].totalAssets")).isEqualTo("4775453");
        assertThat(answer.getList("missing")).isEmpty();

        JsonPath nothing = body(FiledAccountsProfile.accounts("SE", "5560360793", "en"), 200);
        assertThat(nothing.getList("missing", String.class)).containsExactly(
                "filed accounts: Bolagsverket holds no digitally filed report (many companies file on paper)");
        JsonPath unknown = body(FiledAccountsProfile.accounts("SE", "5569914046", "en"), 200);
        assertThat(unknown.getList("missing", String.class)).containsExactly("Bolagsverket has no company with this number");
        JsonPath invalid = body(FiledAccountsProfile.accounts("SE", "5590179925", "en"), 422);
        assertThat(invalid.getList("errors.field")).containsExactly("id");
        // ISO 3166-1 alpha-2, capitals: neither a name, nor lower case, nor a code no country has
        for (String country : List.of("Sweden", "se", "XX", "S".repeat(500))) {
            JsonPath notACountry = body(FiledAccountsProfile.accounts(country, "5590179924", "en"), 422);
            assertThat(notACountry.getList("errors.field")).as(country).containsExactly("country");
        }
    }

    /**
     * KvK's open data, in the shape its documentation gives (opendataFields of key and value, nested): a
     * balance sheet only, as small Dutch companies file, said plainly.
     */
    @Test
    void aDutchCompanysFiledBalanceSheetFromKvk() {
        bolagsverket().kvk(200, """
                {"opendataFields":[{"key":"FinancialYear","value":"2024"},{"key":"DocumentAdoptionDate","value":"2025-05-20"},
                 {"key":"SbiBusinessCode","value":"6201"},
                 {"key":"BalanceSheet","opendataFields":[{"key":"Assets","value":"428763"},{"key":"AssetsCurrent","value":"36869"},
                   {"key":"Equity","value":"275698"},{"key":"LiabilitiesMaturityLessThanOneYear","value":"153065"},
                   {"key":"CalledUpShareCapital","value":"18000"}]}]}""");
        JsonPath answer = body(FiledAccountsProfile.accounts("NL", "12345678", "en"), 200);
        assertThat(bolagsverket().kvkRequests()).containsExactly("/kvk/api/v1/hvds/jaarrekeningen/kvknummer/12345678");
        assertThat(answer.getString("accounts.kind")).isEqualTo("KVK_OPEN_DATA");
        assertThat(answer.getString("currency")).isEqualTo("EUR");
        // 428 763 − 275 698 = 153 065
        assertThat(answer.getString("financials[0].totalLiabilities")).isEqualTo("153065");
        assertThat(answer.getString("financials[0].revenue")).isNull();
        assertThat(answer.getList("missing", String.class)).contains(
                "register data: KvK's open data is anonymised, with no name, address or bankruptcy",
                "financial year dates: KvK gives the year only; the calendar year is assumed",
                "2024: filed without revenue, ebit, retainedEarnings");

        // The same day's answer is kept: KvK allows one request a minute.
        JsonPath check = body(FiledAccountsProfile.check("""
                {"company":{"country":"NL","registrationNumber":"12345678"},"currency":"EUR","requestedCredit":20000,
                 "asOf":"2026-11-28"}""", "nl"), 200);
        assertThat(bolagsverket().kvkRequests()).hasSize(1);
        assertThat(check.getList("financials.source.type")).containsExactly("KVK");
        assertThat(check.getList("notAssessed", String.class)).anySatisfy(n -> assertThat(n).startsWith("Altman-score"));
        // 275 698 / 428 763 = 64,3 %
        assertThat(check.getList("reasons.message", String.class)).contains("Solvabiliteit van 40% of meer (64,3%)");
    }

    @Test
    void kvkWithoutAccountsOrRateLimitingIsAGap() {
        bolagsverket().kvk(404, "");
        assertThat(body(FiledAccountsProfile.accounts("NL", "87654321", "en"), 200).getList("missing", String.class))
                .contains("filed accounts: KvK holds no digitally filed report (many companies file on paper)");
        TestFolders.delete(FiledAccountsProfile.STORE);
        bolagsverket().kvk(429, "");
        assertThat(body(FiledAccountsProfile.accounts("NL", "87654321", "en"), 200).getList("missing", String.class))
                .contains("filed accounts and register data: KvK did not answer; checked without them");
    }

    /** The client secret and the tokens pass through refusals, rotation and outages, and never into a log. */
    @Test
    void theClientSecretAndTheTokensNeverReachTheLogs() {
        List<String> logged;
        try (LogCapture logs = LogCapture.start()) {
            for (LocalBolagsverket.Fault fault : LocalBolagsverket.Fault.values()) {
                bolagsverket().reset();
                bolagsverket().fault(fault);
                body(FiledAccountsProfile.check(request("5590179924", "2026-11-28"), "en"), 200);
            }
            logged = logs.lines();
        }
        assertThat(logged).isNotEmpty().noneSatisfy(line -> assertThat(line).containsAnyOf(LocalBolagsverket.CLIENT_SECRET,
                "Bearer", "Basic ", "at-"));
    }
}
