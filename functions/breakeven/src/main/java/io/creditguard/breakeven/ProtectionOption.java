package io.creditguard.breakeven;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.creditguard.reference.ReferenceTable;

/**
 * One way of protecting receivables, with its cost and cover as ranges (low = best case for the
 * seller's cost, high = the dearest). Rates are fractions of annual turnover.
 *
 * @param source where the figures come from: a data-file citation or "request"
 */
public record ProtectionOption(ProtectionKind kind, BigDecimal costRateLow, BigDecimal costRateHigh,
        BigDecimal coverLow, BigDecimal coverHigh, String source) {

    /** An option the caller states with a single cost and cover. */
    public static ProtectionOption exact(ProtectionKind kind, BigDecimal costRate, BigDecimal cover) {
        return new ProtectionOption(kind, costRate, costRate, cover, cover, "request");
    }

    /** The options in {@code reference/protection-options.txt} in force on {@code date}. */
    public static List<ProtectionOption> defaults(ReferenceTable table, LocalDate date) {
        return table.effectiveOn(date).stream().map(row -> new ProtectionOption(
                ProtectionKind.valueOf(row.text("kind")), row.decimal("costRateLow"), row.decimal("costRateHigh"),
                row.decimal("coverLow"), row.decimal("coverHigh"), row.text("source") + " (" + row.location() + ")"))
                .toList();
    }
}
