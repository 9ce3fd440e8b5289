package io.creditguard.connections;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import io.creditguard.LocalHttp;

/**
 * The OAuth 2.0 server every platform stand-in shares, behaving as the platforms document theirs: an
 * authorization page that hands out a code for the redirect URI and state it was given (and, with PKCE,
 * the challenge), codes used once, access tokens that expire, and refresh tokens that rotate on every use
 * and are dead once used: a reused or unknown one is {@code invalid_grant}. Client authentication by HTTP
 * Basic or in the form, as the platform takes it.
 */
final class OAuthStandIn {

    static {
        // The JDK's server writes headers and body apart; without TCP_NODELAY each answer waits out the
        // client's delayed ACK (40 ms), which a test of a thousand requests would feel.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private record Grant(String redirectUri, String challenge) {
    }

    private final String clientId;
    private final String clientSecret;
    private final boolean basic;
    private final Clock clock;
    private final Duration accessLifetime;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Set<String> usedRefreshTokens = ConcurrentHashMap.newKeySet();
    private volatile String refreshToken;
    private volatile String accessToken;
    private volatile Instant accessExpires = Instant.EPOCH;
    final AtomicInteger refreshes = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    volatile boolean revoked;
    volatile Map<String, String> lastAuthorizeQuery = Map.of();
    /** The token answers' {@code expires_in} as JSON text, where a test sets one; else the lifetime's seconds. */
    volatile String expiresIn;
    private HttpServer server;
    private ExecutorService threads;
    private String authorizePath;
    private String tokenPath;
    private String revokePath;

