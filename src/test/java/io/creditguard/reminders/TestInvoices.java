package io.creditguard.reminders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

import io.creditguard.receivables.Invoice;
import io.creditguard.receivables.Invoice.CustomerType;

/** Invoices for the reminder tests, varied one property at a time. */
record TestInvoices(String id, String country, CustomerType type, String currency, BigDecimal amount, BigDecimal open,
        LocalDate due, boolean feeAgreed, boolean disputed, LocalDate pausedUntil, List<Invoice.SentReminder> sent,
        LocalDate insurerNotified, BigDecimal agreedRate, String law, List<Invoice.Payment> payments) {

    static TestInvoices of(String country, CustomerType type, String currency, String open, String due) {
        BigDecimal amount = new BigDecimal(open).signum() == 0 ? new BigDecimal("1000") : new BigDecimal(open);
        return new TestInvoices("inv-" + country + "-" + type + "-" + due, country, type, currency, amount,
                new BigDecimal(open), LocalDate.parse(due), false, false, null, List.of(), null, null, null, List.of());
    }

    TestInvoices id(String invoiceId) {
        return new TestInvoices(invoiceId, country, type, currency, amount, open, due, feeAgreed, disputed, pausedUntil, sent,
                insurerNotified, agreedRate, law, payments);
    }

    TestInvoices withFeeAgreed() {
        return new TestInvoices(id, country, type, currency, amount, open, due, true, disputed, pausedUntil, sent,
                insurerNotified, agreedRate, law, payments);
    }

    TestInvoices asDisputed() {
        return new TestInvoices(id, country, type, currency, amount, open, due, feeAgreed, true, pausedUntil, sent,
                insurerNotified, agreedRate, law, payments);
    }

    TestInvoices pausedUntil(String day) {
        return new TestInvoices(id, country, type, currency, amount, open, due, feeAgreed, disputed, LocalDate.parse(day),
                sent, insurerNotified, agreedRate, law, payments);
    }

    /** {@code "1:2026-10-01", "2:2026-10-15"}: levels sent and when. */
    TestInvoices sent(String... levels) {
        List<Invoice.SentReminder> list = Arrays.stream(levels).map(s -> s.split(":"))
                .map(p -> new Invoice.SentReminder(Integer.parseInt(p[0]), LocalDate.parse(p[1]))).toList();
        return new TestInvoices(id, country, type, currency, amount, open, due, feeAgreed, disputed, pausedUntil, list,
                insurerNotified, agreedRate, law, payments);
    }

    TestInvoices insurerNotified(String day) {
        return new TestInvoices(id, country, type, currency, amount, open, due, feeAgreed, disputed, pausedUntil, sent,
                LocalDate.parse(day), agreedRate, law, payments);
    }

    TestInvoices agreedRate(String percent) {
        return new TestInvoices(id, country, type, currency, amount, open, due, feeAgreed, disputed, pausedUntil, sent,
                insurerNotified, new BigDecimal(percent), law, payments);
    }

    /** The contract chose {@code country}'s law. */
    TestInvoices underLaw(String country) {
        return new TestInvoices(id, this.country, type, currency, amount, open, due, feeAgreed, disputed, pausedUntil, sent,
                insurerNotified, agreedRate, country, payments);
    }

    /** A payment received; the open amount falls with it, as the ledger would show. */
    TestInvoices paid(String day, String paid) {
        List<Invoice.Payment> more = new ArrayList<>(payments);
        more.add(new Invoice.Payment(null, LocalDate.parse(day), new BigDecimal(paid), null, null));
        return new TestInvoices(id, country, type, currency, amount, open.subtract(new BigDecimal(paid)), due, feeAgreed,
                disputed, pausedUntil, sent, insurerNotified, agreedRate, law, List.copyOf(more));
    }

    Invoice build() {
        return new Invoice(id, "F-" + due, Currency.getInstance(currency), due.minusDays(30), due, amount, open,
                new Invoice.Customer("cust-" + country + "-" + type, "Kund AB", type, country,
                        country.equals("SE") ? "sv" : country.equals("NL") ? "nl" : "en", null, null, null, null),
                new Invoice.Terms(agreedRate, feeAgreed, law, null, null, null), payments, List.of(),
                new Invoice.Dunning(disputed, pausedUntil, sent, insurerNotified), "test", null);
    }
}
