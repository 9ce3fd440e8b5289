package io.creditguard.receivables;

/**
 * How far past its (adjusted) due date an open invoice is: the one definition of the aging buckets the
 * run's KPIs and the customer ledger both count in. Edges are inclusive at the top: 30 days overdue is
 * in 1–30, 31 in 31–60.
 */
public enum AgingBucket {
    NOT_DUE, DAYS_1_30, DAYS_31_60, DAYS_61_90, OVER_90;

    /** The bucket of an invoice {@code daysOverdue} days past its due date (zero or less: not due). */
    public static AgingBucket of(long daysOverdue) {
        return daysOverdue <= 0 ? NOT_DUE : daysOverdue <= 30 ? DAYS_1_30 : daysOverdue <= 60 ? DAYS_31_60
                : daysOverdue <= 90 ? DAYS_61_90 : OVER_90;
    }
}
