package io.creditguard.reminders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.function.Consumer;

import io.creditguard.receivables.Invoice;
import io.creditguard.receivables.Invoice.CustomerType;

/**
 * Invoices for the reminder tests, varied one property at a time. Each is issued 30 days before it is due and,
 * unless a test says otherwise ({@link #termsNotAgreed}), on payment terms agreed with the debtor, so interest
 * runs from the day after the due date.
 */
final class TestInvoices {

    private String id;
    private final String country;
    private final CustomerType type;
    private final String currency;
    private final BigDecimal amount;
    private BigDecimal open;
    private final LocalDate due;
    private LocalDate issued;
    private boolean feeAgreed;
    private boolean disputed;
    private LocalDate pausedUntil;
    private List<Invoice.SentReminder> sent = List.of();
    private LocalDate insurerNotified;
    private BigDecimal agreedRate;
    private String law;
    private List<Invoice.Payment> payments = List.of();
    private Boolean termsAgreed = true;
    private Boolean customerTermsAgreed;
    private LocalDate receivedOn;
    private boolean notice;

    private TestInvoices(String country, CustomerType type, String currency, BigDecimal amount, BigDecimal open,
            LocalDate due) {
        this.id = "inv-" + country + "-" + type + "-" + due;
        this.country = country;
        this.type = type;
        this.currency = currency;
        this.amount = amount;
        this.open = open;
        this.due = due;
        this.issued = due.minusDays(30);
    }

    private TestInvoices(TestInvoices other) {
        this(other.country, other.type, other.currency, other.amount, other.open, other.due);
        id = other.id;
        issued = other.issued;
        feeAgreed = other.feeAgreed;
        disputed = other.disputed;
        pausedUntil = other.pausedUntil;
        sent = other.sent;
        insurerNotified = other.insurerNotified;
        agreedRate = other.agreedRate;
        law = other.law;
        payments = other.payments;
        termsAgreed = other.termsAgreed;
        customerTermsAgreed = other.customerTermsAgreed;
        receivedOn = other.receivedOn;
        notice = other.notice;
    }

    static TestInvoices of(String country, CustomerType type, String currency, String open, String due) {
        BigDecimal amount = new BigDecimal(open).signum() == 0 ? new BigDecimal("1000") : new BigDecimal(open);
        return new TestInvoices(country, type, currency, amount, new BigDecimal(open), LocalDate.parse(due));
    }

    private TestInvoices with(Consumer<TestInvoices> change) {
        TestInvoices copy = new TestInvoices(this);
        change.accept(copy);
        return copy;
    }

    TestInvoices id(String invoiceId) {
        return with(c -> c.id = invoiceId);
    }

    TestInvoices withFeeAgreed() {
        return with(c -> c.feeAgreed = true);
    }

    TestInvoices asDisputed() {
        return with(c -> c.disputed = true);
    }

    TestInvoices pausedUntil(String day) {
        return with(c -> c.pausedUntil = LocalDate.parse(day));
    }

    /** {@code "1:2026-10-01", "2:2026-10-15"}: levels sent and when. */
    TestInvoices sent(String... levels) {
        List<Invoice.SentReminder> list = Arrays.stream(levels).map(s -> s.split(":"))
                .map(p -> new Invoice.SentReminder(Integer.parseInt(p[0]), LocalDate.parse(p[1]))).toList();
        return with(c -> c.sent = list);
    }

    /** Level {@code level} sent on {@code day}, recording that it charged {@code amount} under {@code code}. */
    TestInvoices sentCharging(int level, String day, String code, String amount) {
        List<Invoice.SentReminder> more = new ArrayList<>(sent);
        more.add(new Invoice.SentReminder(level, LocalDate.parse(day), "let-" + level,
                List.of(new Invoice.ChargedFee(code, new BigDecimal(amount)))));
        return with(c -> c.sent = List.copyOf(more));
    }

    TestInvoices insurerNotified(String day) {
        return with(c -> c.insurerNotified = LocalDate.parse(day));
    }

    TestInvoices agreedRate(String percent) {
        return with(c -> c.agreedRate = new BigDecimal(percent));
    }

    /** The contract chose {@code country}'s law. */
    TestInvoices underLaw(String country) {
        return with(c -> c.law = country);
    }

    /** A payment received; the open amount falls with it, as the ledger would show. */
    TestInvoices paid(String day, String paid) {
        List<Invoice.Payment> more = new ArrayList<>(payments);
        more.add(new Invoice.Payment(null, LocalDate.parse(day), new BigDecimal(paid), null, null));
        return with(c -> {
            c.open = open.subtract(new BigDecimal(paid));
            c.payments = List.copyOf(more);
        });
    }

    TestInvoices issued(String day) {
        return with(c -> c.issued = LocalDate.parse(day));
    }

    /** The due date is only printed on the invoice: the seller and the debtor agreed none. */
    TestInvoices termsNotAgreed() {
        return with(c -> c.termsAgreed = false);
    }

    /** The invoice says nothing of its terms: the customer's contract or the policy decides. */
    TestInvoices termsUnstated() {
        return with(c -> c.termsAgreed = null);
    }

    /** The customer's framework contract fixed the payment terms (true) or did not (false). */
    TestInvoices customerTermsAgreed(boolean agreed) {
        return with(c -> c.customerTermsAgreed = agreed);
    }

    TestInvoices receivedOn(String day) {
        return with(c -> c.receivedOn = LocalDate.parse(day));
    }

    /** The invoice told the consumer what not paying within the law's period brings. */
    TestInvoices withConsumerNotice() {
        return with(c -> c.notice = true);
    }

    Invoice build() {
        return new Invoice(id, "F-" + due, Currency.getInstance(currency), issued, due, amount, open,
                new Invoice.Customer("cust-" + country + "-" + type, "Kund AB", type, country,
                        country.equals("SE") ? "sv" : country.equals("NL") ? "nl" : "en", null, null, null, null,
                        customerTermsAgreed),
                new Invoice.Terms(agreedRate, feeAgreed, law, null, null, termsAgreed, receivedOn, notice, null, null, null),
                payments,
                List.of(), new Invoice.Dunning(disputed, pausedUntil, sent, insurerNotified), "test", null);
    }
}
