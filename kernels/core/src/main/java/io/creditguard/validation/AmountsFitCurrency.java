package io.creditguard.validation;

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

import io.creditguard.money.Currencies;

/**
 * Every amount of a {@link MoneyFields} value is money in its currency: no more decimals than the
 * currency's minor unit (0.001 SEK is not an amount) and below {@value #LIMIT_TEXT}, above any
 * receivable, so a 40-digit amount never reaches the arithmetic. A class-level constraint, because
 * the rule for one field depends on another (the currency, often one level up).
 */
@Documented
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = AmountsFitCurrency.Validator.class)
public @interface AmountsFitCurrency {

    String LIMIT_TEXT = "1000000000000000";

    /** The most decimals a currency has (ISO 4217: four, the Chilean UF and the Uruguayan UYW). */
    int MOST_MINOR_UNITS = 4;

    String message() default "{io.creditguard.validation.AmountsFitCurrency.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A value whose amounts are in currencies it names; what names no currency is another constraint's to report. */
    interface MoneyFields {

        /** Each amount present, with its currency and where it sits below this value. */
        List<Amount> amounts();
    }

    /**
     * One amount.
     *
     * @param path as {@link Violations#add} takes it: {@code "deductible"}, or {@code "debts", 2, "amount"}
     */
    record Amount(Currency currency, BigDecimal value, Object... path) {
    }

    final class Validator implements ConstraintValidator<AmountsFitCurrency, MoneyFields> {
        private static final BigDecimal LIMIT = new BigDecimal(LIMIT_TEXT);

        /**
         * Whether {@code value} may be an amount in some currency: below {@value #LIMIT_TEXT} and with at most
         * {@link #MOST_MINOR_UNITS} decimals that carry a value. For a platform's figure read before it becomes a record
         * this constraint checks: arithmetic on {@code 1e400000000} or {@code 1e-400000000} (short texts, valid numbers)
         * would write out every digit first, minutes of a processor.
         */
        public static boolean plausible(BigDecimal value) {
            return value.abs().compareTo(LIMIT) < 0 && decimals(value) <= MOST_MINOR_UNITS;
        }

        @Override
        public boolean isValid(MoneyFields value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            boolean valid = true;
            for (Amount amount : value.amounts()) {
                if (amount.currency() == null || amount.value() == null
                        || amount.currency().getDefaultFractionDigits() < 0) {
                    continue; // no currency, or none of payment: PaymentCurrency reports it
                }
                if (amount.value().abs().compareTo(LIMIT) >= 0) {
                    Violations.add(context, "{io.creditguard.validation.AmountsFitCurrency.tooLarge}",
                            Map.of("limit", LIMIT_TEXT), amount.path());
                    valid = false;
                } else if (decimals(amount.value()) > Currencies.minorUnits(amount.currency())) {
                    Violations.add(context, "{io.creditguard.validation.AmountsFitCurrency.decimals}",
                            Map.of("currency", amount.currency().getCurrencyCode(),
                                    "scale", Currencies.minorUnits(amount.currency())), amount.path());
                    valid = false;
                }
            }
            return valid;
        }

        /** Decimals that carry a value: 10.50 has one, 1E+3 none. */
        private static int decimals(BigDecimal value) {
            return value.signum() == 0 ? 0 : Math.max(value.stripTrailingZeros().scale(), 0);
        }
    }
}
