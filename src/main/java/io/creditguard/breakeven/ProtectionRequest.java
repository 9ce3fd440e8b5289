package io.creditguard.breakeven;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.creditguard.money.Money;
import io.creditguard.validation.AmountsFitCurrency;
import io.creditguard.validation.Fraction;
import io.creditguard.validation.PaymentCurrency;

/** Body of {@code POST /breakeven/protection}; without {@code options} the dated defaults are compared. */
@AmountsFitCurrency
public record ProtectionRequest(
        @NotNull @PaymentCurrency Currency currency,
        @NotNull @Positive BigDecimal annualTurnover,
        @Fraction BigDecimal expectedLossRate,
        @Positive BigDecimal largestExposure,
        @Positive @Fraction BigDecimal margin,
        @Size(min = 1, max = 20) List<@NotNull @Valid OptionRequest> options) implements AmountsFitCurrency.MoneyFields {

    /** One option as the caller prices it. */
    public record OptionRequest(
            @NotNull ProtectionKind kind,
            @NotNull @Fraction BigDecimal costRate,
            @NotNull @Fraction BigDecimal coverRatio) {
    }

    @Override
    public List<AmountsFitCurrency.Amount> amounts() {
        return List.of(new AmountsFitCurrency.Amount(currency, annualTurnover, "annualTurnover"),
                new AmountsFitCurrency.Amount(currency, largestExposure, "largestExposure"));
    }

    ProtectionComparison.Input toInput(List<ProtectionOption> defaults) {
        return new ProtectionComparison.Input(Money.of(currency, annualTurnover), expectedLossRate,
                Money.ofNullable(currency, largestExposure), margin,
                options == null ? defaults
                        : options.stream().map(o -> ProtectionOption.exact(o.kind(), o.costRate(), o.coverRatio())).toList());
    }
}
