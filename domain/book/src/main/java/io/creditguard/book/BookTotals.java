package io.creditguard.book;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * The book in one currency as the last reminder run left it, amounts at the currency's minor-unit scale.
 *
 * @param open what the customers owe, overdue or not
 * @param invoicedLast12Months the amounts of the invoices issued in the 12 months to the run's day
 * @param customers the customers with an invoice in this currency
 * @param largestExposure the customer with the most open in this currency
 */
public record BookTotals(Currency currency, BigDecimal open, BigDecimal overdue, BigDecimal invoicedLast12Months,
        long customers, Largest largestExposure) {

    /** The customer who owes the most, and how much. */
    public record Largest(String customerId, String name, BigDecimal amount) {
    }
}
