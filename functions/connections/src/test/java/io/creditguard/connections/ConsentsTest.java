package io.creditguard.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.creditguard.LocalHttp;
import io.creditguard.VirtualTime;
import io.creditguard.outbound.TokenEndpoint;

/**
 * The consent's {@code state}: single-use, lapsing after ten minutes, bound to the admin who began it and to
 * that admin's browser; every refusal stores nothing.
 */
class ConsentsTest {

    @TempDir
    Path root;

    private VirtualTime time;
    private FortnoxStandIn fortnox;
    private Connected c;
    private Consents.Begun begun;
    private Map<String, String> query;
    private String browser;

    @BeforeEach
    void begin() throws Exception {
        time = new VirtualTime(Instant.parse("2026-12-07T07:00:00Z"));
        fortnox = new FortnoxStandIn(time);
        c = new Connected(root, time, fortnox.config());
        begun = c.consents.begin(Platform.FORTNOX, "anna@foretaget.example");
        query = LocalHttp.form(begun.authorizeUrl().getRawQuery());
        browser = Connected.cookieValue(begun.cookie());
    }

    @AfterEach
    void stop() {
        fortnox.close();
    }

    private Consents.Outcome callback(String state, Optional<String> cookie) throws Exception {
        return c.consents.complete(Platform.FORTNOX, Optional.of(fortnox.oauth.approve(query)), Optional.of(state),
                Optional.empty(), cookie);
    }

    private void nothingStored() throws Exception {
        assertThat(c.connections.read(Platform.FORTNOX)).isEmpty();
    }

    @Test
    void theCookieIsHttpOnlyLaxSecureAndOnlyForThisPlatformsRoutes() {
        assertThat(begun.cookie()).startsWith("cg_consent_fortnox=").contains("; Path=/connections/fortnox")
                .contains("; Max-Age=600").contains("; HttpOnly").contains("; SameSite=Lax").contains("; Secure");
        assertThat(begun.authorizeUrl().toString()).startsWith(fortnox.base() + "/oauth-v1/auth?response_type=code&client_id=");
        // The store keeps the state's and the cookie's hashes, never the values a callback could be forged from.
        assertThat(c.bookFiles()).isEmpty();
    }

    @Test
    void theStateIsUsedOnce() throws Exception {
        assertThat(callback(query.get("state"), Optional.of(browser))).isInstanceOf(Consents.Connected.class);
        String refresh = c.connection(Platform.FORTNOX).tokens().refreshToken();
        assertThat(c.connection(Platform.FORTNOX).connectedBy()).isEqualTo("anna@foretaget.example");

        Consents.Outcome again = callback(query.get("state"), Optional.of(browser));

        assertThat(again).isInstanceOfSatisfying(Consents.Refused.class, r -> assertThat(r.reason()).contains("used already"));
        assertThat(c.connection(Platform.FORTNOX).tokens().refreshToken()).isEqualTo(refresh);
    }

    @Test
    void anUnknownStateIsRefused() throws Exception {
        assertThat(callback("forged-state", Optional.of(browser))).isInstanceOfSatisfying(Consents.Refused.class,
                r -> assertThat(r.reason()).contains("unknown"));
        nothingStored();
    }

    @Test
    void aStateLapsesAfterTenMinutes() throws Exception {
        time.pass(Duration.ofMinutes(11));
        assertThat(callback(query.get("state"), Optional.of(browser))).isInstanceOfSatisfying(Consents.Refused.class,
                r -> assertThat(r.reason()).contains("10 minutes"));
        nothingStored();
    }

    @Test
    void aCallbackFromAnotherBrowserIsRefusedAndTheRightOneStillWorks() throws Exception {
        assertThat(callback(query.get("state"), Optional.empty())).isInstanceOfSatisfying(Consents.Refused.class,
                r -> assertThat(r.reason()).contains("another browser"));
        assertThat(callback(query.get("state"), Optional.of("someone-elses-cookie"))).isInstanceOf(Consents.Refused.class);
        nothingStored();
        assertThat(callback(query.get("state"), Optional.of(browser))).isInstanceOf(Consents.Connected.class);
    }

