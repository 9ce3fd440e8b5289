package io.creditguard.breakeven;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import io.creditguard.http.HttpFunction;
import io.creditguard.http.Route;
import io.creditguard.reference.ReferenceTable;
import io.quarkus.funqy.Funq;

/** Lambda {@code breakeven}: what a customer loss costs, which protection pays, whether factoring does. */
@ApplicationScoped
public class BreakevenFunction extends HttpFunction {

    private static final ReferenceTable PROTECTION_OPTIONS = ReferenceTable.load("protection-options.txt");
    private static final ReferenceTable FACTORING_THRESHOLDS = ReferenceTable.load("factoring-thresholds.txt");

    /** The OAuth scope an access token needs for this function's API (the template's authorizer requires it too). */
    static final String SCOPE = "creditguard/breakeven";

    @Override
    public String exportName() {
        return "breakeven";
    }

    @Override
    protected List<Route<?>> declareRoutes() {
        return List.of(
                Route.post("/breakeven/loss", LossRequest.class, SCOPE, r -> LossBreakeven.calculate(r.toInput())),
                Route.post("/breakeven/protection", ProtectionRequest.class, SCOPE, r -> ProtectionComparison.compare(
                        r.toInput(ProtectionOption.defaults(PROTECTION_OPTIONS, today())))),
                Route.post("/breakeven/factoring", FactoringRequest.class, SCOPE, r -> FactoringAnalysis.analyse(
                        r.toInput(), FactoringThresholds.load(FACTORING_THRESHOLDS, today()))));
    }

    @Funq("breakeven")
    public APIGatewayV2HTTPResponse breakeven(APIGatewayV2HTTPEvent event) {
        return handle(event);
    }
}
