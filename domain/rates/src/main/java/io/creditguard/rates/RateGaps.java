package io.creditguard.rates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.creditguard.calendar.HalfYear;
import io.creditguard.reference.ReferenceRates;
import io.creditguard.reference.ReferenceRates.Scheme;

/**
 * The rate periods without a known rate: the half-year that has begun on {@code asOf} (interest for
 * its days cannot be charged: an error and an alarm), and, from fourteen days before it, the coming one
 * (a warning, so someone looks before the day). Pure.
 */
public final class RateGaps {

    /** Days before a half-year begins from which its rate is looked for. */
    static final int LOOK_AHEAD_DAYS = 14;

    public enum Stage {
        /** The half-year has begun and no rate is known for its first day. */
        BEGUN,
        /** It begins within {@value RateGaps#LOOK_AHEAD_DAYS} days and no rate is known yet. */
        COMING
    }

    /** @param to the last day of the gap so far: {@code asOf} for a begun half-year, its end for a coming one */
    public record Gap(Scheme scheme, LocalDate from, LocalDate to, Stage stage) {

        public String message() {
            return stage == Stage.BEGUN
                    ? "No " + scheme + " rate is known for " + HalfYear.of(from) + ", which began on " + from
                            + ": interest under it is left out until the rate is in the store or in config/reference-rates.txt"
                    : "No " + scheme + " rate is known yet for " + HalfYear.of(from) + ", which begins on " + from;
        }
    }

    private RateGaps() {
    }

    public static List<Gap> of(ReferenceRates rates, LocalDate asOf) {
        List<Gap> gaps = new ArrayList<>();
        HalfYear current = HalfYear.of(asOf);
        HalfYear next = current.next();
        boolean lookAhead = !asOf.isBefore(next.start().minusDays(LOOK_AHEAD_DAYS));
        for (Scheme scheme : Scheme.values()) {
            if (rates.rateOn(scheme, current.start()).isEmpty()) {
                gaps.add(new Gap(scheme, current.start(), asOf, Stage.BEGUN));
            }
            if (lookAhead && rates.rateOn(scheme, next.start()).isEmpty()) {
                gaps.add(new Gap(scheme, next.start(), next.end(), Stage.COMING));
            }
        }
        return List.copyOf(gaps);
    }

    public static List<Gap> begun(List<Gap> gaps) {
        return gaps.stream().filter(g -> g.stage() == Stage.BEGUN).toList();
    }
}
