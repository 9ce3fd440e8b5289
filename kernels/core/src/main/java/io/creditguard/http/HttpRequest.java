package io.creditguard.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

/**
 * What a route handler sees of an API Gateway HTTP API (payload 2.0) request: method, path,
 * case-insensitive headers, path and query parameters, cookies, the caller the authorizer vouched
 * for, and the decoded body.
 */
public final class HttpRequest {

    /** API Gateway's HTTP API takes up to 10 MB; a route takes up to 1 MiB unless it says otherwise. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /**
     * The most any route takes: a synchronous Lambda invocation carries at most 6 MB, the event's envelope
     * included, so 5 MiB of body (an uploaded annual report, base64 in JSON) is as far as it goes.
     */
    public static final int MOST_BODY_BYTES = 5 * 1024 * 1024;

    private final String method;
    private final String path;
    private final Map<String, String> headers;
    private final Map<String, String> pathParameters;
    private final String requestId;
    private final byte[] body;
    private final String query;
    private final Map<String, String> cookies;
    private final Optional<Caller> caller;
    private final String route;

    private HttpRequest(String method, String path, Map<String, String> headers, Map<String, String> pathParameters,
            String requestId, byte[] body, String query, Map<String, String> cookies, Optional<Caller> caller,
            String route) {
        this.method = method;
        this.path = path;
        this.headers = headers;
        this.pathParameters = pathParameters;
        this.requestId = requestId;
        this.body = body;
        this.query = query;
        this.cookies = cookies;
        this.caller = caller;
        this.route = route;
    }

    /**
     * Reads the event. Decodes a base64 body when the event says so.
     *
     * @throws ProblemException 400 when a base64 body is not base64, 413 when the body exceeds {@link #MOST_BODY_BYTES}
     */
    public static HttpRequest from(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        String method = context != null && context.getHttp() != null ? context.getHttp().getMethod() : null;
        String path = event.getRawPath();
        if ((method == null || path == null) && event.getRouteKey() != null && event.getRouteKey().contains(" ")) {
            String[] key = event.getRouteKey().split(" ", 2);
            method = method == null ? key[0] : method;
            path = path == null ? key[1] : path;
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (event.getHeaders() != null) {
            headers.putAll(event.getHeaders());
        }
        String requestId = context != null ? context.getRequestId() : null;
        return new HttpRequest(method == null ? "" : method.toUpperCase(Locale.ROOT), path == null ? "/" : path,
                headers, event.getPathParameters() == null ? Map.of() : Map.copyOf(event.getPathParameters()),
                requestId, decodeBody(event), event.getRawQueryString() == null ? "" : event.getRawQueryString(),
                cookies(event, headers), Caller.of(event), null);
    }

    /** Payload 2.0 moves the Cookie header into {@code cookies}, one {@code name=value} each; either is read. */
    private static Map<String, String> cookies(APIGatewayV2HTTPEvent event, Map<String, String> headers) {
        Map<String, String> cookies = new TreeMap<>();
        java.util.List<String> pairs = new java.util.ArrayList<>();
        if (event.getCookies() != null) {
            pairs.addAll(event.getCookies());
        }
        headers.getOrDefault("cookie", "").lines().flatMap(l -> java.util.Arrays.stream(l.split(";"))).forEach(pairs::add);
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                cookies.putIfAbsent(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
        }
        return cookies;
    }

    private static byte[] decodeBody(APIGatewayV2HTTPEvent event) {
        String raw = event.getBody();
        if (raw == null) {
            return new byte[0];
        }
        byte[] bytes;
        if (event.getIsBase64Encoded()) {
            try {
                bytes = Base64.getMimeDecoder().decode(raw);
            } catch (IllegalArgumentException e) {
                throw new ProblemException(ProblemType.INVALID_BODY,
                        "The event marks the body as base64, but it is not valid base64.");
            }
        } else {
            bytes = raw.getBytes(StandardCharsets.UTF_8);
        }
        requireAtMost(bytes.length, MOST_BODY_BYTES);
        return bytes;
    }

    /** @throws ProblemException 413 when the body is larger than {@code maxBytes}, the route's limit */
    public void requireBodyAtMost(int maxBytes) {
        requireAtMost(body.length, maxBytes);
    }

    private static void requireAtMost(int length, int maxBytes) {
        if (length > maxBytes) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                    "The body has " + length + " bytes; at most " + maxBytes + " are accepted.");
        }
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /**
     * This request as {@code route} answers it: the route's path parameters, as its path's segments, under those API
     * Gateway sent (decoded; an event built without them keeps the segments as they are), and the route named
     * ({@link #route()}).
     */
    HttpRequest routedTo(Route<?> route, Map<String, String> parameters) {
        Map<String, String> merged = new java.util.HashMap<>(parameters);
        merged.putAll(pathParameters);
        return new HttpRequest(method, path, headers, Map.copyOf(merged), requestId, body, query, cookies, caller,
                route.key());
    }

    /**
     * The route that answers this request as API Gateway names it, e.g. {@code PUT /customers/{id}/limit}: what a
     * record of who changed what names as the way it came in.
     *
     * @throws IllegalStateException before the gateway has routed it
     */
    public String route() {
        if (route == null) {
            throw new IllegalStateException("not routed yet");
        }
        return route;
    }

    public Optional<String> pathParameter(String name) {
        return Optional.ofNullable(pathParameters.get(name));
    }

    /** The query parameter's first value, percent-decoded (RFC 3986, {@code +} as a space as forms send it). */
    public Optional<String> queryParameter(String name) {
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (!key.isEmpty() && decode(key).equals(name)) {
                return Optional.of(equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return Optional.empty();
    }

    private static String decode(String text) {
        try {
            return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.INVALID_FIELD, "The query string is not valid percent-encoding.");
        }
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    /** Who called, as the authorizer wrote it into the event; absent on open routes and locally without sign-in. */
    public Optional<Caller> caller() {
        return caller;
    }

    /**
     * Who asked, as a record of a change keeps it: the token's subject and client, or {@code anonymous} where no
     * authorizer vouched for the caller (the local gateway without sign-in).
     */
    public String callerDescription() {
        return caller.map(c -> c.subject() + (c.clientId() == null ? "" : " (client " + c.clientId() + ")"))
                .orElse("anonymous (no authorizer: the local gateway without sign-in)");
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** The body exactly as sent (after base64 decoding). */
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body as UTF-8 text.
     *
     * @throws ProblemException 400 when the bytes are not valid UTF-8
     */
    public String bodyText() {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(ProblemType.INVALID_BODY, "The body is not valid UTF-8.");
        }
    }
}
