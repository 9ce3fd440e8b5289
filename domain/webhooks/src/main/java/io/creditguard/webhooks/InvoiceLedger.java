package io.creditguard.webhooks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.creditguard.receivables.Invoice;
import io.creditguard.validation.FieldError;

/**
 * The rules of an intake invoice's ledger, apart from where it is stored ({@link IntakeStore} reads and writes):
 * how a platform's new state is merged with what creditguard recorded, how payments and credit notes are added
 * and checked, and how the open amount follows from them. Pure: no store, no clock, no log.
 *
 * <p>Payments a platform itemises (with their ids) are kept as they are; what a platform reports as paid without
 * itemising it is one payment {@code <source>:reported-paid} dated the day it was reported, shrinking as itemised
 * payments arrive, so {@code openAmount} is always {@code amount − payments − credits} and never more than the
 * platform says is open.
 */
final class InvoiceLedger {

    private InvoiceLedger() {
    }

    /**
     * The platform's new state, with what creditguard recorded kept (an agreed fee or a dispute stays
     * known), the payments and credits joined and waiting adjustments applied.
     */
    static Invoice merge(String source, Invoice incoming, Optional<Invoice> stored, boolean itemisesPayments,
            List<IntakeStore.Adjustment> adjustments, List<String> notes, List<String> dropped) {
        Invoice base = incoming;
        if (stored.isPresent()) {
            Invoice s = stored.get();
            Invoice.Terms terms = incoming.terms();
            Invoice.Dunning dunning = s.dunning();
            List<Invoice.Payment> payments = itemisesPayments ? incoming.payments() : union(s.payments(), incoming.payments());
            base = incoming.withTerms(terms.keeping(s.terms()))
                    .withLedger(incoming.openAmount(), itemised(source, payments), credits(s.credits(), incoming.credits()))
                    .withDunning(dunning.withDisputed(incoming.disputed() || dunning.disputed()));
        }
        List<IntakeStore.Adjustment> valid = new ArrayList<>();
        for (IntakeStore.Adjustment a : adjustments) {
            List<FieldError> errors = check(base, a, "a waiting adjustment");
            if (errors.isEmpty()) {
                valid.add(a);
            } else {
                String error = errors.get(0).message();
                notes.add("a waiting " + (a.payment() != null ? "payment" : "credit note") + " was dropped: " + error);
                dropped.add(error);
            }
        }
        return apply(source, base, valid, incoming.openAmount(), notes);
    }

    /**
     * A platform's invoice with its open amount reconciled with the payments and credits it itemises
     * (see the class comment), so it can be checked as a ledger before it is stored.
     */
    static Invoice reconciled(String source, Invoice mapped) {
        return apply(source, mapped, List.of(), mapped.openAmount(), new ArrayList<>());
    }

    /**
     * {@code invoice} with {@code adjustments} added (each once, by id) and its open amount worked out
     * again: never above {@code reportedOpen}, the platform's own figure; what it reports paid beyond the
     * itemised payments is the one {@code <source>:reported-paid} payment.
     */
    static Invoice apply(String source, Invoice invoice, List<IntakeStore.Adjustment> adjustments, BigDecimal reportedOpen,
            List<String> notes) {
        List<Invoice.Payment> payments = new ArrayList<>(itemised(source, invoice.payments()));
        List<Invoice.Credit> credits = new ArrayList<>(invoice.credits());
        for (IntakeStore.Adjustment a : adjustments) {
            if (a.payment() != null && payments.stream().noneMatch(p -> a.payment().id().equals(p.id()))) {
                payments.add(a.payment());
            }
            if (a.credit() != null && credits.stream().noneMatch(c -> c.documentId().equals(a.credit().documentId()))) {
                credits.add(a.credit());
            }
        }
        BigDecimal paid = sum(payments.stream().map(Invoice.Payment::amount).toList());
        BigDecimal credited = sum(credits.stream().map(Invoice.Credit::amount).toList());
        BigDecimal left = invoice.amount().subtract(paid).subtract(credited);
        if (left.signum() < 0) {
            notes.add("payments and credits exceed the invoice by " + left.negate().toPlainString() + "; it is settled");
        }
        BigDecimal open = left.max(BigDecimal.ZERO).min(reportedOpen);
        BigDecimal unitemised = left.max(BigDecimal.ZERO).subtract(open);
        if (unitemised.signum() > 0) {
            LocalDate on = invoice.updatedAt() == null ? invoice.issueDate()
                    : LocalDate.ofInstant(invoice.updatedAt(), ZoneOffset.UTC);
            payments.add(new Invoice.Payment(source + ":reported-paid", on.isBefore(invoice.issueDate()) ? invoice.issueDate() : on,
                    unitemised, null, "paid as " + source + " reports, not itemised"));
        }
        return invoice.withLedger(open, payments, credits);
    }

