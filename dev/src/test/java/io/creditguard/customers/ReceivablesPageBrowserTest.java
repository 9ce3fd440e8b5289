package io.creditguard.customers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.creditguard.Events;
import io.creditguard.TestFolders;
import io.creditguard.credit.Chromium;
import io.creditguard.http.LocalOidcProvider;
import io.creditguard.http.LocalOidcResource;
import io.creditguard.http.SignInProfile;
import io.creditguard.reminders.Kpis;
import io.creditguard.reminders.ReminderRun;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The receivables page in a real headless Chromium, signed in against a local OpenID Connect provider as the
 * credit-check form is, over a file store holding the sample book after the runs of 30 November and 1 December:
 * the overview equal to the run report, a customer's page and each decision round-tripping to the store, a customer
 * named as an attack shown as typed, the keyboard, a 10 000-customer book, the session's end, a missing scope.
 */
@QuarkusTest
@TestProfile(SignInProfile.class)
class ReceivablesPageBrowserTest {

    private static final Path STORE = SignInProfile.STORE;
    private static final Path BOOK = STORE.resolve("receivables/book.jsonl");
    private static final String EVIL = "<img src=x onerror=\"window.pwned=1\">Evil & Co";

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    @Inject
    ReminderRun run;

    private static ChromeDriver browser() {
        return CHROMIUM.driver();
    }

    private static WebDriverWait await() {
        return CHROMIUM.await(20);
    }

    private static String page() {
        return "http://localhost:" + Events.GATEWAY_PORT + "/receivables";
    }

