package io.creditguard.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

import io.creditguard.http.Checked;
import io.creditguard.http.Checks;
import io.creditguard.http.FieldErrors;
import io.creditguard.money.Money;
import io.creditguard.receivables.Invoice;

/**
 * Body of {@code POST /claims}: the credit-insurance policy's terms, the buyer, its unpaid debts, what
 * happened, which documents the seller holds, and the day to assess on. Every amount is in the
 * policy's currency.
 *
 * @param claimFiledOn when the claim was filed with the insurer, if it has been
 * @param indemnityPaidOn when the insurer paid the indemnity, if it has; payments after it are recoveries
 * @param language of the cover letter: sv or en (default en)
 */
public record ClaimRequest(
        Policy policy,
        Buyer buyer,
        List<Debt> debts,
        List<Event> events,
        List<DocumentType> documents,
        LocalDate asOf,
        LocalDate claimFiledOn,
        LocalDate indemnityPaidOn,
        String language) implements Checked {

    private static final Pattern LANGUAGE = Pattern.compile("sv|en");

    @Override
    public void check(Checks checks) {
        checks.required("policy", policy);
        checks.nested("policy", policy);
        checks.required("buyer", buyer);
        checks.nested("buyer", buyer);
        checks.nonEmptyList("debts", debts, 500, "must list at least one debt");
        checks.list("events", events, 0, 200);
        checks.list("documents", documents, 0, 20);
        checks.required("asOf", asOf);
        checks.text("language", language).matches(LANGUAGE, "must be sv or en");
    }

    public record Policy(
            String insurer,
            String policyNumber,
            String policyholder,
            Currency currency,
            BigDecimal insuredPercentage,
            BigDecimal deductible,
            BigDecimal minimumClaimAmount,
            BigDecimal maxIndemnity,
            List<CreditLimit> creditLimits,
            BigDecimal discretionaryLimit,
            int maxCreditPeriodDays,
            int overdueNotificationDays,
            int claimFilingDays,
            int waitingPeriodDays,
            Integer paymentDaysAfterValidation) implements Checked {

        @Override
        public void check(Checks checks) {
            checks.text("insurer", insurer).required().maxLength(100).singleLine();
            checks.text("policyNumber", policyNumber).required().maxLength(50).singleLine();
            checks.text("policyholder", policyholder).maxLength(200).singleLine();
            checks.required("currency", currency);
            checks.number("insuredPercentage", insuredPercentage).required().above(0)
                    .atMost(1, "must be a fraction between 0 and 1, such as 0.90");
            checks.number("deductible", deductible).required().positiveOrZero();
            checks.number("minimumClaimAmount", minimumClaimAmount).positiveOrZero();
            checks.number("maxIndemnity", maxIndemnity).positiveOrZero();
            checks.list("creditLimits", creditLimits, 0, 50);
            checks.number("discretionaryLimit", discretionaryLimit).positiveOrZero();
            checks.number("maxCreditPeriodDays", maxCreditPeriodDays).atLeast(1).atMost(365);
            checks.number("overdueNotificationDays", overdueNotificationDays).atLeast(1).atMost(365);
            checks.number("claimFilingDays", claimFilingDays).atLeast(1).atMost(730);
            checks.number("waitingPeriodDays", waitingPeriodDays).atLeast(0).atMost(730);
            checks.number("paymentDaysAfterValidation", paymentDaysAfterValidation).atLeast(1).atMost(365);
        }
    }

    public record CreditLimit(String buyerId, BigDecimal amount, LocalDate approvedOn) implements Checked {

        @Override
        public void check(Checks checks) {
            checks.text("buyerId", buyerId).required().maxLength(100);
            checks.number("amount", amount).required().positiveOrZero();
            checks.required("approvedOn", approvedOn);
        }
    }

    public record Buyer(String id, String name, String country, String registrationNumber) implements Checked {

        @Override
        public void check(Checks checks) {
            checks.text("id", id).required().maxLength(100);
            checks.text("name", name).required().maxLength(200).singleLine();
            checks.text("country", country).present().isoCode(2, true, "must be an ISO 3166 country code such as SE");
            checks.text("registrationNumber", registrationNumber).maxLength(40).singleLine();
        }
    }

    public record Debt(String invoiceId, LocalDate issueDate, LocalDate deliveryDate, LocalDate dueDate,
            BigDecimal amount, BigDecimal openAmount, Boolean vatIncluded, Boolean disputed,
            List<Invoice.SentReminder> remindersSent) implements Checked {

        @Override
        public void check(Checks checks) {
            checks.text("invoiceId", invoiceId).required().maxLength(100).singleLine();
            checks.required("issueDate", issueDate);
            checks.required("dueDate", dueDate);
            checks.number("amount", amount).required().positiveOrZero();
            checks.number("openAmount", openAmount).required().positiveOrZero();
            checks.list("remindersSent", remindersSent, 0, 20);
        }
    }

    public enum EventType {
        OVERDUE_NOTIFIED, INSOLVENCY, BANKRUPTCY, COMPOSITION, COLLECTION_STARTED, PAYMENT_RECEIVED, DISPUTE_RAISED,
        DISPUTE_RESOLVED
    }

    public record Event(EventType type, LocalDate date, BigDecimal amount) implements Checked {

        @Override
        public void check(Checks checks) {
            checks.required("type", type);
            checks.required("date", date);
            checks.number("amount", amount).positiveOrZero();
        }
    }

    public enum DocumentType {
        INVOICE_COPIES, ORDER_CONFIRMATION_OR_CONTRACT, PROOF_OF_DELIVERY, REMINDERS_SENT, ACCOUNT_STATEMENT,
        CORRESPONDENCE, PROOF_OF_INSOLVENCY, PROOF_OF_CLAIM_LODGED
    }

    /**
     * The request as the calculator's input, after the checks between fields.
     *
     * @throws io.creditguard.http.ProblemException 422 listing every inconsistency
     */
    ClaimAssessment.Input toInput() {
        FieldErrors errors = new FieldErrors();
        errors.date("$.asOf", asOf);
        errors.date("$.claimFiledOn", claimFiledOn);
        errors.date("$.indemnityPaidOn", indemnityPaidOn);
        Currency currency = policy.currency();
        Money deductible = errors.money("$.policy.deductible", currency, policy.deductible());
        Money minimum = errors.money("$.policy.minimumClaimAmount", currency, policy.minimumClaimAmount());
        Money cap = errors.money("$.policy.maxIndemnity", currency, policy.maxIndemnity());
        Money discretionary = errors.money("$.policy.discretionaryLimit", currency, policy.discretionaryLimit());
        List<CreditLimit> limits = policy.creditLimits() == null ? List.of() : policy.creditLimits();
        List<ClaimAssessment.Limit> checkedLimits = new java.util.ArrayList<>();
        for (int i = 0; i < limits.size(); i++) {
            CreditLimit limit = limits.get(i);
            Money amount = errors.money("$.policy.creditLimits[" + i + "].amount", currency, limit.amount());
            errors.date("$.policy.creditLimits[" + i + "].approvedOn", limit.approvedOn());
            checkedLimits.add(new ClaimAssessment.Limit(limit.buyerId(), amount, limit.approvedOn()));
        }
        List<ClaimAssessment.DebtInput> checkedDebts = new java.util.ArrayList<>();
        for (int i = 0; i < debts.size(); i++) {
            Debt d = debts.get(i);
            String at = "$.debts[" + i + "]";
            errors.date(at + ".issueDate", d.issueDate());
            errors.date(at + ".deliveryDate", d.deliveryDate());
            errors.date(at + ".dueDate", d.dueDate());
            Money amount = errors.money(at + ".amount", currency, d.amount());
            Money open = errors.money(at + ".openAmount", currency, d.openAmount());
            if (d.openAmount().compareTo(d.amount()) > 0) {
                errors.add(at + ".openAmount", "must not exceed amount (" + d.amount().toPlainString() + ")");
            }
            if (d.dueDate().isBefore(d.issueDate())) {
                errors.add(at + ".dueDate", "must not be before issueDate (" + d.issueDate() + ")");
            }
            if (d.deliveryDate() != null && d.deliveryDate().isAfter(asOf)) {
                errors.add(at + ".deliveryDate", "must not be after asOf (" + asOf + ")");
            }
            checkedDebts.add(new ClaimAssessment.DebtInput(d.invoiceId(), d.issueDate(),
                    d.deliveryDate() == null ? d.issueDate() : d.deliveryDate(), d.dueDate(), amount, open,
                    Boolean.TRUE.equals(d.vatIncluded()), Boolean.TRUE.equals(d.disputed()),
                    d.remindersSent() == null ? List.of() : d.remindersSent()));
        }
        List<Event> happened = events == null ? List.of() : events;
        for (int i = 0; i < happened.size(); i++) {
            Event e = happened.get(i);
            errors.date("$.events[" + i + "].date", e.date());
            if (e.type() == EventType.PAYMENT_RECEIVED && e.amount() == null) {
                errors.add("$.events[" + i + "].amount", "is required for PAYMENT_RECEIVED");
            }
            errors.money("$.events[" + i + "].amount", currency, e.amount());
            if (e.date().isAfter(asOf)) {
                errors.add("$.events[" + i + "].date", "must not be after asOf (" + asOf + "); the tool assesses what has happened");
            }
        }
        if (indemnityPaidOn != null && claimFiledOn == null) {
            errors.add("$.claimFiledOn", "is required when indemnityPaidOn is given");
        }
        errors.throwIfAny();
        ClaimAssessment.Terms terms = new ClaimAssessment.Terms(policy.insurer(), policy.policyNumber(),
                java.util.Optional.ofNullable(policy.policyholder()), currency,
                policy.insuredPercentage(), deductible, java.util.Optional.ofNullable(minimum),
                java.util.Optional.ofNullable(cap), checkedLimits, java.util.Optional.ofNullable(discretionary),
                policy.maxCreditPeriodDays(), policy.overdueNotificationDays(), policy.claimFilingDays(),
                policy.waitingPeriodDays(),
                policy.paymentDaysAfterValidation() == null ? 30 : policy.paymentDaysAfterValidation());
        return new ClaimAssessment.Input(terms, buyer, checkedDebts,
                happened.stream().map(e -> new ClaimAssessment.EventInput(e.type(), e.date(),
                        e.amount() == null ? null : Money.of(currency, e.amount()))).toList(),
                documents == null ? List.of() : documents, asOf, java.util.Optional.ofNullable(claimFiledOn),
                java.util.Optional.ofNullable(indemnityPaidOn));
    }
}
