package io.creditguard.reference;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The days a dated rule is in force: from {@code validFrom} inclusive to {@code validTo} inclusive, or without
 * end when {@code validTo} is empty. Immutable; the one place the order of the two ends is checked.
 *
 * @param validFrom the first day in force, not null
 * @param validTo the last day in force, not null; empty for open-ended
 */
public record Validity(LocalDate validFrom, Optional<LocalDate> validTo) {

    /**
     * @throws DateTimeException when {@code validTo} is before {@code validFrom}
     */
    public Validity {
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        if (validTo.filter(to -> to.isBefore(validFrom)).isPresent()) {
            throw new DateTimeException("validTo " + validTo.get() + " is before validFrom " + validFrom);
        }
    }

    /** From {@code validFrom} on, without end. */
    public static Validity from(LocalDate validFrom) {
        return new Validity(validFrom, Optional.empty());
    }

    /**
     * The {@code validFrom} and {@code validTo} cells of {@code row}.
     *
     * @throws ReferenceTable.Fault naming the row's file and line when a date is malformed or the end precedes the start
     */
    public static Validity of(ReferenceTable.Row row) {
        LocalDate from = row.date("validFrom");
        Optional<LocalDate> to = row.optionalDate("validTo");
        try {
            return new Validity(from, to);
        } catch (DateTimeException e) {
            throw row.fault("validTo", e.getMessage());
        }
    }

    /** Whether {@code day} is in force: on or after {@code validFrom} and on or before {@code validTo}, if any. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(validFrom) && validTo.map(to -> !day.isAfter(to)).orElse(true);
    }
}
