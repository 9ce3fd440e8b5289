package io.creditguard.reminders;

import java.util.List;

/**
 * What a letter template sees, already formatted for the letter's language: amounts with their
 * currency, dates in the local style. Templates declare it as their parameter, so Qute checks every
 * expression against it when the application is built.
 */
public record LetterModel(String template, String creditorName, String customerName, String customerAddress,
        String invoiceNumber, String issueDate, String dueDate, long daysOverdue, String openAmount, boolean hasInterest,
        String interestAmount, String interestBasis, List<InterestLine> interestLines, String interestPendingFrom,
        List<FeeLine> fees, String total, String payBy, String paymentInstructions, String disputeContact,
        String collectionCostsIfUnpaid, String insurerName, String insurerDeadline) {

    public record InterestLine(String from, String to, String rate, long days, String amount) {
    }

    public record FeeLine(String label, String amount, String legalBasis) {
    }
}
