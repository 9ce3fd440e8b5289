package io.creditguard.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.creditguard.json.Json;
import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * A stand-in for API Gateway on a developer's machine: serves every route of every
 * {@link HttpFunction} on one port, wrapping each request into the payload-2.0 event API Gateway
 * would send and invoking the function that owns the route. Enabled only where
 * {@code creditguard.local-gateway.port} is set (the dev and test profiles); never in Lambda, whose
 * builds (the prod profile) leave the bean out altogether, so a cold start does not create it.
 *
 * <p>With {@code creditguard.auth.issuer} and {@code creditguard.auth.audience} set it checks access
 * tokens as API Gateway's JWT authorizer does ({@link JwtAuthorizer}) and passes the claims on in the
 * event; without them it says at start that authentication is off and the API routes are open here.
 */
@ApplicationScoped
@UnlessBuildProfile("prod")
public class LocalGateway {

    private static final Logger LOG = Logger.getLogger(LocalGateway.class);
    /** Where a developer fires a scheduled function by hand, with the schedule's input as the body. */
    static final String SCHEDULE_PATH = "/_schedule/";

    private final Optional<Integer> port;
    private final Instance<HttpFunction> functions;
    private final Instance<ScheduledFunction> scheduled;
    private final Clock clock;
    private final Optional<JwtAuthorizer> authorizer;
    private HttpServer server;

    LocalGateway(@ConfigProperty(name = "creditguard.local-gateway.port") Optional<Integer> port,
            Instance<HttpFunction> functions, Instance<ScheduledFunction> scheduled, Clock clock,
            @ConfigProperty(name = "creditguard.auth.issuer") Optional<String> issuer,
            @ConfigProperty(name = "creditguard.auth.audience") Optional<String> audience) {
        this.port = port;
        this.functions = functions;
        this.scheduled = scheduled;
        this.clock = clock;
        this.authorizer = issuer.filter(i -> !i.isBlank()).flatMap(i -> audience.filter(a -> !a.isBlank())
                .map(a -> new JwtAuthorizer(i, a, clock)));
    }

    void start(@Observes StartupEvent event) throws IOException {
        if (port.isEmpty()) {
            return;
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port.get()), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::serve);
        server.createContext(SCHEDULE_PATH, this::fireSchedule);
        server.start();
        LOG.infof("local API gateway on http://localhost:%d/ serving %s; scheduled functions fire on POST %s<name>: %s",
                port.get(), functions.stream().flatMap(f -> f.routes().stream()).map(Route::key).toList(), SCHEDULE_PATH,
                scheduled.stream().map(ScheduledFunction::exportName).toList());
        if (authorizer.isEmpty()) {
            LOG.warn("authentication is off in the local gateway (no creditguard.auth.issuer and audience): the API routes "
                    + "are open here. A deployed stack always requires tokens: API Gateway's JWT authorizer checks them.");
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (server != null) {
            server.stop(0);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            byte[] requestBody;
            try (InputStream in = exchange.getRequestBody()) {
                requestBody = in.readNBytes(HttpRequest.MOST_BODY_BYTES + 1);
            }
            // As API Gateway routes by method and path (PATCH /invoices/{invoiceId} beside POST /invoices/peppol);
            // a path served for other methods goes to its function, which answers 405.
            APIGatewayV2HTTPResponse response = functions.stream()
                    .filter(f -> f.routes().stream().anyMatch(r -> r.match(path).isPresent() && r.method().equals(method)))
                    .findFirst()
                    .or(() -> functions.stream().filter(f -> f.routes().stream().anyMatch(r -> r.match(path).isPresent()))
                            .findFirst())
                    .map(f -> invoke(f, exchange, method, path, requestBody))
                    .orElseGet(() -> ApiGateway.problem(Problem.of(ProblemType.NOT_FOUND,
                            "There is no route " + path + ".")));
            byte[] body = response.getBody() == null ? new byte[0]
                    : response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
                            : response.getBody().getBytes(StandardCharsets.UTF_8);
            if (response.getHeaders() != null) {
                response.getHeaders().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            }
            // As API Gateway does with payload 2.0's cookies: one Set-Cookie header each.
            if (response.getCookies() != null) {
                response.getCookies().forEach(c -> exchange.getResponseHeaders().add("set-cookie", c));
            }
            exchange.sendResponseHeaders(response.getStatusCode(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("local gateway failed", e);
        }
    }

    /** The function's answer, or API Gateway's own 401/403 when the route needs a token it does not get. */
    private APIGatewayV2HTTPResponse invoke(HttpFunction function, HttpExchange exchange, String method, String path,
            byte[] body) {
        APIGatewayV2HTTPEvent event = toEvent(exchange, method, path, body, function.routes());
        Optional<Route<?>> route = function.routes().stream().filter(r -> r.match(path).isPresent() && r.method().equals(method))
                .findFirst();
        if (authorizer.isPresent() && route.isPresent() && !route.get().isOpen()) {
            try {
                JwtAuthorizer.Verified verified = authorizer.get().verify(event.getHeaders().get("authorization"),
                        route.get().scope());
                event.getRequestContext().setAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                .withClaims(verified.claims()).withScopes(verified.scopes()).build())
                        .build());
            } catch (JwtAuthorizer.Refused e) {
                LOG.infof("local gateway refused %s %s: %s", method, path, e.getMessage());
                APIGatewayV2HTTPResponse refused = ApiGateway.problem(Problem.of(e.forbidden ? ProblemType.FORBIDDEN
                        : ProblemType.UNAUTHORIZED, e.forbidden ? "Forbidden" : "Unauthorized"));
                refused.getHeaders().put("www-authenticate", "Bearer");
                return refused;
            }
        }
        return function.handle(event);
    }

