package io.creditguard.customers;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Size;

import io.creditguard.validation.InEra;
import io.creditguard.validation.SingleLine;
import io.creditguard.validation.Violations;
import io.creditguard.validation.WithinYearsOfToday;

/**
 * Body of {@code PATCH /invoices/{invoiceId}} (JSON merge patch, RFC 7396): what a finance user decides about one
 * open invoice. A field left out is left as it is; {@code null} clears it.
 *
 * @param disputed the customer disputes the invoice: dunning stops until it is false again
 * @param disputeReason why, required with {@code disputed: true}
 * @param pausedUntil no letter until the day after this one
 * @param promisedPaymentDate the customer promised to pay by this day (today at the earliest, a year ahead at the
 *     latest): dunning waits until it plus the policy's grace days; if it passes unpaid the promise is broken,
 *     dunning resumes and the ledger counts it
 */
@InvoicePatch.ReasonWithDispute
public record InvoicePatch(
        Boolean disputed,
        @Size(max = 500) @SingleLine String disputeReason,
        @FutureOrPresent @InEra LocalDate pausedUntil,
        @WithinYearsOfToday(before = 0, after = 1) @FutureOrPresent LocalDate promisedPaymentDate) {

    /** A dispute says why; a reason comes with a dispute. */
    @Documented
    @Target(TYPE)
    @Retention(RUNTIME)
    @Constraint(validatedBy = ReasonWithDispute.Validator.class)
    public @interface ReasonWithDispute {

        String PREFIX = "{io.creditguard.customers.InvoicePatch.";

        String message() default PREFIX + "reasonRequired}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<ReasonWithDispute, InvoicePatch> {
            @Override
            public boolean isValid(InvoicePatch patch, ConstraintValidatorContext context) {
                boolean disputed = Boolean.TRUE.equals(patch.disputed());
                boolean reason = patch.disputeReason() != null && !patch.disputeReason().isBlank();
                if (disputed && !reason) {
                    Violations.add(context, PREFIX + "reasonRequired}", "disputeReason");
                    return false;
                }
                if (!disputed && reason) {
                    Violations.add(context, PREFIX + "reasonWithoutDispute}", "disputeReason");
                    return false;
                }
                return true;
            }
        }
    }
}
