package io.creditguard.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;

/**
 * A rate as a fraction: 0 to 1 inclusive ({@code 0.05} is 5 %), at most ten decimals. Composed of
 * Bean Validation's own constraints, so each broken part reports in their words. Absent is valid.
 */
@Documented
@Target({ FIELD, ANNOTATION_TYPE })
@Retention(RUNTIME)
@Constraint(validatedBy = {})
@DecimalMin("0")
@DecimalMax("1")
@Digits(integer = 1, fraction = 10)
public @interface Fraction {

    String message() default "{io.creditguard.validation.Fraction.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
