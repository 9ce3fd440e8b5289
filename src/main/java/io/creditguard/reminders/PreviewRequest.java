package io.creditguard.reminders;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.creditguard.receivables.Invoice;
import io.creditguard.validation.Violations;
import io.creditguard.validation.WithinYearsOfToday;

/**
 * Body of {@code POST /reminders/preview}: the invoices to look at, on which day (today when absent;
 * ten years back and two ahead at most), under which policy (the default when absent).
 */
@PreviewRequest.UniqueInvoiceIds
public record PreviewRequest(
        @WithinYearsOfToday(before = 10, after = 2) LocalDate asOf,
        @Valid ReminderPolicy policy,
        @NotNull @Size(max = 1000, message = "{io.creditguard.reminders.PreviewRequest.invoices.size}")
        List<@NotNull @Valid Invoice> invoices) {

    /** Each invoice once: the answer's reminders and skips are keyed by invoice id. */
    @Documented
    @Target(TYPE)
    @Retention(RUNTIME)
    @Constraint(validatedBy = UniqueInvoiceIds.Validator.class)
    public @interface UniqueInvoiceIds {

        String message() default "{io.creditguard.reminders.PreviewRequest.UniqueInvoiceIds.message}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<UniqueInvoiceIds, PreviewRequest> {
            @Override
            public boolean isValid(PreviewRequest request, ConstraintValidatorContext context) {
                if (request == null || request.invoices() == null) {
                    return true;
                }
                boolean valid = true;
                Set<String> ids = new HashSet<>();
                for (int i = 0; i < request.invoices().size(); i++) {
                    Invoice invoice = request.invoices().get(i);
                    if (invoice != null && invoice.invoiceId() != null && !ids.add(invoice.invoiceId())) {
                        Violations.add(context, "{io.creditguard.reminders.PreviewRequest.UniqueInvoiceIds.message}",
                                "invoices", i, "invoiceId");
                        valid = false;
                    }
                }
                return valid;
            }
        }
    }
}
