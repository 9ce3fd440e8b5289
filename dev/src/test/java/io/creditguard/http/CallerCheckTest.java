package io.creditguard.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import io.creditguard.Events;
import io.creditguard.Standalone;

/**
 * The function's own check of the caller, as a deployed function makes it (enforced), on events shaped
 * as API Gateway sends them: with the JWT authorizer's context, without it, or with one it never wrote.
 */
class CallerCheckTest {

    private static final String BODY = RouteFuzzing.sampleBody("breakeven-loss.json");

    private static APIGatewayV2HTTPEvent event(String query, Map<String, String> claims, List<String> scopes) {
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath("/breakeven/loss").build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http).withRequestId("req-42");
        if (claims != null) {
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(
                    APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).withScopes(scopes).build())
                    .build());
        }
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("POST /breakeven/loss")
                .withRawPath("/breakeven/loss").withRawQueryString(query).withHeaders(Map.of("content-type", "application/json"))
                .withRequestContext(context.build()).withBody(BODY).withIsBase64Encoded(false).build();
    }

    private static APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
        return Standalone.breakeven().handle(event);
    }

    @Test
    void aCallerTheAuthorizerVerifiedWithTheScopeIsServed() {
        var response = send(event("", Map.of("sub", "u-1", "iss", Events.ISSUER, "scope", "creditguard/breakeven"),
                List.of("creditguard/breakeven")));
        assertThat(response.getStatusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "no authorizer context; ; ; ; 401; carries no verified caller",
            "a context without a subject; ; https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_Ex4mpl3Po; creditguard/breakeven; 401; carries no verified caller",
            "another issuer; u-1; https://evil.example/; creditguard/breakeven; 401; not issued by this deployment",
            "another function's scope; u-1; https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_Ex4mpl3Po; creditguard/claims; 403; needs the scope creditguard/breakeven"})
    void whatTheAuthorizerDidNotVouchForIsRefused(String what, String sub, String iss, String scope, int status, String detail) {
        Map<String, String> claims = new java.util.HashMap<>();
        if (sub != null) {
            claims.put("sub", sub);
        }
        if (iss != null) {
            claims.put("iss", iss);
        }
        if (scope != null) {
            claims.put("scope", scope);
        }
        var response = send(event("", what.startsWith("no authorizer") ? null : claims, scope == null ? List.of() : List.of(scope)));
        assertThat(response.getStatusCode()).as(what).isEqualTo(status);
        assertThat(response.getHeaders()).containsKey("www-authenticate").containsEntry("content-language", "en");
        assertThat(response.getBody()).contains(detail).contains("\"instance\":\"urn:creditguard:request:req-42\"");
    }

    @Test
    void aTokenInTheQueryStringIsRefusedAndNotEchoed() {
        var response = send(event("access_token=eyJhbGciOiJSUzI1NiJ9.secret.sig",
                Map.of("sub", "u-1", "iss", Events.ISSUER, "scope", "creditguard/breakeven"), List.of("creditguard/breakeven")));
        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getBody()).contains("query string").doesNotContain("eyJhbGciOiJSUzI1NiJ9");
    }

    @Test
    void aWrongMethodIs405WithAllow() {
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath("/breakeven/loss").build();
        var event = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("GET /breakeven/loss")
                .withRawPath("/breakeven/loss").withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http)
                        .withRequestId("req-43").build()).build();
        var response = send(event);
        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("allow", "POST");
        assertThat(response.getBody()).contains("urn:creditguard:problem:method-not-allowed")
                .contains("urn:creditguard:request:req-43");
    }
}