    private void fireSchedule(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getRawPath().substring(SCHEDULE_PATH.length());
            Optional<ScheduledFunction> function = scheduled.stream().filter(f -> f.exportName().equals(name)).findFirst();
            int status;
            String body;
            if (function.isEmpty() || !exchange.getRequestMethod().equalsIgnoreCase("POST")) {
                status = 404;
                body = Json.write(Problem.of(ProblemType.NOT_FOUND, "POST " + SCHEDULE_PATH + "<name> fires one of "
                        + scheduled.stream().map(ScheduledFunction::exportName).toList()));
            } else {
                try (InputStream in = exchange.getRequestBody()) {
                    byte[] input = in.readNBytes(HttpRequest.MAX_BODY_BYTES);
                    status = 200;
                    body = Json.write(function.get().fire(input.length == 0 ? null : Json.MAPPER.readTree(input)));
                } catch (Exception e) {
                    LOG.error("scheduled function " + name + " failed", e);
                    status = 500;
                    body = Json.write(Problem.of(ProblemType.INTERNAL_ERROR, name + " failed: " + e.getMessage()));
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", status == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private APIGatewayV2HTTPEvent toEvent(HttpExchange exchange, String method, String path, byte[] body,
            List<Route<?>> routes) {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        Optional<Route<?>> route = routes.stream().filter(r -> r.match(path).isPresent() && r.method().equals(method))
                .findFirst();
        String routeKey = route.map(Route::key).orElse("$default");
        var now = ZonedDateTime.now(clock);
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                .withProtocol(exchange.getProtocol()).withSourceIp(exchange.getRemoteAddress().getAddress()
                        .getHostAddress()).withUserAgent(headers.get("user-agent")).build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http).withRouteKey(routeKey)
                .withStage("$default").withRequestId(UUID.randomUUID().toString()).withDomainName("localhost")
                .withTimeEpoch(now.toInstant().toEpochMilli())
                .withTime(now.format(DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)))
                .build();
        String query = exchange.getRequestURI().getRawQuery();
        // Like API Gateway: text media types arrive as text, everything else base64-encoded.
        boolean asText = isText(headers.get("content-type")) && isUtf8(body);
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey).withRawPath(path)
                .withPathParameters(route.map(r -> pathParameters(r.match(path).orElseThrow())).orElse(null))
                .withRawQueryString(query == null ? "" : query).withHeaders(headers).withRequestContext(context)
                .withBody(body.length == 0 ? null : asText ? new String(body, StandardCharsets.UTF_8)
                        : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0 && !asText).build();
    }

    /**
     * The route's parameters as API Gateway sends them: percent-decoded once (UTF-8), so {@code /customers/ACME%201}
     * names the customer {@code ACME 1}. A "+" in a path is a plus, not a space. The server has already refused a path
     * that is not a URI.
     */
    static Map<String, String> pathParameters(Map<String, String> raw) {
        Map<String, String> decoded = new HashMap<>();
        raw.forEach((name, value) -> decoded.put(name, URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8)));
        return decoded;
    }

    private static boolean isText(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml");
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
