package io.creditguard.breakeven;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import io.creditguard.http.Checked;
import io.creditguard.http.Checks;
import io.creditguard.http.FieldErrors;

/** Body of {@code POST /breakeven/protection}; without {@code options} the dated defaults are compared. */
public record ProtectionRequest(Currency currency, BigDecimal annualTurnover, BigDecimal expectedLossRate,
        BigDecimal largestExposure, BigDecimal margin, List<OptionRequest> options) implements Checked {

    @Override
    public void check(Checks checks) {
        checks.required("currency", currency);
        checks.number("annualTurnover", annualTurnover).required().positive();
        checks.number("expectedLossRate", expectedLossRate).atLeast(0).atMost(1).digits(1, 10);
        checks.number("largestExposure", largestExposure).positive();
        checks.number("margin", margin).above(0).atMost(1).digits(1, 10);
        checks.list("options", options, 1, 20);
    }

    /** One option as the caller prices it. */
    public record OptionRequest(ProtectionKind kind, BigDecimal costRate, BigDecimal coverRatio) implements Checked {

        @Override
        public void check(Checks checks) {
            checks.required("kind", kind);
            checks.number("costRate", costRate).required().atLeast(0).atMost(1).digits(1, 10);
            checks.number("coverRatio", coverRatio).required().atLeast(0).atMost(1).digits(1, 10);
        }
    }

    ProtectionComparison.Input toInput(List<ProtectionOption> defaults) {
        FieldErrors errors = new FieldErrors();
        var input = new ProtectionComparison.Input(errors.money("$.annualTurnover", currency, annualTurnover),
                expectedLossRate, errors.money("$.largestExposure", currency, largestExposure), margin,
                options == null ? defaults
                        : options.stream().map(o -> ProtectionOption.exact(o.kind(), o.costRate(), o.coverRatio()))
                                .toList());
        errors.throwIfAny();
        return input;
    }
}
