package io.creditguard.http;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.creditguard.LocalHttp;
import io.creditguard.json.Json;

/**
 * A small OpenID Connect provider for the tests, on a free loopback port: discovery, a JWKS with one
 * RSA key, an authorization endpoint with a sign-in form, and a token endpoint that hands out RS256
 * access tokens for an authorization code only with the PKCE verifier (RFC 7636, S256) the
 * authorization request's challenge was made from. What a real provider (Cognito, Entra ID, Keycloak)
 * does for the web form, and nothing else.
 */
public final class LocalOidcProvider implements AutoCloseable {

    public static final String CLIENT_ID = "creditguard-web-form";
    static final String KEY_ID = "test-key-1";

    private record Grant(String clientId, String redirectUri, String challenge, String scope, String subject) {
    }

    private final HttpServer server;
    private final KeyPair keys;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile boolean expiredTokens;
    private volatile String grantedScope;

    public LocalOidcProvider() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/jwks", this::jwks);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public URI authorizeUrl() {
        return URI.create(issuer() + "/authorize");
    }

    public URI tokenUrl() {
        return URI.create(issuer() + "/token");
    }

    /** The configuration a deployment sets, pointing at this provider. */
    public Map<String, String> config() {
        return Map.of("creditguard.auth.issuer", issuer(), "creditguard.auth.audience", CLIENT_ID,
                "creditguard.auth.client-id", CLIENT_ID, "creditguard.auth.authorize-url", authorizeUrl().toString(),
                "creditguard.auth.token-url", tokenUrl().toString());
    }

    /** From now on, tokens that expired an hour ago (as if the user came back after lunch). */
    public void issueExpiredTokens(boolean expired) {
        this.expiredTokens = expired;
    }

    /** From now on, tokens granting {@code scope} whatever was asked (a user the company gave less); null: what was asked. */
    public void grantOnly(String scope) {
        this.grantedScope = scope;
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    /** An access token as this provider issues them, for tests that call the API directly. */
    public String token(String subject, String scope, Instant expires) {
        Map<String, Object> header = Map.of("alg", "RS256", "typ", "JWT", "kid", KEY_ID);
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", issuer());
        claims.put("sub", subject);
        claims.put("client_id", CLIENT_ID);
        claims.put("token_use", "access");
        claims.put("scope", scope);
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("exp", expires.getEpochSecond());
        String signingInput = base64url(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + base64url(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64url(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void discovery(HttpExchange exchange) throws IOException {
        LocalHttp.send(exchange, 200, "application/json", Json.write(Map.of("issuer", issuer(), "authorization_endpoint",
                authorizeUrl().toString(), "token_endpoint", tokenUrl().toString(), "jwks_uri", issuer() + "/jwks",
                "response_types_supported", new String[] {"code"}, "code_challenge_methods_supported", new String[] {"S256"})));
    }

    private void jwks(HttpExchange exchange) throws IOException {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        LocalHttp.send(exchange, 200, "application/json", Json.write(Map.of("keys", new Object[] {Map.of("kty", "RSA", "kid", KEY_ID,
                "use", "sig", "alg", "RS256", "n", base64url(unsigned(key.getModulus())), "e",
                base64url(unsigned(key.getPublicExponent())))})));
    }

    /** GET shows the sign-in form; POST (the form) signs in and sends the browser back with a code. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = LocalHttp.form(exchange.getRequestURI().getRawQuery());
        if (exchange.getRequestMethod().equals("GET")) {
            if (!CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))
                    || !"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null) {
                LocalHttp.send(exchange, 400, "text/plain", "invalid_request: a public client must use the code flow with PKCE S256");
                return;
            }
            StringBuilder hidden = new StringBuilder();
            query.forEach((k, v) -> hidden.append("<input type=\"hidden\" name=\"").append(k).append("\" value=\"")
                    .append(v.replace("\"", "&quot;")).append("\">"));
            LocalHttp.send(exchange, 200, "text/html; charset=utf-8", "<!DOCTYPE html><html><body><h1>Sign in</h1>"
                    + "<form method=\"post\" action=\"/authorize\">" + hidden + "<label>User <input id=\"username\" name=\"username\">"
                    + "</label><button id=\"login\" type=\"submit\">Sign in</button></form></body></html>");
            return;
        }
        Map<String, String> posted = LocalHttp.form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(posted.get("client_id"), posted.get("redirect_uri"), posted.get("code_challenge"),
                posted.get("scope"), posted.get("username")));
        exchange.getResponseHeaders().set("Location", posted.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(posted.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
        }
        Map<String, String> form = LocalHttp.form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = form.get("code") == null ? null : codes.remove(form.get("code"));
        if (grant == null || !"authorization_code".equals(form.get("grant_type")) || !grant.clientId().equals(form.get("client_id"))
                || !grant.redirectUri().equals(form.get("redirect_uri")) || form.get("code_verifier") == null
                || !grant.challenge().equals(challenge(form.get("code_verifier")))) {
            LocalHttp.send(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        tokensIssued.incrementAndGet();
        Instant expires = expiredTokens ? Instant.now().minusSeconds(3600) : Instant.now().plusSeconds(3600);
        LocalHttp.send(exchange, 200, "application/json", Json.write(Map.of("access_token", token(grant.subject(),
                grantedScope == null ? grant.scope() : grantedScope, expires),
                "token_type", "Bearer", "expires_in", 3600)));
    }

    private static String challenge(String verifier) {
        try {
            return base64url(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }


    @Override
    public void close() {
        server.stop(0);
    }
}
