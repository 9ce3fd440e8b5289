package io.creditguard.credit;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import io.creditguard.http.ApiGateway;
import io.creditguard.http.HttpFunction;
import io.creditguard.http.Route;
import io.creditguard.http.SignInSettings;
import io.creditguard.http.WebPage;
import io.creditguard.reference.ClassPathResource;
import io.creditguard.reference.ReferenceTable;
import io.quarkus.funqy.Funq;

/** Lambda {@code credit-check}: is this customer good for the credit asked, on what terms, and why. */
@ApplicationScoped
public class CreditCheckFunction extends HttpFunction {

    private static final Altman ALTMAN = Altman.from(ReferenceTable.load("altman-models.txt"));
    private static final Scorecard SCORECARD = Scorecard.from(ReferenceTable.load("credit-scorecard.txt"));
    private static final ReferenceTable RISK_CLASSES = ReferenceTable.load("credit-risk-classes.txt");
    private static final ReferenceTable BENCHMARKS = ReferenceTable.load("sector-benchmarks.txt");
    private static final ReferenceTable OVERRIDES = ReferenceTable.load("credit-overrides.txt");

    /** The OAuth scope an access token needs for this function's API (the template's authorizer requires it too). */
    static final String SCOPE = "creditguard/credit-check";

    @Override
    public String exportName() {
        return "credit-check";
    }

    @Override
    protected List<Route<?>> declareRoutes() {
        return List.of(Route.post("/credit-checks", CreditCheckRequest.class, SCOPE, r -> {
            CreditDecision.Input input = r.toInput(today());
            return CreditDecision.assess(input, rulesOn(input.asOf()));
        }), Route.get("/", r -> page().serve(r)), Route.get("/credit-check", r -> page().serve(r)),
                Route.get("/openapi.yaml", r -> OpenApi.DOCUMENT));
    }

    @Inject
    SignInSettings signIn;

    private volatile WebPage page;

    /** The web form, read and hashed on its first request: an API call's cold start need not pay 60 ms for it. */
    private WebPage page() {
        WebPage loaded = page;
        if (loaded == null) {
            loaded = CreditCheckPage.load(signIn.forScope(SCOPE));
            page = loaded;
        }
        return loaded;
    }

    /** The API's OpenAPI 3.1 document, as written in src/main/resources/openapi.yaml. */
    private static final class OpenApi {
        static final APIGatewayV2HTTPResponse DOCUMENT = ApiGateway.text("application/yaml; charset=utf-8",
                ClassPathResource.text("openapi.yaml"));
    }

    @Funq("credit-check")
    public APIGatewayV2HTTPResponse creditCheck(APIGatewayV2HTTPEvent event) {
        return handle(event);
    }

    static CreditDecision.Rules rulesOn(LocalDate date) {
        return new CreditDecision.Rules(ALTMAN, SCORECARD, RiskClass.load(RISK_CLASSES, date),
                SectorBenchmarks.load(BENCHMARKS, date), OVERRIDES.effectiveOn(date).stream()
                        .map(r -> new CreditDecision.DecisionOverride(r.text("rule"), r.integer("threshold"),
                                CreditDecision.Decision.valueOf(r.text("decision"))))
                        .toList());
    }
}
