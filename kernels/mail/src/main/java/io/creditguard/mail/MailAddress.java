package io.creditguard.mail;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * One mail address as a From, Reply-To or Bcc header takes it, with or without a display name
 * ({@code reskontra@example.se}, {@code Reskontra <reskontra@example.se>}), parsed by the RFC 822
 * rules of the mail API in strict mode; never a list. Absent is valid.
 */
@Documented
@Target({ FIELD, ANNOTATION_TYPE })
@Retention(RUNTIME)
@Constraint(validatedBy = MailAddress.Validator.class)
public @interface MailAddress {

    String message() default "{io.creditguard.mail.MailAddress.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<MailAddress, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                InternetAddress[] parsed = InternetAddress.parse(value, true);
                return parsed.length == 1 && parsed[0].getAddress().contains("@");
            } catch (AddressException e) {
                return false;
            }
        }
    }
}
