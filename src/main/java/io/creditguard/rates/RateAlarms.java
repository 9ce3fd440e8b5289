package io.creditguard.rates;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

import io.creditguard.metrics.Emf;

/**
 * The reference rates' metrics the template's alarms watch, as {@link Emf} lines:
 * {@code creditguard/MissingReferenceRate} per scheme whose half-year has begun without a rate, and
 * {@code creditguard/ReferenceRateConflict} per fetched figure that contradicts a shipped one.
 */
public final class RateAlarms {

    public static final String NAMESPACE = Emf.NAMESPACE;
    public static final String MISSING = "MissingReferenceRate";
    public static final String CONFLICT = "ReferenceRateConflict";

    private RateAlarms() {
    }

    /** One line per begun gap and per conflict; nothing when all is well. */
    public static void emit(List<RateGaps.Gap> gaps, List<RateBook.Conflict> conflicts, String function, Instant at) {
        PrintStream out = System.out;
        for (RateGaps.Gap gap : RateGaps.begun(gaps)) {
            out.println(Emf.line(MISSING, "Scheme", gap.scheme().name(), function, at));
        }
        for (RateBook.Conflict conflict : conflicts) {
            out.println(Emf.line(CONFLICT, "Scheme", conflict.what(), function, at));
        }
        out.flush();
    }
}
