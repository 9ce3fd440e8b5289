package io.creditguard.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer;

import io.creditguard.json.Json;

/**
 * API Gateway HTTP API (payload 2.0) events as the gateway sends them, and the bodies of the checkout's sample events
 * ({@code events/}), for the tests of a function's routes in any module.
 */
public final class GatewayEvents {

    /** The issuer a deployed stage is configured with (the template's user pool). */
    public static final String ISSUER = "https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_Ex4mpl3Po";

    private GatewayEvents() {
    }

    /**
     * A request to {@code path}; a JSON body when {@code body} is not null, the JWT authorizer's context when
     * {@code authorizer} is not null.
     */
    public static APIGatewayV2HTTPEvent event(String method, String path, String query, Authorizer authorizer, String body,
            String requestId) {
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path).build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http).withRequestId(requestId);
        if (authorizer != null) {
            context.withAuthorizer(authorizer);
        }
        var event = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(method + " " + path).withRawPath(path)
                .withRawQueryString(query).withRequestContext(context.build());
        if (body != null) {
            event.withHeaders(Map.of("content-type", "application/json")).withBody(body).withIsBase64Encoded(false);
        }
        return event.build();
    }

    /** A JSON POST by a user signed in with {@code scopes}, as it reaches a deployed function. */
    public static APIGatewayV2HTTPEvent post(String path, String body, List<String> scopes) {
        return event("POST", path, "", jwt(Map.of("sub", "test-user", "iss", ISSUER, "scope", String.join(" ", scopes)),
                scopes), body, "test");
    }

    /** The context API Gateway's JWT authorizer writes for a token it verified. */
    public static Authorizer jwt(Map<String, String> claims, List<String> scopes) {
        return Authorizer.builder().withJwt(Authorizer.JWT.builder().withClaims(claims).withScopes(scopes).build()).build();
    }

    /** The checkout's sample event {@code name} ({@code events/claims.json}), found from any module's folder. */
    public static String sample(String name) {
        try {
            return Files.readString(samples().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checkout's {@code events/} folder, found from any module's folder. */
    public static Path samples() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("events"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no events/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("events");
    }

    /** The body of the sample event {@code name}. */
    public static String sampleBody(String name) {
        try {
            return Json.MAPPER.readTree(sample(name)).get("body").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
