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
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.creditguard.validation.AmountsFitCurrency;
import io.creditguard.validation.CountryCode;
import io.creditguard.validation.InEra;
import io.creditguard.validation.LanguageCode;
import io.creditguard.validation.PaymentCurrency;
import io.creditguard.validation.SingleLine;
import io.creditguard.validation.TextLines;
import io.creditguard.validation.Violations;

/**
 * One open (or settled) invoice of the receivables book, in the shape the reminder run reads, the
 * preview accepts and webhook intake writes. Amounts are in {@link #currency}; {@code openAmount}
 * is the principal still unpaid, without interest or fees.
 *
 * @param interestRate the agreed late-interest rate in percent per year (12 for 12 %); absent
 *     means the statutory rate applies
 * @param remindersSent the dunning levels already sent, each once
 * @param insurerNotifiedOn when the overdue debt was reported to the credit insurer, if it was
 * @param source where the record came from (a platform name, {@code import}); informational
 * @param updatedAt when the source last changed it; intake ignores older events for the same invoice
 */
@Receivable.Consistent
@AmountsFitCurrency
@Invoice.RemindersAfterIssue
public record Invoice(
        @NotBlank @Size(max = 100) @SingleLine String invoiceId,
        @NotBlank @Size(max = 100) @SingleLine String invoiceNumber,
        @NotNull @PaymentCurrency Currency currency,
        @NotNull @InEra LocalDate issueDate,
        @NotNull @InEra LocalDate dueDate,
        @NotNull @PositiveOrZero BigDecimal amount,
        @NotNull @PositiveOrZero BigDecimal openAmount,
        @NotNull @Valid Customer customer,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal interestRate,
        Boolean reminderFeeAgreed,
        Boolean disputed,
        @InEra LocalDate pausedUntil,
        @Size(max = 50) List<@NotNull @Valid SentReminder> remindersSent,
        @InEra LocalDate insurerNotifiedOn,
        @Size(max = 50) @SingleLine String source,
        Instant updatedAt) implements Receivable, AmountsFitCurrency.MoneyFields {

    /** Absent flags mean false: most invoices carry no agreed fee and no dispute. */
    public Invoice {
        reminderFeeAgreed = Boolean.TRUE.equals(reminderFeeAgreed);
        disputed = Boolean.TRUE.equals(disputed);
        remindersSent = remindersSent == null ? List.of() : copyOf(remindersSent);
    }

    /** A list as given, nulls kept, so the element constraint can name {@code remindersSent[i]}. */
    private static <T> List<T> copyOf(List<T> list) {
        return list.stream().anyMatch(java.util.Objects::isNull) ? java.util.Collections.unmodifiableList(new ArrayList<>(list))
                : List.copyOf(list);
    }

    public enum CustomerType {
        BUSINESS, CONSUMER
    }

    /** The debtor. {@code language} is an ISO 639-1 code; letters fall back to English. */
    public record Customer(
            @NotBlank @Size(max = 100) @SingleLine String id,
            @NotBlank @Size(max = 200) @SingleLine String name,
            @NotNull CustomerType type,
            @NotNull @CountryCode String country,
            @LanguageCode String language,
            @Email @Size(max = 254) @SingleLine String email,
            @Size(max = 500) @TextLines String address) {
    }

    public record SentReminder(@Min(1) @Max(99) int level, @NotNull @InEra LocalDate sentOn) {
    }

    @Override
    public List<AmountsFitCurrency.Amount> amounts() {
        return List.of(new AmountsFitCurrency.Amount(currency, amount, "amount"),
                new AmountsFitCurrency.Amount(currency, openAmount, "openAmount"));
    }

    /** The highest level sent so far, 0 when none was. */
    public int lastLevelSent() {
        int highest = 0;
        for (SentReminder sent : remindersSent) {
            highest = Math.max(highest, sent.level());
        }
        return highest;
    }

    /** The day the most recent reminder went out, if any did. */
    public Optional<LocalDate> lastSentOn() {
        LocalDate latest = null;
        for (SentReminder sent : remindersSent) {
            latest = latest == null || sent.sentOn().isAfter(latest) ? sent.sentOn() : latest;
        }
        return Optional.ofNullable(latest);
    }

    /** No reminder went out before the invoice was issued. */
    @Documented
    @Target(TYPE)
    @Retention(RUNTIME)
    @Constraint(validatedBy = RemindersAfterIssue.Validator.class)
    public @interface RemindersAfterIssue {

        String message() default "{io.creditguard.receivables.Invoice.RemindersAfterIssue.message}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<RemindersAfterIssue, Invoice> {
            @Override
            public boolean isValid(Invoice invoice, ConstraintValidatorContext context) {
                if (invoice == null || invoice.issueDate() == null) {
                    return true;
                }
                boolean valid = true;
                for (int i = 0; i < invoice.remindersSent().size(); i++) {
                    SentReminder sent = invoice.remindersSent().get(i);
                    if (sent != null && sent.sentOn() != null && sent.sentOn().isBefore(invoice.issueDate())) {
                        Violations.add(context, "{io.creditguard.receivables.Invoice.RemindersAfterIssue.message}",
                                Map.of("issueDate", invoice.issueDate().toString()), "remindersSent", i, "sentOn");
                        valid = false;
                    }
                }
                return valid;
            }
        }
    }
}
