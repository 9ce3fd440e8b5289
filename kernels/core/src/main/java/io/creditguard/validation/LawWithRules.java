package io.creditguard.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

import io.creditguard.reference.Jurisdictions;

/**
 * A governing law creditguard has late-payment rules for ({@code reference/jurisdictions.txt}):
 * a contract under another law would be dunned with figures of no law at all. Whether the value is
 * an ISO country code at all is {@link CountryCode}'s to say. Absent is valid.
 */
@Documented
@Target({ FIELD, ANNOTATION_TYPE })
@Retention(RUNTIME)
@Constraint(validatedBy = LawWithRules.Validator.class)
public @interface LawWithRules {

    String message() default "{io.creditguard.validation.LawWithRules.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<LawWithRules, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || !value.matches("[A-Z]{2}") || Jurisdictions.standard().covers(value)) {
                return true;
            }
            context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("laws",
                    String.join(", ", Jurisdictions.standard().countries().stream().sorted().toList()));
            return false;
        }
    }
}
