package io.creditguard.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.creditguard.reference.ReferenceTable;

/** Benchmarks per NACE section and ratio from {@code reference/sector-benchmarks.txt}; a section row beats '*'. */
public final class SectorBenchmarks {

    /**
     * @param sourced whether a published statistic backs the figures; if not, comparisons are indicative
     */
    public record Benchmark(String section, BigDecimal good, BigDecimal weak, boolean sourced, String source) {
    }

    private final List<ReferenceTable.Row> rows;

    private SectorBenchmarks(List<ReferenceTable.Row> rows) {
        this.rows = rows;
    }

    public static SectorBenchmarks load(ReferenceTable table, LocalDate date) {
        return new SectorBenchmarks(table.effectiveOn(date));
    }

    public Optional<Benchmark> find(Optional<Character> section, String ratio) {
        Optional<ReferenceTable.Row> row = section.flatMap(s -> rows.stream()
                .filter(r -> r.text("section").equals(String.valueOf(s)) && r.text("ratio").equals(ratio)).findFirst())
                .or(() -> rows.stream().filter(r -> r.text("section").equals("*") && r.text("ratio").equals(ratio))
                        .findFirst());
        return row.map(r -> new Benchmark(r.text("section"), r.decimal("good"), r.decimal("weak"),
                r.text("sourced").equals("yes"), r.text("source") + " (" + r.location() + ")"));
    }
}
