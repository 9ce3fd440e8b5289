package io.creditguard.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * API Gateway's HTTP API event (payload 2.0) and the function's answer, read and written as JSON trees field by
 * field. Jackson could map both onto the AWS classes itself, but building its deserializers for the event's seven
 * classes and a serializer for the answer is work a function's first event pays for on the plain JVM
 * (docs/performance.md, "API Gateway's event as a JSON tree": 25–50 ms of a cold start); a tree costs nothing to set up.
 *
 * <p>Read are the fields a route handler sees through {@link HttpRequest} and {@link Caller}: {@code routeKey},
 * {@code rawPath}, {@code rawQueryString}, {@code cookies}, {@code headers}, {@code pathParameters}, {@code body},
 * {@code isBase64Encoded}, and of {@code requestContext} the {@code requestId}, {@code http.method} and the JWT
 * authorizer's {@code claims} and {@code scopes}. The rest (stage, source IP, times) nothing reads. A field that is
 * absent or {@code null} is absent; a field of the wrong JSON type is refused, naming it.
 */
final class GatewayJson {

    private GatewayJson() {
    }

    /**
     * The event as the AWS event classes hold it.
     *
     * @throws ProblemException 400 when a field has a JSON type payload 2.0 does not give it
     */
    static APIGatewayV2HTTPEvent event(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw wrongType("$", "an object");
        }
        APIGatewayV2HTTPEvent read = new APIGatewayV2HTTPEvent();
        read.setRouteKey(text(event, "routeKey", "$"));
        read.setRawPath(text(event, "rawPath", "$"));
        read.setRawQueryString(text(event, "rawQueryString", "$"));
        read.setCookies(texts(event, "cookies", "$"));
        read.setHeaders(textMap(event, "headers", "$"));
        read.setPathParameters(textMap(event, "pathParameters", "$"));
        read.setBody(text(event, "body", "$"));
        JsonNode base64 = present(event, "isBase64Encoded");
        if (base64 != null && !base64.isBoolean()) {
            throw wrongType("$.isBase64Encoded", "true or false");
        }
        read.setIsBase64Encoded(base64 != null && base64.booleanValue());
        JsonNode context = object(event, "requestContext", "$");
        if (context != null) {
            RequestContext readContext = new RequestContext();
            readContext.setRequestId(text(context, "requestId", "$.requestContext"));
            JsonNode http = object(context, "http", "$.requestContext");
            if (http != null) {
                RequestContext.Http readHttp = new RequestContext.Http();
                readHttp.setMethod(text(http, "method", "$.requestContext.http"));
                readContext.setHttp(readHttp);
            }
            JsonNode authorizer = object(context, "authorizer", "$.requestContext");
            JsonNode jwt = authorizer == null ? null : object(authorizer, "jwt", "$.requestContext.authorizer");
            if (jwt != null) {
                String at = "$.requestContext.authorizer.jwt";
                readContext.setAuthorizer(Authorizer.builder().withJwt(Authorizer.JWT.builder()
                        .withClaims(claims(jwt, at)).withScopes(texts(jwt, "scopes", at)).build()).build());
            }
            read.setRequestContext(readContext);
        }
        return read;
    }

    /** The answer as Lambda hands it back to API Gateway: status, headers, cookies, body and its encoding. */
    static JsonNode response(APIGatewayV2HTTPResponse response) {
        ObjectNode written = JsonNodeFactory.instance.objectNode();
        written.put("statusCode", response.getStatusCode());
        if (response.getHeaders() != null) {
            ObjectNode headers = written.putObject("headers");
            response.getHeaders().forEach(headers::put);
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(written.putArray("cookies")::add);
        }
        if (response.getBody() != null) {
            written.put("body", response.getBody());
        }
        written.put("isBase64Encoded", response.getIsBase64Encoded());
        return written;
    }

    /**
     * API Gateway passes the token's claims as strings; one it renders otherwise (a list, a number) is kept as its
     * JSON text rather than refused, since the authorizer has already accepted the token.
     */
    private static Map<String, String> claims(JsonNode jwt, String at) {
        JsonNode claims = object(jwt, "claims", at);
        if (claims == null) {
            return null;
        }
        Map<String, String> read = new HashMap<>();
        claims.fields().forEachRemaining(f -> read.put(f.getKey(), f.getValue().isTextual() ? f.getValue().textValue()
                : f.getValue().toString()));
        return read;
    }

    private static Map<String, String> textMap(JsonNode parent, String field, String at) {
        JsonNode map = object(parent, field, at);
        if (map == null) {
            return null;
        }
        Map<String, String> read = new HashMap<>();
        map.fields().forEachRemaining(f -> read.put(f.getKey(), textOf(f.getValue(), at + "." + field + "." + f.getKey())));
        return read;
    }

    private static List<String> texts(JsonNode parent, String field, String at) {
        JsonNode list = present(parent, field);
        if (list == null) {
            return null;
        }
        if (!list.isArray()) {
            throw wrongType(at + "." + field, "a list of strings");
        }
        List<String> read = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            read.add(textOf(list.get(i), at + "." + field + "[" + i + "]"));
        }
        return read;
    }

    private static String text(JsonNode parent, String field, String at) {
        JsonNode value = present(parent, field);
        return value == null ? null : textOf(value, at + "." + field);
    }

    private static String textOf(JsonNode value, String at) {
        if (!value.isTextual()) {
            throw wrongType(at, "a string");
        }
        return value.textValue();
    }

    private static JsonNode object(JsonNode parent, String field, String at) {
        JsonNode value = present(parent, field);
        if (value != null && !value.isObject()) {
            throw wrongType(at + "." + field, "an object");
        }
        return value;
    }

    private static JsonNode present(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private static ProblemException wrongType(String at, String expected) {
        return new ProblemException(ProblemType.INVALID_FIELD, "The event's " + at + " must be " + expected
                + ", as API Gateway's HTTP API (payload 2.0) sends it.");
    }
}
