package io.creditguard.customers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.creditguard.money.Currencies;
import io.creditguard.money.ExchangeRates;
import io.creditguard.receivables.AgingBucket;
import io.creditguard.receivables.Invoice;
import io.creditguard.alerts.AlertPolicy;

/**
 * Builds one customer's ledger from its lines, one at a time: running sums per currency in minor units and
 * bounded lists (the {@value CustomerLedger#OPEN_INVOICES_LISTED} most overdue open invoices, the
 * {@value CustomerLedger#LETTERS_LISTED} latest letters and {@value CustomerLedger#PAYMENTS_LISTED} latest
 * payments), so memory stays bounded however many invoices the customer has. Pure: no clock, no I/O.
 */
final class LedgerBuilder {

    /** What the builder made: the ledger, and how its alerts moved since the run before. */
    record Built(CustomerLedger ledger, AlertRules.Transition alerts) {
    }

    private static final AgingBucket[] BUCKETS = AgingBucket.values();
    /** Invoices a letter lists in the ledger, at most. */
    private static final int LETTER_INVOICES_LISTED = 50;

    private static final class CurrencyTally {
        final Currency currency;
        final int scale;
        long open;
        long overdue;
        long openInvoices;
        final long[] bucketInvoices = new long[BUCKETS.length];
        final long[] bucketAmounts = new long[BUCKETS.length];
        long invoiced;
        final PaymentRecord.Tally payments;
        int reminders;
        int collections;
        int brokenPromises;

        CurrencyTally(Currency currency, LocalDate asOf) {
            this.currency = currency;
            this.scale = Currencies.minorUnits(currency);
            this.payments = new PaymentRecord.Tally(currency, asOf);
        }

        BigDecimal amount(long minorUnits) {
            return BigDecimal.valueOf(minorUnits, scale);
        }
    }

    /**
     * A letter of the history as it is gathered: a statement lists several invoices, each at its own level; the
     * letter is shown at the highest, and as the strongest kind among them.
     */
    private static final class LetterTally {
        final String letterId;
        final int sentDay;
        int level;
        LedgerLine.LetterKind kind;
        final String firstInvoice;
        /** The statement's other invoices; most letters list one. */
        List<String> moreInvoices;

        LetterTally(String letterId, int sentDay, int level, LedgerLine.LetterKind kind, String firstInvoice) {
            this.letterId = letterId;
            this.sentDay = sentDay;
            this.level = level;
            this.kind = kind;
            this.firstInvoice = firstInvoice;
        }

        void invoice(String invoiceId, int itsLevel, LedgerLine.LetterKind itsKind) {
            level = Math.max(level, itsLevel);
            kind = itsKind.compareTo(kind) > 0 ? itsKind : kind;
            moreInvoices = moreInvoices == null ? new ArrayList<>(2) : moreInvoices;
            if (moreInvoices.size() < LETTER_INVOICES_LISTED - 1) {
                moreInvoices.add(invoiceId);
            }
        }

        CustomerLedger.LetterRef view() {
            List<String> invoices = new ArrayList<>(List.of(firstInvoice));
            if (moreInvoices != null) {
                invoices.addAll(moreInvoices);
            }
            return new CustomerLedger.LetterRef(letterId, LocalDate.ofEpochDay(sentDay), level, kind, List.copyOf(invoices));
        }
    }

    /** A payment of the 12 months, kept in minor units until it is listed. */
    private record Paid(String invoiceId, String invoiceNumber, CurrencyTally tally, int day, long amount, int daysBeyond) {

        CustomerLedger.PaymentRef view() {
            return new CustomerLedger.PaymentRef(invoiceId, invoiceNumber, tally.currency, LocalDate.ofEpochDay(day),
                    tally.amount(amount), daysBeyond);
        }
    }

    private static final Comparator<LetterTally> LATEST_LETTER_FIRST = Comparator.comparingInt((LetterTally l) -> -l.sentDay);
    private static final Comparator<Paid> LATEST_PAYMENT_FIRST = Comparator.comparingInt((Paid p) -> -p.day);
    private static final Comparator<CustomerLedger.OpenInvoice> MOST_OVERDUE_FIRST = Comparator
            .comparingLong((CustomerLedger.OpenInvoice i) -> -i.daysOverdue()).thenComparing(CustomerLedger.OpenInvoice::invoiceId);

