package io.creditguard.breakeven;

import java.math.BigDecimal;
import java.util.Currency;

import io.creditguard.http.Checked;
import io.creditguard.http.Checks;
import io.creditguard.http.FieldErrors;

/** Body of {@code POST /breakeven/loss}. */
public record LossRequest(Currency currency, BigDecimal loss, BigDecimal margin, BigDecimal monthlyExpenses)
        implements Checked {

    @Override
    public void check(Checks checks) {
        checks.required("currency", currency);
        checks.number("loss", loss).required().positive();
        checks.number("margin", margin).required().above(0).atMost(1).digits(1, 10);
        checks.number("monthlyExpenses", monthlyExpenses).positive();
    }

    LossBreakeven.Input toInput() {
        FieldErrors errors = new FieldErrors();
        var input = new LossBreakeven.Input(errors.money("$.loss", currency, loss), margin,
                errors.money("$.monthlyExpenses", currency, monthlyExpenses));
        errors.throwIfAny();
        return input;
    }
}
