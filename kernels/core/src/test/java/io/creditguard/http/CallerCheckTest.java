package io.creditguard.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import io.creditguard.SampleDay;
import io.creditguard.validation.InputReader;

/**
 * The function's own check of the caller, as a deployed function makes it (enforced), on events shaped
 * as API Gateway sends them: with the JWT authorizer's context, without it, or with one it never wrote.
 */
class CallerCheckTest {

    /** A body the route reads and checks, as a function's request record. */
    record Loss(@NotBlank String currency) {
    }

    private static final String ISSUER = GatewayEvents.ISSUER;
    private static final String BODY = "{\"currency\":\"SEK\"}";
    /** A deployed function's route of the company's API: it needs the scope, as POST /breakeven/loss does. */
    private static final List<Route<?>> ROUTES = List.of(Route.post("/breakeven/loss", Loss.class, "creditguard/breakeven",
            loss -> Map.of("currency", loss.currency())));
    private static final ApiGateway GATEWAY = new ApiGateway(InputReader.standalone(SampleDay.CLOCK), Optional.of(ISSUER),
            true);

    private static APIGatewayV2HTTPEvent event(String query, Map<String, String> claims, List<String> scopes) {
        return GatewayEvents.event("POST", "/breakeven/loss", query, claims == null ? null : GatewayEvents.jwt(claims, scopes),
                BODY, "req-42");
    }

    private static APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
        return GATEWAY.handle(event, ROUTES);
    }

    @Test
    void aCallerTheAuthorizerVerifiedWithTheScopeIsServed() {
        var response = send(event("", Map.of("sub", "u-1", "iss", ISSUER, "scope", "creditguard/breakeven"),
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
                Map.of("sub", "u-1", "iss", ISSUER, "scope", "creditguard/breakeven"), List.of("creditguard/breakeven")));
        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getBody()).contains("query string").doesNotContain("eyJhbGciOiJSUzI1NiJ9");
    }

    @Test
    void aWrongMethodIs405WithAllow() {
        var response = send(GatewayEvents.event("GET", "/breakeven/loss", "", null, null, "req-43"));
        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("allow", "POST");
        assertThat(response.getBody()).contains("urn:creditguard:problem:method-not-allowed")
                .contains("urn:creditguard:request:req-43");
    }
}
