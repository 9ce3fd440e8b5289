package io.creditguard.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.creditguard.Events;
import io.creditguard.TestFolders;
import io.creditguard.credit.Chromium;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The Connections page in a real headless Chromium: the finance admin signs in (the same sign-in script as
 * the credit-check form, against a local identity provider), clicks Connect, approves at (a local) Fortnox,
 * and is back with Fortnox connected: two clicks after signing in.
 */
@QuarkusTest
@TestProfile(ConnectionsProfile.class)
class ConnectionsPageBrowserTest {

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    private static ChromeDriver browser() {
        return CHROMIUM.driver();
    }

    private static WebDriverWait await() {
        return CHROMIUM.await(10);
    }

    @BeforeEach
    void emptyStore() throws IOException {
        TestFolders.delete(ConnectionsProfile.STORE);
        ConnectionsProfile.Servers.fortnox.reset();
        browser().manage().deleteAllCookies();
    }

    private static void signIn() {
        browser().get("http://localhost:" + Events.GATEWAY_PORT + "/connect");
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        assertThat(browser().findElement(By.id("message")).getText()).contains("Logga in");
        browser().findElement(By.id("sign-in")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser().findElement(By.id("username")).sendKeys("anna@foretaget.example");
        browser().findElement(By.id("login")).click();
        await().until(ExpectedConditions.textToBe(By.id("auth-status"), "Inloggad"));
    }

    private static void screenshot(String name) throws IOException {
        File shot = browser().getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Chromium.SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void anAdminConnectsFortnoxWithTwoClicksAfterSigningIn() throws IOException {
        signIn();
        await().until(ExpectedConditions.textToBe(By.id("state-fortnox"), "Inte ansluten"));
        assertThat(browser().findElement(By.id("platform-exact")).getText()).contains("Inte konfigurerad")
                .contains("EXACT_CLIENT_ID");
        assertThat(browser().findElements(By.id("connect-exact"))).isEmpty();
        screenshot("connections-before");

        browser().findElement(By.id("connect-fortnox")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("approve")));
        assertThat(browser().getCurrentUrl()).startsWith(ConnectionsProfile.Servers.fortnox.base() + "/oauth-v1/auth?")
                .contains("access_type=offline");
        browser().findElement(By.id("approve")).click();

        await().until(ExpectedConditions.textToBe(By.id("title"), "Fortnox är anslutet"));
        assertThat(browser().getCurrentUrl()).contains("/connections/fortnox/callback");
        screenshot("connections-connected");
        assertThat(ConnectionsProfile.STORE.resolve("connections/fortnox.json")).exists();
        // The token stays in the page's memory: nothing of it in the browser's storage or readable cookies.
        Object stored = browser().executeScript("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) "
                + "+ document.cookie");
        assertThat(String.valueOf(stored)).doesNotContain("eyJ").doesNotContain("cg_consent");

        browser().findElement(By.id("back")).click();
        signIn();
        await().until(ExpectedConditions.textToBe(By.id("state-fortnox"), "Ansluten"));
        assertThat(browser().findElement(By.id("platform-fortnox")).getText()).contains("anna@foretaget.example");
    }

    @Test
    void noAnswerToConnectIsToldInThePagesLanguage() {
        signIn();
        await().until(ExpectedConditions.textToBe(By.id("state-fortnox"), "Inte ansluten"));
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        browser().setNetworkConditions(offline);
        try {
            browser().findElement(By.id("connect-fortnox")).click();
            await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Tjänsten svarade inte"));
            assertThat(browser().findElement(By.id("message")).getText()).isEqualTo("Tjänsten svarade inte. Försök igen.");
        } finally {
            browser().deleteNetworkConditions();
        }
    }

    @Test
    void aCallbackThatIsNotOursIsRefusedOnAPage() {
        browser().get("http://localhost:" + Events.GATEWAY_PORT + "/connections/fortnox/callback?code=x&state=forged");
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("title")));
        assertThat(browser().findElement(By.id("title")).getText()).isEqualTo("Fortnox anslöts inte");
        assertThat(browser().findElement(By.id("message")).getText()).contains("used already");
        assertThat(ConnectionsProfile.STORE.resolve("connections/fortnox.json")).doesNotExist();
    }
}
