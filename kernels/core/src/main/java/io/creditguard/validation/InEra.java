package io.creditguard.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date of the receivables era, {@value #EARLIEST_YEAR} to {@value #LATEST_YEAR}: a year outside it
 * is a typo ({@code 0226}, {@code 2226}) that would wreck day counts and interest. Absent is valid.
 */
@Documented
@Target({ FIELD, ANNOTATION_TYPE })
@Retention(RUNTIME)
@Constraint(validatedBy = InEra.Validator.class)
public @interface InEra {

    int EARLIEST_YEAR = 1970;
    int LATEST_YEAR = 2199;

    String message() default "{io.creditguard.validation.InEra.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<InEra, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || (value.getYear() >= EARLIEST_YEAR && value.getYear() <= LATEST_YEAR);
        }
    }
}
