package io.creditguard.receivables;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.creditguard.money.Money;
import io.creditguard.validation.AmountsFitCurrency;
import io.creditguard.validation.CountryCode;
import io.creditguard.validation.InEra;
import io.creditguard.validation.LanguageCode;
import io.creditguard.validation.LawWithRules;
import io.creditguard.validation.PaymentCurrency;
import io.creditguard.validation.SingleLine;
import io.creditguard.validation.TextLines;
import io.creditguard.validation.Violations;

/**
 * One open (or settled) invoice of the receivables book, in the shape the reminder run reads, the
 * preview accepts and webhook intake writes. Amounts are in {@link #currency}.
 *
 * <p>The record groups what the invoice's source states ({@link Terms}) and what creditguard itself
 * records while dunning ({@link Dunning}); on the wire both are flat fields of the invoice, as the book
 * has always written them ({@code "interestRate"}, {@code "remindersSent"}).
 *
 * @param openAmount the principal still unpaid, without interest or fees, as the ledger shows it; with
 *     payments or credits recorded it is {@code amount − payments − credits} (never below zero)
 * @param payments what the debtor paid and when: interest runs on the principal outstanding each day
 * @param credits what credit notes took off the invoice
 * @param source where the record came from (a platform name, {@code import}); informational
 * @param updatedAt when the source last changed it; intake ignores older events for the same invoice
 */
