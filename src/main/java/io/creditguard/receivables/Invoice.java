package io.creditguard.receivables;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.creditguard.http.FieldErrors;

/**
 * One open (or settled) invoice of the receivables book, in the shape the reminder run reads, the
 * preview accepts and webhook intake writes. Amounts are in {@link #currency}; {@code openAmount}
 * is the principal still unpaid, without interest or fees.
 *
 * @param interestRate the agreed late-interest rate in percent per year (12 for 12 %); absent
 *     means the statutory rate of the customer's country applies
 * @param remindersSent the dunning levels already sent, each once
 * @param insurerNotifiedOn when the overdue debt was reported to the credit insurer, if it was
 * @param source where the record came from (a platform name, {@code import}); informational
 * @param updatedAt when the source last changed it; intake ignores older events for the same invoice
 */
public record Invoice(
        @NotBlank(message = "is required") @Size(max = 100) @Pattern(regexp = Text.SINGLE_LINE, message = Text.SINGLE_LINE_MESSAGE) String invoiceId,
        @NotBlank(message = "is required") @Size(max = 100) @Pattern(regexp = Text.SINGLE_LINE, message = Text.SINGLE_LINE_MESSAGE) String invoiceNumber,
        @NotNull(message = "is required") Currency currency,
        @NotNull(message = "is required") LocalDate issueDate,
        @NotNull(message = "is required") LocalDate dueDate,
        @NotNull(message = "is required") @PositiveOrZero BigDecimal amount,
        @NotNull(message = "is required") @PositiveOrZero BigDecimal openAmount,
        @NotNull(message = "is required") @Valid Customer customer,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal interestRate,
        Boolean reminderFeeAgreed,
        Boolean disputed,
        LocalDate pausedUntil,
        @Size(max = 50) List<@NotNull @Valid SentReminder> remindersSent,
        LocalDate insurerNotifiedOn,
        @Size(max = 50) String source,
        Instant updatedAt) {

    /** Absent flags mean false: most invoices carry no agreed fee and no dispute. */
    public Invoice {
        reminderFeeAgreed = Boolean.TRUE.equals(reminderFeeAgreed);
        disputed = Boolean.TRUE.equals(disputed);
        remindersSent = remindersSent == null ? List.of() : List.copyOf(remindersSent);
    }

    public enum CustomerType {
        BUSINESS, CONSUMER
    }

    /** The debtor. {@code language} is an ISO 639-1 code; letters fall back to English. */
    public record Customer(
            @NotBlank(message = "is required") @Size(max = 100) @Pattern(regexp = Text.SINGLE_LINE, message = Text.SINGLE_LINE_MESSAGE) String id,
            @NotBlank(message = "is required") @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE, message = Text.SINGLE_LINE_MESSAGE) String name,
            @NotNull(message = "is required") CustomerType type,
            @NotNull(message = "is required") @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as SE or NL") String country,
            @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 language code such as sv, nl or en") String language,
            @Email @Size(max = 254) String email,
            @Size(max = 500) @Pattern(regexp = Text.MULTI_LINE, message = "must not contain control characters") String address) {
    }

    public record SentReminder(@Min(1) int level, @NotNull(message = "is required") LocalDate sentOn) {
    }

    /** Checks that span fields: dates in order, open not above amount, decimals the currency allows. */
    public void checkConsistency(String path, FieldErrors errors) {
        errors.date(path + ".issueDate", issueDate);
        errors.date(path + ".dueDate", dueDate);
        errors.date(path + ".pausedUntil", pausedUntil);
        errors.date(path + ".insurerNotifiedOn", insurerNotifiedOn);
        if (currency != null && amount != null && openAmount != null) {
            errors.money(path + ".amount", currency, amount);
            errors.money(path + ".openAmount", currency, openAmount);
            if (openAmount.compareTo(amount) > 0) {
                errors.add(path + ".openAmount", "must not exceed amount (" + amount.toPlainString() + ")");
            }
        }
        if (issueDate != null && dueDate != null && dueDate.isBefore(issueDate)) {
            errors.add(path + ".dueDate", "must not be before issueDate (" + issueDate + ")");
        }
        for (int i = 0; i < remindersSent.size(); i++) {
            SentReminder sent = remindersSent.get(i);
            if (sent != null && sent.sentOn() != null && issueDate != null && sent.sentOn().isBefore(issueDate)) {
                errors.add(path + ".remindersSent[" + i + "].sentOn", "must not be before issueDate (" + issueDate + ")");
            }
        }
    }

    /** The highest level sent so far, 0 when none was. */
    public int lastLevelSent() {
        return remindersSent.stream().mapToInt(SentReminder::level).max().orElse(0);
    }

    /** The day the most recent reminder went out, if any did. */
    public java.util.Optional<LocalDate> lastSentOn() {
        return remindersSent.stream().map(SentReminder::sentOn).max(LocalDate::compareTo);
    }

    /** Patterns for free text that ends up in letters: no control characters that could forge lines. */
    public static final class Text {
        public static final String SINGLE_LINE = "[^\\p{Cntrl}]*";
        public static final String MULTI_LINE = "[^\\p{Cntrl}]*(\\n[^\\p{Cntrl}]*)*";
        public static final String SINGLE_LINE_MESSAGE = "must be a single line without control characters";

        private Text() {
        }
    }
}
