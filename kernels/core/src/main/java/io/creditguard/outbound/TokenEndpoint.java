package io.creditguard.outbound;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.json.Json;

/**
 * An OAuth 2.0 token endpoint (RFC 6749 §3.2): every grant creditguard asks for (Xero's client
 * credentials, the platforms' authorization code and refresh token) is one form POST through
 * {@link HttpFetcher}, its answer read as §5.1 defines it, a refusal as §5.2 does ({@code invalid_grant}
 * and its kin, {@link Refused}). A revocation is RFC 7009's. No token or secret reaches a message, a log
 * or a {@code toString}.
 */
public final class TokenEndpoint {

    /** How the client proves itself (RFC 6749 §2.3.1): HTTP Basic, or the id and secret in the form. */
    public enum ClientAuth {
        BASIC, FORM
    }

    /** A confidential client's credentials. */
    public record Client(String id, String secret, ClientAuth auth) {

        @Override
        public String toString() {
            return "client " + id;
        }
    }

    /**
     * An access token answer.
     *
     * @param refreshToken present when the server issued one (it rotates: each use of a refresh token
     *     issues the next, and the used one is dead)
     */
    public record Tokens(String accessToken, Optional<String> refreshToken, Duration expiresIn, String scope) {

        @Override
        public String toString() {
            return "tokens expiring in " + expiresIn.toSeconds() + " s" + (refreshToken.isPresent() ? ", with a refresh token"
                    : "");
        }
    }

    /** The server refused the grant with an OAuth error ({@code invalid_grant}: a used, revoked or expired code or token). */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        private final String error;

        Refused(URI endpoint, int status, String error) {
            super(endpoint + " refused the grant: HTTP " + status + " " + error);
            this.error = error;
        }

        /** The OAuth error code, such as {@code invalid_grant}. */
        public String error() {
            return error;
        }
    }

    /** What a token answer without a usable {@code expires_in} is taken to last: what every server creditguard asks documents. */
    static final Duration USUAL_LIFETIME = Duration.ofHours(1);

    /**
     * The longest a token is taken to last, whatever its answer says: creditguard's servers issue tokens for an hour or
     * less, and a token used past its real end costs one 401 and a new grant, where a lifetime beyond what a date can
     * hold would fail the grant's bookkeeping after a rotating refresh token was spent.
     */
    static final Duration LONGEST_LIFETIME = Duration.ofDays(1);

    /** An OAuth error code (RFC 6749 §5.2): printable ASCII without {@code "} and {@code \}, of a sane length. */
    private static final Pattern ERROR_CODE = Pattern.compile("[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]{1,64}");

    private final HttpFetcher http;

    public TokenEndpoint(HttpFetcher http) {
        this.http = http;
    }

    /**
     * Asks for tokens.
     *
     * @param grant the grant's parameters ({@code grant_type} and what it needs)
     * @throws Refused when the server refuses with an OAuth error
     * @throws HttpFetcher.FetchException when it cannot be reached, fails, or answers without an access token
     */
    public Tokens request(URI endpoint, Client client, Map<String, String> grant) throws IOException {
        HttpFetcher.Response response;
        try {
            response = http.send(post(endpoint, client, grant));
        } catch (HttpFetcher.FetchException e) {
            Optional<Refused> refused = refusal(endpoint, e);
            if (refused.isPresent()) {
                throw refused.get();
            }
            throw e;
        }
        JsonNode body = json(response.text());
        String access = body == null ? "" : body.path("access_token").asText("");
        if (access.isEmpty()) {
            throw new HttpFetcher.FetchException(endpoint + ": the answer carries no access_token");
        }
        String refresh = body.path("refresh_token").asText("");
        return new Tokens(access, refresh.isEmpty() ? Optional.empty() : Optional.of(refresh),
                lifetime(body.path("expires_in")), body.path("scope").asText(""));
    }

    /**
     * A token answer's {@code expires_in} (RFC 6749 §5.1: its lifetime in seconds, a number, or a string holding one as
     * some servers send it) as a lifetime from zero to {@link #LONGEST_LIFETIME}: a negative one is over now, one beyond
     * the bound is the bound; absent or anything else, {@link #USUAL_LIFETIME}.
     */
    public static Duration lifetime(JsonNode expiresIn) {
        // As a double: exact enough for seconds, and a figure such as 1e400 is infinity, not an endless computation.
        double seconds = expiresIn.isNumber() || expiresIn.isTextual() ? expiresIn.asDouble(Double.NaN) : Double.NaN;
        if (Double.isNaN(seconds)) {
            return USUAL_LIFETIME;
        }
        return Duration.ofSeconds((long) Math.max(0, Math.min(seconds, LONGEST_LIFETIME.toSeconds())));
    }

    /**
     * Revokes a token (RFC 7009 §2.1).
     *
     * @param hint {@code refresh_token} or {@code access_token}
     */
    public void revoke(URI endpoint, Client client, String token, String hint) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token);
        form.put("token_type_hint", hint);
        http.send(post(endpoint, client, form));
    }

    private static HttpFetcher.Request post(URI endpoint, Client client, Map<String, String> parameters) {
        Map<String, String> form = new LinkedHashMap<>(parameters);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("Accept", "application/json");
        if (client.auth() == ClientAuth.BASIC) {
            // RFC 6749 §2.3.1: id and secret form-encoded before they are joined.
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString((encode(client.id()) + ":"
                    + encode(client.secret())).getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", client.id());
            form.put("client_secret", client.secret());
        }
        return new HttpFetcher.Request("POST", endpoint, headers, form(form).getBytes(StandardCharsets.UTF_8));
    }

    /** An {@code application/x-www-form-urlencoded} body (or query) of the parameters, in order. */
    public static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An RFC 6749 §5.2 error answer (400, or 401 for a client the server does not know) as a refusal. */
    private static Optional<Refused> refusal(URI endpoint, HttpFetcher.FetchException e) {
        if (e.status() != 400 && e.status() != 401) {
            return Optional.empty();
        }
        JsonNode body = e.refusal().map(TokenEndpoint::json).orElse(null);
        String error = body == null ? "" : body.path("error").asText("");
        return error.isEmpty() ? Optional.empty() : Optional.of(new Refused(endpoint, e.status(), errorCode(error)));
    }

    /**
     * What a refusal's {@code error} is shown as: the code when it is one (RFC 6749 §5.2: printable ASCII without
     * {@code "} or {@code \}; the codes it defines are at most 22 characters), else {@code unreadable_error}: no
     * server's free text reaches a log, a connection's status or the page a consent ends on (the {@code error} a
     * platform sends the browser back with, RFC 6749 §4.1.2.1, is read the same way).
     */
    public static String errorCode(String error) {
        return ERROR_CODE.matcher(error).matches() ? error : "unreadable_error";
    }

    private static JsonNode json(String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
