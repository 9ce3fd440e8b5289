package io.creditguard.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.creditguard.customers.CustomerLedger;
import io.creditguard.customers.PaymentRecord;

/**
 * The answer of {@code POST /credit-checks}: the decision, where its payment record came from and, for a
 * customer of the ledger, whether it was saved as the customer's limit and terms.
 *
 * @param paymentBehaviour the payment record assessed, absent when none was
 * @param saved for a check of a customer of the ledger: whether the decision became its limit and terms
 */
public record CreditCheckAnswer(@JsonUnwrapped CreditDecision.Result result, PaymentRecordUsed paymentBehaviour,
        Boolean saved) {

    public enum Source {
        /** The customer ledger: the payments the book holds for the 12 months to {@code asOf}. */
        BOOK,
        /** As the request gave it. */
        REQUEST
    }

    /**
     * @param asOf the day of the reminder run whose ledger it came from (BOOK), {@code run} that run's report
     * @param averageDaysLate the late payments' days beyond terms, weighted by amount
     * @param existingExposure what the customer owes now, in the request's currency
     * @param notInBook what the book does not hold and was assessed as none
     */
    public record PaymentRecordUsed(Source source, String customerId, LocalDate asOf, String run, Currency currency,
            int invoicesPaid, int invoicesPaidLate, BigDecimal averageDaysLate, int maxDaysLate,
            BigDecimal openOverdueAmount, BigDecimal existingExposure, List<String> notInBook) {

        /** The record as a request would give it, for the scorecard to weigh (remarks and petitions: none). */
        CreditCheckRequest.PaymentRequest asRequest() {
            return new CreditCheckRequest.PaymentRequest(invoicesPaid, invoicesPaidLate, averageDaysLate, maxDaysLate,
                    openOverdueAmount, 0, false);
        }
    }

    /** What the request gave, as the answer states it. */
    static PaymentRecordUsed fromRequest(CreditCheckRequest request) {
        CreditCheckRequest.PaymentRequest p = request.paymentBehaviour();
        return new PaymentRecordUsed(Source.REQUEST, null, null, null, request.currency(), p.invoicesPaid(),
                p.invoicesPaidLate(), p.averageDaysLate(), p.maxDaysLate() == null ? 0 : p.maxDaysLate(),
                p.openOverdueAmount(), request.existingExposure(), List.of());
    }

    /**
     * The payment record of {@code ledger}'s {@code row} over its 12 months, and what the customer owes now.
     *
     * @param overdue the overdue amounts of every currency, in the row's
     * @param exposure the open amounts of every currency, in the row's
     */
    static PaymentRecordUsed fromBook(CustomerLedger ledger, CustomerLedger.CurrencyLedger row, BigDecimal overdue,
            BigDecimal exposure) {
        PaymentRecord.Window year = row.paymentRecord().last12Months();
        return new PaymentRecordUsed(Source.BOOK, ledger.customer().id(), ledger.asOf(), ledger.run(), row.currency(),
                year.invoicesPaid(), year.invoicesPaidLate(), year.averageDaysLate(), year.maxDaysBeyondTerms(), overdue,
                exposure, List.of("paymentRemarks: registered payment remarks are a credit bureau's, not the book's",
                        "bankruptcyPetition: a petition is the court's record, not the book's"));
    }
}
