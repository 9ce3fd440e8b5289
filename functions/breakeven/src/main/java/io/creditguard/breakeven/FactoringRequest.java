package io.creditguard.breakeven;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import io.creditguard.money.Money;
import io.creditguard.validation.AmountsFitCurrency;
import io.creditguard.validation.Fraction;
import io.creditguard.validation.PaymentCurrency;
import io.creditguard.validation.Violations;

/**
 * Body of {@code POST /breakeven/factoring}; amounts per year in {@code currency}, rates as fractions.
 * Give either {@code expectedCreditDays} (after factoring) or {@code creditDaysReduction}, and the
 * factoring company's price as {@code feePerInvoice}, {@code feeRateOfTurnover} or both.
 *
 * @param dayCountBasis 360 (the default, as factoring companies count) or 365
 */
@AmountsFitCurrency
@FactoringRequest.Consistent
public record FactoringRequest(
        @NotNull @PaymentCurrency Currency currency,
        @NotNull @Positive BigDecimal annualTurnover,
        @NotNull @Positive @Max(10_000_000) Integer invoicesPerYear,
        @NotNull @PositiveOrZero @Max(3650) Integer paymentTermsDays,
        @NotNull @PositiveOrZero @DecimalMax("3650") @Digits(integer = 4, fraction = 2) BigDecimal currentCreditDays,
        @PositiveOrZero @DecimalMax("3650") @Digits(integer = 4, fraction = 2) BigDecimal expectedCreditDays,
        @PositiveOrZero @DecimalMax("3650") @Digits(integer = 4, fraction = 2) BigDecimal creditDaysReduction,
        @NotNull @Fraction BigDecimal internalInterestRate,
        @PositiveOrZero BigDecimal lateInterestGain,
        @Fraction BigDecimal reminderShare,
        @PositiveOrZero BigDecimal reminderFee,
        @PositiveOrZero BigDecimal collectionCostSavings,
        @PositiveOrZero BigDecimal personnelSavings,
        @PositiveOrZero BigDecimal feePerInvoice,
        @Fraction BigDecimal feeRateOfTurnover,
        @Positive BigDecimal creditLimit,
        @Fraction BigDecimal limitFeeRate,
        @Fraction BigDecimal financingRate,
        @Fraction BigDecimal advanceRate,
        Integer dayCountBasis,
        @Positive @Digits(integer = 6, fraction = 6) BigDecimal sekPerCurrencyUnit)
        implements AmountsFitCurrency.MoneyFields {

    public FactoringRequest {
        dayCountBasis = dayCountBasis == null ? 360 : dayCountBasis;
    }

    @Override
    public List<AmountsFitCurrency.Amount> amounts() {
        return List.of(new AmountsFitCurrency.Amount(currency, annualTurnover, "annualTurnover"),
                new AmountsFitCurrency.Amount(currency, lateInterestGain, "lateInterestGain"),
                new AmountsFitCurrency.Amount(currency, reminderFee, "reminderFee"),
                new AmountsFitCurrency.Amount(currency, collectionCostSavings, "collectionCostSavings"),
                new AmountsFitCurrency.Amount(currency, personnelSavings, "personnelSavings"),
                new AmountsFitCurrency.Amount(currency, feePerInvoice, "feePerInvoice"),
                new AmountsFitCurrency.Amount(currency, creditLimit, "creditLimit"));
    }

    /** How many days sooner customers pay: given, or the current days less the expected ones. */
    private BigDecimal reductionDays() {
        return creditDaysReduction != null ? creditDaysReduction : currentCreditDays.subtract(expectedCreditDays);
    }

    FactoringAnalysis.Input toInput() {
        return new FactoringAnalysis.Input(Money.of(currency, annualTurnover), invoicesPerYear, paymentTermsDays,
                currentCreditDays, reductionDays(), internalInterestRate, orZero(lateInterestGain),
                reminderShare == null ? BigDecimal.ZERO : reminderShare, orZero(reminderFee), orZero(collectionCostSavings),
                orZero(personnelSavings), orZero(feePerInvoice),
                feeRateOfTurnover == null ? BigDecimal.ZERO : feeRateOfTurnover, Money.ofNullable(currency, creditLimit),
                limitFeeRate, financingRate, advanceRate, dayCountBasis, sekPerCurrencyUnit);
    }

    private Money orZero(BigDecimal amount) {
        return amount == null ? Money.zero(currency) : Money.of(currency, amount);
    }

    /**
     * The rules between the fields: how much sooner customers pay is given once and is not more than
     * they take today; the factoring company has a price; a limit fee has a limit to apply to; the
     * day-count basis is one factoring companies use.
     */
    @Documented
    @Target(TYPE)
    @Retention(RUNTIME)
    @Constraint(validatedBy = Consistent.Validator.class)
    public @interface Consistent {

        String PREFIX = "{io.creditguard.breakeven.FactoringRequest.";

        String message() default PREFIX + "Consistent.message}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<Consistent, FactoringRequest> {
            @Override
            public boolean isValid(FactoringRequest r, ConstraintValidatorContext context) {
                boolean valid = reduction(r, context);
                if (r.feePerInvoice() == null && r.feeRateOfTurnover() == null) {
                    Violations.add(context, PREFIX + "priceRequired}", "feePerInvoice");
                    valid = false;
                }
                if (r.limitFeeRate() != null && r.creditLimit() == null) {
                    Violations.add(context, PREFIX + "limitRequired}", "creditLimit");
                    valid = false;
                }
                if (r.dayCountBasis() != 360 && r.dayCountBasis() != 365) {
                    Violations.add(context, PREFIX + "dayCountBasis}", "dayCountBasis");
                    valid = false;
                }
                return valid;
            }

            private static boolean reduction(FactoringRequest r, ConstraintValidatorContext context) {
                if (r.currentCreditDays() == null) {
                    return true;
                }
                BigDecimal fromExpected = r.expectedCreditDays() == null ? null
                        : r.currentCreditDays().subtract(r.expectedCreditDays());
                String problem = null;
                String field = "expectedCreditDays";
                Map<String, Object> parameters = Map.of();
                if (fromExpected != null && fromExpected.signum() < 0) {
                    problem = "slower";
                } else if (fromExpected == null && r.creditDaysReduction() == null) {
                    problem = "reductionRequired";
                } else if (fromExpected != null && r.creditDaysReduction() != null
                        && fromExpected.compareTo(r.creditDaysReduction()) != 0) {
                    problem = "contradicts";
                    field = "creditDaysReduction";
                    parameters = Map.of("difference", fromExpected.toPlainString());
                } else if (r.creditDaysReduction() != null && r.creditDaysReduction().compareTo(r.currentCreditDays()) > 0) {
                    problem = "reductionAboveCurrent";
                    field = "creditDaysReduction";
                }
                if (problem != null) {
                    Violations.add(context, PREFIX + problem + "}", parameters, field);
                }
                return problem == null;
            }
        }
    }
}