    private final LocalDate asOf;
    private final int asOfDay;
    private final int yearFromDay;
    private final String customerId;
    /** Whether the ledger is to be written: a dry run decides the alerts and composes no lists it would not write. */
    private final boolean compose;
    private Invoice.Customer customer;
    /** Most customers are invoiced in one currency: a list to search, not a map. */
    private final List<CurrencyTally> currencies = new ArrayList<>(1);
    private final List<CustomerLedger.OpenInvoice> open = new ArrayList<>();
    private final List<AlertRules.InvoiceFacts> invoiceFacts = new ArrayList<>();
    private final List<LetterTally> letters = new ArrayList<>();
    private final Map<String, LetterTally> letterIds = new java.util.HashMap<>();
    private final List<Paid> payments = new ArrayList<>();
    private long openSeen;
    private long lettersDropped;
    private long paymentsSeen;

    LedgerBuilder(String customerId, LocalDate asOf, boolean compose) {
        this.customerId = customerId;
        this.compose = compose;
        this.asOf = asOf;
        this.asOfDay = (int) asOf.toEpochDay();
        this.yearFromDay = (int) asOf.minusYears(1).plusDays(1).toEpochDay();
    }

    private CurrencyTally tally(Currency currency) {
        for (CurrencyTally tally : currencies) {
            if (tally.currency == currency) { // Currency.getInstance gives one instance per code
                return tally;
            }
        }
        CurrencyTally tally = new CurrencyTally(currency, asOf);
        currencies.add(tally);
        currencies.sort(Comparator.comparing(t -> t.currency.getCurrencyCode()));
        return tally;
    }

    private boolean inYear(int day) {
        return day >= yearFromDay && day <= asOfDay;
    }

    /**
     * One invoice of the customer.
     *
     * @throws ArithmeticException when a currency's amounts exceed what a long holds in minor units
     */
    void add(SpilledLine line) {
        if (customer == null) {
            customer = new Invoice.Customer(customerId, line.name(), line.consumer ? Invoice.CustomerType.CONSUMER
                    : Invoice.CustomerType.BUSINESS, line.country(), line.language(), line.email(), null, null, null, null);
        }
        CurrencyTally tally = tally(line.currency);
        if (inYear(line.issueDay)) {
            tally.invoiced = Math.addExact(tally.invoiced, line.amount);
        }
        boolean settled = line.open == 0;
        tally.payments.add(line.effectiveDueDay, settled, line.payments, line.paymentDays, line.paymentAmounts);
        for (int i = 0; i < line.payments; i++) {
            if (inYear(line.paymentDays[i])) {
                paymentsSeen++;
                if (compose) {
                    payments.add(new Paid(line.invoiceId(), line.invoiceNumber(), tally, line.paymentDays[i],
                            line.paymentAmounts[i], Math.max(0, line.paymentDays[i] - line.effectiveDueDay)));
                }
            }
        }
        trim(payments, LATEST_PAYMENT_FIRST, CustomerLedger.PAYMENTS_LISTED);
        letters(line, tally);
        int broken = brokenPromise(line, tally);
        if (!settled) {
            openInvoice(line, tally, broken);
        }
    }

    private void letters(SpilledLine line, CurrencyTally tally) {
        for (int i = 0; i < line.reminders; i++) {
            LedgerLine.LetterKind kind = line.reminderKinds[i];
            if (inYear(line.reminderDays[i])) {
                if (kind == LedgerLine.LetterKind.REMINDER) {
                    tally.reminders++;
                } else if (kind == LedgerLine.LetterKind.COLLECTION) {
                    tally.collections++;
                }
            }
            if (!compose) {
                continue;
            }
            // Letters recorded before letter ids were kept are one per invoice and level.
            String letterId = line.letterId(i);
            LetterTally letter = letterId == null ? null : letterIds.get(letterId);
            if (letter == null) {
                letter = new LetterTally(letterId, line.reminderDays[i], line.reminderLevels[i], kind, line.invoiceId());
                letters.add(letter);
                if (letterId != null) {
                    letterIds.put(letterId, letter);
                }
            } else {
                letter.invoice(line.invoiceId(), line.reminderLevels[i], kind);
            }
        }
        if (letters.size() > 2 * CustomerLedger.LETTERS_LISTED) {
            letters.sort(LATEST_LETTER_FIRST);
            List<LetterTally> dropped = letters.subList(CustomerLedger.LETTERS_LISTED, letters.size());
            lettersDropped += dropped.size();
            dropped.forEach(l -> letterIds.remove(l.letterId));
            dropped.clear();
        }
    }

