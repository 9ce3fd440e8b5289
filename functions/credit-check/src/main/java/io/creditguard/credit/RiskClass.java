package io.creditguard.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.creditguard.credit.CreditTexts.Text;
import io.creditguard.reference.ReferenceTable;
import io.creditguard.reference.Validity;

/**
 * A row of {@code reference/credit-risk-classes.txt}: what a score means for pd, terms, limit, decision and the
 * condition the class carries.
 *
 * @param condition what a decision in this class asks of the customer beyond the terms, if anything
 */
public record RiskClass(String name, int minScore, BigDecimal pd, int maxTermsDays, BigDecimal limitEquityShare,
        BigDecimal limitRevenueShare, CreditDecision.Decision decision, Optional<ClassCondition> condition,
        Validity validity) {

    /** A condition the {@code condition} column attaches to every decision of a class. */
    public enum ClassCondition {
        /** Cover the exposure by credit insurance. */
        CREDIT_INSURANCE_COVER(Text.CONDITION_CREDIT_INSURANCE_COVER),
        /** A guarantee for the exposure. */
        GUARANTEE(Text.CONDITION_GUARANTEE);

        private final Text text;

        ClassCondition(Text text) {
            this.text = text;
        }

        Text text() {
            return text;
        }
    }

    /**
     * Every row of the table, read once.
     *
     * @throws ReferenceTable.Fault naming the file and line of a malformed row or an unknown decision or condition
     */
    static List<RiskClass> parse(ReferenceTable table) {
        return table.rows().stream().map(r -> new RiskClass(r.text("class"), r.integer("minScore"), r.decimal("pd"),
                r.integer("maxTermsDays"), r.decimal("limitEquityShare"), r.decimal("limitRevenueShare"),
                r.enumValue("decision", CreditDecision.Decision.class), r.optionalEnum("condition", ClassCondition.class),
                Validity.of(r))).toList();
    }

    /** The classes of {@code all} in force on {@code date}, best (highest minScore) first. */
    static List<RiskClass> inForce(List<RiskClass> all, LocalDate date) {
        return all.stream().filter(c -> c.validity().contains(date))
                .sorted(Comparator.comparingInt(RiskClass::minScore).reversed()).toList();
    }

    /** The first class whose minScore {@code score} reaches. */
    static RiskClass of(int score, List<RiskClass> classes) {
        return classes.stream().filter(c -> score >= c.minScore()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no risk class covers score " + score));
    }
}
