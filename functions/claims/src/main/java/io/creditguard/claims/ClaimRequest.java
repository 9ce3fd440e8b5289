package io.creditguard.claims;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.creditguard.money.Money;
import io.creditguard.receivables.Invoice;
import io.creditguard.receivables.Invoice.SentReminder;
import io.creditguard.receivables.Receivable;
import io.creditguard.validation.AmountsFitCurrency;
import io.creditguard.validation.CountryCode;
import io.creditguard.validation.InEra;
import io.creditguard.mail.MailAddress;
import io.creditguard.validation.PaymentCurrency;
import io.creditguard.validation.SingleLine;
import io.creditguard.validation.ValidCompanyNumbers;
import io.creditguard.validation.Violations;

/**
 * Body of {@code POST /claims}: the credit-insurance policy's terms, the buyer, its unpaid debts, what
 * happened, which documents the seller holds, and the day to assess on. Every amount is in the
 * policy's currency.
 *
 * @param debts the unpaid invoices claimed; absent or empty, they come from the book: the buyer's ({@code buyer.id}
 *     as the customer's id in the ledger) unpaid invoices in the policy's currency, with the reminders sent and
 *     the notification to the insurer
 * @param claimFiledOn when the claim was filed with the insurer, if it has been
 * @param indemnityPaidOn when the insurer paid the indemnity, if it has; payments after it are recoveries
 * @param language of the cover letter: sv or en (default en)
 * @param file mail the claim to the insurer's claims address ({@code policy.claimsEmail}), once: see {@link ClaimFiling}
 */
