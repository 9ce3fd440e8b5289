package io.creditguard.breakeven;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.creditguard.reference.ReferenceTable;
import io.creditguard.reference.Validity;

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

    /** A row of {@code reference/protection-options.txt}: an option and when it is in force. */
    record Dated(ProtectionOption option, Validity validity) {
    }

    /**
     * Every row of the table, read once.
     *
     * @throws ReferenceTable.Fault naming the file and line of a row whose kind the code does not know
     */
    static List<Dated> parse(ReferenceTable table) {
        return table.rows().stream().map(row -> new Dated(new ProtectionOption(
                row.enumValue("kind", ProtectionKind.class), row.decimal("costRateLow"), row.decimal("costRateHigh"),
                row.decimal("coverLow"), row.decimal("coverHigh"), row.text("source") + " (" + row.location() + ")"),
                Validity.of(row))).toList();
    }

    /** The options of {@code rows} in force on {@code date}. */
    static List<ProtectionOption> on(List<Dated> rows, LocalDate date) {
        return rows.stream().filter(r -> r.validity().contains(date)).map(Dated::option).toList();
    }

    /** The options in {@code reference/protection-options.txt} in force on {@code date}. */
    public static List<ProtectionOption> defaults(ReferenceTable table, LocalDate date) {
        return on(parse(table), date);
    }
}
