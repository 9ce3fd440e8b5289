package io.creditguard.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Currency;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An ISO 4217 currency that money is paid in: one with a minor unit (SEK, EUR, JPY), not a metal,
 * a fund or a testing code (XAU, XDR, XXX), which have none. Mapping JSON already refuses codes
 * that are not ISO 4217 at all. Absent is valid.
 */
@Documented
@Target({ FIELD, ANNOTATION_TYPE })
@Retention(RUNTIME)
@Constraint(validatedBy = PaymentCurrency.Validator.class)
public @interface PaymentCurrency {

    String message() default "{io.creditguard.validation.PaymentCurrency.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<PaymentCurrency, Currency> {
        @Override
        public boolean isValid(Currency value, ConstraintValidatorContext context) {
            return value == null || value.getDefaultFractionDigits() >= 0;
        }
    }
}
