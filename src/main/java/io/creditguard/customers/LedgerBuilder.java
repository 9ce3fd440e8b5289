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
    private final Map<String, CustomerLedger.LetterRef> letters = new LinkedHashMap<>();
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
        tally.payments.add(line.effectiveDueDate(), settled, invoice.payments().stream()
                .map(p -> new PaymentRecord.Received(p.date(), p.amount())).toList());
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
            String key = reminder.letterId() != null ? reminder.letterId()
                    : line.invoice().invoiceId() + "\u0000" + reminder.level();
            CustomerLedger.LetterRef known = letters.get(key);
            List<String> invoices = new ArrayList<>(known == null ? List.of() : known.invoiceIds());
            if (invoices.size() < 50) {
                invoices.add(line.invoice().invoiceId());
            }
            letters.put(key, new CustomerLedger.LetterRef(reminder.letterId(), reminder.sentOn(), reminder.level(), kind,
                    List.copyOf(invoices)));
        }
        if (letters.size() > 2 * CustomerLedger.LETTERS_LISTED) {
            List<Map.Entry<String, CustomerLedger.LetterRef>> latest = new ArrayList<>(letters.entrySet());
            latest.sort(Map.Entry.comparingByValue(Comparator.comparing(CustomerLedger.LetterRef::sentOn).reversed()));
            letters.clear();
            latest.subList(0, CustomerLedger.LETTERS_LISTED).forEach(e -> letters.put(e.getKey(), e.getValue()));
            lettersDropped += latest.size() - CustomerLedger.LETTERS_LISTED;
        }
    }

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
        List<CustomerLedger.LetterRef> latestLetters = letters.values().stream()
                .sorted(Comparator.comparing(CustomerLedger.LetterRef::sentOn).reversed()).toList();
        List<CustomerLedger.LetterRef> listedLetters = latestLetters.subList(0,
                Math.min(latestLetters.size(), CustomerLedger.LETTERS_LISTED));
        payments.sort(Comparator.comparing(CustomerLedger.PaymentRef::date).reversed());
        List<CustomerLedger.PaymentRef> listedPayments = payments.subList(0,
                Math.min(payments.size(), CustomerLedger.PAYMENTS_LISTED));
        CustomerLedger.Listed listed = new CustomerLedger.Listed(openSeen - listedOpen.size(),
                lettersDropped + latestLetters.size() - listedLetters.size(), paymentsSeen - listedPayments.size());
        CustomerLedger ledger = new CustomerLedger(customer, asOf, run, List.copyOf(rows), null, null, null, null,
                List.copyOf(listedOpen), List.copyOf(listedLetters), List.copyOf(listedPayments), listed,
                transition.open()).withLimit(limit.orElse(null), exposure.orElse(null));
        return new Built(ledger, transition);
    }
}