    /** Why {@code adjustment} cannot go on {@code invoice}: another currency, a date before it, too large, a changed id. */
    static List<FieldError> check(Invoice invoice, IntakeStore.Adjustment adjustment, String field) {
        List<FieldError> errors = new ArrayList<>();
        if (adjustment.currency() != null && !adjustment.currency().equals(invoice.currency())) {
            errors.add(FieldError.at(field, "is in " + adjustment.currency() + "; invoice " + invoice.invoiceNumber()
                    + " is in " + invoice.currency()));
        }
        LocalDate date = adjustment.payment() != null ? adjustment.payment().date() : adjustment.credit().date();
        if (date.isBefore(invoice.issueDate())) {
            errors.add(FieldError.at(field, "is dated " + date + ", before invoice " + invoice.invoiceNumber() + " of "
                    + invoice.issueDate()));
        }
        if (adjustment.credit() != null) {
            Invoice.Credit credit = adjustment.credit();
            if (credit.amount().compareTo(invoice.amount()) > 0) {
                errors.add(FieldError.at(field, "credits " + credit.amount().toPlainString() + ", more than invoice "
                        + invoice.invoiceNumber() + " of " + invoice.amount().toPlainString()));
            }
            invoice.credits().stream().filter(c -> c.documentId().equals(credit.documentId()) && !c.equals(credit))
                    .findFirst().ifPresent(c -> errors.add(FieldError.at(field, "repeats credit note " + c.documentId()
                            + ", received before with " + c.amount().toPlainString() + " on " + c.date())));
        }
        if (adjustment.payment() != null) {
            Invoice.Payment payment = adjustment.payment();
            invoice.payments().stream().filter(p -> payment.id().equals(p.id()) && p.amount().compareTo(payment.amount()) != 0)
                    .findFirst().ifPresent(p -> errors.add(FieldError.at(field, "repeats payment " + p.id()
                            + ", received before with " + p.amount().toPlainString())));
        }
        return errors;
    }

    private static List<Invoice.Payment> itemised(String source, List<Invoice.Payment> payments) {
        return payments.stream().filter(p -> !(source + ":reported-paid").equals(p.id())).toList();
    }

    private static List<Invoice.Payment> union(List<Invoice.Payment> stored, List<Invoice.Payment> incoming) {
        Map<String, Invoice.Payment> byId = new LinkedHashMap<>();
        stored.forEach(p -> byId.put(p.id() == null ? "stored:" + byId.size() : p.id(), p));
        incoming.forEach(p -> byId.put(p.id() == null ? "incoming:" + byId.size() : p.id(), p));
        return List.copyOf(byId.values());
    }

    private static List<Invoice.Credit> credits(List<Invoice.Credit> stored, List<Invoice.Credit> incoming) {
        Map<String, Invoice.Credit> byId = new LinkedHashMap<>();
        stored.forEach(c -> byId.put(c.documentId(), c));
        incoming.forEach(c -> byId.put(c.documentId(), c));
        return List.copyOf(byId.values());
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
