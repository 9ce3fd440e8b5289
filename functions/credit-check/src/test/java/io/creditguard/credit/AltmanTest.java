package io.creditguard.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.creditguard.credit.Altman.Model;
import io.creditguard.credit.Altman.Zone;
import io.creditguard.reference.ReferenceTable;

/** Altman (2000): Z'' = 6.56·X1 + 3.26·X2 + 6.72·X3 + 1.05·X4; Z' = 0.717·X1 + 0.847·X2 + 3.107·X3 + 0.420·X4 + 0.998·X5. */
class AltmanTest {

    private static final Altman ALTMAN = Altman.from(ReferenceTable.load("altman-models.txt"));

    private static Altman.Figures figures(int ca, int cl, int ta, int re, int ebit, int eq, int tl, int revenue) {
        return new Altman.Figures(BigDecimal.valueOf(ca), BigDecimal.valueOf(cl), BigDecimal.valueOf(ta),
                BigDecimal.valueOf(re), BigDecimal.valueOf(ebit), BigDecimal.valueOf(eq), BigDecimal.valueOf(tl),
                BigDecimal.valueOf(revenue));
    }

    @ParameterizedTest(name = "{0}: {9} ({10})")
    @CsvSource({
            // X1 .2, X2 .3, X3 .1, X4 1: 1.312 + 0.978 + 0.672 + 1.05
            "Z_DOUBLE_PRIME, 400, 200, 1000, 300, 100, 500, 500, 2000, 4.0120, SAFE",
            // X1 .05, X2 .1, X3 .04, X4 1/3: 0.328 + 0.326 + 0.2688 + 0.35
            "Z_DOUBLE_PRIME, 300, 250, 1000, 100, 40, 250, 750, 1500, 1.2728, GREY",
            // X1 -.2, X2 -.2, X3 -.05, X4 1/9: -1.312 - 0.652 - 0.336 + 0.11667
            "Z_DOUBLE_PRIME, 100, 300, 1000, -200, -50, 100, 900, 800, -2.1833, DISTRESS",
            // X5 = 2: 0.1434 + 0.2541 + 0.3107 + 0.42 + 1.996
            "Z_PRIME,        400, 200, 1000, 300, 100, 500, 500, 2000, 3.1242, SAFE",
            // 0.03585 + 0.0847 + 0.12428 + 0.14 + 1.497
            "Z_PRIME,        300, 250, 1000, 100, 40, 250, 750, 1500, 1.8818, GREY",
            // -0.1434 - 0.1694 - 0.15535 + 0.046667 + 0.7984 = 0.376917
            "Z_PRIME,        100, 300, 1000, -200, -50, 100, 900, 800, 0.3769, DISTRESS",
    })
    void scoresWorkedExamples(Model model, int ca, int cl, int ta, int re, int ebit, int eq, int tl, int revenue,
            BigDecimal z, Zone zone) {
        var result = ALTMAN.score(model, figures(ca, cl, ta, re, ebit, eq, tl, revenue));
        assertThat(result.zScore()).isEqualByComparingTo(z);
        assertThat(result.zone()).isEqualTo(zone);
        assertThat(result.x5() == null).isEqualTo(model == Model.Z_DOUBLE_PRIME);
    }

    @ParameterizedTest(name = "{0} z = {1} is {2}")
    @CsvSource({
            "Z_DOUBLE_PRIME, 2.6000001, SAFE", "Z_DOUBLE_PRIME, 2.60, GREY", "Z_DOUBLE_PRIME, 1.10, GREY",
            "Z_DOUBLE_PRIME, 1.0999999, DISTRESS",
            "Z_PRIME, 2.9000001, SAFE", "Z_PRIME, 2.90, GREY", "Z_PRIME, 1.23, GREY", "Z_PRIME, 1.2299999, DISTRESS",
    })
    void zoneEdgesAreGrey(Model model, BigDecimal z, Zone zone) {
        assertThat(ALTMAN.zoneOf(model, z)).isEqualTo(zone);
    }

    /**
     * Scores exactly on an edge, with X4 a third or two thirds, which no decimal writes out: on the edge is GREY,
     * as altman-models.txt says.
     */
    @ParameterizedTest(name = "{0} = {1} on the edge is GREY")
    @CsvSource({
            // X1 .004, X2 .02, X3 .098, X4 250/750: 0.02624 + 0.0652 + 0.65856 + 0.35 = 1.10
            "Z_DOUBLE_PRIME, 1.10, 204, 200, 1000, 20, 98, 250, 750, 0",
            // X1 0, X2 .152, X3 .209, X4 400/600: 0 + 0.49552 + 1.40448 + 0.70 = 2.60
            "Z_DOUBLE_PRIME, 2.60, 300, 300, 1000, 152, 209, 400, 600, 0",
            // X1 .341, X2 .189, X3 .06, X4 250/750, X5 .5: 0.244497 + 0.160083 + 0.18642 + 0.14 + 0.499 = 1.23
            "Z_PRIME,        1.23, 441, 100, 1000, 189, 60, 250, 750, 500",
            // X1 .346, X2 .352, X3 .282, X4 400/600, X5 1.2: 0.248082 + 0.298144 + 0.876174 + 0.28 + 1.1976 = 2.90
            "Z_PRIME,        2.90, 446, 100, 1000, 352, 282, 400, 600, 1200",
    })
    void aScoreOnAnEdgeIsGrey(Model model, BigDecimal edge, int ca, int cl, int ta, int re, int ebit, int eq, int tl,
            int revenue) {
        var result = ALTMAN.score(model, figures(ca, cl, ta, re, ebit, eq, tl, revenue));
        assertThat(result.zScore()).isEqualByComparingTo(edge);
        assertThat(result.zone()).isEqualTo(Zone.GREY);
    }

    @ParameterizedTest(name = "NACE section {0} uses {1}")
    @CsvSource({"C, Z_PRIME", "G, Z_DOUBLE_PRIME", "F, Z_DOUBLE_PRIME"})
    void manufacturersUseZPrime(char section, Model model) {
        assertThat(ALTMAN.modelFor(Optional.of(section))).isEqualTo(model);
    }

    @Test
    void withoutAnIndustryUsesZDoublePrime() {
        assertThat(ALTMAN.modelFor(Optional.empty())).isEqualTo(Model.Z_DOUBLE_PRIME);
    }

    @Test
    void refusesZeroTotals() {
        assertThatThrownBy(() -> ALTMAN.score(Model.Z_DOUBLE_PRIME, figures(1, 1, 0, 1, 1, 1, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
