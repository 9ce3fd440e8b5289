package io.creditguard.receivables;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import io.creditguard.http.Checked;
import io.creditguard.http.Checks;

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
        String invoiceId,
        String invoiceNumber,
        Currency currency,
        LocalDate issueDate,
        LocalDate dueDate,
        BigDecimal amount,
        BigDecimal openAmount,
        Customer customer,
        BigDecimal interestRate,
        Boolean reminderFeeAgreed,
        Boolean disputed,
        LocalDate pausedUntil,
        List<SentReminder> remindersSent,
        LocalDate insurerNotifiedOn,
        String source,
        Instant updatedAt) implements Checked {

    /** Absent flags mean false: most invoices carry no agreed fee and no dispute. */
    public Invoice {
        reminderFeeAgreed = Boolean.TRUE.equals(reminderFeeAgreed);
        disputed = Boolean.TRUE.equals(disputed);
        remindersSent = remindersSent == null ? List.of() : List.copyOf(remindersSent);
    }

    public enum CustomerType {
        BUSINESS, CONSUMER
    }

    /**
     * Each field's rules, then those between fields: dates in order, open not above amount, decimals
     * the currency allows.
     */
    @Override
    public void check(Checks checks) {
        checks.text("invoiceId", invoiceId).required().maxLength(100).singleLine();
        checks.text("invoiceNumber", invoiceNumber).required().maxLength(100).singleLine();
        checks.required("currency", currency);
        checks.required("issueDate", issueDate);
        checks.required("dueDate", dueDate);
        checks.number("amount", amount).required().positiveOrZero();
        checks.number("openAmount", openAmount).required().positiveOrZero();
        checks.required("customer", customer);
        checks.nested("customer", customer);
        checks.number("interestRate", interestRate).atLeast(0).atMost(100).digits(3, 4);
        checks.list("remindersSent", remindersSent, 0, 50);
        checks.text("source", source).maxLength(50);
        checks.date("issueDate", issueDate);
        checks.date("dueDate", dueDate);
        checks.date("pausedUntil", pausedUntil);
        checks.date("insurerNotifiedOn", insurerNotifiedOn);
        if (currency != null && amount != null && openAmount != null) {
            checks.money("amount", currency, amount);
            checks.money("openAmount", currency, openAmount);
            if (openAmount.compareTo(amount) > 0) {
                checks.fail("openAmount", "must not exceed amount (" + amount.toPlainString() + ")");
            }
        }
        if (issueDate != null && dueDate != null && dueDate.isBefore(issueDate)) {
            checks.fail("dueDate", "must not be before issueDate (" + issueDate + ")");
        }
        for (int i = 0; i < remindersSent.size(); i++) {
            SentReminder sent = remindersSent.get(i);
            if (sent != null && sent.sentOn() != null && issueDate != null && sent.sentOn().isBefore(issueDate)) {
                checks.fail("remindersSent[" + i + "].sentOn", "must not be before issueDate (" + issueDate + ")");
            }
        }
    }

    /** The debtor. {@code language} is an ISO 639-1 code; letters fall back to English. */
    public record Customer(String id, String name, CustomerType type, String country, String language, String email,
            String address) implements Checked {

        @Override
        public void check(Checks checks) {
            checks.text("id", id).required().maxLength(100).singleLine();
            checks.text("name", name).required().maxLength(200).singleLine();
            checks.required("type", type);
            checks.text("country", country).present()
                    .isoCode(2, true, "must be an ISO 3166 country code such as SE or NL");
            checks.text("language", language)
                    .isoCode(2, false, "must be an ISO 639-1 language code such as sv, nl or en");
            checks.text("email", email).email().maxLength(254);
            checks.text("address", address).maxLength(500).lines();
        }
    }

    public record SentReminder(int level, LocalDate sentOn) implements Checked {

        @Override
        public void check(Checks checks) {
            checks.number("level", level).atLeast(1);
            checks.required("sentOn", sentOn);
        }
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
    public java.util.Optional<LocalDate> lastSentOn() {
        LocalDate latest = null;
        for (SentReminder sent : remindersSent) {
            latest = latest == null || sent.sentOn().isAfter(latest) ? sent.sentOn() : latest;
        }
        return java.util.Optional.ofNullable(latest);
    }
}
