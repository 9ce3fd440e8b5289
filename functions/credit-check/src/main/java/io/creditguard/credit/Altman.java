package io.creditguard.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

import io.creditguard.money.Rates;
import io.creditguard.reference.ReferenceTable;

/**
 * Altman Z-scores for private firms, with coefficients and zone cut-offs from
 * {@code reference/altman-models.txt}: Z' for manufacturers (NACE section C), Z'' for everyone else.
 * The zone is decided on the exact score; the reported score and X values round HALF_EVEN to 4 decimals.
 */
public final class Altman {

    public enum Model {
        Z_PRIME,
        Z_DOUBLE_PRIME
    }

    public enum Zone {
        SAFE,
        GREY,
        DISTRESS
    }

    /** Balance-sheet and income figures, in one currency; totals must be positive. */
    public record Figures(BigDecimal currentAssets, BigDecimal currentLiabilities, BigDecimal totalAssets,
            BigDecimal retainedEarnings, BigDecimal ebit, BigDecimal equity, BigDecimal totalLiabilities,
            BigDecimal revenue) {
    }

    public record Result(Model model, BigDecimal zScore, Zone zone, BigDecimal x1, BigDecimal x2, BigDecimal x3,
            BigDecimal x4, BigDecimal x5, BigDecimal safeAbove, BigDecimal distressBelow, String source) {
    }

    private record Coefficients(Model model, NaceScope appliesTo, BigDecimal c1, BigDecimal c2, BigDecimal c3,
            BigDecimal c4, BigDecimal c5, BigDecimal safeAbove, BigDecimal distressBelow, String source) {
    }

    static final int SCALE = 4;

    private final List<Coefficients> models;

    private Altman(List<Coefficients> models) {
        this.models = models;
    }

    /**
     * @throws ReferenceTable.Fault naming the file and line of a row with an unknown model or section
     */
    public static Altman from(ReferenceTable table) {
        return new Altman(table.rows().stream().map(r -> new Coefficients(r.enumValue("model", Model.class),
                NaceScope.of(r, "appliesTo"), r.decimal("c1"), r.decimal("c2"), r.decimal("c3"), r.decimal("c4"),
                r.optionalDecimal("c5").orElse(null), r.decimal("safeAbove"), r.decimal("distressBelow"),
                r.text("source") + " (" + r.location() + ")")).toList());
    }

    /** The model for a NACE section letter: the one listing it, else the '*' model. */
    public Model modelFor(Optional<Character> naceSection) {
        return naceSection.flatMap(s -> models.stream().filter(m -> m.appliesTo().names(s))
                .findFirst()).or(() -> models.stream().filter(m -> m.appliesTo().everyOther()).findFirst())
                .orElseThrow(() -> new IllegalStateException("altman-models.txt has no default ('*') model"))
                .model();
    }

    /**
     * @throws IllegalArgumentException when total assets or total liabilities are not positive:
     *     the ratios divide by them (the adapter answers such input with a 422 first)
     */
    public Result score(Model model, Figures f) {
        if (f.totalAssets().signum() <= 0 || f.totalLiabilities().signum() <= 0) {
            throw new IllegalArgumentException("total assets and total liabilities must be positive");
        }
        Coefficients c = coefficients(model);
        BigDecimal x1 = f.currentAssets().subtract(f.currentLiabilities()).divide(f.totalAssets(), Rates.RATIO);
        BigDecimal x2 = f.retainedEarnings().divide(f.totalAssets(), Rates.RATIO);
        BigDecimal x3 = f.ebit().divide(f.totalAssets(), Rates.RATIO);
        BigDecimal x4 = f.equity().divide(f.totalLiabilities(), Rates.RATIO);
        BigDecimal x5 = c.c5() == null ? null : f.revenue().divide(f.totalAssets(), Rates.RATIO);
        // Z as one fraction over total assets × total liabilities, so the zone is decided on the exact score: the
        // sum of the X values, each divided to 20 digits (a third is 0.333…3), falls beside an edge it lies on.
        BigDecimal overAssets = c.c1().multiply(f.currentAssets().subtract(f.currentLiabilities()))
                .add(c.c2().multiply(f.retainedEarnings())).add(c.c3().multiply(f.ebit()))
                .add(c.c5() == null ? BigDecimal.ZERO : c.c5().multiply(f.revenue()));
        BigDecimal numerator = overAssets.multiply(f.totalLiabilities()).add(c.c4().multiply(f.equity()).multiply(f.totalAssets()));
        BigDecimal denominator = f.totalAssets().multiply(f.totalLiabilities());
        return new Result(model, round(numerator.divide(denominator, Rates.RATIO)), zone(c, numerator, denominator),
                round(x1), round(x2), round(x3), round(x4), x5 == null ? null : round(x5), c.safeAbove(),
                c.distressBelow(), c.source());
    }

    /** The zone of an exact score: above safeAbove SAFE, below distressBelow DISTRESS, both edges GREY. */
    public Zone zoneOf(Model model, BigDecimal z) {
        return zone(coefficients(model), z, BigDecimal.ONE);
    }

    /** The zone of the score {@code numerator / denominator}, a positive denominator, compared without dividing. */
    private static Zone zone(Coefficients c, BigDecimal numerator, BigDecimal denominator) {
        return numerator.compareTo(c.safeAbove().multiply(denominator)) > 0 ? Zone.SAFE
                : numerator.compareTo(c.distressBelow().multiply(denominator)) < 0 ? Zone.DISTRESS : Zone.GREY;
    }

    private Coefficients coefficients(Model model) {
        return models.stream().filter(m -> m.model() == model).findFirst()
                .orElseThrow(() -> new IllegalStateException("altman-models.txt lacks " + model));
    }

    private static BigDecimal round(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}
