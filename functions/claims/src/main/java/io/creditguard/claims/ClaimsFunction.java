package io.creditguard.claims;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.customers.CustomerLedger;
import io.creditguard.customers.CustomerService;
import io.creditguard.http.HttpFunction;
import io.creditguard.http.ProblemException;
import io.creditguard.http.ProblemType;
import io.creditguard.http.Route;
import io.creditguard.reminders.ReminderRecords;
import io.creditguard.validation.FieldError;
import io.creditguard.validation.InputReader;
import io.creditguard.validation.InvalidInputException;
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
    private final CustomerService customers;
    private final InputReader inputs;

    public ClaimsFunction(Templates templates, ClaimFiling filing, CustomerService customers, InputReader inputs) {
        this.templates = templates;
        this.filing = filing;
        this.customers = customers;
        this.inputs = inputs;
    }

    /**
     * The answer: the assessment and its dossier (and filing), and for a claim whose debts came from the book what
     * came from it and what it lacked.
     */
    public record ClaimAnswer(@JsonUnwrapped ClaimAssessment.Result result, BookClaim.FromBook fromBook) {
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
            BookClaim.Built book = r.debts().isEmpty() ? fromBook(r) : null;
            ClaimRequest request = book == null ? r : book.request();
            ClaimAssessment.Input input = request.toInput();
            ClaimAssessment.Result result = ClaimAssessment.assess(input);
            ClaimAssessment.Result answer = result.withDossier(ClaimDossier.of(templates, input, result, request.language()));
            return new ClaimAnswer(request.file() ? answer.withFiling(file(request, answer)) : answer,
                    book == null ? null : book.fromBook());
        }));
    }

    /** The claim with the buyer's unpaid invoices, reminders and insurer notification from the ledger and the run's records. */
    private BookClaim.Built fromBook(ClaimRequest r) throws IOException {
        String buyer = r.buyer().id();
        // Without debts the request is complete only if the book holds the buyer's: else it lacks them (422).
        CustomerLedger ledger = customers.ledger(buyer).orElseThrow(() ->
                InvalidInputException.invalid(List.of(FieldError.at("$.debts", "must not be empty unless buyer.id names "
                        + "a customer of the ledger"), FieldError.at("$.buyer.id", "no customer " + buyer + " is in the "
                        + "ledger to take the debts from"))));
        Map<String, LocalDate> records = new HashMap<>();
        for (CustomerLedger.OpenInvoice invoice : ledger.openInvoices()) {
            List<String> levels = new ArrayList<>(List.of("insurer"));
            invoice.dunning().remindersSent().forEach(s -> levels.add(String.valueOf(s.level())));
            for (String level : levels) {
                String key = recordKey(invoice.invoiceId(), level);
                customers.record(key).map(node -> node.path("decidedOn").asText(null))
                        .filter(d -> d != null).ifPresent(d -> records.put(key, LocalDate.parse(d)));
            }
        }
        BookClaim.Built built = BookClaim.of(r, ledger, records, ClaimsFunction::recordKey);
        if (built.request().debts().isEmpty()) {
            throw InvalidInputException.invalid(FieldError.at("$.debts", "must not be empty: the book holds no unpaid "
                    + "invoice of customer " + buyer + " in " + r.policy().currency().getCurrencyCode() + " issued by "
                    + r.asOf()));
        }
        return new BookClaim.Built(inputs.check(built.request(), "$"), built.fromBook());
    }

    private static String recordKey(String invoiceId, String level) {
        return ReminderRecords.key(ReminderRecords.id(invoiceId, level));
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
    public JsonNode claims(JsonNode event) {
        return handle(event);
    }
}