    /**
     * Counts the invoice's broken promises that fell due in the 12 months; returns the day promised of the
     * promise broken now (the invoice still open after the day and the grace days), or {@link LedgerLine#NO_DATE}.
     */
    private int brokenPromise(SpilledLine line, CurrencyTally tally) {
        for (int i = 0; i < line.promisesBroken; i++) {
            if (inYear(line.brokenDays[i])) {
                tally.brokenPromises++;
            }
        }
        if (line.promisedDay == LedgerLine.NO_DATE || line.keptUntilDay == LedgerLine.NO_DATE
                || asOfDay <= line.keptUntilDay) {
            return LedgerLine.NO_DATE;
        }
        int paidOn = LedgerLine.NO_DATE;
        if (line.open == 0) {
            for (int i = 0; i < line.payments; i++) {
                paidOn = Math.max(paidOn, line.paymentDays[i]);
            }
        }
        boolean broken = paidOn == LedgerLine.NO_DATE || paidOn > line.keptUntilDay;
        if (broken && line.promisedDay >= yearFromDay) {
            tally.brokenPromises++;
        }
        return broken && line.open > 0 ? line.promisedDay : LedgerLine.NO_DATE;
    }

    private void openInvoice(SpilledLine line, CurrencyTally tally, int brokenPromise) {
        long days = asOfDay - line.effectiveDueDay;
        AgingBucket bucket = AgingBucket.of(days);
        tally.open = Math.addExact(tally.open, line.open);
        tally.openInvoices++;
        tally.bucketInvoices[bucket.ordinal()]++;
        tally.bucketAmounts[bucket.ordinal()] = Math.addExact(tally.bucketAmounts[bucket.ordinal()], line.open);
        if (days > 0) {
            tally.overdue = Math.addExact(tally.overdue, line.open);
        }
        openSeen++;
        if (brokenPromise != LedgerLine.NO_DATE || line.hasInsurerDeadline) {
            invoiceFacts.add(new AlertRules.InvoiceFacts(line.invoiceId(), line.invoiceNumber(), date(brokenPromise),
                    line.hasInsurerDeadline ? date(line.insurerDeadlineDay) : null,
                    line.hasInsurerDeadline ? date(line.insurerWarnFromDay) : null));
            trim(invoiceFacts, Comparator.comparing((AlertRules.InvoiceFacts f) -> f.insurerDeadline() == null ? asOf
                    : f.insurerDeadline()).thenComparing(AlertRules.InvoiceFacts::invoiceId), CustomerLedger.LETTERS_LISTED);
        }
        if (!compose) {
            return;
        }
        List<Invoice.SentReminder> sent = new ArrayList<>(line.reminders);
        int level = 0;
        for (int i = 0; i < line.reminders; i++) {
            sent.add(new Invoice.SentReminder(line.reminderLevels[i], LocalDate.ofEpochDay(line.reminderDays[i]),
                    line.letterId(i), null));
            level = Math.max(level, line.reminderLevels[i]);
        }
        CustomerLedger.Promise promise = line.promisedDay == LedgerLine.NO_DATE ? null
                : brokenPromise != LedgerLine.NO_DATE ? CustomerLedger.Promise.BROKEN : CustomerLedger.Promise.PENDING;
        String decidedBy = line.decidedBy();
        open.add(new CustomerLedger.OpenInvoice(line.invoiceId(), line.invoiceNumber(), line.currency,
                LocalDate.ofEpochDay(line.issueDay), LocalDate.ofEpochDay(line.dueDay), tally.amount(line.amount),
                tally.amount(line.open), Math.max(0, days), bucket,
                new CustomerLedger.Dunning(level, List.copyOf(sent), new LedgerLine.Next(line.step, line.reason(),
                        line.detail()), date(line.notifiedDay), line.hasInsurerDeadline ? date(line.insurerDeadlineDay) : null,
                        new CustomerLedger.Decisions(line.disputed, line.disputeReason(), date(line.pausedUntilDay),
                                date(line.promisedDay), promise, decidedBy,
                                decidedBy == null ? null : Instant.ofEpochMilli(line.decidedAtMillis)))));
        trim(open, MOST_OVERDUE_FIRST, CustomerLedger.OPEN_INVOICES_LISTED);
    }

