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

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * A day to compute for that lies within {@link #before()} years before and {@link #after()} years
 * after today, today being the validator's clock ({@link jakarta.validation.ClockProvider}, the
 * application's clock in the container): further is a typo, not a plan. Absent is valid.
 */
@Documented
@Target({ FIELD, ANNOTATION_TYPE })
@Retention(RUNTIME)
@Constraint(validatedBy = WithinYearsOfToday.Validator.class)
public @interface WithinYearsOfToday {

    String message() default "{io.creditguard.validation.WithinYearsOfToday.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    int before();

    int after();

    final class Validator implements ConstraintValidator<WithinYearsOfToday, LocalDate> {
        private int before;
        private int after;

        @Override
        public void initialize(WithinYearsOfToday annotation) {
            before = annotation.before();
            after = annotation.after();
        }

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            LocalDate today = LocalDate.now(context.getClockProvider().getClock());
            boolean valid = !value.isBefore(today.minusYears(before)) && !value.isAfter(today.plusYears(after));
            if (!valid) {
                context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("today", today.toString());
            }
            return valid;
        }
    }
}
