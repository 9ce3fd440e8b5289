package io.creditguard.breakeven;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import io.creditguard.money.Money;
import io.creditguard.validation.AmountsFitCurrency;
import io.creditguard.validation.Fraction;
import io.creditguard.validation.PaymentCurrency;

/** Body of {@code POST /breakeven/loss}. */
@AmountsFitCurrency
public record LossRequest(
        @NotNull @PaymentCurrency Currency currency,
        @NotNull @Positive BigDecimal loss,
        @NotNull @Positive @Fraction BigDecimal margin,
        @Positive BigDecimal monthlyExpenses) implements AmountsFitCurrency.MoneyFields {

    @Override
    public List<AmountsFitCurrency.Amount> amounts() {
        return List.of(new AmountsFitCurrency.Amount(currency, loss, "loss"),
                new AmountsFitCurrency.Amount(currency, monthlyExpenses, "monthlyExpenses"));
    }

    LossBreakeven.Input toInput() {
        return new LossBreakeven.Input(Money.of(currency, loss), margin, Money.ofNullable(currency, monthlyExpenses));
    }
}