    private static void screenshot(String name) throws IOException {
        File shot = browser().getScreenshotAs(OutputType.FILE);
        Files.createDirectories(Chromium.SCREENSHOTS);
        Files.copy(shot.toPath(), Chromium.SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @BeforeEach
    void theProviderAsConfigured() {
        // The sign-in tests of the credit-check form share the provider and may have changed it.
        LocalOidcResource.oidc.grantOnly(null);
        LocalOidcResource.oidc.issueExpiredTokens(false);
    }

    /** The sample book with one more customer, named as an attack, after the runs of 30 November and 1 December. */
    private ReminderRun.Report theSampleBookAfterTwoRuns() throws IOException {
        TestFolders.delete(STORE);
        Files.createDirectories(BOOK.getParent());
        Files.copy(Path.of("../samples/receivables/sample-book.jsonl"), BOOK);
        Files.writeString(BOOK, "{\"invoiceId\":\"inv-evil\",\"invoiceNumber\":\"2026-9001\",\"currency\":\"SEK\","
                + "\"issueDate\":\"2026-10-01\",\"dueDate\":\"2026-10-31\",\"amount\":1200.00,\"openAmount\":1200.00,"
                + "\"customer\":{\"id\":\"c-evil\",\"name\":" + io.creditguard.json.Json.write(EVIL)
                + ",\"type\":\"BUSINESS\",\"country\":\"SE\",\"language\":\"sv\"},\"reminderFeeAgreed\":false,\"disputed\":false}\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        run.run(Optional.of(LocalDate.parse("2026-11-30")), false);
        return run.run(Optional.of(LocalDate.parse("2026-12-01")), false);
    }

    /** Opens the page at {@code hash} and signs in; waits for the first view. */
    private static void signIn(String hash) {
        browser().get("about:blank"); // a new document: the same page at another hash would only change the hash
        browser().get(page() + hash);
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        browser().findElement(By.id("sign-in")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser().getCurrentUrl()).startsWith(LocalOidcResource.oidc.authorizeUrl().toString())
                .contains("code_challenge_method=S256").contains("creditguard%2Freminders");
        browser().findElement(By.id("username")).sendKeys("anna@foretaget.example");
        browser().findElement(By.id("login")).click();
        await().until(ExpectedConditions.textToBe(By.id("auth-status"), "Inloggad"));
    }

    private static void awaitOverview() {
        await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#totals .card")));
        await().until(d -> !d.findElements(By.cssSelector("#customer-table tbody tr")).isEmpty());
    }

    private static String token() {
        return LocalOidcResource.oidc.token("u-1", "openid creditguard/reminders", Instant.now().plusSeconds(600));
    }

    private static JsonPath api(String path) {
        return given().header("Authorization", "Bearer " + token()).get("http://localhost:" + Events.GATEWAY_PORT + path)
                .then().statusCode(200).extract().jsonPath();
    }

    private static BigDecimal value(WebElement element) {
        return new BigDecimal(element.getAttribute("data-value"));
    }

    @Test
    void theOverviewShowsTheRunReportsFiguresTheAlertsAndTheCustomers() throws IOException {
        ReminderRun.Report report = theSampleBookAfterTwoRuns();
        signIn("");
        awaitOverview();
        Object firstRender = browser().executeScript("return document.body.dataset.firstRenderMs");
        System.out.println("receivables page, sample book: first render " + firstRender + " ms after the two requests began");
        // The totals per currency are the last run's KPIs, and say how they changed since the run before.
        for (Kpis.CurrencyKpis kpis : report.kpis().byCurrency()) {
            String code = kpis.currency().getCurrencyCode();
            WebElement card = browser().findElement(By.cssSelector("#totals .card[data-currency='" + code + "']"));
            assertThat(value(card.findElement(By.cssSelector("dd[data-key='open']")))).as(code)
                    .isEqualByComparingTo(kpis.open().amount());
            assertThat(value(card.findElement(By.cssSelector("dd[data-key='overdue']")))).as(code)
                    .isEqualByComparingTo(kpis.overdue().amount());
            if (kpis.dsoDays() != null) {
                assertThat(value(card.findElement(By.cssSelector("dd[data-key='dso']")))).as(code)
                        .isEqualByComparingTo(kpis.dsoDays());
            }
            assertThat(card.getText()).contains("sedan förra körningen");
        }
        // Swedish amounts as a Swede writes them: 694 735,00 kr (a no-break space between the thousands).
        WebElement sek = browser().findElement(By.cssSelector("#totals .card[data-currency='SEK'] dd[data-key='open']"));
        assertThat(sek.getText().replace('\u00a0', ' ')).startsWith(
                new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.forLanguageTag("sv-SE")))
                        .format(report.kpis().byCurrency().stream().filter(k -> k.currency().getCurrencyCode().equals("SEK"))
                                .findFirst().orElseThrow().open().amount()).replace('\u00a0', ' ').replace('\u2009', ' ') + " kr");
        // The aging bars' values, in the table beside the chart, are the report's buckets.
        browser().findElement(By.cssSelector("#aging-chart + details summary")).click();
        List<WebElement> agingRows = browser().findElements(By.cssSelector("#aging-table tbody tr"));
        int buckets = report.kpis().byCurrency().stream().mapToInt(k -> k.aging().size()).sum();
        assertThat(agingRows).hasSize(buckets);
        int i = 0;
        for (Kpis.CurrencyKpis kpis : report.kpis().byCurrency()) {
            for (Kpis.Bucket bucket : kpis.aging()) {
                WebElement amount = agingRows.get(i++).findElements(By.tagName("td")).get(3);
                assertThat(value(amount)).isEqualByComparingTo(bucket.amount().amount());
            }
        }
        assertThat(browser().findElements(By.cssSelector("#aging-chart canvas"))).isNotEmpty();
        assertThat(browser().findElements(By.cssSelector("#trend-chart canvas"))).isNotEmpty();
        assertThat(browser().findElements(By.cssSelector("#trend-table tbody tr"))).hasSize(2);
        // The alerts, as the listing gives them, each linking to its customer.
        JsonPath list = api("/customers?size=1");
        assertThat(browser().findElement(By.id("alerts-heading")).getText()).contains("(" + list.getInt("openAlertCount") + ")");
        List<WebElement> alerts = browser().findElements(By.cssSelector("#alerts li a"));
        assertThat(alerts).hasSize(list.getList("openAlerts").size());
        assertThat(alerts.get(0).getAttribute("href")).endsWith("#customer/" + list.getString("openAlerts[0].customerId"));
        // The table, largest exposure first, one page of 25 of the 23 customers.
        assertThat(browser().findElement(By.id("page-status")).getText()).isEqualTo("Sida 1 av 1, 23 kunder");
        assertThat(browser().findElement(By.cssSelector("#customer-table tbody tr")).getAttribute("data-customer"))
                .isEqualTo(list.getString("customers[0].customerId"));
        screenshot("receivables-sv");
        browser().executeScript("document.getElementById('trend-chart').scrollIntoView()");
        screenshot("receivables-charts-sv");
        browser().executeScript("window.scrollTo(0, 0)");
        // Strict policy: uPlot is inlined by hash, nothing from another origin, nothing inline by attribute.
        String policy = given().get(page()).then().statusCode(200).extract().header("content-security-policy");
        assertThat(policy).contains("default-src 'none'").doesNotContain("unsafe").doesNotContain("cdn");
        browser().findElement(By.id("lang-switch")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("overview-heading"), "Overview"));
        assertThat(browser().findElement(By.id("page-status")).getText()).isEqualTo("Page 1 of 1, 23 customers");
        screenshot("receivables-en");
    }

