package io.creditguard.customers;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import io.creditguard.money.Currencies;
import io.creditguard.receivables.Invoice;

/**
 * One invoice of the book as the reminder run hands it to the customer ledger: the invoice, and what the
 * run decided about it on the day.
 *
 * <p>Lines travel from the run's first pass to the ledger's through local spill files in a compact binary
 * form ({@link #write}, {@link #read}) of just the fields the ledger reads, so the ledger costs the run
 * little more than the bytes: the invoice's terms, credits and fees, and the customer's address, are left out.
 *
 * @param file the book file the invoice is in, where a change to it is written back
 * @param effectiveDueDate the due date the run counted from (moved off weekends and holidays as the policy says)
 * @param kinds what each of {@code invoice.remindersSent()} was, in the same order
 * @param insurer the credit insurer's reporting deadline, when the debt is overdue, not yet reported and not
 *     reported today
 * @param promiseKeptUntil the last day a promise to pay is waited for (the day promised plus the grace days)
 * @param next what the run does with the invoice today
 */
public record LedgerLine(String file, Invoice invoice, LocalDate effectiveDueDate, List<LetterKind> kinds,
        InsurerDeadline insurer, LocalDate promiseKeptUntil, Next next) {

    /** What a letter of the dunning history was. */
    public enum LetterKind {
        /** A friendly notice before the due date. */
        NOTICE,
        /** A payment reminder. */
        REMINDER,
        /** A collection letter: an inkassokrav, a final notice, the hand-off to collection. */
        COLLECTION
    }

    /** What the run does with an invoice on the day. */
    public enum Step {
        /** A letter goes out today. */
        LETTER,
        /** The overdue debt is reported to the credit insurer today. */
        INSURER_REPORT,
        /** Nothing today, for {@code reason}. */
        WAIT
    }

    /**
     * @param reason why nothing goes out (the run's skip reason: PAID, DISPUTED, PAUSED, PROMISED, NOT_YET_DUE, …)
     * @param detail in plain words, with the day the next step is due where there is one
     */
    public record Next(Step step, String reason, String detail) {
    }

    /**
     * @param deadline the day the overdue debt must be reported to the insurer by
     * @param warnFrom the first day the run warns of it (the insurer's warning days before)
     */
    public record InsurerDeadline(LocalDate deadline, LocalDate warnFrom) {
    }

    private static final int NO_DATE = Integer.MIN_VALUE;

    /** @param fileIndex the number {@code file} has among the run's book files, written instead of its name */
    void write(DataOutput out, int fileIndex) throws IOException {
        out.writeInt(fileIndex);
        Invoice.Customer c = invoice.customer();
        out.writeUTF(c.id());
        out.writeUTF(c.name());
        out.writeBoolean(c.type() == Invoice.CustomerType.CONSUMER);
        out.writeUTF(c.country());
        text(out, c.language());
        text(out, c.email());
        out.writeUTF(invoice.invoiceId());
        out.writeUTF(invoice.invoiceNumber());
        out.writeUTF(invoice.currency().getCurrencyCode());
        date(out, invoice.issueDate());
        date(out, invoice.dueDate());
        date(out, effectiveDueDate);
        decimal(out, invoice.amount());
        decimal(out, invoice.openAmount());
        out.writeShort(invoice.payments().size());
        for (Invoice.Payment p : invoice.payments()) {
            date(out, p.date());
            decimal(out, p.amount());
        }
        Invoice.Dunning d = invoice.dunning();
        out.writeBoolean(d.disputed());
        text(out, d.disputeReason());
        date(out, d.pausedUntil());
        date(out, d.promisedPaymentDate());
        out.writeShort(d.promisesBroken().size());
        for (LocalDate broken : d.promisesBroken()) {
            date(out, broken);
        }
        text(out, d.decidedBy());
        out.writeLong(d.decidedAt() == null ? Long.MIN_VALUE : d.decidedAt().toEpochMilli());
        out.writeShort(d.remindersSent().size());
        for (int i = 0; i < d.remindersSent().size(); i++) {
            Invoice.SentReminder sent = d.remindersSent().get(i);
            out.writeByte(sent.level());
            date(out, sent.sentOn());
            text(out, sent.letterId());
            out.writeByte(kinds.get(i).ordinal());
        }
        date(out, d.insurerNotifiedOn());
        out.writeBoolean(insurer != null);
        if (insurer != null) {
            date(out, insurer.deadline());
            date(out, insurer.warnFrom());
        }
        date(out, promiseKeptUntil);
        out.writeByte(next.step().ordinal());
        text(out, next.reason());
        text(out, next.detail());
    }

    /** @param files the run's book files, by the numbers {@link #write} wrote */
    static LedgerLine read(DataInput in, List<String> files) throws IOException {
        String file = files.get(in.readInt());
        Invoice.Customer customer = new Invoice.Customer(in.readUTF(), in.readUTF(),
                in.readBoolean() ? Invoice.CustomerType.CONSUMER : Invoice.CustomerType.BUSINESS, in.readUTF(), text(in),
                text(in), null, null, null);
        String invoiceId = in.readUTF();
        String number = in.readUTF();
        Currency currency = Currency.getInstance(in.readUTF());
        LocalDate issued = date(in);
        LocalDate due = date(in);
        LocalDate effectiveDue = date(in);
        int scale = Currencies.minorUnits(currency);
        BigDecimal amount = decimal(in, scale);
        BigDecimal open = decimal(in, scale);
        List<Invoice.Payment> payments = new ArrayList<>();
        for (int i = in.readShort(); i > 0; i--) {
            payments.add(new Invoice.Payment(null, date(in), decimal(in, scale), null, null));
        }
        boolean disputed = in.readBoolean();
        String reason = text(in);
        LocalDate paused = date(in);
        LocalDate promised = date(in);
        List<LocalDate> broken = new ArrayList<>();
        for (int i = in.readShort(); i > 0; i--) {
            broken.add(date(in));
        }
        String decidedBy = text(in);
        long decidedAt = in.readLong();
        List<Invoice.SentReminder> sent = new ArrayList<>();
        List<LetterKind> kinds = new ArrayList<>();
        for (int i = in.readShort(); i > 0; i--) {
            sent.add(new Invoice.SentReminder(in.readByte(), date(in), text(in), null));
            kinds.add(LetterKind.values()[in.readByte()]);
        }
        LocalDate notified = date(in);
        InsurerDeadline insurer = in.readBoolean() ? new InsurerDeadline(date(in), date(in)) : null;
        LocalDate keptUntil = date(in);
        Next next = new Next(Step.values()[in.readByte()], text(in), text(in));
        Invoice invoice = new Invoice(invoiceId, number, currency, issued, due, amount, open, customer, null, payments,
                null, new Invoice.Dunning(disputed, paused, sent, notified, reason, promised, broken, decidedBy,
                        decidedAt == Long.MIN_VALUE ? null : Instant.ofEpochMilli(decidedAt)), null, null);
        return new LedgerLine(file, invoice, effectiveDue, kinds, insurer, keptUntil, next);
    }

    private static void text(DataOutput out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String text(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void date(DataOutput out, LocalDate value) throws IOException {
        out.writeInt(value == null ? NO_DATE : (int) value.toEpochDay());
    }

    private static LocalDate date(DataInput in) throws IOException {
        int day = in.readInt();
        return day == NO_DATE ? null : LocalDate.ofEpochDay(day);
    }

    /** Book amounts are checked below 10^15 at the currency's minor unit: an unscaled long and a scale hold them. */
    private static void decimal(DataOutput out, BigDecimal value) throws IOException {
        out.writeLong(value.unscaledValue().longValueExact());
        out.writeByte(value.scale());
    }

    /** An amount at its currency's minor unit (the book's are checked to fit it), so the ledger writes 100.00, not 100.0. */
    private static BigDecimal decimal(DataInput in, int scale) throws IOException {
        return BigDecimal.valueOf(in.readLong(), in.readByte()).setScale(scale, java.math.RoundingMode.UNNECESSARY);
    }
}
