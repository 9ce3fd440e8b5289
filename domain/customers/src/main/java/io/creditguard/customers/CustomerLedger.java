package io.creditguard.customers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import io.creditguard.receivables.AgingBucket;
import io.creditguard.receivables.Invoice;

/**
 * One customer's ledger as the reminder run left it ({@code customers/<customerId>.json}): per currency the
 * open and overdue exposure by aging bucket, what was invoiced, the payment record and the dunning counts
 * of the last 12 months; the limit in force, the exposure against it and the headroom; the open invoices
 * with their level and next step, the letters, the payments, and the alerts open.
 *
 * @param asOf the day of the run it came from, {@code run} the run's report
 * @param limit the limit in force on {@code asOf}, absent when the customer has none
 * @param exposure the open amounts in the limit's currency, absent without a limit
 * @param headroom limit − exposure, negative when above the limit
 * @param utilisation exposure ÷ limit
 * @param listed how many open invoices, letters and payments there are beyond those listed
 */
public record CustomerLedger(Invoice.Customer customer, LocalDate asOf, String run, List<CurrencyLedger> currencies,
        Limits.InForce limit, Limits.Exposure exposure, BigDecimal headroom, BigDecimal utilisation,
        List<OpenInvoice> openInvoices, List<LetterRef> letters, List<PaymentRef> payments, Listed listed,
        List<Alerts.Alert> alerts) {

    /** Open invoices listed, most overdue first. */
    static final int OPEN_INVOICES_LISTED = 500;
    /** Letters and payments listed, most recent first. */
    static final int LETTERS_LISTED = 100;
    static final int PAYMENTS_LISTED = 100;

    /**
     * One currency of the customer's book.
     *
     * @param invoicedLast12Months the amounts of the invoices issued in the 12 months to the run's day
     * @param remindersSent payment reminders sent in the 12 months, counted per invoice (a statement that lists
     *     three invoices counts three); {@code collectionLetters} collection letters (inkassokrav, final notices,
     *     hand-offs to collection) likewise
     * @param brokenPromises promises to pay that fell due in the 12 months and were not kept
     */
    public record CurrencyLedger(Currency currency, BigDecimal open, BigDecimal overdue, long openInvoices,
            List<Aging> aging, BigDecimal invoicedLast12Months, PaymentRecord paymentRecord, int remindersSent,
            int collectionLetters, int brokenPromises) {
    }

    public record Aging(AgingBucket bucket, long invoices, BigDecimal amount) {
    }

    /** An open invoice, where its dunning stands and what a finance user decided about it. */
    public record OpenInvoice(String invoiceId, String invoiceNumber, Currency currency, LocalDate issueDate,
            LocalDate dueDate, BigDecimal amount, BigDecimal openAmount, long daysOverdue, AgingBucket bucket,
            Dunning dunning) {
    }

    /**
     * @param level the highest level sent
     * @param next what the run does with it today
     * @param insurerDeadline the day it must be reported to the credit insurer by, while it is not
     */
    public record Dunning(int level, List<Invoice.SentReminder> remindersSent, LedgerLine.Next next,
            LocalDate insurerNotifiedOn, LocalDate insurerDeadline, Decisions decisions) {
    }

    /** What a finance user decided ({@code PATCH /invoices/{invoiceId}}), and who and when. */
    public record Decisions(boolean disputed, String disputeReason, LocalDate pausedUntil, LocalDate promisedPaymentDate,
            Promise promise, String decidedBy, Instant decidedAt) {
    }

    /** Where a promise to pay stands: waited for, or passed unpaid. */
    public enum Promise {
        PENDING, BROKEN
    }

    /**
     * A letter of the customer's dunning history.
     *
     * @param letterId its id, to fetch it as {@code GET /letters/<letterId>.pdf}; absent for letters recorded
     *     before letter ids were kept
     * @param level the highest level of its invoices (a statement may list invoices at different levels), and
     *     {@code kind} the strongest kind among them
     */
    public record LetterRef(String letterId, LocalDate sentOn, int level, LedgerLine.LetterKind kind,
            List<String> invoiceIds) {
    }

    /** A payment received in the last 12 months. */
    public record PaymentRef(String invoiceId, String invoiceNumber, Currency currency, LocalDate date, BigDecimal amount,
            int daysBeyondTerms) {
    }

    /** What there is beyond the lists' lengths. */
    public record Listed(long openInvoicesNotListed, long lettersNotListed, long paymentsNotListed) {
    }

    /** This ledger with the limit in force (and what follows from it) worked out again. */
    public CustomerLedger withLimit(Limits.InForce limit, Limits.Exposure exposure) {
        return new CustomerLedger(customer, asOf, run, currencies, limit, exposure,
                limit == null ? null : Limits.headroom(limit, exposure),
                limit == null ? null : Limits.utilisation(limit, exposure), openInvoices, letters, payments, listed, alerts);
    }

    /** This ledger with one open invoice's decisions as a finance user changed them. */
    public CustomerLedger withDecisions(String invoiceId, Decisions decisions) {
        List<OpenInvoice> changed = openInvoices.stream().map(i -> !i.invoiceId().equals(invoiceId) ? i
                : new OpenInvoice(i.invoiceId(), i.invoiceNumber(), i.currency(), i.issueDate(), i.dueDate(), i.amount(),
                        i.openAmount(), i.daysOverdue(), i.bucket(), new Dunning(i.dunning().level(),
                                i.dunning().remindersSent(), i.dunning().next(), i.dunning().insurerNotifiedOn(),
                                i.dunning().insurerDeadline(), decisions))).toList();
        return new CustomerLedger(customer, asOf, run, currencies, limit, exposure, headroom, utilisation, changed, letters,
                payments, listed, alerts);
    }
}