@AmountsFitCurrency
@ClaimRequest.Consistent
public record ClaimRequest(
        @NotNull @Valid Policy policy,
        @NotNull @Valid Buyer buyer,
        @Size(max = 500) List<@NotNull @Valid Debt> debts,
        @Size(max = 200) List<@NotNull @Valid Event> events,
        @Size(max = 20) List<@NotNull DocumentType> documents,
        @NotNull @InEra LocalDate asOf,
        @InEra LocalDate claimFiledOn,
        @InEra LocalDate indemnityPaidOn,
        @Pattern(regexp = "sv|en", message = "{io.creditguard.claims.ClaimRequest.language}") String language,
        Boolean file)
        implements AmountsFitCurrency.MoneyFields {

    public ClaimRequest {
        debts = debts == null ? List.of() : debts;
        events = events == null ? List.of() : events;
        documents = documents == null ? List.of() : documents;
        language = language == null ? "en" : language;
        file = Boolean.TRUE.equals(file);
    }

    /**
     * @param deductibleOrder whether the deductible comes off after the insured percentage (AFTER_COVER,
     *     the default) or before it (BEFORE_COVER), as the policy words it
     * @param creditLimits the buyer's limits, each in force from its approval until the next: several
     *     dated entries per buyer record increases, decreases and (at zero) cancellation
     * @param paymentDaysAfterValidation days the insurer takes to pay once it has validated a claim
     *     (default 30)
     * @param claimsEmail where the insurer takes claims by mail; required to file one
     */
    public record Policy(
            @NotBlank @Size(max = 100) @SingleLine String insurer,
            @NotBlank @Size(max = 50) @SingleLine String policyNumber,
            @Size(max = 200) @SingleLine String policyholder,
            @NotNull @PaymentCurrency Currency currency,
            @NotNull @Positive
            @DecimalMax(value = "1", message = "{io.creditguard.claims.ClaimRequest.Policy.insuredPercentage}")
            @Digits(integer = 1, fraction = 10) BigDecimal insuredPercentage,
            @NotNull @PositiveOrZero BigDecimal deductible,
            ClaimAssessment.DeductibleOrder deductibleOrder,
            @PositiveOrZero BigDecimal minimumClaimAmount,
            @PositiveOrZero BigDecimal maxIndemnity,
            @Size(max = 50) List<@NotNull @Valid CreditLimit> creditLimits,
            @PositiveOrZero BigDecimal discretionaryLimit,
            @Min(1) @Max(365) int maxCreditPeriodDays,
            @Min(1) @Max(365) int overdueNotificationDays,
            @Min(1) @Max(730) int claimFilingDays,
            @Min(0) @Max(730) int waitingPeriodDays,
            @Min(1) @Max(365) Integer paymentDaysAfterValidation,
            @Size(max = 254) @SingleLine @MailAddress String claimsEmail) {

        public Policy {
            deductibleOrder = deductibleOrder == null ? ClaimAssessment.DeductibleOrder.AFTER_COVER : deductibleOrder;
            creditLimits = creditLimits == null ? List.of() : creditLimits;
            paymentDaysAfterValidation = paymentDaysAfterValidation == null ? 30 : paymentDaysAfterValidation;
        }
    }

    public record CreditLimit(
            @NotBlank @Size(max = 100) @SingleLine String buyerId,
            @NotNull @PositiveOrZero BigDecimal amount,
            @NotNull @InEra LocalDate approvedOn) {
    }

    @ValidCompanyNumbers
    public record Buyer(
            @NotBlank @Size(max = 100) @SingleLine String id,
            @NotBlank @Size(max = 200) @SingleLine String name,
            @NotNull @CountryCode String country,
            @Size(max = 40) @SingleLine String registrationNumber) implements ValidCompanyNumbers.Company {
    }

    /**
     * One unpaid invoice; {@code deliveryDate} is the issue date when absent.
     *
     * @param vatAmount the VAT its amount includes, when known: the claim's invoice list shows net and gross
     * @param remindersSent as many as the book keeps of an invoice: a claim built from it names every one
     */
    @Receivable.Consistent
    public record Debt(
            @NotBlank @Size(max = 100) @SingleLine String invoiceId,
            @NotNull @InEra LocalDate issueDate,
            @InEra LocalDate deliveryDate,
            @NotNull @InEra LocalDate dueDate,
            @NotNull @PositiveOrZero BigDecimal amount,
            @NotNull @PositiveOrZero BigDecimal openAmount,
            Boolean vatIncluded,
            Boolean disputed,
            @Size(max = Invoice.Dunning.REMINDERS_KEPT) List<@NotNull @Valid SentReminder> remindersSent,
            @PositiveOrZero BigDecimal vatAmount) implements Receivable {

        public Debt {
            remindersSent = remindersSent == null ? List.of() : remindersSent;
        }
    }

    public enum EventType {
        OVERDUE_NOTIFIED, INSOLVENCY, BANKRUPTCY, COMPOSITION, COLLECTION_STARTED, PAYMENT_RECEIVED, DISPUTE_RAISED,
        DISPUTE_RESOLVED
    }

    /** Something that happened; a payment names its amount. */
    @Event.PaymentHasAmount
    public record Event(@NotNull EventType type, @NotNull @InEra LocalDate date, @PositiveOrZero BigDecimal amount) {

        @Documented
        @Target(TYPE)
        @Retention(RUNTIME)
        @Constraint(validatedBy = PaymentHasAmount.Validator.class)
        public @interface PaymentHasAmount {

            String message() default "{io.creditguard.claims.ClaimRequest.Event.PaymentHasAmount.message}";

            Class<?>[] groups() default {};

            Class<? extends Payload>[] payload() default {};

            final class Validator implements ConstraintValidator<PaymentHasAmount, Event> {
                @Override
                public boolean isValid(Event e, ConstraintValidatorContext context) {
                    if (e.type() != EventType.PAYMENT_RECEIVED || e.amount() != null) {
                        return true;
                    }
                    Violations.add(context, "{io.creditguard.claims.ClaimRequest.Event.PaymentHasAmount.message}", "amount");
                    return false;
                }
            }
        }
    }

    public enum DocumentType {
        INVOICE_COPIES, ORDER_CONFIRMATION_OR_CONTRACT, PROOF_OF_DELIVERY, REMINDERS_SENT, ACCOUNT_STATEMENT,
        CORRESPONDENCE, PROOF_OF_INSOLVENCY, PROOF_OF_CLAIM_LODGED
    }

    @Override
    public List<AmountsFitCurrency.Amount> amounts() {
        List<AmountsFitCurrency.Amount> amounts = new ArrayList<>();
        if (policy == null) {
            return amounts;
        }
        Currency currency = policy.currency();
        amounts.add(new AmountsFitCurrency.Amount(currency, policy.deductible(), "policy", "deductible"));
        amounts.add(new AmountsFitCurrency.Amount(currency, policy.minimumClaimAmount(), "policy", "minimumClaimAmount"));
        amounts.add(new AmountsFitCurrency.Amount(currency, policy.maxIndemnity(), "policy", "maxIndemnity"));
        amounts.add(new AmountsFitCurrency.Amount(currency, policy.discretionaryLimit(), "policy", "discretionaryLimit"));
        for (int i = 0; i < policy.creditLimits().size(); i++) {
            CreditLimit limit = policy.creditLimits().get(i);
            if (limit != null) {
                amounts.add(new AmountsFitCurrency.Amount(currency, limit.amount(), "policy", "creditLimits", i, "amount"));
            }
        }
        for (int i = 0; i < debts.size(); i++) {
            Debt debt = debts.get(i);
            if (debt != null) {
                amounts.add(new AmountsFitCurrency.Amount(currency, debt.amount(), "debts", i, "amount"));
                amounts.add(new AmountsFitCurrency.Amount(currency, debt.openAmount(), "debts", i, "openAmount"));
                amounts.add(new AmountsFitCurrency.Amount(currency, debt.vatAmount(), "debts", i, "vatAmount"));
            }
        }
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) != null) {
                amounts.add(new AmountsFitCurrency.Amount(currency, events.get(i).amount(), "events", i, "amount"));
            }
        }
        return amounts;
    }

    /** The request as the calculator's input; every rule above holds. */
    ClaimAssessment.Input toInput() {
        Currency currency = policy.currency();
        List<ClaimAssessment.Limit> limits = policy.creditLimits().stream()
                .map(l -> new ClaimAssessment.Limit(l.buyerId(), Money.of(currency, l.amount()), l.approvedOn())).toList();
        List<ClaimAssessment.DebtInput> checkedDebts = debts.stream().map(d -> new ClaimAssessment.DebtInput(d.invoiceId(),
                d.issueDate(), d.deliveryDate() == null ? d.issueDate() : d.deliveryDate(), d.dueDate(),
                Money.of(currency, d.amount()), Money.of(currency, d.openAmount()), Boolean.TRUE.equals(d.vatIncluded()),
                Boolean.TRUE.equals(d.disputed()), d.remindersSent())).toList();
        ClaimAssessment.Terms terms = new ClaimAssessment.Terms(policy.insurer(), policy.policyNumber(),
                Optional.ofNullable(policy.policyholder()), currency, policy.insuredPercentage(),
                Money.of(currency, policy.deductible()), policy.deductibleOrder(),
                Optional.ofNullable(Money.ofNullable(currency, policy.minimumClaimAmount())),
                Optional.ofNullable(Money.ofNullable(currency, policy.maxIndemnity())), limits,
                Optional.ofNullable(Money.ofNullable(currency, policy.discretionaryLimit())), policy.maxCreditPeriodDays(),
                policy.overdueNotificationDays(), policy.claimFilingDays(), policy.waitingPeriodDays(),
                policy.paymentDaysAfterValidation());
        return new ClaimAssessment.Input(terms, buyer, checkedDebts,
                events.stream().map(e -> new ClaimAssessment.EventInput(e.type(), e.date(),
                        Money.ofNullable(currency, e.amount()))).toList(),
                documents, asOf, Optional.ofNullable(claimFiledOn), Optional.ofNullable(indemnityPaidOn));
    }

    /**
     * What the tool assesses has happened by {@code asOf}: nothing delivered, happening, filed or paid after it; an
     * indemnity is paid on a filed claim, on the day it was filed or later.
     */
    @Documented
    @Target(TYPE)
    @Retention(RUNTIME)
    @Constraint(validatedBy = Consistent.Validator.class)
    public @interface Consistent {

        String PREFIX = "{io.creditguard.claims.ClaimRequest.";

        String message() default PREFIX + "Consistent.message}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<Consistent, ClaimRequest> {
            @Override
            public boolean isValid(ClaimRequest r, ConstraintValidatorContext context) {
                boolean valid = true;
                if (r.indemnityPaidOn() != null && r.claimFiledOn() == null) {
                    Violations.add(context, PREFIX + "filedBeforePaid}", "claimFiledOn");
                    valid = false;
                }
                if (r.indemnityPaidOn() != null && r.claimFiledOn() != null && r.indemnityPaidOn().isBefore(r.claimFiledOn())) {
                    Violations.add(context, PREFIX + "paidBeforeFiled}", Map.of("claimFiledOn", r.claimFiledOn().toString()),
                            "indemnityPaidOn");
                    valid = false;
                }
                if (r.file() && r.policy() != null && r.policy().claimsEmail() == null) {
                    Violations.add(context, PREFIX + "claimsEmailToFile}", "policy", "claimsEmail");
                    valid = false;
                }
                if (r.asOf() == null) {
                    return valid;
                }
                Map<String, Object> asOf = Map.of("asOf", r.asOf().toString());
                if (r.claimFiledOn() != null && r.claimFiledOn().isAfter(r.asOf())) {
                    Violations.add(context, PREFIX + "afterAsOf}", asOf, "claimFiledOn");
                    valid = false;
                }
                if (r.indemnityPaidOn() != null && r.indemnityPaidOn().isAfter(r.asOf())) {
                    Violations.add(context, PREFIX + "afterAsOf}", asOf, "indemnityPaidOn");
                    valid = false;
                }
                for (int i = 0; r.debts() != null && i < r.debts().size(); i++) {
                    Debt d = r.debts().get(i);
                    if (d != null && d.deliveryDate() != null && d.deliveryDate().isAfter(r.asOf())) {
                        Violations.add(context, PREFIX + "afterAsOf}", asOf, "debts", i, "deliveryDate");
                        valid = false;
                    }
                    // Without a delivery date the issue date stands in for it.
                    if (d != null && d.deliveryDate() == null && d.issueDate() != null && d.issueDate().isAfter(r.asOf())) {
                        Violations.add(context, PREFIX + "issuedAfterAsOf}", asOf, "debts", i, "issueDate");
                        valid = false;
                    }
                }
                for (int i = 0; i < r.events().size(); i++) {
                    Event e = r.events().get(i);
                    if (e != null && e.date() != null && e.date().isAfter(r.asOf())) {
                        Violations.add(context, PREFIX + "eventAfterAsOf}", asOf, "events", i, "date");
                        valid = false;
                    }
                }
                return valid;
            }
        }
    }
}
