package io.creditguard.customers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.creditguard.money.Money;
import io.creditguard.money.Rates;
import io.creditguard.receivables.Invoice;

/**
 * How a customer pays, read from the book: its payments in one currency over the last 12 months and the
 * last 90 days, and the trend between the two. Pure: no clock, no I/O.
 *
 * <p>The definitions (README, Customers: the ledger):
 * <ul>
 * <li>A window ends on the run's day ({@code asOf}) and includes it: the 12 months begin the day after
 * the same date a year earlier, the 90 days 89 days before.
 * <li>Every payment recorded on an invoice counts on its own day with its own amount: a part payment is a
 * payment. A credit note is not a payment (it is neither paid nor late). A payment dated after the run's
 * day is not counted yet.
 * <li>Days beyond terms of a payment: days from the invoice's due date (moved to the next business day
 * where the policy moves due dates, as the reminder run counts it) to the payment's day; zero when paid
 * on or before it. A payment is late when that is more than zero.
 * <li>{@code invoicesPaid}: invoices settled (nothing open) whose last payment falls in the window; an
 * invoice settled by credit notes alone is not paid. {@code invoicesPaidLate}: those whose last payment
 * was late. {@code shareLate} = late ÷ paid, 4 decimals (absent when none was paid).
 * <li>{@code averageDaysBeyondTerms}: the average of every payment's days beyond terms weighted by its
 * amount (on-time payments count as zero); {@code averageDaysLate} the same over the late payments only;
 * {@code p90DaysBeyondTerms} the fewest days within which 90 % of the amount paid in the window was paid;
 * {@code maxDaysBeyondTerms} the most. Averages 1 decimal, HALF_EVEN; absent without payments.
 * <li>{@code trendDays} = the 90 days' average − the 12 months' (positive: paying later lately);
 * {@code trend} SLOWER from {@value #TREND_DAYS} day up, FASTER from {@value #TREND_DAYS} day down, else
 * STEADY; UNKNOWN without a payment in the 90 days.
 * </ul>
 */
public record PaymentRecord(Window last12Months, Window last90Days, BigDecimal trendDays, Trend trend) {

    /** Days of difference between the windows' averages from which the trend has a direction. */
    static final int TREND_DAYS = 1;
    private static final BigDecimal NINETY_PERCENT = new BigDecimal("0.9");

    public enum Trend {
        SLOWER, STEADY, FASTER, UNKNOWN
    }

    /**
     * The payments of one window.
     *
     * @param from first day of the window, {@code to} the last (the run's day)
     * @param amountPaid in the record's currency, at its minor unit
     */
    public record Window(LocalDate from, LocalDate to, int invoicesPaid, int invoicesPaidLate, BigDecimal shareLate,
            int payments, BigDecimal amountPaid, BigDecimal averageDaysBeyondTerms, BigDecimal averageDaysLate,
            Integer p90DaysBeyondTerms, int maxDaysBeyondTerms) {
    }

    /**
     * Gathers one customer's invoices in one currency, one at a time: memory grows with the number of
     * distinct days-beyond-terms, never with the number of invoices.
     */
    public static final class Tally {
        private final Currency currency;
        private final WindowTally year;
        private final WindowTally quarter;
        private final LocalDate asOf;

        public Tally(Currency currency, LocalDate asOf) {
            this.currency = currency;
            this.asOf = asOf;
            this.year = new WindowTally(asOf.minusYears(1).plusDays(1));
            this.quarter = new WindowTally(asOf.minusDays(89));
        }

        /**
         * One invoice.
         *
         * @param dueDate the due date payments are measured against (business-day adjusted as the run's)
         * @param settled nothing is open on it
         * @param payments every payment recorded on it, in any order
         */
        public void add(LocalDate dueDate, boolean settled, List<Invoice.Payment> payments) {
            LocalDate last = null;
            for (Invoice.Payment payment : payments) {
                if (payment.date().isAfter(asOf)) {
                    continue;
                }
                int days = (int) Math.max(0, ChronoUnit.DAYS.between(dueDate, payment.date()));
                year.payment(payment, days);
                quarter.payment(payment, days);
                last = last == null || payment.date().isAfter(last) ? payment.date() : last;
            }
            if (settled && last != null && payments.stream().noneMatch(p -> p.date().isAfter(asOf))) {
                boolean late = last.isAfter(dueDate);
                year.settled(last, late);
                quarter.settled(last, late);
            }
        }

