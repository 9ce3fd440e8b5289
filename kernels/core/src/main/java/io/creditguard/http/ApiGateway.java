package io.creditguard.http;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.json.Json;
import io.creditguard.store.StoreBusy;
import io.creditguard.store.StoreUnreadable;
import io.creditguard.validation.InputReader;
import io.creditguard.validation.InvalidInputException;
import io.creditguard.validation.Refusal;
import io.quarkus.runtime.LaunchMode;

/**
 * The API Gateway HTTP API adapter every HTTP-triggered function goes through: route, check the
 * caller, decode, check content type and size, read the body through {@link InputReader}, call,
 * answer. Client errors become RFC 9457 problems (with the request as {@code instance},
 * {@code Content-Language: en}, {@code Allow} on a 405), a domain's {@link Refusal} a 404 or 409 naming the
 * field, a {@link StoreBusy} a 503; anything else a 500 problem with no internals, logged with the request id
 * (a {@link StoreUnreadable} says which record and what repairs it).
 *
 * <p>The caller: API Gateway's JWT authorizer has checked the token (signature, issuer, audience,
 * expiry, the route's scope) before the function runs; here the function checks again only what must
 * hold if the event did not come through that authorizer: an authorizer context naming a subject, the
 * configured issuer ({@code creditguard.auth.issuer}) and the route's scope. The check cannot be
 * switched off in a deployed function: it is skipped only in dev and test mode, where the local
 * gateway stands in for API Gateway. A token in the query string is refused everywhere (RFC 6750
 * §2.3: URLs end up in logs).
 */
@ApplicationScoped
public class ApiGateway {

