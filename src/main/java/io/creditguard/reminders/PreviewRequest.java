package io.creditguard.reminders;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.creditguard.http.FieldErrors;
import io.creditguard.receivables.Invoice;

/** Body of {@code POST /reminders/preview}: the invoices to look at, on which day, under which policy. */
public record PreviewRequest(
        LocalDate asOf,
        @Valid ReminderPolicy policy,
        @NotNull(message = "is required") @Size(max = 1000, message = "at most 1000 invoices per preview; use the scheduled run for a whole book")
        List<@NotNull @Valid Invoice> invoices) {

    /** Previews may look back ten years and ahead two; further is a typo, not a plan. */
    static final int YEARS_BACK = 10;
    static final int YEARS_AHEAD = 2;

    /**
     * The day to preview (today when absent), after the checks that span fields.
     *
     * @throws io.creditguard.http.ProblemException 422 listing every inconsistency
     */
    LocalDate checkedAsOf(LocalDate today) {
        FieldErrors errors = new FieldErrors();
        LocalDate day = asOf == null ? today : asOf;
        if (day.isBefore(today.minusYears(YEARS_BACK)) || day.isAfter(today.plusYears(YEARS_AHEAD))) {
            errors.add("$.asOf", "must be within " + YEARS_BACK + " years before and " + YEARS_AHEAD
                    + " years after today (" + today + ")");
        }
        if (policy != null) {
            policy.checkConsistency("$.policy", errors);
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < invoices.size(); i++) {
            Invoice invoice = invoices.get(i);
            invoice.checkConsistency("$.invoices[" + i + "]", errors);
            if (!ids.add(invoice.invoiceId())) {
                errors.add("$.invoices[" + i + "].invoiceId", "repeats an earlier invoice's id");
            }
        }
        errors.throwIfAny();
        return day;
    }
}
