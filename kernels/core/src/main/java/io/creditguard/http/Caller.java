package io.creditguard.http;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

/**
 * Who called, as API Gateway's JWT authorizer wrote it into the event after checking the token
 * ({@code requestContext.authorizer.jwt}: the token's claims and scopes). The token itself never
 * reaches the function; this is what may be logged.
 *
 * @param subject the {@code sub} claim: the user, or the client of a machine-to-machine token
 * @param clientId the {@code client_id} (Cognito access tokens) or {@code azp} claim, if any
 */
public record Caller(String subject, String issuer, String clientId, Set<String> scopes) {

    /** The caller the event's authorizer context names, or empty when there is none or it has no subject. */
    public static Optional<Caller> of(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) {
            return Optional.empty();
        }
        var jwt = context.getAuthorizer().getJwt();
        Map<String, String> claims = jwt.getClaims() == null ? Map.of() : jwt.getClaims();
        String subject = claims.get("sub");
        if (subject == null || subject.isBlank()) {
            return Optional.empty();
        }
        Set<String> scopes = new TreeSet<>();
        List<String> listed = jwt.getScopes();
        if (listed != null) {
            scopes.addAll(listed);
        }
        // API Gateway lists the scopes only when the route requires some; the claim always has them.
        String claim = claims.getOrDefault("scope", claims.get("scp"));
        if (claim != null) {
            scopes.addAll(Arrays.asList(claim.trim().split("\\s+")));
        }
        scopes.remove("");
        return Optional.of(new Caller(subject, claims.get("iss"), claims.getOrDefault("client_id", claims.get("azp")),
                Set.copyOf(scopes)));
    }
}
