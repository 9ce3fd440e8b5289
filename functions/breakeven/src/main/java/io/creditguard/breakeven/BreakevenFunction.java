package io.creditguard.breakeven;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.book.Book;
import io.creditguard.book.BookTotals;
import io.creditguard.http.HttpFunction;
import io.creditguard.http.Route;
import io.creditguard.money.ExchangeRates;
import io.creditguard.money.Money;
import io.creditguard.rates.RateBook;
import io.creditguard.reference.ReferenceTable;
import io.creditguard.validation.FieldError;
import io.creditguard.validation.InvalidInputException;
import io.quarkus.funqy.Funq;

/** Lambda {@code breakeven}: what a customer loss costs, which protection pays, whether factoring does. */
@ApplicationScoped
public class BreakevenFunction extends HttpFunction {

    private static final ReferenceTable FACTORING_TABLE = ReferenceTable.load("factoring-thresholds.txt");
    private static final List<ProtectionOption.Dated> PROTECTION_OPTIONS =
            ProtectionOption.parse(ReferenceTable.load("protection-options.txt"));
    private static final List<FactoringThresholds.Dated> FACTORING_THRESHOLDS = FactoringThresholds.parse(FACTORING_TABLE);

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
                Route.post("/breakeven/protection", ProtectionRequest.class, SCOPE, this::protection),
                Route.post("/breakeven/factoring", FactoringRequest.class, SCOPE, r -> FactoringAnalysis.analyse(
                        r.toInput(), FactoringThresholds.on(FACTORING_THRESHOLDS, today(),
                        FACTORING_TABLE.name()))));
    }

    private final Book book;
    private final RateBook rates;

    public BreakevenFunction(Book book, RateBook rates) {
        this.book = book;
        this.rates = rates;
    }

    private ProtectionAnswer protection(ProtectionRequest r) throws IOException {
        List<ProtectionOption> defaults = ProtectionOption.on(PROTECTION_OPTIONS, today());
        if (!r.fromBook()) {
            return new ProtectionAnswer(ProtectionComparison.compare(r.toInput(defaults)), null);
        }
        ProtectionAnswer.FromBook book = fromBook(r.currency());
        return new ProtectionAnswer(ProtectionComparison.compare(r.toInput(defaults, Money.of(r.currency(),
                book.annualTurnover()), book.largestExposure() == null ? null
                        : Money.of(r.currency(), book.largestExposure().amount()))), book);
    }

    /**
     * The turnover of the 12 months and the largest exposure of the last run's ledger, in {@code currency}; no largest
     * exposure when nobody owes anything, a book with turnover all the same.
     */
    private ProtectionAnswer.FromBook fromBook(Currency currency) throws IOException {
        Book.Totals header = book.totals().orElseThrow(() ->
                InvalidInputException.invalid(FieldError.at("$.fromBook", "no reminder run has built the ledger yet; give "
                        + "annualTurnover and largestExposure")));
        ExchangeRates exchange = rates.current().exchange();
        LocalDate today = today();
        Money turnover = Money.zero(currency);
        BookTotals.Largest largest = null;
        List<Currency> notConverted = new ArrayList<>();
        for (BookTotals totals : header.totals()) {
            Optional<ExchangeRates.Conversion> invoiced = exchange.convert(Money.of(totals.currency(),
                    totals.invoicedLast12Months()), currency, today);
            Optional<ExchangeRates.Conversion> owed = exchange.convert(Money.of(totals.currency(),
                    totals.largestExposure().amount()), currency, today);
            if (invoiced.isEmpty() || owed.isEmpty()) {
                notConverted.add(totals.currency());
                continue;
            }
            turnover = turnover.plus(invoiced.get().converted());
            if (largest == null || owed.get().converted().amount().compareTo(largest.amount()) > 0) {
                largest = new BookTotals.Largest(totals.largestExposure().customerId(), totals.largestExposure().name(),
                        owed.get().converted().amount());
            }
        }
        if (!turnover.isPositive()) {
            throw InvalidInputException.invalid(FieldError.at("$.fromBook", "the ledger of " + header.asOf() + " holds no "
                    + "invoice of the 12 months in " + currency.getCurrencyCode() + " or a currency a rate "
                    + "converts to it" + (notConverted.isEmpty() ? "" : " (not converted: " + notConverted + ")")));
        }
        return new ProtectionAnswer.FromBook(header.asOf(), header.run(), turnover.amount(),
                largest.amount().signum() > 0 ? largest : null, List.copyOf(notConverted));
    }

    @Funq("breakeven")
    public JsonNode breakeven(JsonNode event) {
        return handle(event);
    }
}
