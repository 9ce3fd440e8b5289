package io.creditguard.customers;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import io.creditguard.money.Currencies;
import io.creditguard.receivables.Invoice;

/**
 * One invoice of the book as the reminder run hands it to the customer ledger: the invoice, and what the
 * run decided about it on the day.
 *
 * <p>Lines travel from the run's first pass to the ledger's through local spill files in a compact binary
 * form ({@link #write}, read back by the ledger pass's {@code SpilledLine}) of just the fields the ledger
 * reads, so the ledger costs the run little more than the bytes: the invoice's terms, credits and fees, and the
 * customer's address, are left out.
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

    /** A date not given, as the spilled form writes it. */
    static final int NO_DATE = Integer.MIN_VALUE;

    /**
     * The line's spilled form, read back by the ledger pass's {@code SpilledLine}: numbers as they are (days since
     * the epoch, amounts in minor units), and only the strings the ledger shows.
     *
     * @param fileIndex the number {@code file} has among the run's book files, written instead of its name
     * @param currencyIndex likewise the currency's number among the run's currencies
     */
    void write(ByteBuffer out, int fileIndex, int currencyIndex) {
        Invoice.Customer c = invoice.customer();
        Invoice.Dunning d = invoice.dunning();
        boolean open = invoice.openAmount().signum() > 0;
        int flags = (c.type() == Invoice.CustomerType.CONSUMER ? 1 : 0) | (open ? 4 : 0)
                | (d.disputed() ? 8 : 0) | (d.decided() != null ? 16 : 0) | (insurer != null ? 32 : 0);
        out.put((byte) flags);
        text(out, c.name());
        text(out, c.country());
        text(out, c.language());
        text(out, c.email());
        out.putInt(fileIndex);
        text(out, invoice.invoiceId());
        text(out, invoice.invoiceNumber());
        out.putShort((short) currencyIndex); // a book may be in every ISO 4217 currency, more than a byte counts
        int scale = Currencies.minorUnits(invoice.currency());
        date(out, invoice.issueDate());
        date(out, invoice.dueDate());
        date(out, effectiveDueDate);
        out.putLong(cents(invoice.amount(), scale));
        out.putLong(cents(invoice.openAmount(), scale));
        List<Invoice.Payment> payments = invoice.payments();
        out.putShort((short) payments.size());
        for (int i = 0; i < payments.size(); i++) { // indexed: an iterator per line is garbage a million times
            date(out, payments.get(i).date());
            out.putLong(cents(payments.get(i).amount(), scale));
        }
        out.putShort((short) d.remindersSent().size());
        for (int i = 0; i < d.remindersSent().size(); i++) {
            Invoice.SentReminder sent = d.remindersSent().get(i);
            out.put((byte) sent.level());
            date(out, sent.sentOn());
            out.put((byte) kinds.get(i).ordinal());
            text(out, sent.letterId());
        }
        date(out, d.insurerNotifiedOn());
        if (insurer != null) {
            date(out, insurer.deadline());
            date(out, insurer.warnFrom());
        }
        date(out, d.pausedUntil());
        if (d.decided() != null) {
            Invoice.Decided decided = d.decided();
            text(out, decided.disputeReason());
            date(out, decided.promisedPaymentDate());
            out.putShort((short) decided.promisesBroken().size());
            for (LocalDate broken : decided.promisesBroken()) {
                date(out, broken);
            }
            text(out, decided.by());
            out.putLong(decided.at().toEpochMilli());
            date(out, promiseKeptUntil);
        }
        out.put((byte) next.step().ordinal());
        if (open) { // what the run does next is shown for open invoices only
            text(out, next.reason());
            text(out, next.detail());
        }
    }

    /** A string as its UTF-8 bytes after their count; -1 for none. Ids and numbers are ASCII: no copy is made of them. */
    static void text(ByteBuffer out, String value) {
        if (value == null) {
            out.putInt(-1);
            return;
        }
        int length = value.length();
        int at = out.position();
        out.putInt(length);
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                out.position(at);
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                out.putInt(bytes.length);
                out.put(bytes);
                return;
            }
            out.put((byte) c);
        }
    }

    static String text(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        String value = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }

    private static void date(ByteBuffer out, LocalDate value) {
        out.putInt(value == null ? NO_DATE : (int) value.toEpochDay());
    }

    /** Book amounts are checked below 10^15 and to the currency's minor unit: its minor units fit a long. */
    private static long cents(BigDecimal value, int scale) {
        return value.setScale(scale, java.math.RoundingMode.UNNECESSARY).scaleByPowerOfTen(scale).longValueExact();
    }
}
