package io.creditguard;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;

/** What the tests' local stand-ins for outside servers (publishers, identity provider) share. */
public final class LocalHttp {

    private LocalHttp() {
    }

    /** Answers {@code exchange} with {@code status} and {@code body} as UTF-8 of media type {@code type}. */
    public static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
