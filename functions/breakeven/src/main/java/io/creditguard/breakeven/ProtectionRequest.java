package io.creditguard.breakeven;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.creditguard.money.Money;
import io.creditguard.validation.AmountsFitCurrency;
import io.creditguard.validation.Fraction;
import io.creditguard.validation.PaymentCurrency;
import io.creditguard.validation.Violations;

/**
 * Body of {@code POST /breakeven/protection}; without {@code options} the dated defaults are compared.
 *
 * @param annualTurnover required unless {@code fromBook}
 * @param fromBook the annual turnover (invoiced in the 12 months to the last reminder run) and the largest
 *     exposure come from the customer ledger, converted into {@code currency}; the request then gives neither
 */
@AmountsFitCurrency
@ProtectionRequest.TurnoverOnce
public record ProtectionRequest(
        @NotNull @PaymentCurrency Currency currency,
        @Positive BigDecimal annualTurnover,
        @Fraction BigDecimal expectedLossRate,
        @Positive BigDecimal largestExposure,
        @Positive @Fraction BigDecimal margin,
        @Size(min = 1, max = 20) List<@NotNull @Valid OptionRequest> options,
        Boolean fromBook) implements AmountsFitCurrency.MoneyFields {

    public ProtectionRequest {
        fromBook = Boolean.TRUE.equals(fromBook);
    }

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
        return toInput(defaults, Money.of(currency, annualTurnover), Money.ofNullable(currency, largestExposure));
    }

    /** The comparison's input with the turnover and largest exposure as given (from the book). */
    ProtectionComparison.Input toInput(List<ProtectionOption> defaults, Money turnover, Money largest) {
        return new ProtectionComparison.Input(turnover, expectedLossRate, largest, margin,
                options == null ? defaults
                        : options.stream().map(o -> ProtectionOption.exact(o.kind(), o.costRate(), o.coverRatio())).toList());
    }

    /** The turnover comes from the request or from the book, once. */
    @Documented
    @Target(TYPE)
    @Retention(RUNTIME)
    @Constraint(validatedBy = TurnoverOnce.Validator.class)
    public @interface TurnoverOnce {

        String PREFIX = "{io.creditguard.breakeven.ProtectionRequest.";

        String message() default PREFIX + "turnoverRequired}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<TurnoverOnce, ProtectionRequest> {
            @Override
            public boolean isValid(ProtectionRequest r, ConstraintValidatorContext context) {
                boolean valid = true;
                if (!r.fromBook() && r.annualTurnover() == null) {
                    Violations.add(context, PREFIX + "turnoverRequired}", "annualTurnover");
                    valid = false;
                }
                if (r.fromBook() && r.annualTurnover() != null) {
                    Violations.add(context, PREFIX + "fromBook}", "annualTurnover");
                    valid = false;
                }
                if (r.fromBook() && r.largestExposure() != null) {
                    Violations.add(context, PREFIX + "fromBook}", "largestExposure");
                    valid = false;
                }
                return valid;
            }
        }
    }
}
