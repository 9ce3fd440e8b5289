package io.creditguard.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.stream.IntStream;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import io.creditguard.money.Money;
import io.creditguard.receivables.AgingBucket;
import io.creditguard.receivables.Invoice;
import io.creditguard.receivables.Invoice.CustomerType;

/** A small book worked by hand, as of 2026-11-30. */
class KpisTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-11-30");
    private static final Currency SEK = Currency.getInstance("SEK");
    private static final Currency EUR = Currency.getInstance("EUR");

    private static Invoice invoice(String customer, Currency currency, String issued, String due, String amount, String open) {
        return new Invoice("inv-" + customer + "-" + issued, "F-" + issued, currency, LocalDate.parse(issued),
                LocalDate.parse(due), new BigDecimal(amount), new BigDecimal(open),
                new Invoice.Customer(customer, "Customer " + customer, CustomerType.BUSINESS, "SE", "sv", null, null, null, null, null),
                null, List.of(), List.of(), null, null, null);
    }

    private static Kpis.CurrencyKpis sek(Kpis kpis) {
        return kpis.report().byCurrency().stream().filter(c -> c.currency().equals(SEK)).findFirst().orElseThrow();
    }

    private static Kpis book() {
        Kpis kpis = new Kpis(AS_OF);
        for (Invoice invoice : List.of(
                invoice("cust-a", SEK, "2026-11-01", "2026-12-01", "1000.00", "1000.00"), // not due; sold 29 days ago
                invoice("cust-b", SEK, "2026-09-01", "2026-10-01", "3000.00", "2000.00"), // 60 days late; sold 90 days ago
                invoice("cust-a", SEK, "2026-10-15", "2026-11-14", "500.00", "500.00"), // 16 days late
                invoice("cust-c", SEK, "2026-11-10", "2026-12-10", "800.00", "0.00"), // paid: a sale, nothing open
                invoice("cust-d", SEK, "2026-05-01", "2026-06-01", "2000.00", "2000.00"), // 182 days late
                invoice("cust-e", EUR, "2026-11-20", "2026-12-20", "100.00", "100.00"))) {
            kpis.add(invoice, invoice.dueDate());
        }
        return kpis;
    }

    @Test
    void totalsOverdueShareAndDsoPerCurrency() {
        Kpis.Report report = book().report();
        assertThat(report.byCurrency()).extracting(Kpis.CurrencyKpis::currency).containsExactly(EUR, SEK);
        Kpis.CurrencyKpis sek = sek(book());
        assertThat(sek.openInvoices()).isEqualTo(4);
        assertThat(sek.open()).isEqualTo(Money.of(SEK, new BigDecimal("5500.00")));
        assertThat(sek.overdue()).isEqualTo(Money.of(SEK, new BigDecimal("4500.00")));
        // 4 500 / 5 500 = 0.81818…
        assertThat(sek.overdueShare()).isEqualByComparingTo("0.8182");
        // Sales in the last 90 days: 1 000 + 500 + 800 (the one of 2026-09-01 is 90 days old, outside the window).
        // DSO = 5 500 / 2 300 × 90 = 215.217…
        assertThat(sek.dsoDays()).isEqualByComparingTo("215.2");
        assertThat(sek.customers()).isEqualTo(3);
    }

    @Test
    void agingBucketsByDaysPastDue() {
        assertThat(sek(book()).aging()).extracting(Kpis.Bucket::bucket, Kpis.Bucket::invoices, b -> b.amount().amount())
                .containsExactly(
                        Tuple.tuple(AgingBucket.NOT_DUE, 1L, new BigDecimal("1000.00")),
                        Tuple.tuple(AgingBucket.DAYS_1_30, 1L, new BigDecimal("500.00")),
                        Tuple.tuple(AgingBucket.DAYS_31_60, 1L, new BigDecimal("2000.00")),
                        Tuple.tuple(AgingBucket.DAYS_61_90, 0L, new BigDecimal("0.00")),
                        Tuple.tuple(AgingBucket.OVER_90, 1L, new BigDecimal("2000.00")));
    }

    @Test
    void largestExposuresFirstTiesByCustomerId() {
        assertThat(sek(book()).largestExposures())
                .extracting(Kpis.Exposure::customerId, e -> e.open().amount(), e -> e.overdue().amount(), Kpis.Exposure::invoices)
                .containsExactly(
                        Tuple.tuple("cust-b", new BigDecimal("2000.00"), new BigDecimal("2000.00"), 1L),
                        Tuple.tuple("cust-d", new BigDecimal("2000.00"), new BigDecimal("2000.00"), 1L),
                        Tuple.tuple("cust-a", new BigDecimal("1500.00"), new BigDecimal("500.00"), 2L));
    }

    @Test
    void onlyTheTwentyLargestAreListed() {
        Kpis kpis = new Kpis(AS_OF);
        IntStream.rangeClosed(1, 30).forEach(i -> kpis.add(
                invoice("cust-%02d".formatted(i), SEK, "2026-11-01", "2026-12-01", i + ".00", i + ".00"), LocalDate.parse("2026-12-01")));
        Kpis.CurrencyKpis sek = sek(kpis);
        assertThat(sek.customers()).isEqualTo(30);
        assertThat(sek.largestExposures()).hasSize(Kpis.TOP_EXPOSURES)
                .extracting(Kpis.Exposure::customerId).startsWith("cust-30", "cust-29").endsWith("cust-11");
    }

    @Test
    void creditNotesAreNoSales() {
        Kpis kpis = new Kpis(AS_OF);
        kpis.add(invoice("cust-a", SEK, "2026-11-01", "2026-12-01", "1000.00", "1000.00"), LocalDate.parse("2026-12-01"));
        for (String[] credited : new String[][] { { "2026-11-20", "1000.00", "1000.00" }, { "2026-11-25", "400.00", "100.00" } }) {
            Invoice sold = invoice("cust-b", SEK, credited[0], "2026-12-31", credited[1], "0");
            BigDecimal open = sold.amount().subtract(new BigDecimal(credited[2]));
            kpis.add(new Invoice(sold.invoiceId(), sold.invoiceNumber(), SEK, sold.issueDate(), sold.dueDate(), sold.amount(),
                    open, sold.customer(), null, List.of(), List.of(new Invoice.Credit("CN-" + credited[0],
                            LocalDate.parse("2026-11-28"), new BigDecimal(credited[2]))), null, null, null), sold.dueDate());
        }
        // Sold: 1 000, then 1 000 cancelled whole by its credit note and 400 of which 100 was credited: 1 000 + 0 + 300.
        // DSO = open 1 300 / sales 1 300 × 90 = 90.0
        assertThat(sek(kpis).open()).isEqualTo(Money.of(SEK, new BigDecimal("1300.00")));
        assertThat(sek(kpis).dsoDays()).isEqualByComparingTo("90.0");
    }

    @Test
    void noRecentSalesMeansNoDso() {
        Kpis kpis = new Kpis(AS_OF);
        kpis.add(invoice("cust-a", SEK, "2025-01-01", "2025-02-01", "100.00", "100.00"), LocalDate.parse("2025-02-01"));
        assertThat(sek(kpis).dsoDays()).isNull();
    }
}
