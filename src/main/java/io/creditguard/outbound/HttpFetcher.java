package io.creditguard.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.jboss.logging.Logger;

/**
 * Bounded GETs to the publishers creditguard reads from: a connect timeout, a timeout for the whole
 * answer, a size limit, and retries with doubling backoff for what may pass (a timeout, a refused
 * connection, 429, 5xx). Anything else (4xx, a body over the limit) fails at once. Never follows a
 * redirect to another host: the base URLs are configuration, and an answer must come from them.
 */
public final class HttpFetcher {

    private static final Logger LOG = Logger.getLogger(HttpFetcher.class);

    /**
     * @param attempts tries in all, at least one
     * @param backoff the wait before the second try; it doubles for each further one
     */
    public record Limits(Duration connectTimeout, Duration readTimeout, int attempts, Duration backoff, int maxBytes) {
    }

    /** A body received with status 2xx, and its content type. */
    public record Response(int status, String contentType, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Why a fetch failed after its retries, for the caller's report. */
    public static final class FetchException extends IOException {
        private static final long serialVersionUID = 1L;

        public FetchException(String message) {
            super(message);
        }

        public FetchException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpClient client;
    private final Limits limits;

    public HttpFetcher(Limits limits) {
        this.limits = limits;
        this.client = HttpClient.newBuilder().connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * @param accept the media type asked for
     * @throws FetchException naming the URL and what went wrong on the last try
     */
    public Response get(URI uri, String accept) throws FetchException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(limits.readTimeout()).header("Accept", accept)
                .header("User-Agent", "creditguard").GET().build();
        String failure = null;
        Throwable cause = null;
        for (int attempt = 1; attempt <= limits.attempts(); attempt++) {
            if (attempt > 1) {
                pause(limits.backoff().multipliedBy(1L << (attempt - 2)));
            }
            try {
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                byte[] body = read(response.body(), uri);
                if (status >= 200 && status < 300) {
                    return new Response(status, response.headers().firstValue("Content-Type").orElse(""), body);
                }
                failure = "HTTP " + status;
                if (status != 429 && status < 500) {
                    break;
                }
            } catch (HttpTimeoutException e) {
                failure = "no answer within " + limits.readTimeout().toMillis() + " ms";
                cause = e;
            } catch (FetchException e) {
                throw e;
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                cause = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException(uri + ": interrupted", e);
            }
            LOG.warnf("GET %s: %s (attempt %d of %d)", uri, failure, attempt, limits.attempts());
        }
        throw new FetchException(uri + ": " + failure + " after " + limits.attempts() + " attempt(s)", cause);
    }

    private byte[] read(InputStream in, URI uri) throws IOException {
        try (in) {
            byte[] body = in.readNBytes(limits.maxBytes() + 1);
            if (body.length > limits.maxBytes()) {
                throw new FetchException(uri + ": the answer is larger than " + limits.maxBytes() + " bytes");
            }
            return body;
        }
    }

    private static void pause(Duration wait) throws FetchException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted while waiting to retry", e);
        }
    }

    /** The header's value as a type and subtype only, without parameters, in lower case. */
    public static Optional<String> mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return Optional.empty();
        }
        int semicolon = contentType.indexOf(';');
        return Optional.of((semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip()
                .toLowerCase(java.util.Locale.ROOT));
    }
}
