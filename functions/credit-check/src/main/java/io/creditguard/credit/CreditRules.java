package io.creditguard.credit;

import java.time.LocalDate;
import java.util.List;

import io.creditguard.reference.ReferenceTable;
import io.creditguard.reference.Validity;
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
    private static final List<RiskClass> RISK_CLASSES = RiskClass.parse(ReferenceTable.load("credit-risk-classes.txt"));
    private static final SectorBenchmarks BENCHMARKS = SectorBenchmarks.from(ReferenceTable.load("sector-benchmarks.txt"));
    private static final List<DatedOverride> OVERRIDES = overrides(ReferenceTable.load("credit-overrides.txt"));

    /** A row of credit-overrides.txt. */
    private record DatedOverride(CreditDecision.DecisionOverride override, Validity validity) {
    }

    private CreditRules() {
    }

    /**
     * @throws InvalidInputException naming {@code $.asOf} when a table has no rows in force on {@code date}
     */
    public static CreditDecision.Rules on(LocalDate date) {
        List<RiskClass> classes = RiskClass.inForce(RISK_CLASSES, date);
        List<CreditDecision.DecisionOverride> overrides = OVERRIDES.stream().filter(o -> o.validity().contains(date))
                .map(DatedOverride::override).toList();
        SectorBenchmarks benchmarks = BENCHMARKS.on(date);
        if (classes.isEmpty() || overrides.isEmpty() || benchmarks.isEmpty()) {
            throw InvalidInputException.invalid(FieldError.at("$.asOf", "is a day the credit check's rules do not cover ("
                    + date + ")"));
        }
        return new CreditDecision.Rules(ALTMAN, SCORECARD, classes, benchmarks, overrides, TEXTS);
    }

    /**
     * Every row of credit-overrides.txt, read once.
     *
     * @throws ReferenceTable.Fault naming the file and line of a row with an unknown rule or decision: a rule
     *     the code does not know must not load as one that never fires
     */
    static List<DatedOverride> overrides(ReferenceTable table) {
        return table.rows().stream().map(r -> new DatedOverride(new CreditDecision.DecisionOverride(
                r.enumValue("rule", CreditDecision.OverrideRule.class), r.integer("threshold"),
                r.enumValue("decision", CreditDecision.Decision.class)), Validity.of(r))).toList();
    }
}
