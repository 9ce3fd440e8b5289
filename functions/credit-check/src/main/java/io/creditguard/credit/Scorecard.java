package io.creditguard.credit;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.creditguard.reference.ReferenceTable;

/**
 * The scorecard of {@code reference/credit-scorecard.txt}: per factor, bands of its value and the
 * points each band adds. Bands are numeric intervals ({@code [0.2,0.4)}, open ends allowed) or a
 * symbolic value ({@code SAFE}); the first matching band of a factor counts. Intervals, factor names and
 * the texts in each {@link Language} are read once, when the table loads, so a malformed band fails there
 * and not in a request.
 */
public final class Scorecard {

    /** What the scorecard weighs, as its {@code factor} column names it. */
    public enum Factor {
        BASE, ALTMAN_ZONE, EQUITY_RATIO, CURRENT_RATIO, EBIT_MARGIN, SHARE_PAID_LATE, AVERAGE_DAYS_LATE, MAX_DAYS_LATE,
        OPEN_OVERDUE, PAYMENT_REMARKS, EXTERNAL_RATING, COMPANY_AGE, REVENUE_TREND, EQUITY_TREND, FILING_OVERDUE
    }

    /**
     * One band of one factor.
     *
     * @param band the band as the data file writes it
     * @param lower the interval's lower end, or {@code null} when open (or the band is symbolic)
     * @param upper the interval's upper end, or {@code null} when open (or the band is symbolic)
     * @param messages the band's text in each language
     */
    public record Band(Factor factor, String band, boolean numeric, BigDecimal lower, boolean lowerInclusive,
            BigDecimal upper, boolean upperInclusive, int points, String code, Map<Language, String> messages) {

        public String message(Language language) {
            return messages.get(language);
        }

        static Band parse(ReferenceTable.Row row) {
            String band = row.optionalText("band").orElse("");
            boolean numeric = band.startsWith("[") || band.startsWith("(");
            BigDecimal lower = null;
            BigDecimal upper = null;
            if (numeric) {
                String[] ends = band.substring(1, band.length() - 1).split(",", -1);
                if (ends.length != 2 || !(band.endsWith("]") || band.endsWith(")"))) {
                    throw new IllegalStateException(row.location() + ": band " + band + " is not an interval [a,b)");
                }
                try {
                    lower = ends[0].isBlank() ? null : new BigDecimal(ends[0].strip());
                    upper = ends[1].isBlank() ? null : new BigDecimal(ends[1].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalStateException(row.location() + ": band " + band + " has a bound that is not a number");
                }
            }
            Map<Language, String> messages = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                messages.put(language, row.text(language.code()));
            }
            return new Band(row.enumValue("factor", Factor.class), band, numeric, lower, band.startsWith("["), upper,
                    band.endsWith("]"), row.integer("points"), row.text("code"), Map.copyOf(messages));
        }

        boolean matches(BigDecimal value) {
            if (!numeric) {
                return false;
            }
            boolean lowerOk = lower == null || (lowerInclusive ? value.compareTo(lower) >= 0 : value.compareTo(lower) > 0);
            boolean upperOk = upper == null || (upperInclusive ? value.compareTo(upper) <= 0 : value.compareTo(upper) < 0);
            return lowerOk && upperOk;
        }

        /** Whether the band runs on without end on the side of {@code sign}: up for a positive sign, down for a negative. */
        boolean endless(int sign) {
            return numeric && (sign > 0 ? upper == null : lower == null);
        }
    }

    private final int base;
    private final List<Band> bands;

    private Scorecard(int base, List<Band> bands) {
        this.base = base;
        this.bands = bands;
    }

    public static Scorecard from(ReferenceTable table) {
        List<Band> bands = table.rows().stream().map(Band::parse).toList();
        int base = bands.stream().filter(b -> b.factor() == Factor.BASE).findFirst()
                .orElseThrow(() -> new IllegalStateException(table.name() + " has no BASE row")).points();
        return new Scorecard(base, bands.stream().filter(b -> b.factor() != Factor.BASE).toList());
    }

    public int base() {
        return base;
    }

    /** The band of {@code factor} that {@code value} falls in, if any. */
    public Optional<Band> band(Factor factor, BigDecimal value) {
        return bands.stream().filter(b -> b.factor() == factor && b.matches(value)).findFirst();
    }

    /**
     * The band of {@code factor} beyond every number on the side of {@code sign}, if one runs on without end there:
     * where a ratio's numerator has that sign and its denominator is zero ({@code [2,)} for current assets over no
     * current liabilities, {@code (,0)} for an operating loss on no revenue).
     */
    public Optional<Band> beyond(Factor factor, int sign) {
        return bands.stream().filter(b -> b.factor() == factor && b.endless(sign)).findFirst();
    }

    /** The band of {@code factor} named {@code symbol} (e.g. the Altman zone {@code SAFE}). */
    public Optional<Band> band(Factor factor, String symbol) {
        return bands.stream().filter(b -> b.factor() == factor && !b.numeric() && b.band().equals(symbol))
                .findFirst();
    }
}
