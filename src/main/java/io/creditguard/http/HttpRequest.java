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
 * case-insensitive headers, path and query parameters, the caller and the decoded body.
 */
public final class HttpRequest {

    /** API Gateway's HTTP API takes up to 10 MB; no request of ours needs more than 1 MiB. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private final String method;
    private final String path;
    private final Map<String, String> headers;
    private final Map<String, String> pathParameters;
    private final String requestId;
    private final Map<String, String> query;
    private final Optional<Caller> caller;
    private final byte[] body;

    private HttpRequest(String method, String path, Map<String, String> headers, Map<String, String> pathParameters,
            String requestId, Map<String, String> query, Optional<Caller> caller, byte[] body) {
        this.method = method;
        this.path = path;
        this.headers = headers;
        this.pathParameters = pathParameters;
        this.requestId = requestId;
        this.query = query;
        this.caller = caller;
        this.body = body;
    }

    /**
     * Reads the event. Decodes a base64 body when the event says so.
     *
     * @throws ProblemException 400 when a base64 body is not base64, 413 when the body exceeds 1 MiB
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
                requestId, query(event.getRawQueryString()), Caller.of(event), decodeBody(event));
    }

    /** The query string's parameters, decoded; the first of a repeated name counts. */
    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            String[] nameValue = pair.split("=", 2);
            try {
                parameters.putIfAbsent(java.net.URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                        nameValue.length > 1 ? java.net.URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
            } catch (IllegalArgumentException e) {
                throw new ProblemException(ProblemType.INVALID_FIELD, "The query string is not validly encoded: " + pair);
            }
        }
        return parameters;
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
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                    "The body has " + bytes.length + " bytes; at most " + MAX_BODY_BYTES + " are accepted.");
        }
        return bytes;
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

    /** This request with {@code parameters} added to those API Gateway sent (the local gateway sends none). */
    public HttpRequest withPathParameters(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new java.util.HashMap<>(parameters);
        merged.putAll(pathParameters);
        return new HttpRequest(method, path, headers, Map.copyOf(merged), requestId, query, caller, body);
    }

    /** A parameter of the query string ({@code ?sort=exposure}), decoded. */
    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /** Who called, as the JWT authorizer vouched for it; absent where nothing checked a token (the local gateway without an issuer). */
    public Optional<Caller> caller() {
        return caller;
    }

    public Optional<String> pathParameter(String name) {
        return Optional.ofNullable(pathParameters.get(name));
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
