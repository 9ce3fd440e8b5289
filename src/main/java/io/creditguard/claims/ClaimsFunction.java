package io.creditguard.claims;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import io.creditguard.http.HttpFunction;
import io.creditguard.http.Route;
import io.creditguard.templates.Templates;
import io.quarkus.funqy.Funq;

/** Lambda {@code claims}: where an insured seller stands with an unpaid buyer, and the claim to send. */
@ApplicationScoped
public class ClaimsFunction extends HttpFunction {

    private final Templates templates;

    public ClaimsFunction(Templates templates) {
        this.templates = templates;
    }

    /** The OAuth scope an access token needs for this function's API (the template's authorizer requires it too). */
    static final String SCOPE = "creditguard/claims";

    @Override
    public String exportName() {
        return "claims";
    }

    @Override
    protected List<Route<?>> declareRoutes() {
        return List.of(Route.post("/claims", ClaimRequest.class, SCOPE, r -> {
            ClaimAssessment.Input input = r.toInput();
            ClaimAssessment.Result result = ClaimAssessment.assess(input);
            return result.withDossier(ClaimDossier.of(templates, input, result, r.language()));
        }));
    }

    @Funq("claims")
    public APIGatewayV2HTTPResponse claims(APIGatewayV2HTTPEvent event) {
        return handle(event);
    }
}
