package io.creditguard.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

/**
 * Bounded requests to the services creditguard reads from (the rate publishers, Xero, the invoicing
 * platforms): a connect timeout, a timeout for the whole answer, a size limit, and retries with
 * doubling backoff for what may pass (a timeout, a refused connection, 429, 5xx), waiting as long as a
 * 429's or 503's {@code Retry-After} asks when that is longer, up to a minute. Anything else (4xx, a
 * body over the limit) fails at once. Never follows a redirect: the base URLs are configuration, and an
 * answer must come from them. With a {@link RateLimit} every attempt first takes a permit, held until its
 * answer is read, so a platform's documented limit is kept rather than discovered; every wait goes through the
 * {@link Sleeper}.
 */
public final class HttpFetcher {

    private static final Logger LOG = Logger.getLogger(HttpFetcher.class);

    /**
     * @param attempts tries in all, at least one
     * @param backoff the wait before the second try; it doubles for each further one
     */
    public record Limits(Duration connectTimeout, Duration readTimeout, int attempts, Duration backoff, int maxBytes) {
    }

    /** The longest {@code Retry-After} honoured; a server asking for more is given up on. */
    private static final Duration MOST_RETRY_AFTER = Duration.ofSeconds(60);

    /** A request: a GET, or a POST of a form. */
    public record Request(String method, URI uri, Map<String, String> headers, byte[] body) {

        public static Request get(URI uri, String accept) {
            return new Request("GET", uri, Map.of("Accept", accept), null);
        }
    }

    /** A body received with status 2xx, its content type and the answer's headers. */
    public record Response(int status, String contentType, byte[] body, HttpHeaders headers) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** A header's first value, by case-insensitive name. */
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /**
     * Why a fetch failed after its retries, for the caller's report. The message names the URL and what
     * went wrong, never a body; the body of a refusal is kept apart for callers that must read a
     * documented error answer (an OAuth {@code invalid_grant}).
     */
    public static final class FetchException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final transient String refusal;

        public FetchException(String message) {
            this(message, 0, null, null);
        }

        public FetchException(String message, int status, Throwable cause) {
            this(message, status, cause, null);
        }

        FetchException(String message, int status, Throwable cause, String refusal) {
            super(message, cause);
            this.status = status;
            this.refusal = refusal;
        }

        /** The last HTTP status, or 0 when no answer came. */
        public int status() {
            return status;
        }

        /** The body of the last answer when it was a 4xx refusal. */
        public Optional<String> refusal() {
            return Optional.ofNullable(refusal);
        }
    }

    /** Made on the first request: a function that never calls out pays nothing for a client's TLS setup. */
    private volatile HttpClient client;
    private final Limits limits;
    private final Sleeper sleeper;
    private final Optional<RateLimit> pace;

    public HttpFetcher(Limits limits) {
        this(limits, Sleeper.SYSTEM, Optional.empty());
    }

    /**
     * @param sleeper how to wait out backoffs, {@code Retry-After} and the pace
     * @param pace the server's documented rate limit, taken before every attempt
     */
    public HttpFetcher(Limits limits, Sleeper sleeper, Optional<RateLimit> pace) {
        this.limits = limits;
        this.sleeper = sleeper;
        this.pace = pace;
    }

    private HttpClient client() {
        HttpClient made = client;
        if (made == null) {
            synchronized (this) {
                made = client;
                if (made == null) {
                    made = HttpClient.newBuilder().connectTimeout(limits.connectTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                    client = made;
                }
            }
        }
        return made;
    }

    /**
     * @param accept the media type asked for
     * @throws FetchException naming the URL and what went wrong on the last try
     */
    public Response get(URI uri, String accept) throws FetchException {
        return send(Request.get(uri, accept));
    }

    /** @throws FetchException naming the URL and what went wrong on the last try */
    public Response send(Request request) throws FetchException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(limits.readTimeout())
                .header("User-Agent", "creditguard");
        request.headers().forEach(builder::header);
        builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        HttpRequest http = builder.build();
        URI uri = request.uri();
        String failure = null;
        int status = 0;
        Throwable cause = null;
        String refusal = null;
        Duration wait = Duration.ZERO;
        int tries = 0;
        for (int attempt = 1; attempt <= limits.attempts(); attempt++) {
            tries = attempt;
            if (attempt > 1) {
                Duration backoff = limits.backoff().multipliedBy(1L << (attempt - 2));
                pause(wait.compareTo(backoff) > 0 ? wait : backoff);
            }
            RateLimit.Permit permit = null;
            try {
                if (pace.isPresent()) {
                    permit = pace.get().acquire();
                }
                HttpResponse<byte[]> response = answer(http, uri);
                status = response.statusCode();
                byte[] body = response.body();
                if (status >= 200 && status < 300) {
                    return new Response(status, response.headers().firstValue("Content-Type").orElse(""), body,
                            response.headers());
                }
                failure = "HTTP " + status;
                if (status != 429 && status < 500) {
                    refusal = new String(body, StandardCharsets.UTF_8);
                    break;
                }
                Optional<Duration> asked = retryAfter(response);
                if (asked.isPresent() && asked.get().compareTo(MOST_RETRY_AFTER) > 0) {
                    failure += " asking to wait " + asked.get().toSeconds() + " s";
                    break;
                }
                wait = asked.orElse(Duration.ZERO);
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
                throw new FetchException(uri + ": interrupted", 0, e);
            } finally {
                if (permit != null) {
                    permit.close();
                }
            }
            LOG.warnf("%s %s: %s (attempt %d of %d)", request.method(), uri, failure, attempt, limits.attempts());
        }
        throw new FetchException(uri + ": " + failure + " after " + tries + " attempt(s)", status, cause, refusal);
    }

    /** {@code Retry-After} in seconds (the form Xero and most APIs send); a date form is not waited for. */
    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v.strip())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * The whole answer, its body included, within the read timeout. The request's own timeout ends when the headers
     * arrive: a server that sends them and then its body a byte at a time would otherwise hold the caller until the
     * function's own timeout.
     */
    private HttpResponse<byte[]> answer(HttpRequest http, URI uri) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> answer = client().sendAsync(http, info -> new Bounded(uri, limits.maxBytes()));
        try {
            return answer.get(limits.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true); // since JDK 16 this also closes the exchange
            throw new HttpTimeoutException("the answer did not arrive whole within " + limits.readTimeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    /** A body of at most {@code maxBytes}, refused as soon as it grows past them rather than once read whole. */
    private static final class Bounded implements HttpResponse.BodySubscriber<byte[]> {
        private final URI uri;
        private final int maxBytes;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Bounded(URI uri, int maxBytes) {
            this.uri = uri;
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (body.isDone()) {
                    return;
                }
                if (received.size() + (long) buffer.remaining() > maxBytes) {
                    subscription.cancel();
                    body.completeExceptionally(new FetchException(uri + ": the answer is larger than " + maxBytes + " bytes"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                received.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(received.toByteArray());
        }
    }

    private void pause(Duration wait) throws FetchException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted while waiting to retry", 0, e);
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

    /**
     * {@code path} (with its query) under {@code base}, however many slashes a configured base ends
     * in: {@code under(URI.create("https://api.example/v1/"), "/data/X")} is {@code https://api.example/v1/data/X}.
     */
    public static URI under(String base, String path) {
        return URI.create(base.replaceAll("/+$", "") + path);
    }

    /** {@link #under(String, String)} for a configured base URI. */
    public static URI under(URI base, String path) {
        return under(base.toString(), path);
    }
}
