package io.creditguard.rates;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.creditguard.metrics.Emf;
import io.creditguard.reference.FileProblem;

/**
 * The reference rates' metrics the template's alarms watch, as {@link Emf} lines:
 * {@code creditguard/MissingReferenceRate} per scheme whose half-year has begun without a rate,
 * {@code creditguard/ReferenceRateConflict} per fetched figure that contradicts a shipped one, and
 * {@code creditguard/OperatorFileProblem} per row or file of an operator's (a rate table, a reminder
 * policy) that was left out, by file.
 */
public final class RateAlarms {

    public static final String NAMESPACE = Emf.NAMESPACE;
    public static final String MISSING = "MissingReferenceRate";
    public static final String CONFLICT = "ReferenceRateConflict";
    public static final String OPERATOR_FILE = "OperatorFileProblem";

    private RateAlarms() {
    }

    /** One line per begun gap, per conflict and per operator's file with problems; nothing when all is well. */
    public static void emit(List<RateGaps.Gap> gaps, List<RateBook.Conflict> conflicts, List<FileProblem> problems,
            String function, Instant at) {
        PrintStream out = System.out;
        for (RateGaps.Gap gap : RateGaps.begun(gaps)) {
            out.println(Emf.line(MISSING, "Scheme", gap.scheme().name(), function, at, 1));
        }
        for (RateBook.Conflict conflict : conflicts) {
            out.println(Emf.line(CONFLICT, "Scheme", conflict.what(), function, at, 1));
        }
        problems.stream().collect(Collectors.groupingBy(FileProblem::file, TreeMap::new, Collectors.counting()))
                .forEach((file, count) -> out.println(Emf.line(OPERATOR_FILE, "File", file, function, at, count)));
        out.flush();
    }
}
