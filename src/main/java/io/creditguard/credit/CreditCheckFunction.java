package io.creditguard.credit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import io.creditguard.http.ApiGateway;
import io.creditguard.http.HttpFunction;
import io.creditguard.http.HttpRequest;
import io.creditguard.http.Route;
import io.creditguard.http.SignInSettings;
import io.creditguard.http.WebPage;
import io.creditguard.reference.ClassPathResource;
import io.quarkus.funqy.Funq;

/** Lambda {@code credit-check}: is this customer good for the credit asked, on what terms, and why. */
@ApplicationScoped
public class CreditCheckFunction extends HttpFunction {

    /** The OAuth scope an access token needs for this function's API (the template's authorizer requires it too). */
    static final String SCOPE = "creditguard/credit-check";

    private final CreditCheck check;

    @Inject
    public CreditCheckFunction(CreditCheck check) {
        this.check = check;
    }

    @Override
    public String exportName() {
        return "credit-check";
    }

    @Override
    protected List<Route<?>> declareRoutes() {
        // An uploaded annual report comes base64 in the body: the route takes as much as a Lambda event carries.
        return List.of(Route.post("/credit-checks", CreditCheckRequest.class, SCOPE, HttpRequest.MOST_BODY_BYTES,
                (r, request) -> {
                    Language language = r.language() != null ? Language.ofCode(r.language()) : accepted(request);
                    return inLanguage(check.check(r, language, today()), language);
                }),
                Route.get("/companies/{country}/{id}/accounts", SCOPE, request -> {
                    Language language = accepted(request);
                    return inLanguage(check.accounts(request.pathParameter("country").orElseThrow(),
                            request.pathParameter("id").orElseThrow(), language), language);
                }),
                Route.get("/", r -> page().serve(r)), Route.get("/credit-check", r -> page().serve(r)),
                Route.get("/openapi.yaml", r -> OpenApi.DOCUMENT));
    }

    private static Language accepted(HttpRequest request) {
        return Language.accepted(request.header("accept-language").orElse(""));
    }

    /** The answer as JSON, saying which language its words are in. */
    private static APIGatewayV2HTTPResponse inLanguage(Object body, Language language) {
        APIGatewayV2HTTPResponse response = ApiGateway.json(200, body);
        response.getHeaders().put("content-language", language.code());
        return response;
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
}
