package io.creditguard.reminders;

/**
 * What a fee is for; the same code may carry different amounts under different laws
 * ({@code late-payment-fees.txt}). A policy names one per level, so it lives beside the policy.
 */
public enum FeeCode {
    REMINDER_FEE, COLLECTION_DEMAND, FIXED_COMPENSATION, COLLECTION_COSTS
}
