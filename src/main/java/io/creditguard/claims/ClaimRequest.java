package io.creditguard.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

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
        @NotNull(message = "is required") @Valid Policy policy,
        @NotNull(message = "is required") @Valid Buyer buyer,
        @NotEmpty(message = "must list at least one debt") @Size(max = 500) List<@NotNull @Valid Debt> debts,
        @Size(max = 200) List<@NotNull @Valid Event> events,
        @Size(max = 20) List<@NotNull DocumentType> documents,
        @NotNull(message = "is required") LocalDate asOf,
        LocalDate claimFiledOn,
        LocalDate indemnityPaidOn,
        @Pattern(regexp = "sv|en", message = "must be sv or en") String language) {

    public record Policy(
            @NotBlank(message = "is required") @Size(max = 100) @Pattern(regexp = Invoice.Text.SINGLE_LINE, message = Invoice.Text.SINGLE_LINE_MESSAGE) String insurer,
            @NotBlank(message = "is required") @Size(max = 50) @Pattern(regexp = Invoice.Text.SINGLE_LINE, message = Invoice.Text.SINGLE_LINE_MESSAGE) String policyNumber,
            @Size(max = 200) @Pattern(regexp = Invoice.Text.SINGLE_LINE, message = Invoice.Text.SINGLE_LINE_MESSAGE) String policyholder,
            @NotNull(message = "is required") Currency currency,
            @NotNull(message = "is required") @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", message = "must be a fraction between 0 and 1, such as 0.90")
            BigDecimal insuredPercentage,
            @NotNull(message = "is required") @PositiveOrZero BigDecimal deductible,
            @PositiveOrZero BigDecimal minimumClaimAmount,
            @PositiveOrZero BigDecimal maxIndemnity,
            @Size(max = 50) List<@NotNull @Valid CreditLimit> creditLimits,
            @PositiveOrZero BigDecimal discretionaryLimit,
            @Min(1) @Max(365) int maxCreditPeriodDays,
            @Min(1) @Max(365) int overdueNotificationDays,
            @Min(1) @Max(730) int claimFilingDays,
            @Min(0) @Max(730) int waitingPeriodDays,
            @Min(1) @Max(365) Integer paymentDaysAfterValidation) {
    }

    public record CreditLimit(@NotBlank(message = "is required") @Size(max = 100) String buyerId,
            @NotNull(message = "is required") @PositiveOrZero BigDecimal amount,
            @NotNull(message = "is required") LocalDate approvedOn) {
    }

    public record Buyer(@NotBlank(message = "is required") @Size(max = 100) String id,
            @NotBlank(message = "is required") @Size(max = 200) @Pattern(regexp = Invoice.Text.SINGLE_LINE, message = Invoice.Text.SINGLE_LINE_MESSAGE) String name,
            @NotNull(message = "is required") @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as SE") String country,
            @Size(max = 40) @Pattern(regexp = Invoice.Text.SINGLE_LINE, message = Invoice.Text.SINGLE_LINE_MESSAGE) String registrationNumber) {
    }

    public record Debt(@NotBlank(message = "is required") @Size(max = 100) @Pattern(regexp = Invoice.Text.SINGLE_LINE, message = Invoice.Text.SINGLE_LINE_MESSAGE) String invoiceId,
            @NotNull(message = "is required") LocalDate issueDate, LocalDate deliveryDate,
            @NotNull(message = "is required") LocalDate dueDate,
            @NotNull(message = "is required") @PositiveOrZero BigDecimal amount,
            @NotNull(message = "is required") @PositiveOrZero BigDecimal openAmount,
            Boolean vatIncluded, Boolean disputed,
            @Size(max = 20) List<Invoice.@NotNull @Valid SentReminder> remindersSent) {
    }

    public enum EventType {
        OVERDUE_NOTIFIED, INSOLVENCY, BANKRUPTCY, COMPOSITION, COLLECTION_STARTED, PAYMENT_RECEIVED, DISPUTE_RAISED,
        DISPUTE_RESOLVED
    }

    public record Event(@NotNull(message = "is required") EventType type, @NotNull(message = "is required") LocalDate date,
            @PositiveOrZero BigDecimal amount) {
    }

    public enum DocumentType {
        INVOICE_COPIES, ORDER_CONFIRMATION_OR_CONTRACT, PROOF_OF_DELIVERY, REMINDERS_SENT, ACCOUNT_STATEMENT,
        CORRESPONDENCE, PROOF_OF_INSOLVENCY, PROOF_OF_CLAIM_LODGED
    }

    /**
     * The request as the calculator's input, after the checks annotations cannot make.
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
