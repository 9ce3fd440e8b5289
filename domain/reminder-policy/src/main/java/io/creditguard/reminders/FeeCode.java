package io.creditguard.reminders;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a fee is for; the same code may carry different amounts under different laws
 * ({@code late-payment-fees.txt}). A policy names one per level, so it lives beside the policy.
 */
public enum FeeCode {
    REMINDER_FEE, COLLECTION_DEMAND, FIXED_COMPENSATION, COLLECTION_COSTS;

    /** The code of {@code name}, empty for a name that is none (a record written by hand or by another version). */
    public static Optional<FeeCode> named(String name) {
        return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst();
    }
}
