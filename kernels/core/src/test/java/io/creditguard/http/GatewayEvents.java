package io.creditguard.http;

import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer;

/** API Gateway HTTP API (payload 2.0) events as the gateway sends them, for the adapter's own tests. */
final class GatewayEvents {

    /** The issuer a deployed stage is configured with (the template's user pool). */
    static final String ISSUER = "https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_Ex4mpl3Po";

    private GatewayEvents() {
    }

    /**
     * A request to {@code path}; a JSON body when {@code body} is not null, the JWT authorizer's context when
     * {@code authorizer} is not null.
     */
    static APIGatewayV2HTTPEvent event(String method, String path, String query, Authorizer authorizer, String body,
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

    /** The context API Gateway's JWT authorizer writes for a token it verified. */
    static Authorizer jwt(Map<String, String> claims, List<String> scopes) {
        return Authorizer.builder().withJwt(Authorizer.JWT.builder().withClaims(claims).withScopes(scopes).build()).build();
    }
}
