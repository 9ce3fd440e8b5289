package io.creditguard.breakeven;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.creditguard.http.FieldErrors;

/** Body of {@code POST /breakeven/protection}; without {@code options} the dated defaults are compared. */
public record ProtectionRequest(
        @NotNull(message = "is required") Currency currency,
        @NotNull(message = "is required") @Positive BigDecimal annualTurnover,
        @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 10) BigDecimal expectedLossRate,
        @Positive BigDecimal largestExposure,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @Digits(integer = 1, fraction = 10)
        BigDecimal margin,
        @Size(min = 1, max = 20) List<@NotNull(message = "is required") @Valid OptionRequest> options) {

    /** One option as the caller prices it. */
    public record OptionRequest(
            @NotNull(message = "is required") ProtectionKind kind,
            @NotNull(message = "is required") @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 10)
            BigDecimal costRate,
            @NotNull(message = "is required") @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 10)
            BigDecimal coverRatio) {
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