    OAuthStandIn(String clientId, String clientSecret, boolean basic, Clock clock, Duration accessLifetime) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.basic = basic;
        this.clock = clock;
        this.accessLifetime = accessLifetime;
    }

    /**
     * Starts the platform's server on a free local port: this OAuth server at the paths the platform documents
     * ({@code revokePath} null where it offers no revocation) and its API under {@code apiPrefix}.
     */
    void serve(String authorizePath, String tokenPath, String revokePath, String apiPrefix, HttpHandler api, int threadCount) {
        this.authorizePath = authorizePath;
        this.tokenPath = tokenPath;
        this.revokePath = revokePath;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.threads = Executors.newFixedThreadPool(threadCount);
        server.setExecutor(this.threads);
        server.createContext(authorizePath, this::authorize);
        server.createContext(tokenPath, this::token);
        if (revokePath != null) {
            server.createContext(revokePath, this::revoke);
        }
        server.createContext(apiPrefix, api);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** What a deployment sets to use the stand-in for {@code platform}: its endpoints here and the client. */
    Map<String, String> config(Platform platform) {
        String prefix = "creditguard." + platform.id() + ".";
        Map<String, String> config = new java.util.HashMap<>(Map.of(prefix + "api-url", base().toString(),
                prefix + "authorize-url", base() + authorizePath, prefix + "token-url", base() + tokenPath,
                platform.secretName("CLIENT_ID"), clientId, platform.secretName("CLIENT_SECRET"), clientSecret));
        if (revokePath != null) {
            config.put(prefix + "revoke-url", base() + revokePath);
        }
        return Map.copyOf(config);
    }

    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** The consent page: the platform's own login and approval, here one link back with a code. */
    void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> q = LocalHttp.form(exchange.getRequestURI().getRawQuery());
        lastAuthorizeQuery = q;
        if (!clientId.equals(q.get("client_id")) || !"code".equals(q.get("response_type")) || q.get("redirect_uri") == null) {
            LocalHttp.send(exchange, 400, "text/html", "<p>bad authorization request</p>");
            return;
        }
        String code = "code-" + UUID.randomUUID();
        codes.put(code, new Grant(q.get("redirect_uri"), q.get("code_challenge")));
        String back = q.get("redirect_uri") + "?code=" + code + "&state=" + q.get("state");
        LocalHttp.send(exchange, 200, "text/html; charset=utf-8", "<!DOCTYPE html><html><body><h1>Godkänn</h1>"
                + "<a id=\"approve\" href=\"" + back + "\">Godkänn &amp; aktivera</a>"
                + "<a id=\"decline\" href=\"" + q.get("redirect_uri") + "?error=access_denied&state=" + q.get("state")
                + "\">Avbryt</a></body></html>");
    }

    /** The code a test gets by following the consent page's link. */
    String approve(Map<String, String> authorizeQuery) {
        lastAuthorizeQuery = authorizeQuery;
        String code = "code-" + UUID.randomUUID();
        codes.put(code, new Grant(authorizeQuery.get("redirect_uri"), authorizeQuery.get("code_challenge")));
        return code;
    }

    void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = LocalHttp.form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!clientAuthenticated(exchange, form)) {
            LocalHttp.send(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        synchronized (this) {
            switch (form.getOrDefault("grant_type", "")) {
                case "authorization_code" -> {
                    Grant grant = codes.remove(form.getOrDefault("code", ""));
                    if (grant == null || !grant.redirectUri().equals(form.get("redirect_uri"))
                            || (grant.challenge() != null && !grant.challenge().equals(challenge(form.get("code_verifier"))))) {
                        refused.incrementAndGet();
                        LocalHttp.send(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
                        return;
                    }
                    issue(exchange);
                }
                case "refresh_token" -> {
                    String given = form.getOrDefault("refresh_token", "");
                    if (revoked || !given.equals(refreshToken) || usedRefreshTokens.contains(given)) {
                        refused.incrementAndGet();
                        LocalHttp.send(exchange, 400, "application/json",
                                "{\"error\":\"invalid_grant\",\"error_description\":\"the refresh token was used or is unknown\"}");
                        return;
                    }
                    usedRefreshTokens.add(given);
                    refreshes.incrementAndGet();
                    issue(exchange);
                }
                default -> LocalHttp.send(exchange, 400, "application/json", "{\"error\":\"unsupported_grant_type\"}");
            }
        }
    }

    void revoke(HttpExchange exchange) throws IOException {
        Map<String, String> form = LocalHttp.form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!clientAuthenticated(exchange, form)) {
            LocalHttp.send(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        if (form.getOrDefault("token", "").equals(refreshToken)) {
            revoked = true;
        }
        LocalHttp.send(exchange, 200, "application/json", "{\"revoked\":true}");
    }

    private void issue(HttpExchange exchange) throws IOException {
        refreshToken = "refresh-" + UUID.randomUUID();
        accessToken = "access-" + UUID.randomUUID();
        accessExpires = clock.instant().plus(accessLifetime);
        LocalHttp.send(exchange, 200, "application/json", "{\"access_token\":\"" + accessToken + "\",\"refresh_token\":\""
                + refreshToken + "\",\"expires_in\":" + (expiresIn == null ? accessLifetime.toSeconds() : expiresIn)
                + ",\"token_type\":\"bearer\"}");
    }

    /** Whether the request carries the access token last issued, unexpired. */
    boolean authorized(HttpExchange exchange) {
        String bearer = exchange.getRequestHeaders().getFirst("Authorization");
        return !revoked && accessToken != null && ("Bearer " + accessToken).equals(bearer)
                && clock.instant().isBefore(accessExpires);
    }

    /** Makes the access token run out now, as an hour passing would. */
    void expireAccessToken() {
        accessExpires = clock.instant();
    }

    String currentRefreshToken() {
        return refreshToken;
    }

    private boolean clientAuthenticated(HttpExchange exchange, Map<String, String> form) {
        if (basic) {
            String expected = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
                    .getBytes(StandardCharsets.UTF_8));
            return expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
        }
        return clientId.equals(form.get("client_id")) && clientSecret.equals(form.get("client_secret"));
    }

    private static String challenge(String verifier) {
        if (verifier == null) {
            return null;
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
