package io.creditguard.http;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.json.Json;
import io.creditguard.outbound.HttpFetcher;

/**
 * What API Gateway's JWT authorizer does, for the local gateway: an RS256 access token in
 * {@code Authorization: Bearer}, signed by a key of the issuer's JWKS (found through its OpenID
 * discovery document), issued by {@code issuer}, for {@code audience} ({@code aud}, or Cognito's
 * {@code client_id}), not expired, and granting the route's scope. Its claims become the event's
 * {@code requestContext.authorizer.jwt}, as on AWS.
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html)
 */
final class JwtAuthorizer {

    /** Why a token was refused: 401, or 403 for a valid token without the scope. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean forbidden;

        Refused(String message, boolean forbidden) {
            super(message);
            this.forbidden = forbidden;
        }
    }

    /** The claims as API Gateway passes them (strings) and the token's scopes. */
    record Verified(Map<String, String> claims, List<String> scopes) {
    }

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final String issuer;
    private final String audience;
    private final Clock clock;
    private final HttpFetcher http = new HttpFetcher(new HttpFetcher.Limits(Duration.ofSeconds(5), Duration.ofSeconds(10),
            2, Duration.ofMillis(200), 1 << 20));
    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();

    JwtAuthorizer(String issuer, String audience, Clock clock) {
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    Verified verify(String authorization, String scope) throws Refused {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Refused("no Authorization: Bearer token", false);
        }
        String[] parts = authorization.substring(7).trim().split("\\.");
        if (parts.length != 3) {
            throw new Refused("the token is not a signed JWT", false);
        }
        JsonNode header = part(parts[0]);
        JsonNode payload = part(parts[1]);
        if (!"RS256".equals(header.path("alg").asText())) {
            throw new Refused("the token is not signed with RS256", false);
        }
        PublicKey key = key(header.path("kid").asText(""));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw new Refused("the token's signature does not verify", false);
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Refused("the token's signature does not verify", false);
        }
        if (!issuer.equals(payload.path("iss").asText())) {
            throw new Refused("the token was issued by " + payload.path("iss").asText() + ", not " + issuer, false);
        }
        boolean forUs = audience.equals(payload.path("client_id").asText());
        for (JsonNode aud : payload.path("aud").isArray() ? payload.path("aud") : List.of(payload.path("aud"))) {
            forUs |= audience.equals(aud.asText());
        }
        if (!forUs) {
            throw new Refused("the token is for another audience", false);
        }
        // NumericDates (RFC 7519 §2) compared as seconds: a signed exp or nbf beyond any Instant is a claim to refuse
        // or accept like any other, not a date to build.
        long now = clock.instant().getEpochSecond();
        JsonNode exp = payload.path("exp");
        if (!exp.isNumber() || !exp.canConvertToLong() || exp.asLong() < now - CLOCK_SKEW.getSeconds()) {
            throw new Refused("the token has expired", false);
        }
        JsonNode nbf = payload.path("nbf");
        if (!nbf.isMissingNode() && (!nbf.isNumber() || !nbf.canConvertToLong()
                || nbf.asLong() > now + CLOCK_SKEW.getSeconds())) {
            throw new Refused("the token is not valid yet", false);
        }
        List<String> scopes = List.of(payload.path("scope").asText("").trim().split("\\s+"));
        if (scope != null && !scopes.contains(scope)) {
            throw new Refused("the token does not grant " + scope, true);
        }
        Map<String, String> claims = new LinkedHashMap<>();
        payload.fields().forEachRemaining(e -> claims.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText()
                : e.getValue().toString()));
        return new Verified(claims, scopes);
    }

    private static JsonNode part(String base64) throws Refused {
        try {
            return Json.MAPPER.readTree(Base64.getUrlDecoder().decode(base64));
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new Refused("the token is not a JWT", false);
        }
    }

    /** The issuer's key {@code kid}, read from its JWKS (once per key id). */
    private PublicKey key(String kid) throws Refused {
        PublicKey known = keys.get(kid);
        if (known != null) {
            return known;
        }
        try {
            JsonNode discovery = Json.MAPPER.readTree(http.get(HttpFetcher.under(issuer, "/.well-known/openid-configuration"),
                    "application/json").body());
            JsonNode jwks = Json.MAPPER.readTree(http.get(URI.create(discovery.path("jwks_uri").asText()), "application/json")
                    .body());
            Map<String, PublicKey> found = new HashMap<>();
            for (JsonNode jwk : jwks.path("keys")) {
                if ("RSA".equals(jwk.path("kty").asText())) {
                    BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("n").asText()));
                    BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("e").asText()));
                    found.put(jwk.path("kid").asText(""), KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e)));
                }
            }
            keys.putAll(found);
        } catch (java.io.IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new Refused("the issuer's keys could not be read: " + e.getMessage(), false);
        }
        PublicKey key = keys.get(kid);
        if (key == null) {
            throw new Refused("no key " + kid + " in the issuer's JWKS", false);
        }
        return key;
    }
}
