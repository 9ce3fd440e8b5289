package io.creditguard.http;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP API route of a function: {@code POST /breakeven/loss} with the body type it reads and the
 * calculation it calls. The route key has API Gateway's form, so the same strings appear in the
 * SAM template, and a test holds the two together. A path segment in braces
 * ({@code /webhooks/standard/{source}}) matches any one segment and becomes a path parameter.
 *
 * <p>A JSON route's body is read and checked against its record's constraints
 * ({@link io.creditguard.validation.InputReader}) before the handler runs, so no body reaches a
 * calculator unchecked. A raw route's handler gets the {@link HttpRequest} itself, for bodies that
 * must be verified byte for byte (webhook signatures) or are not JSON; it may answer with an
 * {@code APIGatewayV2HTTPResponse} of its own.
 *
 * <p>A JSON route is the company's own API: it names the OAuth scope a caller's access token must
 * carry ({@code creditguard/credit-check}), which the template's JWT authorizer enforces and the
 * gateway adapter checks again. Raw routes (webhooks, with signatures of their own) and pages are
 * open, unless declared with a scope ({@code GET /connections}: the admin's API without a body).
 *
 * @param <T> the request body type; {@link HttpRequest} for a raw route
 * @param scope the scope a caller needs, or null for an open route
 * @param maxBodyBytes the largest body the route takes (after base64 decoding); a larger one is a 413
 * @param handler the body read and checked, and the request it came in (its headers, its path parameters)
 */
public record Route<T>(String method, String path, Class<T> bodyType, String scope, int maxBodyBytes,
        Handler<T> handler) {

    /**
     * What a route does with the body and the request. It may fail reading the store: the adapter answers a
     * {@link io.creditguard.store.StoreUnreadable} as the 500 it names, any other I/O failure as a 500 without
     * internals, so a handler passes the services' {@link IOException} on instead of wrapping it.
     */
    @FunctionalInterface
    public interface Handler<T> {
        Object answer(T body, HttpRequest request) throws IOException;
    }

    /** A handler that needs the body only, or of a raw route the request only. */
    @FunctionalInterface
    public interface BodyHandler<T> {
        Object answer(T body) throws IOException;
    }

    public static <T> Route<T> post(String path, Class<T> bodyType, String scope, BodyHandler<T> handler) {
        return post(path, bodyType, scope, HttpRequest.MAX_BODY_BYTES, ignoringRequest(handler));
    }

    /** A JSON route whose handler also reads the request (its {@code Accept-Language}), taking up to {@code maxBodyBytes}. */
    public static <T> Route<T> post(String path, Class<T> bodyType, String scope, int maxBodyBytes,
            Handler<T> handler) {
        if (maxBodyBytes > HttpRequest.MOST_BODY_BYTES) {
            throw new IllegalArgumentException(path + " may take at most " + HttpRequest.MOST_BODY_BYTES + " bytes");
        }
        return new Route<>("POST", path, bodyType, Objects.requireNonNull(scope), maxBodyBytes, handler);
    }

    /** A JSON route of another method ({@code PUT}, {@code PATCH}) whose handler also reads the request (its path, its caller). */
    public static <T> Route<T> json(String method, String path, Class<T> bodyType, String scope,
            Handler<T> handler) {
        return new Route<>(method, path, bodyType, Objects.requireNonNull(scope), HttpRequest.MAX_BODY_BYTES, handler);
    }

    public static Route<HttpRequest> postRaw(String path, BodyHandler<HttpRequest> handler) {
        return new Route<>("POST", path, HttpRequest.class, null, HttpRequest.MAX_BODY_BYTES, ignoringRequest(handler));
    }

    /** A page or file: the handler gets the request (headers such as Accept-Language) and answers itself. */
    public static Route<HttpRequest> get(String path, BodyHandler<HttpRequest> handler) {
        return new Route<>("GET", path, HttpRequest.class, null, HttpRequest.MAX_BODY_BYTES, ignoringRequest(handler));
    }

    /** A GET of the company's API that reads no body: the handler gets the request and its path parameters; the caller needs {@code scope}. */
    public static Route<HttpRequest> get(String path, String scope, BodyHandler<HttpRequest> handler) {
        return new Route<>("GET", path, HttpRequest.class, Objects.requireNonNull(scope), HttpRequest.MAX_BODY_BYTES,
                ignoringRequest(handler));
    }

    /** A DELETE of the company's API; the caller needs {@code scope}. */
    public static Route<HttpRequest> delete(String path, String scope, BodyHandler<HttpRequest> handler) {
        return new Route<>("DELETE", path, HttpRequest.class, Objects.requireNonNull(scope), HttpRequest.MAX_BODY_BYTES,
                ignoringRequest(handler));
    }

    /** The handler of a route that needs the body only (for a raw route the body is the request). */
    private static <T> Handler<T> ignoringRequest(BodyHandler<T> handler) {
        return (body, request) -> handler.answer(body);
    }

    public boolean isOpen() {
        return scope == null;
    }

    public boolean isRaw() {
        return bodyType == HttpRequest.class;
    }

    /** {@code "POST /breakeven/loss"}, as API Gateway writes a route key. */
    public String key() {
        return method + " " + path;
    }

    /** The path parameters if {@code requestPath} is this route's path, else empty. */
    public Optional<Map<String, String>> match(String requestPath) {
        String[] pattern = path.split("/", -1);
        String[] actual = requestPath.split("/", -1);
        if (pattern.length != actual.length) {
            return Optional.empty();
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i].startsWith("{") && pattern[i].endsWith("}")) {
                if (actual[i].isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(pattern[i].substring(1, pattern[i].length() - 1), actual[i]);
            } else if (!pattern[i].equals(actual[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(Map.copyOf(parameters));
    }
}
