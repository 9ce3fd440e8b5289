package io.creditguard.breakeven;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.creditguard.book.BookTotals;

/**
 * The answer of {@code POST /breakeven/protection}: the comparison and, with {@code fromBook}, the figures the
 * book gave it.
 */
public record ProtectionAnswer(@JsonUnwrapped ProtectionComparison.Result result, FromBook fromBook) {

    /**
     * @param asOf the day of the reminder run whose ledger the figures came from, {@code run} its report
     * @param annualTurnover the invoices issued in the 12 months to {@code asOf}, every currency converted at the
     *     euro reference rates of today
     * @param largestExposure the customer who owes the most, its amount converted likewise; {@code null} when nobody
     *     owes anything
     * @param notConverted currencies of the book no rate converts: their invoices are left out
     */
    public record FromBook(LocalDate asOf, String run, BigDecimal annualTurnover, BookTotals.Largest largestExposure,
            List<Currency> notConverted) {
    }
}
