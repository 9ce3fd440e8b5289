package io.creditguard.breakeven;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.creditguard.reference.ReferenceTable;
import io.creditguard.reference.Validity;

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

    /** A rule of the table, as its {@code rule} column spells it. */
    enum Rule {
        MINIMUM_ANNUAL_TURNOVER("minimumAnnualTurnover"), MINIMUM_INVOICES_PER_YEAR("minimumInvoicesPerYear"),
        INTERESTING_EXCESS_DAYS("interestingExcessDays"), LITTLE_GAIN_EXCESS_DAYS("littleGainExcessDays");

        private final String spelling;

        Rule(String spelling) {
            this.spelling = spelling;
        }

        String spelling() {
            return spelling;
        }
    }

    /** A row of the table: a rule's value and when it is in force. */
    record Dated(Rule rule, BigDecimal value, Validity validity) {
    }

    /**
     * Every row of the table, read once.
     *
     * @throws ReferenceTable.Fault naming the file and line of a row whose rule the code does not know
     */
    static List<Dated> parse(ReferenceTable table) {
        return table.rows().stream().map(r -> new Dated(r.enumValue("rule", Rule.class, Rule::spelling), r.decimal("value"),
                Validity.of(r))).toList();
    }

    public static FactoringThresholds load(ReferenceTable table, LocalDate date) {
        return on(parse(table), date, table.name());
    }

    /** The thresholds of {@code rows} in force on {@code date}; {@code file} names the table in a fault. */
    static FactoringThresholds on(List<Dated> rows, LocalDate date, String file) {
        List<Dated> inForce = rows.stream().filter(r -> r.validity().contains(date)).toList();
        return new FactoringThresholds(value(inForce, Rule.MINIMUM_ANNUAL_TURNOVER, file),
                value(inForce, Rule.MINIMUM_INVOICES_PER_YEAR, file).intValueExact(),
                value(inForce, Rule.INTERESTING_EXCESS_DAYS, file), value(inForce, Rule.LITTLE_GAIN_EXCESS_DAYS, file));
    }

    private static BigDecimal value(List<Dated> rows, Rule rule, String file) {
        return rows.stream().filter(r -> r.rule() == rule).findFirst()
                .orElseThrow(() -> new IllegalStateException(file + " has no rule " + rule.spelling() + " in force"))
                .value();
    }
}
