package io.creditguard.connections;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.digest.Sha256;
import io.creditguard.json.Json;
import io.creditguard.outbound.HttpFetcher;
import io.creditguard.outbound.TokenEndpoint;

/**
 * The one consent that connects a platform: the OAuth 2.0 authorization code flow (RFC 6749 §4.1), begun
 * by a signed-in admin and completed when the platform sends the browser back.
 *
 * <p>The {@code state} is single-use, lapses after ten minutes and is bound to whoever began the consent:
 * the store keeps the admin's subject and the hash of a random value set as a cookie on the admin's browser
 * (RFC 6749 §10.12), so a callback from another browser, or a second one with the same state, is refused and
 * stores nothing. Where the platform takes PKCE (RFC 7636, S256) the code is also bound to a verifier only
 * creditguard holds.
 */
@ApplicationScoped
public class Consents {

    private static final Logger LOG = Logger.getLogger(Consents.class);
    static final Duration LAPSES_AFTER = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The platform cannot be connected on this deployment; the reason names what to configure. */
    public static final class NotConfigured extends Exception {
        private static final long serialVersionUID = 1L;

        NotConfigured(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * A consent begun: where to send the browser, and the cookie that binds the consent to it.
     *
     * @param cookie a {@code Set-Cookie} value
     */
    public record Begun(URI authorizeUrl, String cookie) {
    }

    /** How a callback ended: connected, or refused with the reason (nothing was stored). */
    public sealed interface Outcome permits Connected, Refused {
    }

    /** @param clearCookie the {@code Set-Cookie} value that removes the consent's cookie */
    public record Connected(Platform platform, String clearCookie) implements Outcome {
    }

    /** @param outage the platform could not be reached, rather than refusing (the page says to try again) */
    public record Refused(Platform platform, String reason, boolean outage, String clearCookie) implements Outcome {
    }

    /** What a disconnection did. */
    public enum Revocation {
        /** The platform revoked the refresh token. */
        REVOKED,
        /** The platform offers no revocation (Exact Online): the tokens were forgotten, and lapse. */
        NOT_OFFERED,
        /** The revocation failed (the platform could not be reached): the tokens were forgotten all the same. */
        FAILED,
        /** There was no connection. */
        NOT_CONNECTED
    }

    private final Settings settings;
    private final ConnectionStore connections;
    private final Sync sync;
    private final Clock clock;

    Consents(Settings settings, ConnectionStore connections, Sync sync, Clock clock) {
        this.settings = settings;
        this.connections = connections;
        this.sync = sync;
        this.clock = clock;
    }

    /** The name of the cookie binding a consent to {@code platform} to the admin's browser. */
    public static String cookieName(Platform platform) {
        return "cg_consent_" + platform.id();
    }

    /**
     * Begins a consent for the admin {@code subject}.
     *
     * @throws NotConfigured when the deployment lacks the platform's client or the redirect base
     */
    public Begun begin(Platform platform, String subject) throws NotConfigured, IOException {
        Settings.Of s = settings.of(platform);
        if (!s.configured()) {
            throw new NotConfigured(s.missing().orElseThrow());
        }
        String state = random();
        String browser = random();
        String verifier = platform.pkce() ? random() : null;
        connections.begin(state, new ConnectionStore.Pending(platform, subject, Sha256.hex(browser.getBytes(StandardCharsets.UTF_8)),
                verifier, clock.instant().plus(LAPSES_AFTER), false));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", s.client().orElseThrow().id());
        query.put("redirect_uri", s.redirectUri().toString());
        if (!s.scope().isBlank()) {
            query.put("scope", s.scope());
        }
        query.put("state", state);
        if (verifier != null) {
            query.put("code_challenge", base64url(Sha256.of(verifier)));
            query.put("code_challenge_method", "S256");
        }
        query.putAll(platform.authorizeExtras());
        LOG.infof("%s: %s began a consent", platform.id(), subject);
        return new Begun(URI.create(s.authorizeUrl() + (s.authorizeUrl().getQuery() == null ? "?" : "&")
                + TokenEndpoint.form(query)), cookie(platform, s, browser, LAPSES_AFTER));
    }

    /**
     * Completes a consent: the state taken (once), the code exchanged for tokens, the tokens stored.
     *
     * @param browser the consent cookie the browser came back with
     * @param error the platform's {@code error} parameter, when the admin declined or the platform failed
     */
    public Outcome complete(Platform platform, Optional<String> code, Optional<String> state, Optional<String> error,
            Optional<String> browser) throws IOException {
        Settings.Of s = settings.of(platform);
        String clear = cookie(platform, s, "", Duration.ZERO);
        if (state.isEmpty() || state.get().isBlank()) {
            return new Refused(platform, "The link has no state: start again from the Connections page.", false, clear);
        }
        ConnectionStore.Pending pending;
        try {
            pending = connections.take(platform, state.get(), browser.map(b -> Sha256.hex(b.getBytes(StandardCharsets.UTF_8))));
        } catch (ConnectionStore.StateRefused e) {
            return new Refused(platform, e.getMessage(), false, clear);
        }
        try {
            if (error.isPresent()) {
                return new Refused(platform, platform.title() + " did not give the consent ("
                        + TokenEndpoint.errorCode(error.get()) + ").", false, clear);
            }
            if (code.isEmpty() || !s.configured()) {
                return new Refused(platform, code.isEmpty() ? platform.title() + " sent no code back." : s.missing().orElseThrow(),
                        false, clear);
            }
            Map<String, String> grant = new LinkedHashMap<>();
            grant.put("grant_type", "authorization_code");
            grant.put("code", code.get());
            grant.put("redirect_uri", s.redirectUri().toString());
            if (pending.verifier() != null) {
                grant.put("code_verifier", pending.verifier());
            }
            TokenEndpoint.Tokens tokens;
            Map<String, String> cursor;
            try {
                tokens = new TokenEndpoint(sync.fetcher(platform)).request(s.tokenUrl(), s.client().orElseThrow(), grant);
                if (tokens.refreshToken().isEmpty()) {
                    return new Refused(platform, platform.title() + " gave no refresh token, without which creditguard "
                            + "cannot read it when no one is signed in.", false, clear);
                }
                cursor = platform == Platform.EXACT ? Map.of("division", division(s, tokens.accessToken())) : Map.of();
            } catch (NoDivision e) {
                LOG.warnf("%s: no division: %s", platform.id(), e.getMessage());
                return new Refused(platform, platform.title() + " did not say which division the consent chose ("
                        + e.getMessage() + "): start again from the Connections page.", false, clear);
            } catch (TokenEndpoint.Refused e) {
                return new Refused(platform, platform.title() + " refused the code (" + e.error() + "): start again from the "
                        + "Connections page.", false, clear);
            } catch (IOException e) {
                LOG.warnf("%s: the code could not be exchanged: %s", platform.id(), e.getMessage());
                return new Refused(platform, platform.title() + " could not be reached to finish the connection; try again "
                        + "in a while.", true, clear);
            }
            Instant now = clock.instant();
            connections.connect(platform, new Connection.Tokens(tokens.accessToken(), tokens.refreshToken().get(),
                    now.plus(tokens.expiresIn()), now), pending.subject(), cursor);
            LOG.infof("%s: connected by %s", platform.id(), pending.subject());
            return new Connected(platform, clear);
        } finally {
            connections.finish(state.get());
        }
    }

    /** Forgets the platform's tokens, revoking the refresh token first where the platform offers it. */
    public Revocation disconnect(Platform platform) throws IOException {
        Optional<Connection> connection = connections.read(platform);
        if (connection.isEmpty()) {
            return Revocation.NOT_CONNECTED;
        }
        Settings.Of s = settings.of(platform);
        Revocation revocation = Revocation.NOT_OFFERED;
        Connection.Tokens tokens = connection.get().tokens();
        if (tokens != null && s.revokeUrl().isPresent() && s.client().isPresent()) {
            try {
                new TokenEndpoint(sync.fetcher(platform)).revoke(s.revokeUrl().get(), s.client().get(), tokens.refreshToken(),
                        "refresh_token");
                revocation = Revocation.REVOKED;
            } catch (IOException e) {
                LOG.warnf("%s: the refresh token could not be revoked (%s); it is forgotten all the same", platform.id(),
                        e.getMessage());
                revocation = Revocation.FAILED;
            }
        }
        connections.forget(platform);
        return revocation;
    }

    /** An answer of {@code current/Me} that does not name the division: the reason says how. */
    private static final class NoDivision extends Exception {
        private static final long serialVersionUID = 1L;

        NoDivision(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Exact works in the division the admin chose in the consent: {@code current/Me}'s {@code CurrentDivision}, read as
     * Exact's REST API reference gives it (SystemSystemMe: a list, {@code {"d":{"results":[…]}}}, of the one signed-in
     * user; {@code CurrentDivision} an Edm.Int32).
     *
     * @throws NoDivision when the answer is not of that shape: a division guessed from it would have every sync read
     *     another company's books, or none
     * @throws IOException when Exact cannot be read
     */
    private String division(Settings.Of s, String accessToken) throws IOException, NoDivision {
        HttpFetcher.Response me = sync.fetcher(Platform.EXACT).send(new HttpFetcher.Request("GET",
                HttpFetcher.under(s.apiUrl(), "/api/v1/current/Me?$select=CurrentDivision"), Map.of("Accept", "application/json",
                        "Authorization", "Bearer " + accessToken), null));
        JsonNode results = Json.MAPPER.readTree(me.body()).path("d").path("results");
        if (!results.isArray()) {
            throw new NoDivision("its current/Me answered without d.results");
        }
        if (results.size() != 1) {
            throw new NoDivision("its current/Me answered " + results.size() + " users, not the one signed in");
        }
        JsonNode division = results.path(0).path("CurrentDivision");
        if (!division.isIntegralNumber() || !division.canConvertToInt() || division.intValue() <= 0) {
            throw new NoDivision("its current/Me names no CurrentDivision");
        }
        return String.valueOf(division.intValue());
    }

    /** The consent cookie: only to this platform's consent routes, not readable by scripts, sent on the way back. */
    private static String cookie(Platform platform, Settings.Of s, String value, Duration maxAge) {
        boolean https = s.redirectBase().map(b -> "https".equals(b.getScheme())).orElse(true);
        return cookieName(platform) + "=" + value + "; Path=/connections/" + platform.id() + "; Max-Age=" + maxAge.toSeconds()
                + "; HttpOnly; SameSite=Lax" + (https ? "; Secure" : "");
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return base64url(bytes);
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
