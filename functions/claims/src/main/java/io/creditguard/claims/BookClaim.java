package io.creditguard.claims;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.creditguard.customers.CustomerLedger;
import io.creditguard.receivables.Invoice;

/**
 * A claim whose debts come from the book: the buyer's unpaid invoices in the policy's currency issued by the claim's
 * {@code asOf}, as the customer ledger lists them, with the reminders sent, the notification to the insurer from the
 * book or, where the book has not recorded it, the run's record of the report, and what the book does not hold said
 * so. Pure: the reminder records found are given.
 */
final class BookClaim {

    private BookClaim() {
    }

    /**
     * What came from the book.
     *
     * @param asOf the day of the reminder run whose ledger the debts came from, {@code run} its report
     * @param debts the invoices claimed from the book
     * @param events events the book added (the overdue notification to the insurer)
     * @param documents documents the store holds (the reminders as sent)
     * @param lacked what the book does not hold, and what stands in for it
     */
    public record FromBook(String customerId, LocalDate asOf, String run, List<String> debts, List<ClaimRequest.Event> events,
            List<ClaimRequest.DocumentType> documents, List<Lacked> lacked) {
    }

    /** A fact of one invoice the book lacks. */
    public record Lacked(String invoiceId, String field, String message) {
    }

    record Built(ClaimRequest request, FromBook fromBook) {
    }

    /**
     * @param records the days the run's records of reminders and insurer reports were decided, by record key
     *     ({@code reminders/<id>.json}), for the records that exist
     * @param recordKey the key of an invoice's record of a level ({@code "1"}) or of its insurer report ({@code "insurer"})
     */
    static Built of(ClaimRequest request, CustomerLedger ledger, Map<String, LocalDate> records,
            java.util.function.BiFunction<String, String, String> recordKey) {
        List<ClaimRequest.Debt> debts = new ArrayList<>();
        List<Lacked> lacked = new ArrayList<>();
        LocalDate notified = null;
        boolean lettersOnRecord = false;
        for (CustomerLedger.OpenInvoice invoice : ledger.openInvoices()) {
            if (!invoice.currency().equals(request.policy().currency())) {
                lacked.add(new Lacked(invoice.invoiceId(), "currency", "in " + invoice.currency().getCurrencyCode()
                        + ", the policy in " + request.policy().currency().getCurrencyCode() + ": not claimed here"));
                continue;
            }
            // The issue date stands in for the delivery the book does not hold: after asOf, not delivered by then as far as it tells.
            if (invoice.issueDate().isAfter(request.asOf())) {
                lacked.add(new Lacked(invoice.invoiceId(), "issueDate", "issued " + invoice.issueDate() + ", after asOf "
                        + request.asOf() + ", and the book holds no delivery date: not claimed here (name it in debts with "
                        + "its deliveryDate if it was delivered by then)"));
                continue;
            }
            CustomerLedger.Dunning dunning = invoice.dunning();
            List<Invoice.SentReminder> sent = dunning.remindersSent().stream()
                    .map(r -> new Invoice.SentReminder(r.level(), r.sentOn())).toList();
            debts.add(new ClaimRequest.Debt(invoice.invoiceId(), invoice.issueDate(), null, invoice.dueDate(),
                    invoice.amount(), invoice.openAmount(), null, dunning.decisions().disputed(), sent, null));
            lacked.add(new Lacked(invoice.invoiceId(), "deliveryDate", "the book holds no delivery date; the issue date "
                    + invoice.issueDate() + " stands in for it"));
            for (Invoice.SentReminder reminder : sent) {
                lettersOnRecord |= records.containsKey(recordKey.apply(invoice.invoiceId(), String.valueOf(reminder.level())));
            }
            LocalDate reported = Optional.ofNullable(dunning.insurerNotifiedOn())
                    .orElse(records.get(recordKey.apply(invoice.invoiceId(), "insurer")));
            if (reported != null && (notified == null || reported.isBefore(notified))) {
                notified = reported;
            }
        }
        List<ClaimRequest.Event> events = new ArrayList<>(request.events());
        List<ClaimRequest.Event> added = new ArrayList<>();
        boolean given = request.events().stream().anyMatch(e -> e.type() == ClaimRequest.EventType.OVERDUE_NOTIFIED);
        if (!given && notified != null && !notified.isAfter(request.asOf())) {
            added.add(new ClaimRequest.Event(ClaimRequest.EventType.OVERDUE_NOTIFIED, notified, null));
        } else if (!given) {
            lacked.add(new Lacked(null, "events", "neither the book nor the run's records hold a notification of the "
                    + "overdue debt to the insurer"));
        }
        events.addAll(added);
        events.sort(Comparator.comparing(ClaimRequest.Event::date));
        List<ClaimRequest.DocumentType> documents = new ArrayList<>(request.documents());
        List<ClaimRequest.DocumentType> addedDocuments = new ArrayList<>();
        if (lettersOnRecord && !documents.contains(ClaimRequest.DocumentType.REMINDERS_SENT)) {
            addedDocuments.add(ClaimRequest.DocumentType.REMINDERS_SENT);
            documents.addAll(addedDocuments);
        }
        ClaimRequest claim = new ClaimRequest(request.policy(), request.buyer(), debts, events, documents, request.asOf(),
                request.claimFiledOn(), request.indemnityPaidOn(), request.language(), request.file());
        return new Built(claim, new FromBook(ledger.customer().id(), ledger.asOf(), ledger.run(),
                debts.stream().map(ClaimRequest.Debt::invoiceId).toList(), List.copyOf(added), List.copyOf(addedDocuments),
                List.copyOf(lacked)));
    }
}
