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
import java.util.TreeMap;

import io.creditguard.money.Money;
import io.creditguard.money.Rates;
import io.creditguard.receivables.Invoice;

/**
 * Receivables KPIs, gathered one invoice at a time so a run over a million invoices holds only a
 * running sum per currency and per customer, never the invoices. Amounts in different currencies
 * are never added: every figure is per currency.
 *
 * <ul>
 * <li>DSO = open receivables ÷ sales invoiced in the last {@value #DSO_WINDOW_DAYS} days ×
 * {@value #DSO_WINDOW_DAYS} (the standard period method; absent when nothing was invoiced then).
 * <li>Aging buckets by days past the (adjusted) due date: not due, 1–30, 31–60, 61–90, over 90.
 * <li>Overdue share = overdue open amount ÷ open amount.
 * <li>Exposure per customer: open and overdue amounts, the {@value #TOP_EXPOSURES} largest listed.
 * </ul>
 */
public final class Kpis {

    static final int DSO_WINDOW_DAYS = 90;
    static final int TOP_EXPOSURES = 20;
    private static final String[] BUCKETS = {"NOT_DUE", "DAYS_1_30", "DAYS_31_60", "DAYS_61_90", "OVER_90"};

    public record Report(LocalDate asOf, List<CurrencyKpis> byCurrency) {
    }

    public record CurrencyKpis(Currency currency, long openInvoices, Money open, Money overdue, BigDecimal overdueShare,
            BigDecimal dsoDays, List<Bucket> aging, List<Exposure> largestExposures, int customers) {
    }

    public record Bucket(String bucket, long invoices, Money amount) {
    }

    public record Exposure(String customerId, String customerName, Money open, Money overdue, long invoices) {
    }

    private static final class Totals {
        long invoices;
        Money open;
        Money overdue;
        Money recentSales;
        final long[] bucketCounts = new long[BUCKETS.length];
        final Money[] bucketAmounts = new Money[BUCKETS.length];
        final Map<String, Exposure> customers = new HashMap<>();

        Totals(Currency currency) {
            open = overdue = recentSales = Money.zero(currency);
            java.util.Arrays.fill(bucketAmounts, Money.zero(currency));
        }
    }

    private final LocalDate asOf;
    private final Map<Currency, Totals> totals = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));

    public Kpis(LocalDate asOf) {
        this.asOf = asOf;
    }

    /** Counts one invoice; {@code dueDate} is its business-day adjusted due date. */
    public void add(Invoice invoice, LocalDate dueDate) {
        Totals t = totals.computeIfAbsent(invoice.currency(), Totals::new);
        Money amount = Money.of(invoice.currency(), invoice.amount());
        long sinceIssue = ChronoUnit.DAYS.between(invoice.issueDate(), asOf);
        if (sinceIssue >= 0 && sinceIssue < DSO_WINDOW_DAYS) {
            t.recentSales = t.recentSales.plus(amount);
        }
        Money open = Money.of(invoice.currency(), invoice.openAmount());
        if (!open.isPositive()) {
            return;
        }
        long daysOverdue = ChronoUnit.DAYS.between(dueDate, asOf);
        int bucket = daysOverdue <= 0 ? 0 : daysOverdue <= 30 ? 1 : daysOverdue <= 60 ? 2 : daysOverdue <= 90 ? 3 : 4;
        Money overdue = daysOverdue > 0 ? open : Money.zero(invoice.currency());
        t.invoices++;
        t.open = t.open.plus(open);
        t.overdue = t.overdue.plus(overdue);
        t.bucketCounts[bucket]++;
        t.bucketAmounts[bucket] = t.bucketAmounts[bucket].plus(open);
        t.customers.merge(invoice.customer().id(),
                new Exposure(invoice.customer().id(), invoice.customer().name(), open, overdue, 1),
                (a, b) -> new Exposure(a.customerId(), a.customerName(), a.open().plus(b.open()),
                        a.overdue().plus(b.overdue()), a.invoices() + b.invoices()));
    }

    public Report report() {
        List<CurrencyKpis> out = new ArrayList<>();
        totals.forEach((currency, t) -> {
            List<Bucket> aging = new ArrayList<>();
            for (int i = 0; i < BUCKETS.length; i++) {
                aging.add(new Bucket(BUCKETS[i], t.bucketCounts[i], t.bucketAmounts[i]));
            }
            BigDecimal share = t.open.isZero() ? BigDecimal.ZERO : t.overdue.ratioTo(t.open, 4, RoundingMode.HALF_EVEN);
            BigDecimal dso = t.recentSales.isZero() ? null
                    : t.open.amount().multiply(BigDecimal.valueOf(DSO_WINDOW_DAYS))
                            .divide(t.recentSales.amount(), Rates.RATIO).setScale(1, RoundingMode.HALF_EVEN);
            List<Exposure> largest = t.customers.values().stream()
                    .sorted(Comparator.comparing(Exposure::open).reversed().thenComparing(Exposure::customerId))
                    .limit(TOP_EXPOSURES).toList();
            out.add(new CurrencyKpis(currency, t.invoices, t.open, t.overdue, share, dso, aging, largest,
                    t.customers.size()));
        });
        return new Report(asOf, out);
    }
}
