package io.creditguard;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/** What the tests' local stand-ins for outside servers (publishers, identity provider) share. */
public final class LocalHttp {

    private LocalHttp() {
    }

    /** Answers {@code exchange} with {@code status} and {@code body} as UTF-8 of media type {@code type}. */
    public static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        send(exchange, status, type, body, Map.of());
    }

    /** {@link #send(HttpExchange, int, String, String)} with more headers; an empty body is sent as none. */
    public static void send(HttpExchange exchange, int status, String type, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        // The JDK server reads a length of 0 as "chunked"; -1 is no body at all.
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The names and values of a query string or a form body ({@code application/x-www-form-urlencoded}), decoded. */
    public static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
