package io.creditguard.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.creditguard.validation.AmountsFitCurrency;
import io.creditguard.validation.InEra;
import io.creditguard.validation.PaymentCurrency;
import io.creditguard.validation.SingleLine;

/**
 * Body of {@code PUT /customers/{id}/limit}: the credit limit a finance user sets by hand. It takes precedence
 * over a credit check's and the insurer's until {@code validUntil}, if given. A limit of zero is no credit.
 *
 * @param currency must be one the customer's invoices are in, or one a euro reference rate converts them to
 * @param validUntil the last day the limit is in force
 * @param note why, for whoever reads the limit history
 */
@AmountsFitCurrency
public record LimitRequest(
        @NotNull @PositiveOrZero BigDecimal amount,
        @NotNull @PaymentCurrency Currency currency,
        @FutureOrPresent @InEra LocalDate validUntil,
        @Size(max = 500) @SingleLine String note) implements AmountsFitCurrency.MoneyFields {

    @Override
    public List<AmountsFitCurrency.Amount> amounts() {
        return List.of(new AmountsFitCurrency.Amount(currency, amount, "amount"));
    }
}
