package io.creditguard.breakeven;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.creditguard.reference.ReferenceTable;

/**
 * Rules of thumb from {@code reference/factoring-thresholds.txt}.
 *
 * @param minimumTurnoverSek below this annual turnover (in SEK) factoring is seldom worth examining
 * @param minimumInvoicesPerYear below this many invoices a year likewise
 * @param interestingExcessDays more days than this over terms makes factoring interesting
 * @param littleGainExcessDays this many days over terms or fewer leaves little to gain
 */
public record FactoringThresholds(BigDecimal minimumTurnoverSek, int minimumInvoicesPerYear,
        BigDecimal interestingExcessDays, BigDecimal littleGainExcessDays) {

    public static FactoringThresholds load(ReferenceTable table, LocalDate date) {
        List<ReferenceTable.Row> rows = table.effectiveOn(date);
        return new FactoringThresholds(value(rows, "minimumAnnualTurnover", table),
                value(rows, "minimumInvoicesPerYear", table).intValueExact(),
                value(rows, "interestingExcessDays", table), value(rows, "littleGainExcessDays", table));
    }

    private static BigDecimal value(List<ReferenceTable.Row> rows, String rule, ReferenceTable table) {
        return rows.stream().filter(r -> r.text("rule").equals(rule)).findFirst()
                .orElseThrow(() -> new IllegalStateException(table.name() + " has no rule " + rule + " in force"))
                .decimal("value");
    }
}
