package io.creditguard.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import io.creditguard.reference.ReferenceTable;

/** A row of {@code reference/credit-risk-classes.txt}: what a score means for pd, terms, limit and decision. */
public record RiskClass(String name, int minScore, BigDecimal pd, int maxTermsDays, BigDecimal limitEquityShare,
        BigDecimal limitRevenueShare, CreditDecision.Decision decision) {

    /** The classes in force on {@code date}, best (highest minScore) first. */
    public static List<RiskClass> load(ReferenceTable table, LocalDate date) {
        return table.effectiveOn(date).stream().map(r -> new RiskClass(r.text("class"), r.integer("minScore"),
                r.decimal("pd"), r.integer("maxTermsDays"), r.decimal("limitEquityShare"),
                r.decimal("limitRevenueShare"), r.enumValue("decision", CreditDecision.Decision.class)))
                .sorted(Comparator.comparingInt(RiskClass::minScore).reversed()).toList();
    }

    /** The first class whose minScore {@code score} reaches. */
    static RiskClass of(int score, List<RiskClass> classes) {
        return classes.stream().filter(c -> score >= c.minScore()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no risk class covers score " + score));
    }
}
