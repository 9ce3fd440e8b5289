package io.creditguard.reminders;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.creditguard.http.Checked;
import io.creditguard.http.Checks;
import io.creditguard.http.FieldErrors;
import io.creditguard.receivables.Invoice;

/** Body of {@code POST /reminders/preview}: the invoices to look at, on which day, under which policy. */
public record PreviewRequest(LocalDate asOf, ReminderPolicy policy, List<Invoice> invoices) implements Checked {

    static final int MAX_INVOICES = 1000;

    @Override
    public void check(Checks checks) {
        checks.nested("policy", policy);
        if (!checks.required("invoices", invoices)) {
            return;
        }
        if (invoices.size() > MAX_INVOICES) {
            checks.fail("invoices", "at most " + MAX_INVOICES + " invoices per preview; use the scheduled run for a whole book");
            return;
        }
        checks.list("invoices", invoices, 0, MAX_INVOICES);
    }

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
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < invoices.size(); i++) {
            if (!ids.add(invoices.get(i).invoiceId())) {
                errors.add("$.invoices[" + i + "].invoiceId", "repeats an earlier invoice's id");
            }
        }
        errors.throwIfAny();
        return day;
    }
}