        public PaymentRecord result() {
            Window twelve = year.window(currency, asOf);
            Window ninety = quarter.window(currency, asOf);
            if (ninety.averageDaysBeyondTerms() == null) {
                return new PaymentRecord(twelve, ninety, null, Trend.UNKNOWN);
            }
            BigDecimal trendDays = ninety.averageDaysBeyondTerms().subtract(twelve.averageDaysBeyondTerms());
            Trend trend = trendDays.compareTo(BigDecimal.valueOf(TREND_DAYS)) >= 0 ? Trend.SLOWER
                    : trendDays.compareTo(BigDecimal.valueOf(-TREND_DAYS)) <= 0 ? Trend.FASTER : Trend.STEADY;
            return new PaymentRecord(twelve, ninety, trendDays, trend);
        }
    }

    private static final class WindowTally {
        private final LocalDate from;
        private int invoicesPaid;
        private int invoicesPaidLate;
        private int payments;
        private BigDecimal paid = BigDecimal.ZERO;
        private BigDecimal weightedDays = BigDecimal.ZERO;
        private BigDecimal paidLate = BigDecimal.ZERO;
        private BigDecimal weightedLateDays = BigDecimal.ZERO;
        /** Amount paid by days beyond terms, for the percentile. */
        private final TreeMap<Integer, BigDecimal> byDays = new TreeMap<>();

        WindowTally(LocalDate from) {
            this.from = from;
        }

        void payment(Invoice.Payment payment, int days) {
            if (payment.date().isBefore(from)) {
                return;
            }
            payments++;
            paid = paid.add(payment.amount());
            BigDecimal weighted = payment.amount().multiply(BigDecimal.valueOf(days));
            weightedDays = weightedDays.add(weighted);
            if (days > 0) {
                paidLate = paidLate.add(payment.amount());
                weightedLateDays = weightedLateDays.add(weighted);
            }
            byDays.merge(days, payment.amount(), BigDecimal::add);
        }

        void settled(LocalDate lastPayment, boolean late) {
            if (lastPayment.isBefore(from)) {
                return;
            }
            invoicesPaid++;
            if (late) {
                invoicesPaidLate++;
            }
        }

        Window window(Currency currency, LocalDate to) {
            BigDecimal share = invoicesPaid == 0 ? null : BigDecimal.valueOf(invoicesPaidLate)
                    .divide(BigDecimal.valueOf(invoicesPaid), 4, RoundingMode.HALF_EVEN);
            return new Window(from, to, invoicesPaid, invoicesPaidLate, share, payments,
                    Money.rounded(currency, paid, RoundingMode.UNNECESSARY).amount(), average(weightedDays, paid),
                    average(weightedLateDays, paidLate), percentile90(), byDays.isEmpty() ? 0 : byDays.lastKey());
        }

        private static BigDecimal average(BigDecimal weighted, BigDecimal amount) {
            return amount.signum() == 0 ? null : weighted.divide(amount, Rates.RATIO).setScale(1, RoundingMode.HALF_EVEN);
        }

        /** Nearest rank by amount: the first number of days at which the amount paid reaches 90 % of the total. */
        private Integer percentile90() {
            if (paid.signum() == 0) {
                return null;
            }
            BigDecimal threshold = paid.multiply(NINETY_PERCENT);
            BigDecimal cumulative = BigDecimal.ZERO;
            for (Map.Entry<Integer, BigDecimal> entry : byDays.entrySet()) {
                cumulative = cumulative.add(entry.getValue());
                if (cumulative.compareTo(threshold) >= 0) {
                    return entry.getKey();
                }
            }
            return byDays.lastKey();
        }
    }
}
