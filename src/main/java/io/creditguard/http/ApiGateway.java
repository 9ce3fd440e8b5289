package io.creditguard.http;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * The API Gateway HTTP API adapter every HTTP-triggered function goes through: route, decode,
 * check content type and size, map JSON, validate, call, answer. Client errors become RFC 9457
 * problems; anything else a 500 problem with no internals, logged with the request id.
 */
@ApplicationScoped
public class ApiGateway {

    private static final Logger LOG = Logger.getLogger(ApiGateway.class);
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "cache-control", "no-store",
            "x-content-type-options", "nosniff");

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, List<Route<?>> routes) {
        String requestId = null;
        try {
            HttpRequest request = HttpRequest.from(event);
            requestId = request.requestId().orElse(null);
            Route<?> route = resolve(request, routes);
            Object result = invoke(route, request.withPathParameters(route.match(request.path()).orElseThrow()));
            return result instanceof APIGatewayV2HTTPResponse response ? response : json(200, result);
        } catch (ProblemException e) {
            return problem(e.problem());
        } catch (RuntimeException e) {
            LOG.errorf(e, "request %s failed", requestId);
            return problem(Problem.of(ProblemType.INTERNAL_ERROR,
                    "The request could not be completed. Quote request id " + requestId + " when reporting it."));
        }
    }

    private static Route<?> resolve(HttpRequest request, List<Route<?>> routes) {
        List<Route<?>> onPath = routes.stream().filter(r -> r.match(request.path()).isPresent()).toList();
        if (onPath.isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "There is no route " + request.path() + ".");
        }
        return onPath.stream().filter(r -> r.method().equals(request.method())).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.METHOD_NOT_ALLOWED, request.path() + " accepts "
                        + onPath.stream().map(Route::method).collect(Collectors.joining(", ")) + ", not "
                        + request.method() + "."));
    }

    private <T> Object invoke(Route<T> route, HttpRequest request) {
        if (route.isRaw()) {
            return route.handler().apply(route.bodyType().cast(request));
        }
        Checked body = readJson(request, route.bodyType().asSubclass(Checked.class)); // Route.post admits no other
        return route.handler().apply(route.bodyType().cast(body));
    }

    /**
     * The body as {@code type}, validated.
     *
     * @throws ProblemException 415 unless the content type is JSON; 400 for malformed JSON, a body
     *     that is not an object, or a field of the wrong type; 422 for constraint violations
     */
    public <T extends Checked> T readJson(HttpRequest request, Class<T> type) {
        requireJsonContentType(request);
        String text = request.bodyText();
        if (text.isBlank()) {
            throw new ProblemException(ProblemType.INVALID_BODY, "The request body is empty; send a JSON object.");
        }
        T value;
        try {
            var tree = Json.MAPPER.readTree(text);
            if (tree == null || !tree.isObject()) {
                throw new ProblemException(ProblemType.INVALID_BODY,
                        "The request body must be a JSON object, not " + describe(tree) + ".");
            }
            value = Json.MAPPER.treeToValue(tree, type);
        } catch (StreamConstraintsException e) {
            throw new ProblemException(ProblemType.INVALID_BODY, "The request body exceeds a parser limit: "
                    + "at most " + Json.MAX_NESTING_DEPTH + " levels of nesting, " + Json.MAX_NUMBER_LENGTH
                    + " characters per number and " + Json.MAX_STRING_LENGTH + " per string.");
        } catch (StreamReadException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The request body is not valid JSON: "
                    + e.getOriginalMessage().split("\n")[0] + location(e));
        } catch (MismatchedInputException e) {
            if (e.getPath().isEmpty()) {
                throw new ProblemException(ProblemType.MALFORMED_JSON, "The request body is not one JSON object: "
                        + e.getOriginalMessage().split("\n")[0]);
            }
            String field = JsonPaths.of(e.getPath());
            String message = JsonPaths.expectation(e.getTargetType());
            throw new ProblemException(Problem.of(ProblemType.INVALID_FIELD, field + " " + message,
                    List.of(new Problem.FieldError(field, message))));
        } catch (DatabindException e) {
            String field = e instanceof JsonMappingException m ? JsonPaths.of(m.getPath()) : "$";
            throw new ProblemException(Problem.of(ProblemType.INVALID_FIELD, field + " has an invalid value",
                    List.of(new Problem.FieldError(field, "has an invalid value"))));
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The request body is not valid JSON.");
        } catch (IOException e) {
            throw new IllegalStateException("reading an in-memory string failed", e);
        }
        validate(value);
        return value;
    }

    private static void validate(Checked value) {
        FieldErrors errors = new FieldErrors();
        Checks.check(value, "$", errors);
        errors.throwIfAny();
    }

    private static void requireJsonContentType(HttpRequest request) {
        String contentType = request.header("content-type").orElse("");
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        boolean json = mediaType.equals("application/json") || mediaType.endsWith("+json");
        String params = contentType.contains(";") ? contentType.split(";", 2)[1].toLowerCase(Locale.ROOT) : "";
        boolean utf8 = !params.contains("charset") || params.replace(" ", "").contains("charset=utf-8");
        if (!json || !utf8) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, (contentType.isEmpty()
                    ? "The request has no Content-Type." : "Content-Type " + contentType + " is not accepted.")
                    + " Send Content-Type: application/json with a UTF-8 JSON body.");
        }
    }

    private static String describe(com.fasterxml.jackson.databind.JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        return node.isArray() ? "an array" : node.isTextual() ? "a string" : node.isNumber() ? "a number"
                : node.isBoolean() ? "a boolean" : "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String location(StreamReadException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return response(status, "application/json", Json.write(body));
    }

    public static APIGatewayV2HTTPResponse problem(Problem problem) {
        return response(problem.status(), "application/problem+json", Json.write(problem));
    }

    /** An HTML page with the given extra headers (a Content-Security-Policy, say) on top of the usual ones. */
    public static APIGatewayV2HTTPResponse html(String page, Map<String, String> headers) {
        APIGatewayV2HTTPResponse response = response(200, "text/html; charset=utf-8", page);
        response.getHeaders().putAll(headers);
        return response;
    }

    /** A 200 with no body, as some webhook senders expect to confirm an endpoint. */
    public static APIGatewayV2HTTPResponse emptyOk() {
        return response(200, "text/plain", "");
    }

    private static APIGatewayV2HTTPResponse response(int status, String contentType, String body) {
        var headers = new java.util.HashMap<>(SECURITY_HEADERS);
        headers.put("content-type", contentType);
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers).withBody(body)
                .withIsBase64Encoded(false).build();
    }
}
