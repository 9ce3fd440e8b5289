package io.creditguard.breakeven;

import java.math.BigDecimal;
import java.util.Currency;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import io.creditguard.http.FieldErrors;

/** Body of {@code POST /breakeven/loss}. */
public record LossRequest(
        @NotNull(message = "is required") Currency currency,
        @NotNull(message = "is required") @Positive BigDecimal loss,
        @NotNull(message = "is required") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1")
        @Digits(integer = 1, fraction = 10) BigDecimal margin,
        @Positive BigDecimal monthlyExpenses) {

    LossBreakeven.Input toInput() {
        FieldErrors errors = new FieldErrors();
        var input = new LossBreakeven.Input(errors.money("$.loss", currency, loss), margin,
                errors.money("$.monthlyExpenses", currency, monthlyExpenses));
        errors.throwIfAny();
        return input;
    }
}