    private static LocalDate date(int day) {
        return day == LedgerLine.NO_DATE ? null : LocalDate.ofEpochDay(day);
    }

    /** Keeps the first {@code keep} of {@code list} in {@code order} once it has grown to twice that. */
    private static <T> void trim(List<T> list, Comparator<? super T> order, int keep) {
        if (list.size() > 2 * keep) {
            list.sort(order);
            list.subList(keep, list.size()).clear();
        }
    }

    /**
     * The customer's ledger.
     *
     * @param limit the limit in force on the run's day, if any
     * @param before the alerts open after the run before
     */
    Built build(String run, Optional<Limits.InForce> limit, ExchangeRates rates, AlertPolicy policy,
            List<Alerts.Alert> before) {
        List<CustomerLedger.CurrencyLedger> rows = new ArrayList<>();
        List<AlertRules.CurrencyFacts> currencyFacts = new ArrayList<>();
        Map<Currency, BigDecimal> openByCurrency = new LinkedHashMap<>();
        for (CurrencyTally t : currencies) {
            List<CustomerLedger.Aging> aging = new ArrayList<>(BUCKETS.length);
            for (AgingBucket bucket : BUCKETS) {
                aging.add(new CustomerLedger.Aging(bucket, t.bucketInvoices[bucket.ordinal()],
                        t.amount(t.bucketAmounts[bucket.ordinal()])));
            }
            PaymentRecord record = t.payments.result();
            BigDecimal openAmount = t.amount(t.open);
            rows.add(new CustomerLedger.CurrencyLedger(t.currency, openAmount, t.amount(t.overdue), t.openInvoices, aging,
                    t.amount(t.invoiced), record, t.reminders, t.collections, t.brokenPromises));
            currencyFacts.add(new AlertRules.CurrencyFacts(t.currency, openAmount, record));
            openByCurrency.put(t.currency, openAmount);
        }
        Optional<Limits.Exposure> exposure = limit.map(l -> Limits.exposure(openByCurrency, l.currency(), rates, asOf));
        List<Alerts.Alert> holding = AlertRules.holding(new AlertRules.Facts(limit, exposure, currencyFacts, invoiceFacts),
                policy, asOf);
        AlertRules.Transition transition = AlertRules.transition(before, holding);
        open.sort(MOST_OVERDUE_FIRST);
        List<CustomerLedger.OpenInvoice> listedOpen = open.subList(0, Math.min(open.size(),
                CustomerLedger.OPEN_INVOICES_LISTED));
        letters.sort(LATEST_LETTER_FIRST);
        List<CustomerLedger.LetterRef> listedLetters = letters.subList(0, Math.min(letters.size(),
                CustomerLedger.LETTERS_LISTED)).stream().map(LetterTally::view).toList();
        payments.sort(LATEST_PAYMENT_FIRST);
        List<CustomerLedger.PaymentRef> listedPayments = payments.subList(0, Math.min(payments.size(),
                CustomerLedger.PAYMENTS_LISTED)).stream().map(Paid::view).toList();
        CustomerLedger.Listed listed = new CustomerLedger.Listed(openSeen - listedOpen.size(),
                lettersDropped + letters.size() - listedLetters.size(), paymentsSeen - listedPayments.size());
        CustomerLedger ledger = new CustomerLedger(customer, asOf, run, List.copyOf(rows), null, null, null, null,
                List.copyOf(listedOpen), listedLetters, listedPayments, listed, transition.open())
                .withLimit(limit.orElse(null), exposure.orElse(null));
        return new Built(ledger, transition);
    }
}
