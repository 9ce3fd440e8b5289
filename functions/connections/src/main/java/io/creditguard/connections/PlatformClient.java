package io.creditguard.connections;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.json.Json;
import io.creditguard.outbound.HttpFetcher;
import io.creditguard.outbound.TokenEndpoint;

/**
 * One sync's calls to one platform's API: each a GET with the connection's bearer token (a 401 gets one
 * new token and one more try), through the platform's {@link HttpFetcher} (its documented pace, retries on
 * 429 and 5xx as {@code Retry-After} asks). An answer that is not complete JSON (an HTML error page, a
 * truncated body) fails the call like an outage does. Once the time budget is spent no batch starts: a
 * batch begun is read to its end (at most a page's worth past the budget), so every sync moves the cursor.
 */
final class PlatformClient {

    /** The sync stops here and the next one goes on from the cursor: the time budget or the day's allowance ran out. */
    static final class Stop extends Exception {
        private static final long serialVersionUID = 1L;

        Stop(String reason) {
            super(reason, null, false, false);
        }
    }

    private final Settings.Of settings;
    private final ConnectionStore tokens;
    private final TokenEndpoint endpoint;
    private final HttpFetcher http;
    private final Clock clock;
    private final Instant deadline;
    private int requests;
    private HttpFetcher.Response last;

    /**
     * @param http the API, at the platform's pace
     * @param oauth the platform's token endpoint
     */
    PlatformClient(Settings.Of settings, ConnectionStore tokens, HttpFetcher http, HttpFetcher oauth, Instant deadline,
            Clock clock) {
        this.settings = settings;
        this.tokens = tokens;
        this.endpoint = new TokenEndpoint(oauth);
        this.http = http;
        this.clock = clock;
        this.deadline = deadline;
    }

    Platform platform() {
        return settings.platform();
    }

    /** @throws Stop when the time budget is spent: no further batch starts */
    void beginBatch() throws Stop {
        if (!clock.instant().isBefore(deadline)) {
            throw new Stop("the sync's time budget ran out; the next sync goes on from the cursor");
        }
    }

    /**
     * The JSON answer to {@code GET <api-url><pathAndQuery>}.
     *
     * @throws ConnectionStore.NeedsConsent when the platform refuses the refresh token
     * @throws IOException when the platform cannot be read: an outage, a refusal, HTML, a truncated answer
     */
    JsonNode get(String pathAndQuery) throws IOException {
        URI uri = HttpFetcher.under(settings.apiUrl(), pathAndQuery);
        String token = tokens.accessToken(platform(), this::refresh, Optional.empty());
        HttpFetcher.Response response;
        try {
            response = send(uri, token);
        } catch (HttpFetcher.FetchException e) {
            if (e.status() != 401) {
                throw e;
            }
            response = send(uri, tokens.accessToken(platform(), this::refresh, Optional.of(token)));
        }
        last = response;
        String media = HttpFetcher.mediaType(response.contentType()).orElse("");
        if (!media.equals("application/json") && !media.endsWith("+json")) {
            throw new IOException(uri.getPath() + " answered " + (media.isEmpty() ? "without a content type" : media)
                    + ", not JSON");
        }
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new IOException(uri.getPath() + " answered JSON that is not complete: " + e.getOriginalMessage());
        }
    }

    private HttpFetcher.Response send(URI uri, String token) throws HttpFetcher.FetchException {
        requests++;
        return http.send(new HttpFetcher.Request("GET", uri, Map.of("Accept", "application/json", "Authorization",
                "Bearer " + token), null));
    }

    private TokenEndpoint.Tokens refresh(String refreshToken) throws IOException {
        return endpoint.request(settings.tokenUrl(), settings.client().orElseThrow(), Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken));
    }

    /** A header of the last answer (Exact's {@code X-RateLimit-Remaining}). */
    Optional<String> header(String name) {
        return last == null ? Optional.empty() : last.header(name);
    }

    int requests() {
        return requests;
    }
}
