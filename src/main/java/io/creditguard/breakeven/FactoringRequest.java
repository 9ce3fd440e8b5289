package io.creditguard.breakeven;

import java.math.BigDecimal;
import java.util.Currency;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import io.creditguard.http.FieldErrors;
import io.creditguard.money.Money;

/**
 * Body of {@code POST /breakeven/factoring}; amounts per year in {@code currency}, rates as fractions.
 * Give either {@code expectedCreditDays} (after factoring) or {@code creditDaysReduction}.
 */
public record FactoringRequest(
        @NotNull(message = "is required") Currency currency,
        @NotNull(message = "is required") @Positive BigDecimal annualTurnover,
        @NotNull(message = "is required") @Positive @Max(10_000_000) Integer invoicesPerYear,
        @NotNull(message = "is required") @PositiveOrZero @Max(3650) Integer paymentTermsDays,
        @NotNull(message = "is required") @PositiveOrZero @DecimalMax("3650") @Digits(integer = 4, fraction = 2)
        BigDecimal currentCreditDays,
        @PositiveOrZero @DecimalMax("3650") @Digits(integer = 4, fraction = 2) BigDecimal expectedCreditDays,
        @PositiveOrZero @DecimalMax("3650") @Digits(integer = 4, fraction = 2) BigDecimal creditDaysReduction,
        @NotNull(message = "is required") @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 10)
        BigDecimal internalInterestRate,
        @PositiveOrZero BigDecimal lateInterestGain,
        @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 10) BigDecimal reminderShare,
        @PositiveOrZero BigDecimal reminderFee,
        @PositiveOrZero BigDecimal collectionCostSavings,
        @PositiveOrZero BigDecimal personnelSavings,
        @PositiveOrZero BigDecimal feePerInvoice,
        @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 10) BigDecimal feeRateOfTurnover,
        @Positive BigDecimal creditLimit,
        @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 10) BigDecimal limitFeeRate,
        @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 10) BigDecimal financingRate,
        @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 10) BigDecimal advanceRate,
        Integer dayCountBasis,
        @Positive @Digits(integer = 6, fraction = 6) BigDecimal sekPerCurrencyUnit) {

    FactoringAnalysis.Input toInput() {
        FieldErrors errors = new FieldErrors();
        BigDecimal reduction = reductionDays(errors);
        if (feePerInvoice == null && feeRateOfTurnover == null) {
            errors.add("$.feePerInvoice", "or feeRateOfTurnover is required: the factoring company's price");
        }
        if (limitFeeRate != null && creditLimit == null) {
            errors.add("$.creditLimit", "is required when limitFeeRate is given");
        }
        int basis = dayCountBasis == null ? 360 : dayCountBasis;
        if (basis != 360 && basis != 365) {
            errors.add("$.dayCountBasis", "must be 360 or 365");
        }
        var input = new FactoringAnalysis.Input(errors.money("$.annualTurnover", currency, annualTurnover),
                invoicesPerYear, paymentTermsDays, currentCreditDays, reduction, internalInterestRate,
                orZero(errors, "$.lateInterestGain", lateInterestGain),
                reminderShare == null ? BigDecimal.ZERO : reminderShare,
                orZero(errors, "$.reminderFee", reminderFee),
                orZero(errors, "$.collectionCostSavings", collectionCostSavings),
                orZero(errors, "$.personnelSavings", personnelSavings),
                orZero(errors, "$.feePerInvoice", feePerInvoice),
                feeRateOfTurnover == null ? BigDecimal.ZERO : feeRateOfTurnover,
                errors.money("$.creditLimit", currency, creditLimit), limitFeeRate, financingRate, advanceRate, basis,
                sekPerCurrencyUnit);
        errors.throwIfAny();
        return input;
    }

    private BigDecimal reductionDays(FieldErrors errors) {
        BigDecimal fromExpected = expectedCreditDays == null ? null : currentCreditDays.subtract(expectedCreditDays);
        if (fromExpected != null && fromExpected.signum() < 0) {
            errors.add("$.expectedCreditDays", "must not exceed currentCreditDays: factoring that slows payment"
                    + " has nothing to gain");
            return null;
        }
        if (fromExpected == null && creditDaysReduction == null) {
            errors.add("$.expectedCreditDays", "or creditDaysReduction is required: how much sooner customers pay");
            return null;
        }
        if (fromExpected != null && creditDaysReduction != null
                && fromExpected.compareTo(creditDaysReduction) != 0) {
            errors.add("$.creditDaysReduction", "contradicts currentCreditDays − expectedCreditDays ("
                    + fromExpected.toPlainString() + "); give one of the two");
            return null;
        }
        if (creditDaysReduction != null && creditDaysReduction.compareTo(currentCreditDays) > 0) {
            errors.add("$.creditDaysReduction", "must not exceed currentCreditDays");
            return null;
        }
        return fromExpected != null ? fromExpected : creditDaysReduction;
    }

    private Money orZero(FieldErrors errors, String field, BigDecimal amount) {
        return amount == null ? Money.zero(currency) : errors.money(field, currency, amount);
    }
}
