package io.creditguard.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.creditguard.money.ExchangeRates;
import io.creditguard.money.Money;
import io.creditguard.receivables.AgingBucket;
import io.creditguard.receivables.Invoice;

/**
 * Builds one customer's ledger from its lines, one at a time: running sums per currency and bounded lists
 * (the {@value CustomerLedger#OPEN_INVOICES_LISTED} most overdue open invoices, the
 * {@value CustomerLedger#LETTERS_LISTED} latest letters and {@value CustomerLedger#PAYMENTS_LISTED} latest
 * payments), so memory stays bounded however many invoices the customer has. Pure: no clock, no I/O.
 */
final class LedgerBuilder {

    /** What the builder made: the ledger, and how its alerts moved since the run before. */
    record Built(CustomerLedger ledger, Alerts.Transition alerts) {
    }

    private static final class CurrencyTally {
        final Currency currency;
        BigDecimal open;
        BigDecimal overdue;
        long openInvoices;
        final long[] bucketInvoices = new long[AgingBucket.values().length];
        final BigDecimal[] bucketAmounts = new BigDecimal[AgingBucket.values().length];
        BigDecimal invoiced;
        final PaymentRecord.Tally payments;
        int reminders;
        int collections;
        int brokenPromises;

        CurrencyTally(Currency currency, LocalDate asOf) {
            this.currency = currency;
            this.payments = new PaymentRecord.Tally(currency, asOf);
            BigDecimal zero = Money.zero(currency).amount();
            open = zero;
            overdue = zero;
            invoiced = zero;
            java.util.Arrays.fill(bucketAmounts, zero);
        }
    }

    private final LocalDate asOf;
    private final LocalDate yearFrom;
    private Invoice.Customer customer;
    private final Map<Currency, CurrencyTally> currencies = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
    private final List<CustomerLedger.OpenInvoice> open = new ArrayList<>();
    private final List<Alerts.InvoiceFacts> invoiceFacts = new ArrayList<>();
    private final List<LetterTally> letters = new ArrayList<>();
    private final Map<String, LetterTally> letterIds = new java.util.HashMap<>();
    private final List<CustomerLedger.PaymentRef> payments = new ArrayList<>();
    private long openSeen;
    private long lettersDropped;
    private long paymentsSeen;

    LedgerBuilder(LocalDate asOf) {
        this.asOf = asOf;
        this.yearFrom = asOf.minusYears(1).plusDays(1);
    }

    void add(LedgerLine line) {
        Invoice invoice = line.invoice();
        customer = invoice.customer();
        CurrencyTally tally = currencies.computeIfAbsent(invoice.currency(), c -> new CurrencyTally(c, asOf));
        if (!invoice.issueDate().isBefore(yearFrom) && !invoice.issueDate().isAfter(asOf)) {
            tally.invoiced = tally.invoiced.add(invoice.amount());
        }
        boolean settled = invoice.openAmount().signum() == 0;
        tally.payments.add(line.effectiveDueDate(), settled, invoice.payments());
        for (Invoice.Payment p : invoice.payments()) {
            if (!p.date().isBefore(yearFrom) && !p.date().isAfter(asOf)) {
                paymentsSeen++;
                payments.add(new CustomerLedger.PaymentRef(invoice.invoiceId(), invoice.invoiceNumber(), invoice.currency(),
                        p.date(), p.amount(), (int) Math.max(0, ChronoUnit.DAYS.between(line.effectiveDueDate(), p.date()))));
            }
        }
        trim(payments, Comparator.comparing(CustomerLedger.PaymentRef::date).reversed(), CustomerLedger.PAYMENTS_LISTED);
        letters(line, tally);
        LocalDate broken = brokenPromise(line, tally);
        if (!settled) {
            openInvoice(line, tally, broken);
        }
    }

    /** A letter of the history as it is gathered: a statement lists several invoices. */
    private static final class LetterTally {
        final String letterId;
        final LocalDate sentOn;
        final int level;
        final LedgerLine.LetterKind kind;
        final List<String> invoiceIds = new ArrayList<>(2);

        LetterTally(String letterId, LocalDate sentOn, int level, LedgerLine.LetterKind kind) {
            this.letterId = letterId;
            this.sentOn = sentOn;
            this.level = level;
            this.kind = kind;
        }

