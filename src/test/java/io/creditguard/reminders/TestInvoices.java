package io.creditguard.reminders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

import io.creditguard.receivables.Invoice;
import io.creditguard.receivables.Invoice.CustomerType;

/** Invoices for the reminder tests, varied one property at a time. */
record TestInvoices(String country, CustomerType type, String currency, BigDecimal open, LocalDate due,
        boolean feeAgreed, boolean disputed, LocalDate pausedUntil, List<Invoice.SentReminder> sent,
        LocalDate insurerNotified, BigDecimal agreedRate) {

    static TestInvoices of(String country, CustomerType type, String currency, String open, String due) {
        return new TestInvoices(country, type, currency, new BigDecimal(open), LocalDate.parse(due), false, false, null,
                List.of(), null, null);
    }

    TestInvoices withFeeAgreed() {
        return new TestInvoices(country, type, currency, open, due, true, disputed, pausedUntil, sent, insurerNotified, agreedRate);
    }

    TestInvoices asDisputed() {
        return new TestInvoices(country, type, currency, open, due, feeAgreed, true, pausedUntil, sent, insurerNotified, agreedRate);
    }

    TestInvoices pausedUntil(String day) {
        return new TestInvoices(country, type, currency, open, due, feeAgreed, disputed, LocalDate.parse(day), sent,
                insurerNotified, agreedRate);
    }

    TestInvoices open(String amount) {
        return new TestInvoices(country, type, currency, new BigDecimal(amount), due, feeAgreed, disputed, pausedUntil, sent,
                insurerNotified, agreedRate);
    }

    /** {@code "1:2026-10-01", "2:2026-10-15"}: levels sent and when. */
    TestInvoices sent(String... levels) {
        List<Invoice.SentReminder> list = Arrays.stream(levels).map(s -> s.split(":"))
                .map(p -> new Invoice.SentReminder(Integer.parseInt(p[0]), LocalDate.parse(p[1]))).toList();
        return new TestInvoices(country, type, currency, open, due, feeAgreed, disputed, pausedUntil, list, insurerNotified, agreedRate);
    }

    TestInvoices insurerNotified(String day) {
        return new TestInvoices(country, type, currency, open, due, feeAgreed, disputed, pausedUntil, sent,
                LocalDate.parse(day), agreedRate);
    }

    TestInvoices agreedRate(String percent) {
        return new TestInvoices(country, type, currency, open, due, feeAgreed, disputed, pausedUntil, sent, insurerNotified,
                new BigDecimal(percent));
    }

    Invoice build() {
        BigDecimal amount = open.signum() == 0 ? new BigDecimal("1000") : open;
        return new Invoice("inv-" + country + "-" + type + "-" + due, "F-" + due, Currency.getInstance(currency),
                due.minusDays(30), due, amount, open, new Invoice.Customer("cust-1", "Kund AB", type, country,
                        country.equals("SE") ? "sv" : country.equals("NL") ? "nl" : "en", null, null),
                agreedRate, feeAgreed, disputed, pausedUntil, sent, insurerNotified, "test", null);
    }
}
