package io.creditguard.credit;

import java.io.IOException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.customers.CustomerLedger;
import io.creditguard.customers.CustomerService;
import io.creditguard.customers.Limits;
import io.creditguard.customers.Profile;
import io.creditguard.http.ApiGateway;
import io.creditguard.http.HttpFunction;
import io.creditguard.http.HttpRequest;
import io.creditguard.http.Route;
import io.creditguard.http.SignInSettings;
import io.creditguard.http.WebPage;
import io.creditguard.reference.ClassPathResource;
import io.creditguard.validation.FieldError;
import io.creditguard.validation.InvalidInputException;
import io.quarkus.funqy.Funq;

/** Lambda {@code credit-check}: is this customer good for the credit asked, on what terms, and why. */
@ApplicationScoped
public class CreditCheckFunction extends HttpFunction {

    /** The OAuth scope an access token needs for this function's API (the template's authorizer requires it too). */
    static final String SCOPE = "creditguard/credit-check";

    private final CreditCheck check;
    private final CustomerService customers;

    @Inject
    public CreditCheckFunction(CreditCheck check, CustomerService customers) {
        this.check = check;
        this.customers = customers;
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
                    return inLanguage(check(r, request, language), language);
                }),
                Route.get("/companies/{country}/{id}/accounts", SCOPE, request -> {
                    Language language = accepted(request);
                    return inLanguage(check.accounts(request.pathParameter("country").orElseThrow(),
                            request.pathParameter("id").orElseThrow(), language), language);
                }),
                Route.get("/", r -> page().serve(r)), Route.get("/credit-check", r -> page().serve(r)),
                Route.get("/openapi.yaml", r -> OpenApi.DOCUMENT));
    }

    /** The check; for a customer of the ledger with its payment record and exposure from the book, the decision saved. */
    private CreditCheckAnswer check(CreditCheckRequest r, HttpRequest request, Language language) throws IOException {
        if (r.customerId() == null) {
            return new CreditCheckAnswer(check.check(r, language, today()),
                    r.paymentBehaviour() == null ? null : CreditCheckAnswer.fromRequest(r), null);
        }
        CreditCheckAnswer.PaymentRecordUsed book = fromBook(r);
        CreditDecision.Result result = check.check(r.withBook(book.asRequest(), book.existingExposure()), language, today());
        boolean save = !Boolean.FALSE.equals(r.save());
        if (save) {
            CustomerService.Who who = new CustomerService.Who(request.callerDescription(), request.route(),
                    request.requestId().orElse(null));
            customers.saveCreditCheck(r.customerId(), new Profile.CreditCheck(result.asOf(), Instant.now(clock()), who.by(),
                    result.decision().name(), result.score(), result.riskClass(), result.creditLimit().amount(),
                    result.currency(), result.recommendedTermsDays(), book.source().name()), who);
        }
        return new CreditCheckAnswer(result, book, save);
    }

    /** The customer's payment record and exposure from the ledger, in the request's currency. */
    private CreditCheckAnswer.PaymentRecordUsed fromBook(CreditCheckRequest r) throws IOException {
        CustomerLedger ledger = customers.ledger(r.customerId()).orElseThrow(() ->
                InvalidInputException.invalid(FieldError.at("$.customerId", "no customer " + r.customerId()
                        + " is in the ledger (the reminder run builds it from the book)")));
        List<Currency> held = ledger.currencies().stream().map(CustomerLedger.CurrencyLedger::currency).toList();
        CustomerLedger.CurrencyLedger row = ledger.currencies().stream().filter(c -> c.currency().equals(r.currency()))
                .findFirst().orElseThrow(() -> InvalidInputException.invalid(FieldError.at("$.currency", "must be one the "
                        + "book holds customer " + r.customerId() + "'s invoices in: " + held)));
        Limits.Exposure exposure = customers.exposure(ledger, r.currency());
        Limits.Exposure overdue = customers.inCurrency(ledger, r.currency(), CustomerLedger.CurrencyLedger::overdue);
        if (!exposure.notConverted().isEmpty()) {
            throw InvalidInputException.invalid(FieldError.at("$.currency", "cannot sum customer " + r.customerId()
                    + "'s exposure: no euro reference rate converts " + exposure.notConverted() + " to it"));
        }
        return CreditCheckAnswer.fromBook(ledger, row, overdue.amount(), exposure.amount());
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
    public JsonNode creditCheck(JsonNode event) {
        return handle(event);
    }
}
