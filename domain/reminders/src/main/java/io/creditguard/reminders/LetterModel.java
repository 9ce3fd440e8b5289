package io.creditguard.reminders;

import java.util.List;

/**
 * What a statement's template sees, already formatted for the letter's language: amounts with their
 * currency, dates in the local style. The templates declare it as their parameter, so the build checks
 * every expression against it and generates the resolvers that read it.
 *
 * @param template reminder, inkassokrav, final-notice or collection-handoff
 * @param lawCountry the governing law's country in the letter's language
 * @param lawBasis CONTRACT, SELLER_DEFAULT or CONSUMER_RESIDENCE
 * @param collectionCostsIfUnpaid in a Dutch consumer's 14-day letter, the costs owed if it goes unpaid
 * @param noticeTermEnds in that letter, the last day of the term
 * @param quoteReferences every invoice of the letter has a payment reference: the debtor quotes those, not the
 *     invoice numbers
 */
public record LetterModel(String template, String date, Party creditor, Party customer, List<Line> lines,
        String invoiceNumbers, String total, String payBy, String paymentInstructions, String disputeContact,
        String lawCountry, String lawBasis, String collectionCostsIfUnpaid, String noticeTermEnds,
        boolean quoteReferences) {

    public record Party(String name, List<String> address) {
    }

    /**
     * One invoice of the letter, with everything owed on it.
     *
     * @param defaultFrom the first day of default, from which late interest runs; null where not known
     * @param defaultPending that day is after the letter's: interest runs from it if the invoice is unpaid by then
     * @param defaultBasis the provision it rests on, as cited
     * @param paymentReference what to quote when paying it (an OCR number, a payment reference), or null
     */
    public record Line(String invoiceNumber, String issueDate, String dueDate, long daysOverdue, String amount,
            String credited, List<PaymentLine> payments, String principal, boolean hasInterest, String interest,
            String interestPaid, String interestBasis, List<InterestLine> interestLines, String interestPendingFrom,
            String defaultFrom, boolean defaultPending, String defaultBasis, List<FeeLine> fees, String total,
            String paymentReference) {
    }

    /** A payment received and what it met: {@code applied} lists costs, interest and principal. */
    public record PaymentLine(String date, String amount, String applied) {
    }

    public record InterestLine(String from, String to, long days, String rate, String base, String amount) {
    }

    /** @param conversion how a fixed amount the law sets in another currency was converted, or null */
    public record FeeLine(String label, String amount, String legalBasis, String conversion) {
    }

    /** A report of one overdue debt to the credit insurer; {@code policyNumber} when the policy names it. */
    public record Insurer(String insurerName, String policyNumber, String creditorName, String customerName,
            String invoiceNumber, String issueDate, String dueDate, long daysOverdue, String openAmount, String deadline) {
    }
}
