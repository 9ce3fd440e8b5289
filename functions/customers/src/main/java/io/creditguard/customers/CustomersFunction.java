package io.creditguard.customers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.http.ApiGateway;
import io.creditguard.http.Caller;
import io.creditguard.http.HttpFunction;
import io.creditguard.http.HttpRequest;
import io.creditguard.http.Problem;
import io.creditguard.http.ProblemException;
import io.creditguard.http.ProblemType;
import io.creditguard.http.SignInSettings;
import io.creditguard.http.WebPage;
import io.creditguard.json.Json;
import io.creditguard.validation.FieldError;
import io.quarkus.funqy.Funq;

/**
 * Lambda {@code customers}: the customer ledger the reminder run builds, and what a finance user decides on it:
 * the listing, one customer's ledger, a letter as sent, a limit set by hand, a dispute, pause or promise on an
 * invoice; the run reports as the book's history ({@code GET /runs}), and the receivables page that shows it all
 * ({@code GET /receivables}).
 */
@ApplicationScoped
public class CustomersFunction extends HttpFunction {

    /** The ledger is the reminders' book: the same scope as the preview. */
    static final String SCOPE = "creditguard/reminders";

    private final CustomerService customers;
    private final RunHistory runs;
    @jakarta.inject.Inject
    SignInSettings signIn;
    private volatile WebPage page;

    public CustomersFunction(CustomerService customers, RunHistory runs) {
        this.customers = customers;
        this.runs = runs;
    }

    @Override
    public String exportName() {
        return "customers";
    }

    @Override
    protected List<io.creditguard.http.Route<?>> declareRoutes() {
        return List.of(
                io.creditguard.http.Route.get("/customers", SCOPE, this::list),
                io.creditguard.http.Route.get("/customers/{id}", SCOPE, r -> {
                    String id = r.pathParameter("id").orElseThrow();
                    return customers.customer(id).orElseThrow(() -> CustomerService.unknownCustomer(id, "id",
                            "the reminder run builds the ledger from the book"));
                }),
                io.creditguard.http.Route.get("/letters/{letterFile}", SCOPE, this::letter),
                io.creditguard.http.Route.json("PUT", "/customers/{id}/limit", LimitRequest.class, SCOPE, (body, r) ->
                        customers.setLimit(r.pathParameter("id").orElseThrow(), body, who(r))),
                io.creditguard.http.Route.json("PATCH", "/invoices/{invoiceId}", InvoicePatch.class, SCOPE, (body, r) ->
                        customers.decide(r.pathParameter("invoiceId").orElseThrow(), body, present(r), who(r))),
                io.creditguard.http.Route.get("/runs", SCOPE, this::runs),
                io.creditguard.http.Route.get("/receivables", r -> page().serve(r)));
    }

    /** The receivables page, read and hashed on its first request: an API call's cold start need not pay for it. */
    private WebPage page() {
        WebPage loaded = page;
        if (loaded == null) {
            loaded = ReceivablesPage.load(signIn.forScope(SCOPE));
            page = loaded;
        }
        return loaded;
    }

    private Object runs(HttpRequest request) throws IOException {
        Optional<LocalDate> from = request.queryParameter("from").map(value -> {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw invalidType("from", "must be a day as 2026-11-30");
            }
        });
        return runs.since(from);
    }

    @Funq("customers")
    public JsonNode customers(JsonNode event) {
        return handle(event);
    }

    private Object list(HttpRequest request) throws IOException {
        LedgerIndex.Sort sort = request.queryParameter("sort").map(s -> parse(s, "sort")).orElse(LedgerIndex.Sort.EXPOSURE);
        Optional<Currency> currency = request.queryParameter("currency").map(CustomersFunction::currency);
        int page = number(request, "page", 1, 1, Integer.MAX_VALUE);
        int size = number(request, "size", CustomerService.DEFAULT_PAGE_SIZE, 1, CustomerService.MAX_PAGE_SIZE);
        Optional<String> q = request.queryParameter("q").filter(s -> !s.isBlank());
        if (q.isPresent() && q.get().length() > 200) {
            throw invalid("q", "must be at most 200 characters");
        }
        return customers.list(sort, currency, q, page, size);
    }

    private Object letter(HttpRequest request) throws IOException {
        String file = request.pathParameter("letterFile").orElseThrow();
        if (!file.endsWith(".pdf") || !file.substring(0, file.length() - 4).matches("[A-Za-z0-9_-]{1,100}")) {
            throw new ProblemException(Problem.of(ProblemType.NO_SUCH_RECORD, "A letter is fetched as /letters/<letterId>.pdf.",
                    List.of(FieldError.at("letterId", "is not a letter's id"))));
        }
        String letterId = file.substring(0, file.length() - 4);
        byte[] pdf = customers.letterPdf(letterId).orElseThrow(() -> new ProblemException(Problem.of(
                ProblemType.NO_SUCH_RECORD, "There is no letter " + letterId + ".",
                List.of(FieldError.at("letterId", "no letter " + letterId + " is in the store")))));
        return ApiGateway.file("application/pdf", file, pdf);
    }

    /** Who changes the ledger through {@code request}, as the ledger records it. */
    private static CustomerService.Who who(HttpRequest request) {
        return new CustomerService.Who(request.callerDescription(), request.route(), request.requestId().orElse(null));
    }

    /** The fields the body gives, null ones included: a merge patch clears what it gives as null. */
    private static Set<String> present(HttpRequest request) {
        Set<String> fields = new HashSet<>();
        try {
            Json.MAPPER.readTree(request.bodyText()).fieldNames().forEachRemaining(fields::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the gateway read it as an object already
        }
        return fields;
    }

    private static LedgerIndex.Sort parse(String value, String field) {
        try {
            return LedgerIndex.Sort.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalidType(field, "must be exposure, overdue or slipping");
        }
    }

    private static Currency currency(String code) {
        try {
            if (code.matches("[A-Z]{3}")) {
                return Currency.getInstance(code);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw invalidType("currency", "must be an ISO 4217 currency code such as SEK");
    }

    private static int number(HttpRequest request, String name, int absent, int min, int max) {
        Optional<String> value = request.queryParameter(name);
        if (value.isEmpty()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.get());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            throw invalidType(name, "must be a whole number");
        }
        throw invalid(name, "must be between " + min + " and " + max);
    }

    private static ProblemException invalidType(String parameter, String message) {
        return new ProblemException(Problem.of(ProblemType.INVALID_FIELD, "The query parameter " + parameter + " "
                + message + ".", List.of(FieldError.at(parameter, message))));
    }

    private static ProblemException invalid(String parameter, String message) {
        return new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, "The query parameter " + parameter + " "
                + message + ".", List.of(FieldError.at(parameter, message))));
    }
}
