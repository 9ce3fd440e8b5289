package io.creditguard.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * Text naming a constant of {@link #value()}, for a field whose unknown value is a rule broken (422)
 * rather than a field of the wrong type: a policy's level kind or fee code, where the record then
 * reads the name as the enum. Absent is valid.
 */
@Documented
@Target({ FIELD, ANNOTATION_TYPE })
@Retention(RUNTIME)
@Constraint(validatedBy = EnumName.Validator.class)
public @interface EnumName {

    Class<? extends Enum<?>> value();

    String message() default "{io.creditguard.validation.EnumName.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<EnumName, String> {
        private Set<String> names;

        @Override
        public void initialize(EnumName annotation) {
            names = Arrays.stream(annotation.value().getEnumConstants()).map(Enum::name)
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || names.contains(value)) {
                return true;
            }
            context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("names", String.join(", ", names));
            return false;
        }
    }
}
