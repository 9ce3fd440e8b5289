package io.creditguard.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.creditguard.reference.ReferenceTable;
import io.creditguard.reference.Validity;

/**
 * Benchmarks per NACE section and ratio from {@code reference/sector-benchmarks.txt}, read once; a section's own
 * row beats the '*' row.
 */
public final class SectorBenchmarks {

    /** The ratios the check compares with a benchmark, as the {@code ratio} column and the answer name them. */
    public enum RatioName {
        CURRENT_RATIO("currentRatio"), QUICK_RATIO("quickRatio"), CASH_RATIO("cashRatio"), EQUITY_RATIO("equityRatio"),
        DEBT_TO_EQUITY("debtToEquity"), EBIT_MARGIN("ebitMargin"), NET_MARGIN("netMargin"),
        INTEREST_COVERAGE("interestCoverage");

        private final String spelling;

        RatioName(String spelling) {
            this.spelling = spelling;
        }

        /** The name as the data file and the answer's {@code ratios[].name} write it. */
        public String spelling() {
            return spelling;
        }
    }

    /** The {@code sourced} column: whether a published statistic backs a row's figures. */
    enum Backing {
        SOURCED("yes"), INDICATIVE("no");

        private final String spelling;

        Backing(String spelling) {
            this.spelling = spelling;
        }

        String spelling() {
            return spelling;
        }
    }

    /**
     * @param sourced whether a published statistic backs the figures; if not, comparisons are indicative
     */
    public record Benchmark(String section, BigDecimal good, BigDecimal weak, boolean sourced, String source) {
    }

    private record Row(NaceScope scope, RatioName ratio, Benchmark benchmark, Validity validity) {
    }

    private final List<Row> rows;

    private SectorBenchmarks(List<Row> rows) {
        this.rows = rows;
    }

    /**
     * Every row of the table.
     *
     * @throws ReferenceTable.Fault naming the file and line of a row with an unknown section, ratio or sourced flag
     */
    static SectorBenchmarks from(ReferenceTable table) {
        return new SectorBenchmarks(table.rows().stream().map(r -> {
            NaceScope scope = NaceScope.of(r, "section");
            return new Row(scope, r.enumValue("ratio", RatioName.class, RatioName::spelling),
                    new Benchmark(scope.toString(), r.decimal("good"), r.decimal("weak"),
                            r.enumValue("sourced", Backing.class, Backing::spelling) == Backing.SOURCED,
                            r.text("source") + " (" + r.location() + ")"),
                    Validity.of(r));
        }).toList());
    }

    /** The rows in force on {@code date}. */
    SectorBenchmarks on(LocalDate date) {
        return new SectorBenchmarks(rows.stream().filter(r -> r.validity().contains(date)).toList());
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    public Optional<Benchmark> find(Optional<Character> section, RatioName ratio) {
        return section.flatMap(s -> rows.stream().filter(r -> r.scope().names(s) && r.ratio() == ratio).findFirst())
                .or(() -> rows.stream().filter(r -> r.scope().everyOther() && r.ratio() == ratio).findFirst())
                .map(Row::benchmark);
    }
}
