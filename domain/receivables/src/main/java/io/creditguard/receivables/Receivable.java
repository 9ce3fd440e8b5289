package io.creditguard.receivables;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import io.creditguard.validation.Violations;

/**
 * A debt as every feature sees it, the book's invoice and the claim's debt alike: issued on a day,
 * due on a day, for an amount of which some is still open.
 */
public interface Receivable {

    LocalDate issueDate();

    LocalDate dueDate();

    BigDecimal amount();

    BigDecimal openAmount();

    /**
     * What holds between a receivable's fields: the open amount does not exceed the amount, the due
     * date is not before the issue date. Fields that are absent are their own constraints' to report.
     */
    @Documented
    @Target(TYPE)
    @Retention(RUNTIME)
    @Constraint(validatedBy = Consistent.Validator.class)
    @interface Consistent {

        String message() default "{io.creditguard.receivables.Receivable.Consistent.message}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<Consistent, Receivable> {
            @Override
            public boolean isValid(Receivable r, ConstraintValidatorContext context) {
                if (r == null) {
                    return true;
                }
                boolean valid = true;
                if (r.amount() != null && r.openAmount() != null && r.openAmount().compareTo(r.amount()) > 0) {
                    Violations.add(context, "{io.creditguard.receivables.Receivable.openAboveAmount}",
                            Map.of("amount", r.amount().toPlainString()), "openAmount");
                    valid = false;
                }
                if (r.issueDate() != null && r.dueDate() != null && r.dueDate().isBefore(r.issueDate())) {
                    Violations.add(context, "{io.creditguard.receivables.Receivable.dueBeforeIssue}",
                            Map.of("issueDate", r.issueDate().toString()), "dueDate");
                    valid = false;
                }
                return valid;
            }
        }
    }
}
