package io.creditguard.reminders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import io.creditguard.money.Money;
import io.creditguard.money.Rates;
import io.creditguard.receivables.AgingBucket;
import io.creditguard.receivables.Invoice;

/**
 * Receivables KPIs, gathered one invoice at a time so a run over a million invoices holds only a
 * running sum per currency and per customer, never the invoices. Amounts in different currencies
 * are never added: every figure is per currency.
 *
 * <ul>
 * <li>DSO = open receivables ÷ sales invoiced in the last {@value #DSO_WINDOW_DAYS} days ×
 * {@value #DSO_WINDOW_DAYS} (the standard period method; absent when nothing was invoiced then). Sales are net
 * of the credit notes the invoices list: an invoice cancelled by one sold nothing.
 * <li>Aging buckets by days past the (adjusted) due date ({@link AgingBucket}): not due, 1–30, 31–60, 61–90, over 90.
 * <li>Overdue share = overdue open amount ÷ open amount.
 * <li>Exposure per customer: open and overdue amounts, the {@value #TOP_EXPOSURES} largest listed.
 * </ul>
 */
public final class Kpis {

    static final int DSO_WINDOW_DAYS = 90;
    static final int TOP_EXPOSURES = 20;
    private static final AgingBucket[] BUCKETS = AgingBucket.values();

    public record Report(LocalDate asOf, List<CurrencyKpis> byCurrency) {
    }

    public record CurrencyKpis(Currency currency, long openInvoices, Money open, Money overdue, BigDecimal overdueShare,
            BigDecimal dsoDays, List<Bucket> aging, List<Exposure> largestExposures, int customers) {
    }

    public record Bucket(AgingBucket bucket, long invoices, Money amount) {
    }

    public record Exposure(String customerId, String customerName, Money open, Money overdue, long invoices) {
    }

    /**
     * Running sums of one currency. Amounts are added as plain decimals (exact: every amount was
     * checked to the currency's minor unit) and become {@link Money} in the report, so a run does not
     * allocate a money value per invoice and total.
     */
    private static final class Totals {
        final Currency currency;
        long invoices;
        BigDecimal open = BigDecimal.ZERO;
        BigDecimal overdue = BigDecimal.ZERO;
        BigDecimal recentSales = BigDecimal.ZERO;
        final long[] bucketCounts = new long[BUCKETS.length];
        final BigDecimal[] bucketAmounts = new BigDecimal[BUCKETS.length];
        final Map<String, CustomerTotals> customers = new HashMap<>();

        Totals(Currency currency) {
            this.currency = currency;
            java.util.Arrays.fill(bucketAmounts, BigDecimal.ZERO);
        }

        Money money(BigDecimal amount) {
            return Money.of(currency, amount);
        }
    }

    private static final class CustomerTotals {
        final String name;
        BigDecimal open = BigDecimal.ZERO;
        BigDecimal overdue = BigDecimal.ZERO;
        long invoices;

        CustomerTotals(String name) {
            this.name = name;
        }
    }

    private final LocalDate asOf;
    private final Map<Currency, Totals> totals = new HashMap<>();

    public Kpis(LocalDate asOf) {
        this.asOf = asOf;
    }

    /** Counts one valid invoice; {@code dueDate} is its business-day adjusted due date. */
    public void add(Invoice invoice, LocalDate dueDate) {
        Totals t = totals.computeIfAbsent(invoice.currency(), Totals::new);
        long sinceIssue = ChronoUnit.DAYS.between(invoice.issueDate(), asOf);
        if (sinceIssue >= 0 && sinceIssue < DSO_WINDOW_DAYS) {
            // A credit note takes back what was sold: an invoice cancelled by one is no sale.
            t.recentSales = t.recentSales.add(invoice.creditedAmount());
        }
        BigDecimal open = invoice.openAmount();
        if (open.signum() <= 0) {
            return;
        }
        long daysOverdue = ChronoUnit.DAYS.between(dueDate, asOf);
        int bucket = AgingBucket.of(daysOverdue).ordinal();
        t.invoices++;
        t.open = t.open.add(open);
        t.bucketCounts[bucket]++;
        t.bucketAmounts[bucket] = t.bucketAmounts[bucket].add(open);
        CustomerTotals customer = t.customers.computeIfAbsent(invoice.customer().id(),
                id -> new CustomerTotals(invoice.customer().name()));
        customer.invoices++;
        customer.open = customer.open.add(open);
        if (daysOverdue > 0) {
            t.overdue = t.overdue.add(open);
            customer.overdue = customer.overdue.add(open);
        }
    }

    public Report report() {
        List<CurrencyKpis> out = new ArrayList<>();
        totals.values().stream().sorted(Comparator.comparing(t -> t.currency.getCurrencyCode())).forEach(t -> {
            List<Bucket> aging = new ArrayList<>();
            for (int i = 0; i < BUCKETS.length; i++) {
                aging.add(new Bucket(BUCKETS[i], t.bucketCounts[i], t.money(t.bucketAmounts[i])));
            }
            Money open = t.money(t.open);
            Money overdue = t.money(t.overdue);
            BigDecimal share = open.isZero() ? BigDecimal.ZERO : overdue.ratioTo(open, 4, RoundingMode.HALF_EVEN);
            BigDecimal dso = t.recentSales.signum() == 0 ? null
                    : t.open.multiply(BigDecimal.valueOf(DSO_WINDOW_DAYS))
                            .divide(t.recentSales, Rates.RATIO).setScale(1, RoundingMode.HALF_EVEN);
            List<Exposure> largest = largest(t.customers).stream()
                    .map(e -> new Exposure(e.getKey(), e.getValue().name, t.money(e.getValue().open),
                            t.money(e.getValue().overdue), e.getValue().invoices))
                    .toList();
            out.add(new CurrencyKpis(t.currency, t.invoices, open, overdue, share, dso, aging, largest,
                    t.customers.size()));
        });
        return new Report(asOf, out);
    }

    /** The {@value #TOP_EXPOSURES} customers with the most open, largest first; a bounded heap, not a sort of all. */
    private static List<Map.Entry<String, CustomerTotals>> largest(Map<String, CustomerTotals> customers) {
        Comparator<Map.Entry<String, CustomerTotals>> larger = Comparator
                .comparing((Map.Entry<String, CustomerTotals> e) -> e.getValue().open)
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder());
        PriorityQueue<Map.Entry<String, CustomerTotals>> top = new PriorityQueue<>(TOP_EXPOSURES + 1, larger);
        for (Map.Entry<String, CustomerTotals> customer : customers.entrySet()) {
            top.add(customer);
            if (top.size() > TOP_EXPOSURES) {
                top.poll();
            }
        }
        List<Map.Entry<String, CustomerTotals>> ordered = new ArrayList<>(top);
        ordered.sort(larger.reversed());
        return ordered;
    }
}
