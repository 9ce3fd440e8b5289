package io.creditguard.claims;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import io.creditguard.http.HttpFunction;
import io.creditguard.http.ProblemException;
import io.creditguard.http.ProblemType;
import io.creditguard.http.Route;
import io.creditguard.templates.Templates;
import io.quarkus.funqy.Funq;

/**
 * Lambda {@code claims}: where an insured seller stands with an unpaid buyer, and the claim to send; with
 * {@code "file": true}, the claim mailed to the insurer ({@link ClaimFiling}).
 */
@ApplicationScoped
public class ClaimsFunction extends HttpFunction {

    private final Templates templates;
    private final ClaimFiling filing;

    public ClaimsFunction(Templates templates, ClaimFiling filing) {
        this.templates = templates;
        this.filing = filing;
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
            ClaimAssessment.Result answer = result.withDossier(ClaimDossier.of(templates, input, result, r.language()));
            return r.file() ? answer.withFiling(file(r, answer)) : answer;
        }));
    }

    private ClaimFiling.Filing file(ClaimRequest request, ClaimAssessment.Result assessed) {
        try {
            return filing.file(request, assessed);
        } catch (ClaimFiling.NotFileable e) {
            throw new ProblemException(ProblemType.NOT_FILEABLE, e.getMessage());
        } catch (ClaimFiling.CannotMail e) {
            throw new ProblemException(e.configured() ? ProblemType.MAIL_UNAVAILABLE : ProblemType.NOT_CONFIGURED,
                    e.getMessage());
        }
    }

    @Funq("claims")
    public APIGatewayV2HTTPResponse claims(APIGatewayV2HTTPEvent event) {
        return handle(event);
    }
}
