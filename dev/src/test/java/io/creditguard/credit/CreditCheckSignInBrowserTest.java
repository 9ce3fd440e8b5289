package io.creditguard.credit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.creditguard.Events;
import io.creditguard.http.LocalOidcProvider;
import io.creditguard.http.LocalOidcResource;
import io.creditguard.http.SignInProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The web form signing in against a local OpenID Connect provider ({@link LocalOidcProvider}) with the
 * authorization code flow and PKCE, then checking credit with the access token, which the local
 * gateway verifies as API Gateway's JWT authorizer would. In a real headless Chromium.
 */
@QuarkusTest
@TestProfile(SignInProfile.class)
class CreditCheckSignInBrowserTest {

    private static final Path SCREENSHOTS = Chromium.SCREENSHOTS;
    private static final String REQUEST = """
            {"company":{"country":"SE","registrationNumber":"556036-0793"},"currency":"SEK","requestedCredit":100000}""";

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    private static ChromeDriver browser() {
        return CHROMIUM.driver();
    }

    @BeforeEach
    void openTheForm() {
        LocalOidcResource.oidc.issueExpiredTokens(false);
        LocalOidcResource.oidc.grantOnly(null); // the receivables page's tests share the provider
        browser().get("http://localhost:" + Events.GATEWAY_PORT + "/");
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
    }

    private static WebDriverWait await() {
        return CHROMIUM.await(10);
    }

    private static void type(String id, String text) {
        WebElement input = browser().findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static void signIn() {
        browser().findElement(By.id("sign-in")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser().getCurrentUrl()).startsWith(LocalOidcResource.oidc.authorizeUrl().toString())
                .contains("code_challenge_method=S256").contains("client_id=" + LocalOidcProvider.CLIENT_ID);
        type("username", "anna@foretaget.example");
        browser().findElement(By.id("login")).click();
        await().until(ExpectedConditions.textToBe(By.id("auth-status"), "Inloggad"));
    }

    private static void checkCredit() {
        type("orgnr", "556036-0793");
        type("credit", "100000");
        browser().findElement(By.id("submit")).click();
    }

    private static void screenshot(String name) throws IOException {
        File shot = browser().getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aSignedInUserChecksCreditWithTheTokenKeptInMemory() throws IOException {
        checkCredit();
        // Not signed in yet: the form asks for it instead of sending.
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-error"), "Logga in"));
        int before = LocalOidcResource.oidc.tokensIssued();
        signIn();
        assertThat(LocalOidcResource.oidc.tokensIssued()).isEqualTo(before + 1);
        assertThat(browser().getCurrentUrl()).doesNotContain("code=").doesNotContain("state=");
        checkCredit();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("decision")));
        assertThat(browser().findElement(By.id("decision")).getText()).isNotBlank();
        // The token is in the page's memory only: nothing of it in the browser's storage.
        Object stored = browser().executeScript("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage)");
        assertThat(String.valueOf(stored)).doesNotContain("eyJ");
        screenshot("credit-check-signed-in");
        browser().findElement(By.id("sign-out")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
    }

    @Test
    void anExpiredSessionIsToldAndSigningInAgainIsOffered() throws IOException {
        LocalOidcResource.oidc.issueExpiredTokens(true);
        signIn();
        checkCredit();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-error"), "Du är utloggad"));
        assertThat(browser().findElement(By.id("sign-in")).isDisplayed()).isTrue();
        assertThat(browser().findElement(By.id("result")).isDisplayed()).isFalse();
        screenshot("credit-check-session-ended");
    }

    @Test
    void anExpiredSessionWhileFetchingTheFiledAccountsIsToldAndSigningInAgainIsOffered() {
        LocalOidcResource.oidc.issueExpiredTokens(true);
        signIn();
        type("orgnr", "556036-0793");
        browser().findElement(By.id("fetch-accounts")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-error"), "Du är utloggad"));
        assertThat(browser().findElement(By.id("sign-in")).isDisplayed()).isTrue();
        assertThat(browser().findElement(By.id("auth-status")).getText()).isEmpty();
        assertThat(browser().findElement(By.id("fetch-accounts")).isEnabled()).isTrue();
    }

    @Test
    void aSignInWithoutTheScopeIsToldWhichScopeIsMissing() {
        LocalOidcResource.oidc.grantOnly("openid creditguard/reminders");
        signIn();
        checkCredit();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-error"), "behörigheten"));
        assertThat(browser().findElement(By.id("form-error")).getText()).isEqualTo(
                "Din inloggning ger inte behörigheten creditguard/credit-check, som prövningen behöver. Be din administratör om den.");
        assertThat(browser().findElement(By.id("result")).isDisplayed()).isFalse();
        browser().findElement(By.id("fetch-accounts")).click();
        await().until(ExpectedConditions.elementToBeClickable(By.id("fetch-accounts")));
        assertThat(browser().findElement(By.id("form-error")).getText()).contains("behörigheten creditguard/credit-check");
    }

    @Test
    void aNetworkFailureIsToldAndTheFormKeepsWhatWasTyped() throws IOException {
        signIn();
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        browser().setNetworkConditions(offline);
        try {
            checkCredit();
            await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-error"), "Tjänsten svarade inte"));
            assertThat(browser().findElement(By.id("orgnr")).getAttribute("value")).isEqualTo("556036-0793");
            assertThat(browser().findElement(By.id("submit")).isEnabled()).isTrue();
            screenshot("credit-check-offline");
        } finally {
            browser().deleteNetworkConditions();
        }
    }

    @Test
    void theGatewayRefusesMissingExpiredAndUnscopedTokensAsApiGatewayWould() {
        String api = "http://localhost:" + Events.GATEWAY_PORT + "/credit-checks";
        given().contentType(ContentType.JSON).body(REQUEST).post(api).then().statusCode(401)
                .header("www-authenticate", "Bearer");
        String expired = LocalOidcResource.oidc.token("u-1", "creditguard/credit-check", Instant.now().minusSeconds(3600));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + expired).body(REQUEST).post(api).then()
                .statusCode(401);
        String claimsOnly = LocalOidcResource.oidc.token("u-1", "creditguard/claims", Instant.now().plusSeconds(600));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + claimsOnly).body(REQUEST).post(api).then()
                .statusCode(403);
        String good = LocalOidcResource.oidc.token("u-1", "openid creditguard/credit-check", Instant.now().plusSeconds(600));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + good).body(REQUEST).post(api).then()
                .statusCode(200);
        // A forged token: the right claims under another key's signature.
        String forged = good.substring(0, good.lastIndexOf('.')) + "." + expired.substring(expired.lastIndexOf('.') + 1);
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + forged).body(REQUEST).post(api).then()
                .statusCode(401);
    }

    @Test
    void thePageAllowsTheProvidersTokenEndpointAndNothingElse() {
        String policy = given().get("http://localhost:" + Events.GATEWAY_PORT + "/").then().statusCode(200).extract()
                .header("content-security-policy");
        assertThat(policy).contains("connect-src 'self' " + LocalOidcResource.oidc.issuer() + ";").contains("default-src 'none'");
    }
}