    private static final Logger LOG = Logger.getLogger(ApiGateway.class);
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "cache-control", "no-store",
            "x-content-type-options", "nosniff");

    private final InputReader inputs;
    private final Optional<String> issuer;
    private final boolean enforced;

    @Inject
    public ApiGateway(InputReader inputs, @ConfigProperty(name = "creditguard.auth.issuer") Optional<String> issuer) {
        this(inputs, issuer, LaunchMode.current() == LaunchMode.NORMAL);
    }

    /**
     * For harnesses outside Quarkus (the benchmarks); a deployed function is built by CDI, always enforcing.
     *
     * @param enforced whether to check the caller
     */
    public ApiGateway(InputReader inputs, Optional<String> issuer, boolean enforced) {
        this.inputs = inputs;
        this.issuer = issuer.filter(i -> !i.isBlank());
        this.enforced = enforced;
    }

    /**
     * The event as Lambda delivers it, read without Jackson's data binding ({@link GatewayJson}), and the answer as
     * JSON: what a function's {@code @Funq} method passes on.
     */
    public JsonNode handle(JsonNode event, List<Route<?>> routes) {
        APIGatewayV2HTTPEvent read;
        try {
            read = GatewayJson.event(event);
        } catch (ProblemException e) {
            return GatewayJson.response(problem(e.problem()));
        }
        return GatewayJson.response(handle(read, routes));
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, List<Route<?>> routes) {
        String requestId = null;
        try {
            HttpRequest request = HttpRequest.from(event);
            requestId = request.requestId().orElse(null);
            Route<?> route = resolve(request, routes);
            request.requireBodyAtMost(route.maxBodyBytes());
            authorize(route, event, requestId);
            Object result = invoke(route, request.routedTo(route, route.match(request.path()).orElseThrow()));
            return result instanceof APIGatewayV2HTTPResponse response ? response : json(200, result);
        } catch (ProblemException e) {
            APIGatewayV2HTTPResponse response = problem(e.problem().at(requestId));
            response.getHeaders().putAll(e.headers());
            return response;
        } catch (InvalidInputException e) {
            return problem(problem(e).at(requestId));
        } catch (Refusal e) {
            return problem(Problem.of(e.why() == Refusal.Why.UNKNOWN ? ProblemType.NO_SUCH_RECORD : ProblemType.CONFLICT,
                    e.getMessage(), List.of(e.error())).at(requestId));
        } catch (StoreBusy e) {
            return problem(Problem.of(ProblemType.STORE_BUSY, e.getMessage()).at(requestId));
        } catch (StoreUnreadable e) {
            LOG.errorf(e, "request %s failed", requestId);
            return problem(Problem.of(ProblemType.INTERNAL_ERROR, e.getMessage()).at(requestId));
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "request %s failed", requestId);
            return problem(Problem.of(ProblemType.INTERNAL_ERROR,
                    "The request could not be completed. Quote request id " + requestId + " when reporting it.").at(requestId));
        }
    }

    private static Route<?> resolve(HttpRequest request, List<Route<?>> routes) {
        List<Route<?>> onPath = routes.stream().filter(r -> r.match(request.path()).isPresent()).toList();
        if (onPath.isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "There is no route " + request.path() + ".");
        }
        String allowed = onPath.stream().map(Route::method).distinct().collect(Collectors.joining(", "));
        return onPath.stream().filter(r -> r.method().equals(request.method())).findFirst()
                .orElseThrow(() -> new ProblemException(Problem.of(ProblemType.METHOD_NOT_ALLOWED, request.path()
                        + " accepts " + allowed + ", not " + request.method() + "."), Map.of("allow", allowed)));
    }

    private void authorize(Route<?> route, APIGatewayV2HTTPEvent event, String requestId) {
        if (route.isOpen()) {
            return;
        }
        String query = event.getRawQueryString() == null ? "" : event.getRawQueryString();
        if (("&" + query).contains("&access_token=")) {
            throw unauthorized("An access token in the query string is refused; send it as Authorization: Bearer <token>.");
        }
        Optional<Caller> caller = Caller.of(event);
        caller.ifPresent(c -> LOG.infof("request %s %s by %s (client %s, scopes %s)", requestId, route.key(), c.subject(),
                c.clientId(), c.scopes()));
        if (!enforced) {
            return;
        }
        if (caller.isEmpty()) {
            throw unauthorized("The request carries no verified caller; sign in and send the access token.");
        }
        if (issuer.isEmpty() || !issuer.get().equals(caller.get().issuer())) {
            throw unauthorized("The access token was not issued by this deployment's identity provider.");
        }
        if (!caller.get().scopes().contains(route.scope())) {
            throw new ProblemException(Problem.of(ProblemType.FORBIDDEN, route.key() + " needs the scope " + route.scope()
                    + ", which the access token does not grant."), Map.of("www-authenticate",
                    "Bearer error=\"insufficient_scope\", scope=\"" + route.scope() + "\""));
        }
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(ProblemType.UNAUTHORIZED, detail), Map.of("www-authenticate", "Bearer"));
    }

    private <T> Object invoke(Route<T> route, HttpRequest request) throws IOException {
        if (route.isRaw()) {
            return route.handler().answer(route.bodyType().cast(request), request);
        }
        requireJsonContentType(request);
        return route.handler().answer(inputs.read(request.bodyText(), route.bodyType()), request);
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

    /**
     * JSON in UTF-8: a charset parameter, if any, names UTF-8, its value a token or a quoted string (RFC 9110 §8.3.1:
     * {@code charset="utf-8"} is {@code charset=utf-8}).
     */
    private static void requireJsonContentType(HttpRequest request) {
        String contentType = request.header("content-type").orElse("");
        String[] parts = contentType.split(";");
        String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
        boolean json = mediaType.equals("application/json") || mediaType.endsWith("+json");
        boolean utf8 = true;
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset")) {
                String value = parameter.length < 2 ? "" : parameter[1].trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                utf8 &= value.equalsIgnoreCase("utf-8");
            }
        }
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
        APIGatewayV2HTTPResponse response = response(problem.status(), "application/problem+json", Json.write(problem));
        response.getHeaders().put("content-language", "en");
        return response;
    }

    /** An HTML page with the given extra headers (a Content-Security-Policy, say) on top of the usual ones. */
    public static APIGatewayV2HTTPResponse html(String page, Map<String, String> headers) {
        return html(200, page, headers);
    }

    /** An HTML page answering {@code status}, as a page that says why a browser's request could not be done. */
    public static APIGatewayV2HTTPResponse html(int status, String page, Map<String, String> headers) {
        APIGatewayV2HTTPResponse response = response(status, "text/html; charset=utf-8", page);
        response.getHeaders().putAll(headers);
        return response;
    }

    /** A 302 to {@code location}, for a browser sent on to another site. */
    public static APIGatewayV2HTTPResponse redirect(String location) {
        APIGatewayV2HTTPResponse response = response(302, "text/plain", "");
        response.getHeaders().put("location", location);
        return response;
    }

    /** {@code response} setting {@code cookies} (each a {@code Set-Cookie} value); payload 2.0 carries them apart from the headers. */
    public static APIGatewayV2HTTPResponse withCookies(APIGatewayV2HTTPResponse response, java.util.List<String> cookies) {
        response.setCookies(java.util.List.copyOf(cookies));
        return response;
    }

    /** A text document (the OpenAPI description) with the usual headers. */
    public static APIGatewayV2HTTPResponse text(String contentType, String body) {
        return response(200, contentType, body);
    }

    /** A file (a letter's PDF) as API Gateway passes bytes: base64 in the event, the bytes to the caller. */
    public static APIGatewayV2HTTPResponse file(String contentType, String fileName, byte[] content) {
        APIGatewayV2HTTPResponse response = response(200, contentType, java.util.Base64.getEncoder().encodeToString(content));
        response.setIsBase64Encoded(true);
        response.getHeaders().put("content-disposition", "inline; filename=\"" + fileName + "\"");
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
