package io.creditguard.reminders;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.creditguard.receivables.Invoice;
import io.creditguard.validation.Violations;
import io.creditguard.validation.WithinYearsOfToday;

/**
 * Body of {@code POST /reminders/preview}: the invoices to look at, on which day (today when absent;
 * ten years back and two ahead at most), under which policy (the default when absent), and the
 * policies customers name ({@code customer.policy}), by name, as the store's {@code config/policies/}
 * would hold them for the run.
 */
@PreviewRequest.Consistent
public record PreviewRequest(
        @WithinYearsOfToday(before = ReminderRun.AS_OF_YEARS_BACK, after = ReminderRun.AS_OF_YEARS_AHEAD) LocalDate asOf,
        @Valid ReminderPolicy policy,
        @Size(max = 20) Map<@Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "{io.creditguard.receivables.Invoice.Customer.policy}")
                @Size(max = 64) String, @NotNull @Valid ReminderPolicy> policies,
        @NotNull @Size(max = 1000, message = "{io.creditguard.reminders.PreviewRequest.invoices.size}")
        List<@NotNull @Valid Invoice> invoices) {

    public PreviewRequest {
        policies = policies == null ? Map.of() : policies;
    }

    /**
     * Each invoice once (the answer's letters and skips are keyed by invoice id), nothing paid after
     * the day previewed ({@code asOf}, else today by the validator's clock): a preview looks at what has
     * happened; and each policy a customer names given in {@code policies}.
     */
    @Documented
    @Target(TYPE)
    @Retention(RUNTIME)
    @Constraint(validatedBy = Consistent.Validator.class)
    public @interface Consistent {

        String PREFIX = "{io.creditguard.reminders.PreviewRequest.";

        String message() default PREFIX + "Consistent.message}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<Consistent, PreviewRequest> {
            @Override
            public boolean isValid(PreviewRequest request, ConstraintValidatorContext context) {
                if (request.invoices() == null) {
                    return true;
                }
                LocalDate day = request.asOf() != null ? request.asOf()
                        : LocalDate.now(context.getClockProvider().getClock());
                boolean valid = true;
                Set<String> ids = new HashSet<>();
                for (int i = 0; i < request.invoices().size(); i++) {
                    Invoice invoice = request.invoices().get(i);
                    if (invoice == null) {
                        continue;
                    }
                    if (invoice.invoiceId() != null && !ids.add(invoice.invoiceId())) {
                        Violations.add(context, PREFIX + "repeatedId}", "invoices", i, "invoiceId");
                        valid = false;
                    }
                    String named = invoice.customer() == null ? null : invoice.customer().policy();
                    if (named != null && !request.policies().containsKey(named)) {
                        Violations.add(context, PREFIX + "unknownPolicy}", "invoices", i, "customer", "policy");
                        valid = false;
                    }
                    for (int j = 0; j < invoice.payments().size(); j++) {
                        Invoice.Payment payment = invoice.payments().get(j);
                        if (payment != null && payment.date() != null && payment.date().isAfter(day)) {
                            Violations.add(context, PREFIX + "paidAfterAsOf}", Map.of("asOf", day.toString()),
                                    "invoices", i, "payments", j, "date");
                            valid = false;
                        }
                    }
                }
                return valid;
            }
        }
    }
}
