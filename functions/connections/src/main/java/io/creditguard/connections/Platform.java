package io.creditguard.connections;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import io.creditguard.outbound.TokenEndpoint;

/**
 * The invoicing platforms creditguard connects to with one consent, and what differs between their
 * OAuth servers and APIs. Every fact is the vendor's, as cited in README (Connections).
 *
 * <ul>
 * <li>Fortnox: the token endpoint takes the client by HTTP Basic; its documented authorization parameters
 * have no PKCE; refresh tokens are single-use and live 45 days; revocation of the refresh token at
 * {@code /oauth-v1/revoke}; 25 requests in any 5 seconds per client and tenant.
 * <li>Exact Online: the client in the form (as Exact's own and the public clients send it); no PKCE or scope in
 * its authorization request; access tokens live 10 minutes and a new one may be asked for only once they
 * have nearly run out (at most one per 9.5 minutes), so the margin is 30 seconds; no revocation endpoint;
 * 60 calls a minute and 5 000 a day per company.
 * <li>Visma eAccounting (Spiris): its identity server (IdentityServer) takes the client by Basic, PKCE
 * (RFC 7636) and RFC 7009 revocation; refresh tokens are single-use; 600 calls a minute per endpoint.
 * </ul>
 */
public enum Platform {
    /** {@code access_type=offline}: without it Fortnox issues no refresh token. */
    FORTNOX("Fortnox", TokenEndpoint.ClientAuth.BASIC, false, Duration.ofSeconds(60), 25, Duration.ofSeconds(5),
            Map.of("access_type", "offline")),
    EXACT("Exact Online", TokenEndpoint.ClientAuth.FORM, false, Duration.ofSeconds(30), 60, Duration.ofMinutes(1), Map.of()),
    VISMA("Visma eAccounting", TokenEndpoint.ClientAuth.BASIC, true, Duration.ofSeconds(60), 600, Duration.ofMinutes(1),
            Map.of());

    private final String title;
    private final TokenEndpoint.ClientAuth clientAuth;
    private final boolean pkce;
    private final Duration refreshMargin;
    private final int permits;
    private final Duration window;
    private final Map<String, String> authorizeExtras;

    Platform(String title, TokenEndpoint.ClientAuth clientAuth, boolean pkce, Duration refreshMargin, int permits,
            Duration window, Map<String, String> authorizeExtras) {
        this.title = title;
        this.clientAuth = clientAuth;
        this.pkce = pkce;
        this.refreshMargin = refreshMargin;
        this.permits = permits;
        this.window = window;
        this.authorizeExtras = authorizeExtras;
    }

    /** As in routes, keys, config and JSON: {@code fortnox}, {@code exact}, {@code visma}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As a finance user knows it. */
    public String title() {
        return title;
    }

    TokenEndpoint.ClientAuth clientAuth() {
        return clientAuth;
    }

    /** Whether the authorization request carries a PKCE challenge (S256) and the code exchange its verifier. */
    boolean pkce() {
        return pkce;
    }

    /** How long before an access token expires a new one is asked for. */
    Duration refreshMargin() {
        return refreshMargin;
    }

    /** The platform's documented request rate: {@link #permits()} in any {@link #window()}. */
    int permits() {
        return permits;
    }

    Duration window() {
        return window;
    }

    /** Parameters of the authorization request beyond the standard ones. */
    Map<String, String> authorizeExtras() {
        return authorizeExtras;
    }

    /** The environment variable holding the client id ({@code FORTNOX_CLIENT_ID}) or secret. */
    String secretName(String what) {
        return name() + "_" + what;
    }

    /** The platform a path names, in any case; empty for anything else. */
    public static Optional<Platform> of(String id) {
        for (Platform p : values()) {
            if (p.id().equalsIgnoreCase(id)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
