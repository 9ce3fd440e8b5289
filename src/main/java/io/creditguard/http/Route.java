package io.creditguard.http;

import java.util.function.Function;

/**
 * One HTTP API route of a function: {@code POST /breakeven/loss} with the body type it reads and the
 * calculation it calls. The route key has API Gateway's form, so the same strings appear in the
 * SAM template, and a test holds the two together.
 *
 * @param <T> the request body type, validated before the handler runs
 */
public record Route<T>(String method, String path, Class<T> bodyType, Function<T, ?> handler) {

    public static <T> Route<T> post(String path, Class<T> bodyType, Function<T, ?> handler) {
        return new Route<>("POST", path, bodyType, handler);
    }

    /** {@code "POST /breakeven/loss"}, as API Gateway writes a route key. */
    public String key() {
        return method + " " + path;
    }
}
