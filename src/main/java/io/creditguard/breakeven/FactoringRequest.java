package io.creditguard.breakeven;

import java.math.BigDecimal;
import java.util.Currency;

import io.creditguard.http.Checked;
import io.creditguard.http.Checks;
import io.creditguard.http.FieldErrors;
import io.creditguard.money.Money;

/**
 * Body of {@code POST /breakeven/factoring}; amounts per year in {@code currency}, rates as fractions.
 * Give either {@code expectedCreditDays} (after factoring) or {@code creditDaysReduction}.
 */
public record FactoringRequest(
        Currency currency,
        BigDecimal annualTurnover,
        Integer invoicesPerYear,
        Integer paymentTermsDays,
        BigDecimal currentCreditDays,
        BigDecimal expectedCreditDays,
        BigDecimal creditDaysReduction,
        BigDecimal internalInterestRate,
        BigDecimal lateInterestGain,
        BigDecimal reminderShare,
        BigDecimal reminderFee,
        BigDecimal collectionCostSavings,
        BigDecimal personnelSavings,
        BigDecimal feePerInvoice,
        BigDecimal feeRateOfTurnover,
        BigDecimal creditLimit,
        BigDecimal limitFeeRate,
        BigDecimal financingRate,
        BigDecimal advanceRate,
        Integer dayCountBasis,
        BigDecimal sekPerCurrencyUnit) implements Checked {

    @Override
    public void check(Checks checks) {
        checks.required("currency", currency);
        checks.number("annualTurnover", annualTurnover).required().positive();
        checks.number("invoicesPerYear", invoicesPerYear).required().positive().atMost(10_000_000);
        checks.number("paymentTermsDays", paymentTermsDays).required().positiveOrZero().atMost(3650);
        checks.number("currentCreditDays", currentCreditDays).required().positiveOrZero().atMost(3650).digits(4, 2);
        checks.number("expectedCreditDays", expectedCreditDays).positiveOrZero().atMost(3650).digits(4, 2);
        checks.number("creditDaysReduction", creditDaysReduction).positiveOrZero().atMost(3650).digits(4, 2);
        fraction(checks, "internalInterestRate", internalInterestRate).required();
        checks.number("lateInterestGain", lateInterestGain).positiveOrZero();
        fraction(checks, "reminderShare", reminderShare);
        checks.number("reminderFee", reminderFee).positiveOrZero();
        checks.number("collectionCostSavings", collectionCostSavings).positiveOrZero();
        checks.number("personnelSavings", personnelSavings).positiveOrZero();
        checks.number("feePerInvoice", feePerInvoice).positiveOrZero();
        fraction(checks, "feeRateOfTurnover", feeRateOfTurnover);
        checks.number("creditLimit", creditLimit).positive();
        fraction(checks, "limitFeeRate", limitFeeRate);
        fraction(checks, "financingRate", financingRate);
        fraction(checks, "advanceRate", advanceRate);
        checks.number("sekPerCurrencyUnit", sekPerCurrencyUnit).positive().digits(6, 6);
    }

    private static Checks.Numeric fraction(Checks checks, String field, BigDecimal rate) {
        return checks.number(field, rate).atLeast(0).atMost(1).digits(1, 10);
    }

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