@Receivable.Consistent
@AmountsFitCurrency
@Invoice.Ledger
public record Invoice(
        @NotBlank @Size(max = 100) @SingleLine String invoiceId,
        @NotBlank @Size(max = 100) @SingleLine String invoiceNumber,
        @NotNull @PaymentCurrency Currency currency,
        @NotNull @InEra LocalDate issueDate,
        @NotNull @InEra LocalDate dueDate,
        @NotNull @PositiveOrZero BigDecimal amount,
        @NotNull @PositiveOrZero BigDecimal openAmount,
        @NotNull @Valid Customer customer,
        @JsonUnwrapped @Valid Terms terms,
        @Size(max = 200) List<@NotNull @Valid Payment> payments,
        @Size(max = 50) List<@NotNull @Valid Credit> credits,
        @JsonUnwrapped @Valid Dunning dunning,
        @Size(max = 50) @SingleLine String source,
        Instant updatedAt) implements Receivable, AmountsFitCurrency.MoneyFields {

    public Invoice {
        terms = terms == null ? Terms.NONE : terms;
        payments = payments == null ? List.of() : copyOf(payments);
        credits = credits == null ? List.of() : copyOf(credits);
        dunning = dunning == null ? Dunning.NONE : dunning;
    }

    /** A list as given, nulls kept, so the element constraint can name {@code payments[i]}. */
    static <T> List<T> copyOf(List<T> list) {
        return list.stream().anyMatch(Objects::isNull) ? Collections.unmodifiableList(new ArrayList<>(list))
                : List.copyOf(list);
    }

    public enum CustomerType {
        BUSINESS, CONSUMER
    }

    /**
     * The debtor. {@code language} is an ISO 639-1 code; letters fall back to English.
     *
     * @param governingLaw the law the customer's framework contract chose, if one did (an invoice's own
     *     choice wins)
     * @param policy the name of the reminder policy for this customer (a gentler one for key accounts, a
     *     stricter one for risky ones), kept in the store as {@code config/policies/<name>.json}; absent means
     *     the run's policy
     * @param paymentTermsAgreed the customer's framework contract fixed the payment terms of its invoices
     *     (an invoice's own statement wins; absent on both, the policy's)
     */
    public record Customer(
            @NotBlank @Size(max = 100) @SingleLine String id,
            @NotBlank @Size(max = 200) @SingleLine String name,
            @NotNull CustomerType type,
            @NotNull @CountryCode String country,
            @LanguageCode String language,
            @Email @Size(max = 254) @SingleLine String email,
            @Size(max = 500) @TextLines String address,
            @CountryCode @LawWithRules String governingLaw,
            @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*",
                    message = "{io.creditguard.receivables.Invoice.Customer.policy}") String policy,
            Boolean paymentTermsAgreed) {
    }

    /**
     * What the contract says beyond the amounts.
     *
     * @param interestRate the agreed late-interest rate in percent per year (12 for 12 %); absent means
     *     the statutory rate of the governing law applies
     * @param reminderFeeAgreed a reminder fee was agreed at the latest when the debt arose (Sweden, lag
     *     1981:739 2 §)
     * @param governingLaw the law the parties chose (ISO 3166 country); absent means the default the
     *     reminder engine applies (the seller's law, or a consumer's residence)
     * @param paymentTerms the invoice's payment terms as written (Peppol BT-20)
     * @param dueDateBasis how the due date was found when the source gave none (a Peppol invoice with
     *     payment terms but no BT-9): which terms, from which day; absent when the source stated it
     * @param paymentTermsAgreed the payment date or period was agreed in the contract, not only printed on the
     *     invoice: then the debtor is in default from the day after the due date; otherwise when the governing
     *     law says (reference/debtor-default.txt). Absent: the customer's, else the policy's
     * @param receivedOn the day the debtor received the invoice, where known; absent means its issue date plus
     *     the policy's letterDeliveryDays
     * @param consumerNoticeOnInvoice the invoice told the consumer what not paying within the law's period
     *     brings: only then does it start that period for a consumer (BGB § 286 Abs. 3, räntelagen 4 §)
     * @param vatAmount the VAT the invoice's amount includes (Peppol BT-110), when the source states it: an
     *     insurer's notification lists net and gross
     * @param paymentReference what the debtor quotes when paying, so the payment matches itself: a Swedish
     *     OCR number (Fortnox), the platform's payment reference (Exact, Visma), Peppol's PaymentID (BT-83);
     *     every letter prints it next to the amount
     * @param platformReminders reminders the invoicing platform reports having sent itself
     */
    public record Terms(
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal interestRate,
            Boolean reminderFeeAgreed,
            @CountryCode @LawWithRules String governingLaw,
            @Size(max = 1000) @TextLines String paymentTerms,
            @Size(max = 300) @SingleLine String dueDateBasis,
            Boolean paymentTermsAgreed,
            @InEra LocalDate receivedOn,
            Boolean consumerNoticeOnInvoice,
            @PositiveOrZero BigDecimal vatAmount,
            @Size(max = 140) @SingleLine String paymentReference,
            @Valid PlatformReminders platformReminders) {

        public static final Terms NONE = new Terms(null, false, null, null, null);

        public Terms {
            reminderFeeAgreed = Boolean.TRUE.equals(reminderFeeAgreed);
            consumerNoticeOnInvoice = Boolean.TRUE.equals(consumerNoticeOnInvoice);
        }

        /**
         * These terms, a platform's newer statement, with what creditguard or an earlier statement recorded
         * kept where this one is silent: an agreed fee or a notice stays known, as do agreed terms, a receipt
         * and the VAT.
         */
        public Terms keeping(Terms recorded) {
            return new Terms(interestRate, reminderFeeAgreed || recorded.reminderFeeAgreed(), governingLaw, paymentTerms,
                    dueDateBasis, paymentTermsAgreed != null ? paymentTermsAgreed : recorded.paymentTermsAgreed(),
                    receivedOn != null ? receivedOn : recorded.receivedOn(),
                    consumerNoticeOnInvoice || recorded.consumerNoticeOnInvoice(),
                    vatAmount != null ? vatAmount : recorded.vatAmount(), paymentReference, platformReminders);
        }

        /** These terms with what a platform says to quote when paying and the reminders it sent itself. */
        public Terms withPaymentReference(String reference, PlatformReminders sentByPlatform) {
            return new Terms(interestRate, reminderFeeAgreed, governingLaw, paymentTerms, dueDateBasis, paymentTermsAgreed,
                    receivedOn, consumerNoticeOnInvoice, vatAmount, reference, sentByPlatform);
        }

        /** Terms that state only what every source can: the rest unknown. */
        public Terms(BigDecimal interestRate, Boolean reminderFeeAgreed, String governingLaw, String paymentTerms,
                String dueDateBasis) {
            this(interestRate, reminderFeeAgreed, governingLaw, paymentTerms, dueDateBasis, null, null, false, null, null, null);
        }
    }

    /**
     * Reminders the invoicing platform sent itself, as it reports them (Fortnox {@code Reminders} and
     * {@code LastRemindDate}; Visma {@code PaymentReminderIssued}, a yes or no, read as one): the run warns,
     * since two companies' letters for one debt confuse the debtor and may double the fee.
     *
     * @param count at least this many were sent
     * @param lastSentOn the last one, when the platform says
     */
    public record PlatformReminders(@Min(1) @Max(99) int count, @InEra LocalDate lastSentOn) {
    }

    /**
     * One payment received.
     *
     * @param id the platform's payment id, which makes intake idempotent
     * @param currency the payment's currency when the source states one: it must be the invoice's
     */
    public record Payment(
            @Size(max = 100) @SingleLine String id,
            @NotNull @InEra LocalDate date,
            @NotNull @Positive BigDecimal amount,
            @PaymentCurrency Currency currency,
            @Size(max = 200) @SingleLine String reference) {
    }

    /** One credit note applied to the invoice, by its document id. */
    public record Credit(
            @NotBlank @Size(max = 200) @SingleLine String documentId,
            @NotNull @InEra LocalDate date,
            @NotNull @Positive BigDecimal amount) {
    }

    /**
     * What creditguard records about the invoice while dunning it, and what a finance user decided about it
     * ({@code PATCH /invoices/{invoiceId}}); intake keeps it when a platform updates the invoice.
     *
     * @param remindersSent the dunning levels already sent, each once
     * @param insurerNotifiedOn when the overdue debt was reported to the credit insurer, if it was
     * @param decided what a finance user decided beyond {@code disputed} and {@code pausedUntil}, and who and when
     */
    public record Dunning(
            Boolean disputed,
            @InEra LocalDate pausedUntil,
            @Size(max = REMINDERS_KEPT) List<@NotNull @Valid SentReminder> remindersSent,
            @InEra LocalDate insurerNotifiedOn,
            @Valid Decided decided) {

        public static final Dunning NONE = new Dunning(false, null, List.of(), null);

        /** The reminders a line keeps: as many as a claim on the invoice may name (ClaimRequest.Debt). */
        public static final int REMINDERS_KEPT = 50;

        public Dunning {
            disputed = Boolean.TRUE.equals(disputed);
            remindersSent = remindersSent == null ? List.of() : copyOf(remindersSent);
        }

        /** What the run records, with no decision of a finance user (yet). */
        public Dunning(Boolean disputed, LocalDate pausedUntil, List<SentReminder> remindersSent,
                LocalDate insurerNotifiedOn) {
            this(disputed, pausedUntil, remindersSent, insurerNotifiedOn, null);
        }

        /** This record, disputed or not as {@code disputed} says, everything else kept. */
        public Dunning withDisputed(boolean disputed) {
            return new Dunning(disputed, pausedUntil, remindersSent, insurerNotifiedOn, decided);
        }

        public String disputeReason() {
            return decided == null ? null : decided.disputeReason();
        }

        public LocalDate promisedPaymentDate() {
            return decided == null ? null : decided.promisedPaymentDate();
        }

        public List<LocalDate> promisesBroken() {
            return decided == null ? List.of() : decided.promisesBroken();
        }

        public String decidedBy() {
            return decided == null ? null : decided.by();
        }

        public Instant decidedAt() {
            return decided == null ? null : decided.at();
        }
    }

    /**
     * What a finance user decided about the invoice ({@code PATCH /invoices/{invoiceId}}), kept as one object on the
     * invoice's line ({@code "decided"}), so a line without one reads as fast as ever.
     *
     * @param disputeReason why the customer disputes the invoice, with {@code disputed}
     * @param promisedPaymentDate the day the customer promised to pay by: dunning waits until that day plus the
     *     policy's grace days; if it passes unpaid the promise is broken and dunning resumes
     * @param promisesBroken the days of earlier promises that passed unpaid, kept when a new promise replaced them
     * @param by who decided last (the signed-in caller), {@code at} when
     */
    public record Decided(
            @Size(max = 500) @SingleLine String disputeReason,
            @InEra LocalDate promisedPaymentDate,
            @Size(max = PROMISES_BROKEN_KEPT) List<@NotNull LocalDate> promisesBroken,
            @NotBlank @Size(max = 200) @SingleLine String by,
            @NotNull Instant at) {

        /** The broken promises a line keeps; a decision that would break one more is refused. */
        public static final int PROMISES_BROKEN_KEPT = 50;

        public Decided {
            promisesBroken = promisesBroken == null ? List.of() : copyOf(promisesBroken);
        }
    }

    /**
     * One dunning level sent.
     *
     * @param letterId the letter it went out in (a statement may carry several invoices)
     * @param fees what this letter charged, as the run recorded it; absent in records of runs before
     *     fees were recorded, whose charges are worked out again from the level
     */
    public record SentReminder(
            @Min(1) @Max(99) int level,
            @NotNull @InEra LocalDate sentOn,
            @Size(max = 100) @SingleLine String letterId,
            @Size(max = 10) List<@NotNull @Valid ChargedFee> fees) {

        public SentReminder {
            fees = fees == null ? null : copyOf(fees);
        }

        /** A letter as records from before letter ids and fees were kept show it. */
        public SentReminder(int level, LocalDate sentOn) {
            this(level, sentOn, null, null);
        }
    }

    /** A fee a letter charged, in the invoice's currency, by its code of late-payment-fees.txt. */
    public record ChargedFee(@NotBlank @Size(max = 40) String code, @NotNull @PositiveOrZero BigDecimal amount) {
    }

    public boolean disputed() {
        return dunning.disputed();
    }

    public List<SentReminder> remindersSent() {
        return dunning.remindersSent();
    }

    /** The law the parties chose: the invoice's own choice, else the customer's framework contract's. */
    public Optional<String> chosenLaw() {
        return Optional.ofNullable(terms.governingLaw()).or(() -> Optional.ofNullable(customer.governingLaw()));
    }

    /** Whether the payment terms were agreed, as the invoice says, else its customer's framework contract. */
    public Optional<Boolean> paymentTermsAgreed() {
        return Optional.ofNullable(terms.paymentTermsAgreed()).or(() -> Optional.ofNullable(customer.paymentTermsAgreed()));
    }

    /**
     * {@link #amount()} as {@link Money}: where the book's decimals become Money, once, for the engine.
     *
     * @throws IllegalArgumentException if the amount has more decimals than the currency (validation refuses it first)
     */
    public Money total() {
        return Money.of(currency, amount);
    }

    /** {@link #openAmount()} as {@link Money}; see {@link #total()}. */
    public Money open() {
        return Money.of(currency, openAmount);
    }

    /** {@link #creditedAmount()} as {@link Money}; see {@link #total()}. */
    public Money credited() {
        return Money.of(currency, creditedAmount());
    }

    /** What the invoice is for once credit notes are taken off: the principal the law charges interest on. */
    public BigDecimal creditedAmount() {
        BigDecimal credited = amount;
        for (Credit credit : credits) {
            credited = credited.subtract(credit.amount());
        }
        return credited.max(BigDecimal.ZERO);
    }

    /** This invoice with other terms, everything else as it is. */
    public Invoice withTerms(Terms other) {
        return new Invoice(invoiceId, invoiceNumber, currency, issueDate, dueDate, amount, openAmount, customer, other,
                payments, credits, dunning, source, updatedAt);
    }

    /** This invoice with another ledger: what is open, the payments and the credits; everything else as it is. */
    public Invoice withLedger(BigDecimal open, List<Payment> paid, List<Credit> credited) {
        return new Invoice(invoiceId, invoiceNumber, currency, issueDate, dueDate, amount, open, customer, terms, paid,
                credited, dunning, source, updatedAt);
    }

    /** This invoice as of another update time, everything else as it is. */
    public Invoice withUpdatedAt(Instant time) {
        return new Invoice(invoiceId, invoiceNumber, currency, issueDate, dueDate, amount, openAmount, customer, terms,
                payments, credits, dunning, source, time);
    }

    /** This invoice with what the run recorded having sent. */
    public Invoice withDunning(Dunning recorded) {
        return new Invoice(invoiceId, invoiceNumber, currency, issueDate, dueDate, amount, openAmount, customer, terms,
                payments, credits, recorded, source, updatedAt);
    }

    @Override
    public List<AmountsFitCurrency.Amount> amounts() {
        List<AmountsFitCurrency.Amount> amounts = new ArrayList<>();
        amounts.add(new AmountsFitCurrency.Amount(currency, amount, "amount"));
        amounts.add(new AmountsFitCurrency.Amount(currency, openAmount, "openAmount"));
        amounts.add(new AmountsFitCurrency.Amount(currency, terms.vatAmount(), "vatAmount"));
        for (int i = 0; i < payments.size(); i++) {
            if (payments.get(i) != null) {
                amounts.add(new AmountsFitCurrency.Amount(currency, payments.get(i).amount(), "payments", i, "amount"));
            }
        }
        for (int i = 0; i < credits.size(); i++) {
            if (credits.get(i) != null) {
                amounts.add(new AmountsFitCurrency.Amount(currency, credits.get(i).amount(), "credits", i, "amount"));
            }
        }
        for (int i = 0; i < remindersSent().size(); i++) {
            SentReminder sent = remindersSent().get(i);
            for (int j = 0; sent != null && sent.fees() != null && j < sent.fees().size(); j++) {
                if (sent.fees().get(j) != null) {
                    amounts.add(new AmountsFitCurrency.Amount(currency, sent.fees().get(j).amount(), "remindersSent", i,
                            "fees", j, "amount"));
                }
            }
        }
        return amounts;
    }

    /** The highest level sent so far, 0 when none was. */
    public int lastLevelSent() {
        int highest = 0;
        for (SentReminder sent : remindersSent()) {
            highest = Math.max(highest, sent.level());
        }
        return highest;
    }

    /** The day the most recent reminder went out, if any did. */
    public Optional<LocalDate> lastSentOn() {
        LocalDate latest = null;
        for (SentReminder sent : remindersSent()) {
            latest = latest == null || sent.sentOn().isAfter(latest) ? sent.sentOn() : latest;
        }
        return Optional.ofNullable(latest);
    }

    /**
     * The ledger holds together: a payment is in the invoice's currency and not dated before it was
     * issued, the payments do not exceed the amount, no reminder went out and the invoice was not received
     * before it was issued, and with payments or credits recorded the open amount is what they leave.
     */
    @Documented
    @Target(TYPE)
    @Retention(RUNTIME)
    @Constraint(validatedBy = Ledger.Validator.class)
    public @interface Ledger {

        String PREFIX = "{io.creditguard.receivables.Invoice.Ledger.";

        String message() default PREFIX + "message}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<Ledger, Invoice> {
            @Override
            public boolean isValid(Invoice invoice, ConstraintValidatorContext context) {
                boolean valid = true;
                LocalDate issued = invoice.issueDate();
                Map<String, Object> issueDate = issued == null ? Map.of() : Map.of("issueDate", issued.toString());
                BigDecimal paid = BigDecimal.ZERO;
                boolean complete = invoice.amount() != null && invoice.openAmount() != null;
                for (int i = 0; i < invoice.payments().size(); i++) {
                    Payment p = invoice.payments().get(i);
                    if (p == null || p.amount() == null) {
                        complete = false;
                        continue;
                    }
                    paid = paid.add(p.amount());
                    if (p.currency() != null && invoice.currency() != null && !p.currency().equals(invoice.currency())) {
                        Violations.add(context, PREFIX + "paymentCurrency}",
                                Map.of("currency", invoice.currency().getCurrencyCode()), "payments", i, "currency");
                        valid = false;
                    }
                    if (issued != null && p.date() != null && p.date().isBefore(issued)) {
                        Violations.add(context, PREFIX + "beforeIssue}", issueDate, "payments", i, "date");
                        valid = false;
                    }
                }
                BigDecimal credited = BigDecimal.ZERO;
                for (Credit c : invoice.credits()) {
                    if (c == null || c.amount() == null) {
                        complete = false;
                    } else {
                        credited = credited.add(c.amount());
                    }
                }
                BigDecimal vat = invoice.terms().vatAmount();
                if (vat != null && invoice.amount() != null && vat.compareTo(invoice.amount()) > 0) {
                    Violations.add(context, PREFIX + "vatAboveAmount}", Map.of("amount", invoice.amount().toPlainString()),
                            "vatAmount");
                    valid = false;
                }
                if (invoice.amount() != null && paid.compareTo(invoice.amount()) > 0) {
                    Violations.add(context, PREFIX + "paidAboveAmount}",
                            Map.of("paid", paid.toPlainString(), "amount", invoice.amount().toPlainString()), "payments");
                    valid = false;
                } else if (complete && (!invoice.payments().isEmpty() || !invoice.credits().isEmpty())) {
                    BigDecimal expected = invoice.amount().subtract(paid).subtract(credited).max(BigDecimal.ZERO);
                    if (expected.compareTo(invoice.openAmount()) != 0) {
                        Violations.add(context, PREFIX + "openAmount}", Map.of("expected", expected.toPlainString(),
                                "amount", invoice.amount().toPlainString(), "paid", paid.toPlainString(),
                                "credited", credited.toPlainString()), "openAmount");
                        valid = false;
                    }
                }
                LocalDate received = invoice.terms().receivedOn();
                if (issued != null && received != null && received.isBefore(issued)) {
                    Violations.add(context, PREFIX + "beforeIssue}", issueDate, "receivedOn");
                    valid = false;
                }
                for (int i = 0; i < invoice.remindersSent().size(); i++) {
                    SentReminder sent = invoice.remindersSent().get(i);
                    if (issued != null && sent != null && sent.sentOn() != null && sent.sentOn().isBefore(issued)) {
                        Violations.add(context, PREFIX + "beforeIssue}", issueDate, "remindersSent", i, "sentOn");
                        valid = false;
                    }
                }
                return valid;
            }
        }
    }
}
