package io.creditguard.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.creditguard.Events;
import io.creditguard.Modules;
import io.creditguard.TestFolders;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The web form in headless Chromium fetching a company's filed accounts from the local Bolagsverket
 * ({@link FiledAccountsProfile}), the user correcting a figure and checking, and checking on an uploaded
 * report; a Swedish browser, so a Swedish page and a Swedish answer.
 */
@QuarkusTest
@TestProfile(FiledAccountsProfile.class)
class FiledAccountsBrowserTest {

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    private static ChromeDriver browser() {
        return CHROMIUM.driver();
    }

    @BeforeEach
    void openTheForm() {
        TestFolders.delete(FiledAccountsProfile.STORE);
        FiledAccountsProfile.Registry.server.reset();
        browser().get("http://localhost:" + Events.GATEWAY_PORT + "/");
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Kreditprövning"));
    }

    private static WebDriverWait await() {
        return CHROMIUM.await(15);
    }

    private static void type(String id, String text) {
        CHROMIUM.type(id, text);
    }

    private static String value(String id) {
        return browser().findElement(By.id(id)).getDomProperty("value");
    }

    private static String text(String id) {
        return browser().findElement(By.id(id)).getText();
    }

    private static void screenshot(String name) throws IOException {
        CHROMIUM.screenshot(name);
    }

    @Test
    void fetchingTheFiledAccountsFillsTheFiguresForTheUserToCorrectAndCheck() throws IOException {
        type("orgnr", "559017-9924");
        browser().findElement(By.id("fetch-accounts")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("filed")));
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("filed-facts"), "SecTrade Konsult AB"));
        assertThat(text("filed-facts")).contains("Aktiebolag").contains("2019-11-01 – 2020-10-31")
                .contains("4eaa2201-7ad0-4de4-9b2d-1f5f952b74d9").contains("inklusive obeskattade reserver efter skatt");
        // The report's figures as read in filings.AccountsReaderTest, equity adjusted for untaxed reserves.
        assertThat(value("periodEnd")).isEqualTo("2020-10-31");
        assertThat(value("revenue")).isEqualTo("2829042");
        assertThat(value("equity")).isEqualTo("3833041");
        assertThat(value("shareCapital")).isEqualTo("50000");
        assertThat(value("name")).isEqualTo("SecTrade Konsult AB");
        screenshot("filed-accounts-fetched-sv");

        type("revenue", "2900000");
        assertThat(browser().findElement(By.id("revenue")).getAttribute("data-filed")).isNull();
        type("credit", "100000");
        browser().findElement(By.id("submit")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("decision")));
        assertThat(text("weighed")).contains("2020-10-31: ifyllda");
        List<String> reasons = browser().findElements(By.cssSelector("#reasons li")).stream().map(WebElement::getText).toList();
        assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("Altman-poäng i säker zon"));
        // Checked today, years after the year ending 2021-10-31 that has no report.
        assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("Ingen årsredovisning inlämnad"));
        screenshot("filed-accounts-checked-sv");
    }

    @Test
    void aCompanyWithoutDigitalReportsIsSaidSo() {
        type("orgnr", "556036-0793");
        browser().findElement(By.id("fetch-accounts")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("filed-missing"),
                "Bolagsverket har ingen digitalt inlämnad"));
        assertThat(value("revenue")).isEmpty();
    }

    @Test
    void anUploadedReportIsWeighed() throws IOException {
        type("orgnr", "556920-1998");
        type("credit", "250000");
        Path report = Modules.ROOT.resolve("domain/filings/src/test/resources/filings/5569201998_Modular_Finance_AB_2021.zip")
                .toAbsolutePath().normalize();
        browser().findElement(By.id("annual-report")).sendKeys(report.toString());
        browser().findElement(By.id("submit")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("decision")));
        assertThat(text("weighed")).contains("2021-12-31: uppladdad årsredovisning").contains("2020-12-31: uppladdad årsredovisning");
        screenshot("uploaded-report-checked-sv");
    }
}
