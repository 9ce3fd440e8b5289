package io.creditguard.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An ISO 3166-1 alpha-2 country code as the JDK knows them ({@code SE}, {@code NL}; capitals only,
 * {@code Sweden} and {@code se} are not codes). Absent is valid.
 */
@Documented
@Target({ FIELD, ANNOTATION_TYPE })
@Retention(RUNTIME)
@Constraint(validatedBy = CountryCode.Validator.class)
public @interface CountryCode {

    String message() default "{io.creditguard.validation.CountryCode.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<CountryCode, String> {
        private static final Set<String> CODES = Set.of(Locale.getISOCountries());

        /** Whether {@code value} is a code, for a country given outside a constrained field (a path's segment). */
        public static boolean isCode(String value) {
            return CODES.contains(value);
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isCode(value);
        }
    }
}