        CustomerLedger.LetterRef view() {
            return new CustomerLedger.LetterRef(letterId, sentOn, level, kind, List.copyOf(invoiceIds));
        }
    }

    /** Invoices a letter lists in the ledger, at most. */
    private static final int LETTER_INVOICES_LISTED = 50;

    private void letters(LedgerLine line, CurrencyTally tally) {
        List<Invoice.SentReminder> sent = line.invoice().remindersSent();
        for (int i = 0; i < sent.size(); i++) {
            Invoice.SentReminder reminder = sent.get(i);
            LedgerLine.LetterKind kind = line.kinds().get(i);
            if (!reminder.sentOn().isBefore(yearFrom) && !reminder.sentOn().isAfter(asOf)) {
                if (kind == LedgerLine.LetterKind.REMINDER) {
                    tally.reminders++;
                } else if (kind == LedgerLine.LetterKind.COLLECTION) {
                    tally.collections++;
                }
            }
            // Letters recorded before letter ids were kept are one per invoice and level.
            LetterTally letter = reminder.letterId() == null ? null : letterIds.get(reminder.letterId());
            if (letter == null) {
                letter = new LetterTally(reminder.letterId(), reminder.sentOn(), reminder.level(), kind);
                letters.add(letter);
                if (reminder.letterId() != null) {
                    letterIds.put(reminder.letterId(), letter);
                }
            }
            if (letter.invoiceIds.size() < LETTER_INVOICES_LISTED) {
                letter.invoiceIds.add(line.invoice().invoiceId());
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

    private static final Comparator<LetterTally> LATEST_LETTER_FIRST = Comparator
            .comparing((LetterTally l) -> l.sentOn).reversed();

    /**
     * Counts the invoice's broken promises that fell due in the 12 months; returns the day promised of the
     * promise broken now (the invoice still open after the day and the grace days), if there is one.
     */
    private LocalDate brokenPromise(LedgerLine line, CurrencyTally tally) {
        Invoice.Dunning dunning = line.invoice().dunning();
        for (LocalDate earlier : dunning.promisesBroken()) {
            if (!earlier.isBefore(yearFrom) && !earlier.isAfter(asOf)) {
                tally.brokenPromises++;
            }
        }
        LocalDate promised = dunning.promisedPaymentDate();
        if (promised == null || line.promiseKeptUntil() == null || !asOf.isAfter(line.promiseKeptUntil())) {
            return null;
        }
        Optional<LocalDate> paidOn = line.invoice().openAmount().signum() > 0 ? Optional.empty()
                : line.invoice().payments().stream().map(Invoice.Payment::date).max(Comparator.naturalOrder());
        boolean broken = paidOn.isEmpty() || paidOn.get().isAfter(line.promiseKeptUntil());
        if (broken && !promised.isBefore(yearFrom)) {
            tally.brokenPromises++;
        }
        return broken && paidOn.isEmpty() ? promised : null;
    }

    private void openInvoice(LedgerLine line, CurrencyTally tally, LocalDate brokenPromise) {
        Invoice invoice = line.invoice();
        long days = ChronoUnit.DAYS.between(line.effectiveDueDate(), asOf);
        AgingBucket bucket = AgingBucket.of(days);
        tally.open = tally.open.add(invoice.openAmount());
        tally.openInvoices++;
        tally.bucketInvoices[bucket.ordinal()]++;
        tally.bucketAmounts[bucket.ordinal()] = tally.bucketAmounts[bucket.ordinal()].add(invoice.openAmount());
        if (days > 0) {
            tally.overdue = tally.overdue.add(invoice.openAmount());
        }
        Invoice.Dunning d = invoice.dunning();
        LedgerLine.InsurerDeadline insurer = line.insurer();
        CustomerLedger.Promise promise = d.promisedPaymentDate() == null ? null
                : brokenPromise != null ? CustomerLedger.Promise.BROKEN : CustomerLedger.Promise.PENDING;
        openSeen++;
        open.add(new CustomerLedger.OpenInvoice(invoice.invoiceId(), invoice.invoiceNumber(), invoice.currency(),
                invoice.issueDate(), invoice.dueDate(), invoice.amount(), invoice.openAmount(), Math.max(0, days), bucket,
                new CustomerLedger.Dunning(invoice.lastLevelSent(), d.remindersSent(), line.next(), d.insurerNotifiedOn(),
                        insurer == null ? null : insurer.deadline(),
                        new CustomerLedger.Decisions(d.disputed(), d.disputeReason(), d.pausedUntil(),
                                d.promisedPaymentDate(), promise, d.decidedBy(), d.decidedAt()))));
        trim(open, Comparator.comparing(CustomerLedger.OpenInvoice::daysOverdue).reversed()
                .thenComparing(CustomerLedger.OpenInvoice::invoiceId), CustomerLedger.OPEN_INVOICES_LISTED);
        if (brokenPromise != null || insurer != null) {
            invoiceFacts.add(new Alerts.InvoiceFacts(invoice.invoiceId(), invoice.invoiceNumber(), brokenPromise,
                    insurer == null ? null : insurer.deadline(), insurer == null ? null : insurer.warnFrom()));
            trim(invoiceFacts, Comparator.comparing((Alerts.InvoiceFacts f) -> f.insurerDeadline() == null ? asOf
                    : f.insurerDeadline()).thenComparing(Alerts.InvoiceFacts::invoiceId), CustomerLedger.LETTERS_LISTED);
        }
    }

    /** Keeps the first {@code keep} of {@code list} in {@code order} once it has grown to twice that. */
    private static <T> void trim(List<T> list, Comparator<T> order, int keep) {
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
        List<Alerts.CurrencyFacts> currencyFacts = new ArrayList<>();
        Map<Currency, BigDecimal> openByCurrency = new LinkedHashMap<>();
        for (CurrencyTally t : currencies.values()) {
            List<CustomerLedger.Aging> aging = new ArrayList<>();
            for (AgingBucket bucket : AgingBucket.values()) {
                aging.add(new CustomerLedger.Aging(bucket, t.bucketInvoices[bucket.ordinal()],
                        t.bucketAmounts[bucket.ordinal()]));
            }
            PaymentRecord record = t.payments.result();
            rows.add(new CustomerLedger.CurrencyLedger(t.currency, t.open, t.overdue, t.openInvoices, aging, t.invoiced,
                    record, t.reminders, t.collections, t.brokenPromises));
            currencyFacts.add(new Alerts.CurrencyFacts(t.currency, t.open, record));
            openByCurrency.put(t.currency, t.open);
        }
        Optional<Limits.Exposure> exposure = limit.map(l -> Limits.exposure(openByCurrency, l.currency(), rates, asOf));
        List<Alerts.Alert> holding = Alerts.holding(new Alerts.Facts(limit, exposure, currencyFacts, invoiceFacts),
                policy, asOf);
        Alerts.Transition transition = Alerts.transition(before, holding);
        open.sort(Comparator.comparing(CustomerLedger.OpenInvoice::daysOverdue).reversed()
                .thenComparing(CustomerLedger.OpenInvoice::invoiceId));
        List<CustomerLedger.OpenInvoice> listedOpen = open.subList(0, Math.min(open.size(), CustomerLedger.OPEN_INVOICES_LISTED));
        letters.sort(LATEST_LETTER_FIRST);
        List<CustomerLedger.LetterRef> listedLetters = letters.subList(0, Math.min(letters.size(),
                CustomerLedger.LETTERS_LISTED)).stream().map(LetterTally::view).toList();
        payments.sort(Comparator.comparing(CustomerLedger.PaymentRef::date).reversed());
        List<CustomerLedger.PaymentRef> listedPayments = payments.subList(0,
                Math.min(payments.size(), CustomerLedger.PAYMENTS_LISTED));
        CustomerLedger.Listed listed = new CustomerLedger.Listed(openSeen - listedOpen.size(),
                lettersDropped + letters.size() - listedLetters.size(), paymentsSeen - listedPayments.size());
        CustomerLedger ledger = new CustomerLedger(customer, asOf, run, List.copyOf(rows), null, null, null, null,
                List.copyOf(listedOpen), listedLetters, List.copyOf(listedPayments), listed,
                transition.open()).withLimit(limit.orElse(null), exposure.orElse(null));
        return new Built(ledger, transition);
    }
}
