package io.creditguard.credit;

import java.time.LocalDate;
import java.util.List;

import io.creditguard.reference.ReferenceTable;
import io.creditguard.validation.FieldError;
import io.creditguard.validation.InvalidInputException;

/**
 * The credit check's reference data, read and checked once when the class loads, and the rules in force
 * on a day. A dated table covers every day a check may be made as of ({@code asOf}, ten years back to a
 * year ahead, {@link CreditCheckRequest}); a day one of them does not cover is refused as the caller's
 * input, never answered with a fault of ours.
 */
public final class CreditRules {

    static final Altman ALTMAN = Altman.from(ReferenceTable.load("altman-models.txt"));
    static final Scorecard SCORECARD = Scorecard.from(ReferenceTable.load("credit-scorecard.txt"));
    static final CreditTexts TEXTS = CreditTexts.from(ReferenceTable.load("credit-texts.txt"));
    static final RegisterSignals SIGNALS = RegisterSignals.from(ReferenceTable.load("register-signals.txt"));
    private static final ReferenceTable RISK_CLASSES = ReferenceTable.load("credit-risk-classes.txt");
    private static final ReferenceTable BENCHMARKS = ReferenceTable.load("sector-benchmarks.txt");
    private static final ReferenceTable OVERRIDES = ReferenceTable.load("credit-overrides.txt");

    /** The dated tables a check reads, by file, for the test that walks them against the accepted days. */
    static final List<ReferenceTable> DATED = List.of(RISK_CLASSES, BENCHMARKS, OVERRIDES);

    static {
        // Names shared with the code are checked now, not in a request.
        OVERRIDES.rows().forEach(r -> {
            r.enumValue("rule", CreditDecision.OverrideRule.class);
            r.enumValue("decision", CreditDecision.Decision.class);
        });
        RISK_CLASSES.rows().forEach(r -> r.enumValue("decision", CreditDecision.Decision.class));
    }

    private CreditRules() {
    }

    /**
     * @throws InvalidInputException naming {@code $.asOf} when a table has no rows in force on {@code date}
     */
    public static CreditDecision.Rules on(LocalDate date) {
        List<RiskClass> classes = RiskClass.load(RISK_CLASSES, date);
        if (classes.isEmpty() || OVERRIDES.effectiveOn(date).isEmpty() || BENCHMARKS.effectiveOn(date).isEmpty()) {
            throw InvalidInputException.invalid(FieldError.at("$.asOf", "is a day the credit check's rules do not cover ("
                    + date + ")"));
        }
        return new CreditDecision.Rules(ALTMAN, SCORECARD, classes, SectorBenchmarks.load(BENCHMARKS, date),
                OVERRIDES.effectiveOn(date).stream().map(r -> new CreditDecision.DecisionOverride(
                        r.enumValue("rule", CreditDecision.OverrideRule.class), r.integer("threshold"),
                        r.enumValue("decision", CreditDecision.Decision.class))).toList(), TEXTS);
    }
}
