package io.creditguard.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import io.creditguard.json.Json;
import io.creditguard.validation.InputReader;
import io.creditguard.validation.InvalidInputException;

/**
 * The API Gateway HTTP API adapter every HTTP-triggered function goes through: route, decode,
 * check content type and size, read the body through {@link InputReader}, call, answer. Client errors become RFC 9457
 * problems; anything else a 500 problem with no internals, logged with the request id.
 */
@ApplicationScoped
public class ApiGateway {

    private static final Logger LOG = Logger.getLogger(ApiGateway.class);
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "cache-control", "no-store",
            "x-content-type-options", "nosniff");

    private final InputReader inputs;

    public ApiGateway(InputReader inputs) {
        this.inputs = inputs;
    }

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
        } catch (InvalidInputException e) {
            return problem(problem(e));
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
        requireJsonContentType(request);
        return route.handler().apply(inputs.read(request.bodyText(), route.bodyType()));
    }

    /** The problem answering an input that cannot be used; the kind of input fault picks the type. */
    public static Problem problem(InvalidInputException e) {
        ProblemType type = switch (e.kind()) {
            case MALFORMED -> ProblemType.MALFORMED_JSON;
            case UNREADABLE -> ProblemType.INVALID_BODY;
            case WRONG_TYPE -> ProblemType.INVALID_FIELD;
            case INVALID -> ProblemType.VALIDATION_FAILED;
        };
        return e.errors().isEmpty() ? Problem.of(type, e.getMessage()) : Problem.of(type, e.getMessage(), e.errors());
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
