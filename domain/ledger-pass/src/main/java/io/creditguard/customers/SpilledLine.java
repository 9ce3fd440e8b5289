package io.creditguard.customers;

import java.nio.ByteBuffer;
import java.util.Currency;
import java.util.List;

/**
 * One spilled {@link LedgerLine} read back in place: dates as days since the epoch ({@link LedgerLine#NO_DATE}
 * for none), amounts in minor units, the arrays reused from line to line, and a string made only when it is
 * asked for. One customer's lines are read one after another into the same object, so the ledger's second
 * pass allocates little beyond what it keeps.
 */
final class SpilledLine {

    private final List<String> files;
    private final List<Currency> currencies;
    private ByteBuffer in;

    boolean consumer;
    String file;
    Currency currency;
    int issueDay;
    int dueDay;
    int effectiveDueDay;
    long amount;
    long open;
    int payments;
    int[] paymentDays = new int[4];
    long[] paymentAmounts = new long[4];
    int reminders;
    int[] reminderLevels = new int[4];
    int[] reminderDays = new int[4];
    LedgerLine.LetterKind[] reminderKinds = new LedgerLine.LetterKind[4];
    private int[] reminderLetterAt = new int[4];
    int notifiedDay;
    boolean hasInsurerDeadline;
    int insurerDeadlineDay;
    int insurerWarnFromDay;
    boolean disputed;
    int pausedUntilDay;
    boolean decided;
    int promisedDay;
    int promisesBroken;
    int[] brokenDays = new int[2];
    long decidedAtMillis;
    int keptUntilDay;
    LedgerLine.Step step;
    /** Where each string starts in the buffer (at its count), read only when asked for: most lines need few. */
    private int nameAt;
    private int countryAt;
    private int languageAt;
    private int emailAt;
    private int invoiceIdAt;
    private int invoiceNumberAt;
    private int disputeReasonAt;
    private int decidedByAt;
    private int reasonAt;
    private int detailAt;
    private String invoiceId;

    SpilledLine(List<String> files, List<Currency> currencies) {
        this.files = files;
        this.currencies = currencies;
    }

    /** Reads the line {@code in} is at (past its customer's id and length). */
    void read(ByteBuffer buffer) {
        in = buffer;
        invoiceId = null;
        int flags = in.get();
        consumer = (flags & 1) != 0;
        boolean isOpen = (flags & 4) != 0;
        disputed = (flags & 8) != 0;
        decided = (flags & 16) != 0;
        hasInsurerDeadline = (flags & 32) != 0;
        nameAt = skip();
        countryAt = skip();
        languageAt = skip();
        emailAt = skip();
        file = files.get(in.getInt());
        invoiceIdAt = skip();
        invoiceNumberAt = skip();
        currency = currencies.get(Short.toUnsignedInt(in.getShort()));
        issueDay = in.getInt();
        dueDay = in.getInt();
        effectiveDueDay = in.getInt();
        amount = in.getLong();
        open = in.getLong();
        payments = in.getShort();
        if (payments > paymentDays.length) {
            paymentDays = new int[payments];
            paymentAmounts = new long[payments];
        }
        for (int i = 0; i < payments; i++) {
            paymentDays[i] = in.getInt();
            paymentAmounts[i] = in.getLong();
        }
        reminders = in.getShort();
        if (reminders > reminderDays.length) {
            reminderLevels = new int[reminders];
            reminderDays = new int[reminders];
            reminderKinds = new LedgerLine.LetterKind[reminders];
            reminderLetterAt = new int[reminders];
        }
        for (int i = 0; i < reminders; i++) {
            reminderLevels[i] = in.get();
            reminderDays[i] = in.getInt();
            reminderKinds[i] = KINDS[in.get()];
            reminderLetterAt[i] = skip();
        }
        notifiedDay = in.getInt();
        insurerDeadlineDay = hasInsurerDeadline ? in.getInt() : LedgerLine.NO_DATE;
        insurerWarnFromDay = hasInsurerDeadline ? in.getInt() : LedgerLine.NO_DATE;
        pausedUntilDay = in.getInt();
        disputeReasonAt = -1;
        promisedDay = LedgerLine.NO_DATE;
        promisesBroken = 0;
        decidedByAt = -1;
        keptUntilDay = LedgerLine.NO_DATE;
        if (decided) {
            disputeReasonAt = skip();
            promisedDay = in.getInt();
            promisesBroken = in.getShort();
            if (promisesBroken > brokenDays.length) {
                brokenDays = new int[promisesBroken];
            }
            for (int i = 0; i < promisesBroken; i++) {
                brokenDays[i] = in.getInt();
            }
            decidedByAt = skip();
            decidedAtMillis = in.getLong();
            keptUntilDay = in.getInt();
        }
        step = STEPS[in.get()];
        reasonAt = isOpen ? skip() : -1;
        detailAt = isOpen ? skip() : -1;
    }

    private static final LedgerLine.LetterKind[] KINDS = LedgerLine.LetterKind.values();
    private static final LedgerLine.Step[] STEPS = LedgerLine.Step.values();

    /** Passes over a string, returning where it starts. */
    private int skip() {
        int at = in.position();
        int length = in.getInt();
        in.position(in.position() + Math.max(0, length));
        return at;
    }

    private String text(int at) {
        if (at < 0) {
            return null;
        }
        int back = in.position();
        in.position(at);
        String value = LedgerLine.text(in);
        in.position(back);
        return value;
    }

    String name() {
        return text(nameAt);
    }

    String country() {
        return text(countryAt);
    }

    String language() {
        return text(languageAt);
    }

    String email() {
        return text(emailAt);
    }

    String invoiceId() {
        if (invoiceId == null) {
            invoiceId = text(invoiceIdAt);
        }
        return invoiceId;
    }

    String invoiceNumber() {
        return text(invoiceNumberAt);
    }

    String letterId(int reminder) {
        return text(reminderLetterAt[reminder]);
    }

    String disputeReason() {
        return text(disputeReasonAt);
    }

    String decidedBy() {
        return text(decidedByAt);
    }

    String reason() {
        return text(reasonAt);
    }

    String detail() {
        return text(detailAt);
    }
}