    @Test
    void aDeclinedConsentAndARefusedCodeStoreNothing() throws Exception {
        assertThat(c.consents.complete(Platform.FORTNOX, Optional.empty(), Optional.of(query.get("state")),
                Optional.of("access_denied"), Optional.of(browser))).isInstanceOfSatisfying(Consents.Refused.class,
                        r -> assertThat(r.reason()).contains("access_denied"));
        nothingStored();

        // The callback's error is the platform's, or whoever wrote the link: only an OAuth code reaches the page and the log.
        Consents.Begun forged = c.consents.begin(Platform.FORTNOX, "anna@foretaget.example");
        assertThat(c.consents.complete(Platform.FORTNOX, Optional.empty(),
                Optional.of(LocalHttp.form(forged.authorizeUrl().getRawQuery()).get("state")),
                Optional.of("access_denied\nINFO fortnox: connected by mallory"), Optional.of(Connected.cookieValue(forged.cookie()))))
                .isInstanceOfSatisfying(Consents.Refused.class, r -> assertThat(r.reason())
                        .isEqualTo("Fortnox did not give the consent (unreadable_error)."));

        Consents.Begun second = c.consents.begin(Platform.FORTNOX, "anna@foretaget.example");
        Map<String, String> q = LocalHttp.form(second.authorizeUrl().getRawQuery());
        assertThat(c.consents.complete(Platform.FORTNOX, Optional.of("code-never-issued"), Optional.of(q.get("state")),
                Optional.empty(), Optional.of(Connected.cookieValue(second.cookie()))))
                .isInstanceOfSatisfying(Consents.Refused.class, r -> assertThat(r.reason()).contains("invalid_grant"));
        nothingStored();
    }

    @Test
    void aPlatformWithoutItsClientCannotBeConnected() {
        Map<String, String> config = new HashMap<>(fortnox.config());
        config.remove("FORTNOX_CLIENT_SECRET");
        Connected unconfigured = new Connected(root.resolve("other"), time, config);
        assertThatThrownBy(() -> unconfigured.consents.begin(Platform.FORTNOX, "anna"))
                .isInstanceOf(Consents.NotConfigured.class).hasMessageContaining("FORTNOX_CLIENT_SECRET")
                .hasMessageNotContaining(FortnoxStandIn.CLIENT_ID);
    }

    @Test
    void lapsedConsentsAreClearedWhenTheNextBegins() throws Exception {
        time.pass(Duration.ofMinutes(11));
        c.consents.begin(Platform.FORTNOX, "anna@foretaget.example");
        try (var states = Files.list(root.resolve("connections/states"))) {
            assertThat(states.count()).isEqualTo(1);
        }
    }

    /**
     * A sync refreshes the old grant's tokens while an admin gives the consent again: the new consent's pair stays, and
     * the old grant's answer changes nothing, neither the refusal the platform gives the old refresh token now (the
     * stand-in keeps the newest grant only) nor a new pair where a platform would still honour it.
     */
    @Test
    void aConsentGivenDuringARefreshKeepsItsPair() throws Exception {
        Settings.Of s = c.settings.of(Platform.FORTNOX);
        ConnectionStore.Refresh atThePlatform = refreshToken -> new TokenEndpoint(c.sync.fetcher(Platform.FORTNOX))
                .request(s.tokenUrl(), s.client().orElseThrow(), Map.of("grant_type", "refresh_token", "refresh_token",
                        refreshToken));
        ConnectionStore.Refresh stillHonoured = refreshToken -> new TokenEndpoint.Tokens("access-of-the-old-grant",
                Optional.of("refresh-of-the-old-grant"), Duration.ofHours(1), "");
        assertThat(callback(query.get("state"), Optional.of(browser))).isInstanceOf(Consents.Connected.class);
        for (ConnectionStore.Refresh oldGrant : new ConnectionStore.Refresh[] {atThePlatform, stillHonoured}) {
            String stale = c.connection(Platform.FORTNOX).tokens().accessToken();
            AtomicReference<Connection.Tokens> consented = new AtomicReference<>();

            String used = c.connections.accessToken(Platform.FORTNOX, refreshToken -> {
                time.pass(Duration.ofMinutes(1));
                try {
                    assertThat(c.connect(Platform.FORTNOX, fortnox.oauth)).isInstanceOf(Consents.Connected.class);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                consented.set(c.connection(Platform.FORTNOX).tokens());
                return oldGrant.refresh(refreshToken);
            }, Optional.of(stale));

            assertThat(c.connection(Platform.FORTNOX).status()).isEqualTo(Connection.Status.CONNECTED);
            assertThat(c.connection(Platform.FORTNOX).tokens()).isEqualTo(consented.get());
            assertThat(used).isEqualTo(consented.get().accessToken());
        }
    }
}
