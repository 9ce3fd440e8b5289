package io.creditguard.credit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import io.creditguard.reference.ReferenceTable;

/**
 * The scorecard of {@code reference/credit-scorecard.txt}: per factor, bands of its value and the
 * points each band adds. Bands are numeric intervals ({@code [0.2,0.4)}, open ends allowed) or a
 * symbolic value ({@code SAFE}); the first matching band of a factor counts.
 */
public final class Scorecard {

    /** One band of one factor. */
    public record Band(String factor, String band, int points, String code, String message) {

        boolean matches(BigDecimal value) {
            if (!(band.startsWith("[") || band.startsWith("("))) {
                return false;
            }
            String[] ends = band.substring(1, band.length() - 1).split(",", -1);
            boolean lowerOk = ends[0].isBlank() || (band.startsWith("[")
                    ? value.compareTo(new BigDecimal(ends[0].strip())) >= 0
                    : value.compareTo(new BigDecimal(ends[0].strip())) > 0);
            boolean upperOk = ends[1].isBlank() || (band.endsWith("]")
                    ? value.compareTo(new BigDecimal(ends[1].strip())) <= 0
                    : value.compareTo(new BigDecimal(ends[1].strip())) < 0);
            return lowerOk && upperOk;
        }
    }

    private final int base;
    private final List<Band> bands;

    private Scorecard(int base, List<Band> bands) {
        this.base = base;
        this.bands = bands;
    }

    public static Scorecard from(ReferenceTable table) {
        List<Band> bands = table.rows().stream().map(r -> new Band(r.text("factor"),
                r.optionalText("band").orElse(""), r.integer("points"), r.text("code"), r.text("message"))).toList();
        int base = bands.stream().filter(b -> b.factor().equals("BASE")).findFirst()
                .orElseThrow(() -> new IllegalStateException(table.name() + " has no BASE row")).points();
        return new Scorecard(base, bands.stream().filter(b -> !b.factor().equals("BASE")).toList());
    }

    public int base() {
        return base;
    }

    /** The band of {@code factor} that {@code value} falls in, if any. */
    public Optional<Band> band(String factor, BigDecimal value) {
        return bands.stream().filter(b -> b.factor().equals(factor) && b.matches(value)).findFirst();
    }

    /** The band of {@code factor} named {@code symbol} (e.g. the Altman zone {@code SAFE}). */
    public Optional<Band> band(String factor, String symbol) {
        return bands.stream().filter(b -> b.factor().equals(factor) && b.band().equals(symbol)).findFirst();
    }
}
