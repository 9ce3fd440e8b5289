package io.creditguard.customers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import io.creditguard.money.Currencies;
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
 * {@code maxDaysBeyondTerms} the most. Averages 1 decimal, HALF_EVEN (one rounding of the exact quotient);
 * absent without payments.
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
     * Gathers one customer's invoices in one currency, one at a time, in minor units: memory grows with the most
     * days beyond terms, never with the number of invoices.
     */
    public static final class Tally {
        private final Currency currency;
        private final int scale;
        private final WindowTally year;
        private final WindowTally quarter;
        private final LocalDate asOf;
        private final int asOfDay;

        public Tally(Currency currency, LocalDate asOf) {
            this.currency = currency;
            this.scale = Currencies.minorUnits(currency);
            this.asOf = asOf;
            this.asOfDay = (int) asOf.toEpochDay();
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
            int[] days = new int[payments.size()];
            long[] amounts = new long[payments.size()];
            for (int i = 0; i < payments.size(); i++) {
                days[i] = (int) payments.get(i).date().toEpochDay();
                amounts[i] = payments.get(i).amount().setScale(scale, RoundingMode.UNNECESSARY).scaleByPowerOfTen(scale)
                        .longValueExact();
            }
            add((int) dueDate.toEpochDay(), settled, payments.size(), days, amounts);
        }

        /**
         * One invoice, its days since the epoch and its amounts in minor units.
         *
         * @param count how many of {@code paymentDays} and {@code paymentAmounts} are its payments
         * @throws ArithmeticException when the amounts of a window exceed what a long holds in minor units
         */
        public void add(int dueDay, boolean settled, int count, int[] paymentDays, long[] paymentAmounts) {
            int last = Integer.MIN_VALUE;
            boolean later = false;
            for (int i = 0; i < count; i++) {
                if (paymentDays[i] > asOfDay) {
                    later = true;
                    continue;
                }
                int days = Math.max(0, paymentDays[i] - dueDay);
                year.payment(paymentDays[i], paymentAmounts[i], days);
                quarter.payment(paymentDays[i], paymentAmounts[i], days);
                last = Math.max(last, paymentDays[i]);
            }
            if (settled && last != Integer.MIN_VALUE && !later) {
                boolean late = last > dueDay;
                year.settled(last, late);
                quarter.settled(last, late);
            }
        }

        public PaymentRecord result() {
            Window twelve = year.window(scale, asOf);
            Window ninety = quarter.window(scale, asOf);
            if (ninety.averageDaysBeyondTerms() == null) {
                return new PaymentRecord(twelve, ninety, null, Trend.UNKNOWN);
            }
            BigDecimal trendDays = ninety.averageDaysBeyondTerms().subtract(twelve.averageDaysBeyondTerms());
            Trend trend = trendDays.compareTo(BigDecimal.valueOf(TREND_DAYS)) >= 0 ? Trend.SLOWER
                    : trendDays.compareTo(BigDecimal.valueOf(-TREND_DAYS)) <= 0 ? Trend.FASTER : Trend.STEADY;
            return new PaymentRecord(twelve, ninety, trendDays, trend);
        }

        Currency currency() {
            return currency;
        }
    }

    private static final class WindowTally {
        private final LocalDate from;
        private final int fromDay;
        private int invoicesPaid;
        private int invoicesPaidLate;
        private int payments;
        private long paid;
        private long weightedDays;
        private long paidLate;
        private long weightedLateDays;
        /** Amount paid by days beyond terms, for the percentile; grown as later payments come. */
        private long[] byDays = new long[0];
        private int maxDays = -1;

        WindowTally(LocalDate from) {
            this.from = from;
            this.fromDay = (int) from.toEpochDay();
        }

        void payment(int day, long amount, int days) {
            if (day < fromDay) {
                return;
            }
            payments++;
            paid = Math.addExact(paid, amount);
            long weighted = Math.multiplyExact(amount, days);
            weightedDays = Math.addExact(weightedDays, weighted);
            if (days > 0) {
                paidLate = Math.addExact(paidLate, amount);
                weightedLateDays = Math.addExact(weightedLateDays, weighted);
            }
            if (days >= byDays.length) {
                byDays = java.util.Arrays.copyOf(byDays, Math.max(days + 1, 2 * byDays.length));
            }
            byDays[days] += amount;
            maxDays = Math.max(maxDays, days);
        }

        void settled(int lastPayment, boolean late) {
            if (lastPayment < fromDay) {
                return;
            }
            invoicesPaid++;
            if (late) {
                invoicesPaidLate++;
            }
        }

        Window window(int scale, LocalDate to) {
            BigDecimal share = invoicesPaid == 0 ? null : BigDecimal.valueOf(invoicesPaidLate)
                    .divide(BigDecimal.valueOf(invoicesPaid), 4, RoundingMode.HALF_EVEN);
            return new Window(from, to, invoicesPaid, invoicesPaidLate, share, payments, BigDecimal.valueOf(paid, scale),
                    average(weightedDays, paid), average(weightedLateDays, paidLate), percentile90(),
                    Math.max(0, maxDays));
        }

        /** Amount-weighted days, both in minor units: the quotient rounded once, to a tenth of a day. */
        private static BigDecimal average(long weighted, long amount) {
            return amount == 0 ? null : BigDecimal.valueOf(weighted).divide(BigDecimal.valueOf(amount), 1,
                    RoundingMode.HALF_EVEN);
        }

        /** Nearest rank by amount: the first number of days at which the amount paid reaches 90 % of the total. */
        private Integer percentile90() {
            if (paid == 0) {
                return null;
            }
            long threshold = paid - paid / 10; // the least whole number of minor units at or above 90 % of paid
            long cumulative = 0;
            for (int days = 0; days <= maxDays; days++) {
                cumulative += byDays[days];
                if (cumulative >= threshold) {
                    return days;
                }
            }
            return maxDays;
        }
    }
}
