package io.creditguard.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import io.creditguard.book.BookTotals;

/**
 * The listing of every customer in the ledger, {@code customers/index.jsonl}: one {@link Header} line with
 * the book's totals and the alerts open across it, then one {@link Row} per customer. The reminder run
 * writes it whole; {@code GET /customers} pages and sorts it without holding more than a page. Its key and the
 * totals are {@code book}'s ({@link io.creditguard.book.Book}), which reads them for the functions that take
 * figures from the book without the ledger.
 */
public final class LedgerIndex {

    private LedgerIndex() {
    }

    /**
     * @param totals per currency, largest open amount first
     * @param openAlerts the alerts open across the book, newest first (the first {@value #ALERTS_LISTED})
     */
    public record Header(LocalDate asOf, String run, long customers, List<BookTotals> totals, List<OpenAlert> openAlerts,
            long openAlertCount) {
    }

    /** Open alerts the header lists. */
    static final int ALERTS_LISTED = 100;

    public record OpenAlert(String customerId, String name, Alerts.Alert alert) {
    }

    /**
     * What the next run needs of a row: who, and the alerts open (for their transitions, and to end them when the
     * customer is gone). Read from the index line with the rest of the row skipped, not built.
     */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record Previous(String customerId, String name, List<Alerts.Alert> openAlerts) {

        public Previous {
            openAlerts = openAlerts == null ? List.of() : openAlerts;
        }
    }

    /**
     * One customer in the listing.
     *
     * @param slippingDays the largest of its currencies' trend (the 90 days' average days beyond terms less the
     *     12 months'), absent without payments in the 90 days
     * @param lastCreditDecision its latest saved credit check
     * @param lastLetter the latest letter of its dunning history
     */
    public record Row(String customerId, String name, String country, List<CurrencySummary> byCurrency,
            Limits.InForce limit, Limits.Exposure exposure, BigDecimal headroom, BigDecimal utilisation,
            BigDecimal slippingDays, Profile.CreditCheck lastCreditDecision, CustomerLedger.LetterRef lastLetter,
            List<Alerts.Alert> openAlerts) {

        static Row of(CustomerLedger ledger, Optional<Profile.CreditCheck> lastCheck) {
            CurrencySummary[] byCurrency = new CurrencySummary[ledger.currencies().size()];
            BigDecimal slipping = null;
            for (int i = 0; i < byCurrency.length; i++) { // once per customer and run: no streams
                CustomerLedger.CurrencyLedger c = ledger.currencies().get(i);
                PaymentRecord record = c.paymentRecord();
                byCurrency[i] = new CurrencySummary(c.currency(), c.open(), c.overdue(), c.openInvoices(),
                        record.last12Months().averageDaysBeyondTerms(), record.last90Days().averageDaysBeyondTerms(),
                        record.trendDays(), record.trend());
                if (record.trendDays() != null && (slipping == null || record.trendDays().compareTo(slipping) > 0)) {
                    slipping = record.trendDays();
                }
            }
            return new Row(ledger.customer().id(), ledger.customer().name(), ledger.customer().country(),
                    List.of(byCurrency), ledger.limit(), ledger.exposure(), ledger.headroom(), ledger.utilisation(), slipping,
                    lastCheck.orElse(null), ledger.letters().isEmpty() ? null : ledger.letters().get(0), ledger.alerts());
        }

        /** This row with the limit and credit decision the customer's profile holds now. */
        Row withProfile(Optional<Limits.InForce> limit, Optional<Limits.Exposure> exposure,
                Optional<Profile.CreditCheck> lastCheck) {
            return new Row(customerId, name, country, byCurrency, limit.orElse(null), exposure.orElse(null),
                    limit.isEmpty() ? null : Limits.headroom(limit.get(), exposure.get()),
                    limit.isEmpty() ? null : Limits.utilisation(limit.get(), exposure.get()), slippingDays,
                    lastCheck.orElse(null), lastLetter, openAlerts);
        }

        Optional<CurrencySummary> in(Currency currency) {
            return byCurrency.stream().filter(c -> c.currency().equals(currency)).findFirst();
        }
    }

    /**
     * One currency of a customer, in brief.
     *
     * @param trendDays the 90 days' average days beyond terms less the 12 months'
     */
    public record CurrencySummary(Currency currency, BigDecimal open, BigDecimal overdue, long openInvoices,
            BigDecimal averageDaysBeyondTerms12Months, BigDecimal averageDaysBeyondTerms90Days, BigDecimal trendDays,
            PaymentRecord.Trend trend) {
    }

    /** How {@code GET /customers} orders the listing. */
    public enum Sort {
        /** Open amount in the listing's currency, largest first. */
        EXPOSURE,
        /** Overdue amount in the listing's currency, largest first. */
        OVERDUE,
        /** Slipping days, the most first. */
        SLIPPING;

        /** Largest first, customers without the figure last, ties by customer id. */
        Comparator<Row> order(Currency currency) {
            Comparator<Row> byFigure = Comparator.comparing((Row r) -> figure(r, currency),
                    Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder())).reversed();
            return byFigure.thenComparing(Row::customerId);
        }

        private BigDecimal figure(Row row, Currency currency) {
            return switch (this) {
                case EXPOSURE -> row.in(currency).map(CurrencySummary::open).orElse(null);
                case OVERDUE -> row.in(currency).map(CurrencySummary::overdue).orElse(null);
                case SLIPPING -> row.slippingDays();
            };
        }
    }
}