    @Test
    void aCustomersPageAndEachDecisionRoundTripToTheStore() throws IOException {
        theSampleBookAfterTwoRuns();
        signIn("#customer/c-byggab");
        await().until(ExpectedConditions.textToBe(By.id("customer-name"), "Byggmästarna i Mälardalen AB"));
        assertThat(browser().findElements(By.cssSelector("#invoice-table tbody tr"))).hasSize(3);
        assertThat(browser().findElement(By.id("invoice-table")).getText()).contains("väntar: level 3 is due on");
        assertThat(browser().findElements(By.cssSelector("#letters button"))).isNotEmpty();
        assertThat(browser().findElement(By.id("run-check")).getAttribute("href")).contains("credit-check#customer=c-byggab");
        screenshot("receivables-customer-sv");

        // A dispute with its reason.
        new Select(browser().findElement(By.id("invoice"))).selectByValue("inv-0001");
        new Select(browser().findElement(By.id("decision"))).selectByValue("dispute");
        browser().findElement(By.id("disputeReason")).sendKeys("40 m armering av fel kvalitet");
        browser().findElement(By.id("decide-submit")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("invoice-table"), "bestridd: 40 m armering av fel kvalitet"));
        JsonPath ledger = api("/customers/c-byggab");
        assertThat(ledger.getString("openInvoices.find { it.invoiceId == 'inv-0001' }.dunning.decisions.disputeReason"))
                .isEqualTo("40 m armering av fel kvalitet");
        // A pause and a promise to pay, on the other invoice.
        new Select(browser().findElement(By.id("invoice"))).selectByValue("inv-0002");
        new Select(browser().findElement(By.id("decision"))).selectByValue("pause");
        String pause = LocalDate.now().plusDays(20).toString();
        browser().executeScript("document.getElementById('pausedUntil').value = arguments[0]", pause);
        browser().findElement(By.id("decide-submit")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("invoice-table"), "pausad till " + pause));
        new Select(browser().findElement(By.id("decision"))).selectByValue("promise");
        String promise = LocalDate.now().plusDays(5).toString();
        browser().executeScript("document.getElementById('promisedPaymentDate').value = arguments[0]", promise);
        browser().findElement(By.id("decide-submit")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("invoice-table"), "lovad " + promise));
        ledger = api("/customers/c-byggab");
        assertThat(ledger.getString("openInvoices.find { it.invoiceId == 'inv-0002' }.dunning.decisions.pausedUntil")).isEqualTo(pause);
        assertThat(ledger.getString("openInvoices.find { it.invoiceId == 'inv-0002' }.dunning.decisions.promisedPaymentDate"))
                .isEqualTo(promise);
        // A promise in the past: the server's problem next to the field it names.
        browser().executeScript("document.getElementById('promisedPaymentDate').value = '2020-01-01'");
        browser().findElement(By.id("decide-submit")).click();
        await().until(d -> !d.findElement(By.id("promisedPaymentDate-error")).getText().isEmpty());
        assertThat(browser().findElement(By.id("promisedPaymentDate")).getAttribute("aria-invalid")).isEqualTo("true");

        // A limit: a currency the server refuses is shown at the currency, then a good one is saved.
        browser().findElement(By.id("amount")).sendKeys("250000");
        browser().findElement(By.id("limitCurrency")).clear();
        browser().findElement(By.id("limitCurrency")).sendKeys("XYZ");
        browser().findElement(By.id("limit-submit")).click();
        await().until(d -> !d.findElement(By.id("limitCurrency-error")).getText().isEmpty());
        browser().findElement(By.id("limitCurrency")).clear();
        browser().findElement(By.id("limitCurrency")).sendKeys("SEK");
        browser().findElement(By.id("note")).sendKeys("Årlig genomgång");
        browser().findElement(By.id("limit-submit")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("limit-table"), "Årlig genomgång"));
        ledger = api("/customers/c-byggab");
        assertThat(new BigDecimal(ledger.getString("limit.amount"))).isEqualByComparingTo("250000");
        assertThat(ledger.getString("limitHistory[0].note")).isEqualTo("Årlig genomgång");
        screenshot("receivables-customer-actions-sv");

        // Check this customer's credit: the form, opened with the customer's id.
        browser().findElement(By.id("run-check")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("for-customer")));
        assertThat(browser().findElement(By.id("customer-id")).getText()).startsWith("c-byggab");
    }

    /** English and Dutch group a thousand with a comma and a point: read as a decimal, 250,000 set a limit of 250 kr. */
    @Test
    void aLimitWithItsThousandsGroupedByACommaOrAPointIsRefusedNotReadAsADecimal() throws IOException {
        theSampleBookAfterTwoRuns();
        signIn("#customer/c-byggab");
        await().until(ExpectedConditions.textToBe(By.id("customer-name"), "Byggmästarna i Mälardalen AB"));
        String before = api("/customers/c-byggab").getString("limit.amount");
        for (String amount : List.of("250,000", "250.000")) {
            browser().findElement(By.id("amount")).clear();
            browser().findElement(By.id("amount")).sendKeys(amount);
            browser().findElement(By.id("limitCurrency")).clear();
            browser().findElement(By.id("limitCurrency")).sendKeys("SEK");
            browser().findElement(By.id("limit-submit")).click();
            assertThat(browser().findElement(By.id("amount-error")).getText())
                    .isEqualTo("Skriv beloppet utan punkt eller komma mellan tusentalen, t.ex. 250000 eller 250 000.");
            assertThat(browser().findElement(By.id("amount")).getAttribute("aria-invalid")).isEqualTo("true");
        }
        assertThat(api("/customers/c-byggab").getString("limit.amount")).isEqualTo(before);
        // Grouped by a space, as Swedish writes it, the amount is the one meant.
        browser().findElement(By.id("amount")).clear();
        browser().findElement(By.id("amount")).sendKeys("250 000");
        browser().findElement(By.id("limit-submit")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-done"), "Sparat."));
        assertThat(new BigDecimal(api("/customers/c-byggab").getString("limit.amount"))).isEqualByComparingTo("250000");
    }

    /** A link cut short in its percent-encoding names no customer; the sign-in itself went well. */
    @Test
    void aCustomerLinkCutShortIsSaidToNameNoCustomer() throws IOException {
        theSampleBookAfterTwoRuns();
        signIn("#customer/c-bygg%2");
        await().until(ExpectedConditions.textToBe(By.id("notice"), "Kunden finns inte i reskontran."));
        assertThat(browser().findElement(By.id("sign-out")).isDisplayed()).isTrue();
    }

    @Test
    void aNameFromTheBookIsShownAsTypedNeverRunAsHtml() throws IOException {
        theSampleBookAfterTwoRuns();
        signIn("");
        awaitOverview();
        browser().findElement(By.id("filter")).sendKeys("evil", Keys.ENTER);
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-status"), "1 kunder"));
        WebElement link = browser().findElement(By.cssSelector("#customer-table tbody tr a"));
        assertThat(link.getText()).isEqualTo(EVIL);
        assertThat(browser().findElements(By.cssSelector("#customer-table img"))).isEmpty();
        link.click();
        await().until(ExpectedConditions.textToBe(By.id("customer-name"), EVIL));
        assertThat(browser().findElements(By.cssSelector("main img"))).isEmpty();
        assertThat(browser().executeScript("return window.pwned === undefined")).isEqualTo(true);
    }

    @Test
    void theKeyboardReachesTheFilterTheSortingAndACustomer() throws IOException {
        theSampleBookAfterTwoRuns();
        signIn("");
        awaitOverview();
        browser().findElement(By.id("filter")).sendKeys("metall");
        browser().switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser().switchTo().activeElement().getAttribute("id")).isEqualTo("filter-submit");
        browser().switchTo().activeElement().sendKeys(Keys.ENTER);
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-status"), "1 kunder"));
        browser().findElement(By.id("filter")).clear();
        browser().findElement(By.id("filter")).sendKeys(Keys.ENTER);
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-status"), "23 kunder"));
        WebElement overdue = browser().findElement(By.cssSelector("button.sort[data-sort='overdue']"));
        overdue.sendKeys(Keys.ENTER);
        await().until(ExpectedConditions.attributeToBe(By.cssSelector("th[data-sort='overdue']"), "aria-sort", "descending"));
        WebElement first = browser().findElement(By.cssSelector("#customer-table tbody tr a"));
        String name = first.getText();
        first.sendKeys(Keys.ENTER);
        await().until(ExpectedConditions.textToBe(By.id("customer-name"), name));
        assertThat(browser().switchTo().activeElement().getAttribute("id")).isEqualTo("customer-name");
    }

    @Test
    void tenThousandCustomersArePagedAndSortedByTheServer() throws IOException {
        TestFolders.delete(STORE);
        Files.createDirectories(BOOK.getParent());
        LocalDate asOf = LocalDate.parse("2026-12-01");
        try (BufferedWriter out = Files.newBufferedWriter(BOOK, StandardCharsets.UTF_8)) {
            for (int c = 0; c < 10_000; c++) {
                // One invoice each: a third overdue by 1 to 4 days (before the default policy's first letter at 5, so the
                // run writes no letters and stays quick), the rest due in 5 to 44 days; amounts spread by the number.
                LocalDate due = c % 3 == 0 ? asOf.minusDays(1 + c % 4) : asOf.plusDays(5 + c % 40);
                out.write("{\"invoiceId\":\"big-" + c + "\",\"invoiceNumber\":\"B" + c + "\",\"currency\":\"SEK\",\"issueDate\":\""
                        + due.minusDays(30) + "\",\"dueDate\":\"" + due + "\",\"amount\":" + (1000 + c * 7 % 99_991) + ".00,\"openAmount\":"
                        + (1000 + c * 7 % 99_991) + ".00,\"customer\":{\"id\":\"k-" + c + "\",\"name\":\"Kund " + c
                        + " AB\",\"type\":\"BUSINESS\",\"country\":\"SE\",\"language\":\"sv\"},\"reminderFeeAgreed\":false,\"disputed\":false}\n");
            }
        }
        run.run(Optional.of(asOf), false);
        signIn("");
        awaitOverview();
        Object firstRender = browser().executeScript("return document.body.dataset.firstRenderMs");
        System.out.println("receivables page, 10 000 customers: first render " + firstRender + " ms after the two requests began");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/receivables-first-render.txt"), "10000 customers: " + firstRender + " ms\n");
        assertThat(browser().findElement(By.id("page-status")).getText()).isEqualTo("Sida 1 av 400, 10000 kunder");
        assertThat(browser().findElements(By.cssSelector("#customer-table tbody tr"))).hasSize(25);
        JsonPath second = api("/customers?sort=overdue&page=2&size=25");
        browser().findElement(By.cssSelector("button.sort[data-sort='overdue']")).click();
        await().until(ExpectedConditions.attributeToBe(By.cssSelector("th[data-sort='overdue']"), "aria-sort", "descending"));
        browser().findElement(By.id("next")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-status"), "Sida 2 av 400"));
        assertThat(browser().findElement(By.cssSelector("#customer-table tbody tr")).getAttribute("data-customer"))
                .isEqualTo(second.getString("customers[0].customerId"));
    }

    @Test
    void anEndedSessionSignsInAgainKeepingWhatWasTyped() throws IOException {
        theSampleBookAfterTwoRuns();
        signIn("#customer/c-byggab");
        await().until(ExpectedConditions.textToBe(By.id("customer-name"), "Byggmästarna i Mälardalen AB"));
        browser().findElement(By.id("note")).sendKeys("Skrivet före utloggningen");
        browser().findElement(By.id("amount")).sendKeys("123456");
        // The token is gone (as when it expires): the next call is refused with 401.
        browser().executeScript("creditguardSignIn.signOut()");
        browser().findElement(By.id("limit-submit")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Du är utloggad"));
        screenshot("receivables-session-ended");
        browser().findElement(By.id("sign-in")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser().findElement(By.id("username")).sendKeys("anna@foretaget.example");
        browser().findElement(By.id("login")).click();
        await().until(ExpectedConditions.textToBe(By.id("customer-name"), "Byggmästarna i Mälardalen AB"));
        assertThat(browser().findElement(By.id("note")).getAttribute("value")).isEqualTo("Skrivet före utloggningen");
        assertThat(browser().findElement(By.id("amount")).getAttribute("value")).isEqualTo("123456");
    }

    /** A claims policy the operator left broken: the figures are shown, and the notice says what was left out. */
    @Test
    void whatTheOperatorsConfigurationLeftOutIsSaidAboveTheFigures() throws IOException {
        theSampleBookAfterTwoRuns();
        Files.createDirectories(STORE.resolve("config"));
        Files.writeString(STORE.resolve("config/claims-policy.json"), "{\"insurer\":\"Atradius\",\"currency\":");
        try {
            signIn("");
            awaitOverview();
            await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "config/claims-policy.json:1:"));
            assertThat(browser().findElement(By.id("notice")).getText()).endsWith("no insurer's limit counts until it is mended");
            assertThat(browser().findElements(By.cssSelector("#customer-table tbody tr"))).hasSize(23);
        } finally {
            Files.delete(STORE.resolve("config/claims-policy.json"));
        }
    }

    @Test
    void anOutageSaysWhatIsShownAndWhenItWasLoaded() throws IOException {
        theSampleBookAfterTwoRuns();
        signIn("");
        awaitOverview();
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        browser().setNetworkConditions(offline);
        try {
            browser().findElement(By.cssSelector("button.sort[data-sort='overdue']")).click();
            await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Tjänsten svarade inte"));
            // What was loaded stays on the page, and the notice says since when it is.
            assertThat(browser().findElement(By.id("notice")).getText()).containsPattern("hämtades \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
            assertThat(browser().findElements(By.cssSelector("#customer-table tbody tr"))).hasSize(23);
            screenshot("receivables-offline-sv");
        } finally {
            browser().deleteNetworkConditions();
        }
    }

    @Test
    void aSignInWithoutTheScopeIsToldWhichScopeIsMissing() throws IOException {
        theSampleBookAfterTwoRuns();
        LocalOidcResource.oidc.grantOnly("openid creditguard/credit-check");
        browser().get("about:blank");
        browser().get(page());
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        browser().findElement(By.id("sign-in")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser().findElement(By.id("username")).sendKeys("ola@foretaget.example");
        browser().findElement(By.id("login")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "creditguard/reminders"));
        assertThat(browser().findElement(By.id("overview")).isDisplayed()).isFalse();
    }

    @Test
    void theRunsRouteGivesEachRunsFiguresOldestFirst() throws IOException {
        ReminderRun.Report report = theSampleBookAfterTwoRuns();
        JsonPath runs = api("/runs?from=2026-11-01");
        assertThat(runs.getList("runs.asOf")).containsExactly("2026-11-30", "2026-12-01");
        Kpis.CurrencyKpis sek = report.kpis().byCurrency().stream().filter(k -> k.currency().getCurrencyCode().equals("SEK"))
                .findFirst().orElseThrow();
        assertThat(new BigDecimal(runs.getString("runs[1].byCurrency.find { it.currency == 'SEK' }.open")))
                .isEqualByComparingTo(sek.open().amount());
        assertThat(runs.getList("runs[1].byCurrency.find { it.currency == 'SEK' }.aging.bucket"))
                .containsExactly("NOT_DUE", "DAYS_1_30", "DAYS_31_60", "DAYS_61_90", "OVER_90");
        assertThat(api("/runs?from=2026-12-01").getList("runs.asOf")).containsExactly("2026-12-01");
        given().header("Authorization", "Bearer " + token()).get("http://localhost:" + Events.GATEWAY_PORT + "/runs?from=30.11.2026")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.is("from"));
        given().get("http://localhost:" + Events.GATEWAY_PORT + "/runs").then().statusCode(401);
    }
}
