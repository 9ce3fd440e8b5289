package io.creditguard.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.creditguard.reference.ReferenceTable;

class ScorecardTest {

    private static Scorecard scorecard(String bandRow) throws IOException {
        return Scorecard.from(ReferenceTable.parse("card.txt", new BufferedReader(new StringReader("""
                factor | band | points | code | sv | nl | en
                BASE   | -    | 50     | BASE | start | start | start
                """ + bandRow + "\n"))));
    }

    @ParameterizedTest(name = "band {0} is refused when the table loads")
    @ValueSource(strings = {"[0.1,x)", "[0.1;0.2)", "[0.1,0.2", "(,)0"})
    void aMalformedBandFailsAtLoadNamingTheLine(String band) {
        assertThatThrownBy(() -> scorecard("EBIT_MARGIN | " + band + " | 1 | C | m | m | m")).hasMessageStartingWith("card.txt:3:");
    }

    @Test
    void openAndClosedEndsAreHonoured() throws IOException {
        Scorecard card = scorecard("EBIT_MARGIN | (0,1] | 7 | C | m | m | m");
        assertThat(card.band(Scorecard.Factor.EBIT_MARGIN, BigDecimal.ZERO)).isEmpty();
        assertThat(card.band(Scorecard.Factor.EBIT_MARGIN, BigDecimal.ONE)).hasValueSatisfying(b -> assertThat(b.points()).isEqualTo(7));
        assertThat(card.band(Scorecard.Factor.EBIT_MARGIN, new BigDecimal("1.0001"))).isEmpty();
        assertThat(card.base()).isEqualTo(50);
    }

    @Test
    void beyondEveryNumberIsTheBandOpenOnThatSide() throws IOException {
        Scorecard card = scorecard("CURRENT_RATIO | [2,) | 5 | C | m | m | m");
        assertThat(card.beyond(Scorecard.Factor.CURRENT_RATIO, 1)).hasValueSatisfying(b -> assertThat(b.points()).isEqualTo(5));
        assertThat(card.beyond(Scorecard.Factor.CURRENT_RATIO, -1)).isEmpty();
        assertThat(scorecard("CURRENT_RATIO | [0,1) | -8 | C | m | m | m").beyond(Scorecard.Factor.CURRENT_RATIO, -1)).isEmpty();
    }

    @Test
    void aSymbolicBandMatchesOnlyItsName() throws IOException {
        Scorecard card = scorecard("ALTMAN_ZONE | SAFE | 15 | C | m | m | m");
        assertThat(card.band(Scorecard.Factor.ALTMAN_ZONE, "SAFE")).isPresent();
        assertThat(card.band(Scorecard.Factor.ALTMAN_ZONE, BigDecimal.ONE)).isEmpty();
    }

    @Test
    void aFactorTheCodeDoesNotKnowFailsAtLoad() {
        assertThatThrownBy(() -> scorecard("EBIT_MARGINS | [0,1) | 1 | C | m | m | m")).hasMessageStartingWith("card.txt:3:")
                .hasMessageContaining("EBIT_MARGINS");
    }

    @Test
    void eachBandSpeaksEachLanguage() throws IOException {
        Scorecard card = scorecard("EBIT_MARGIN | (,0) | -8 | EARNINGS_LOSS | Rörelseförlust | Bedrijfsverlies | Operating loss");
        Scorecard.Band band = card.band(Scorecard.Factor.EBIT_MARGIN, BigDecimal.ONE.negate()).orElseThrow();
        assertThat(band.message(Language.SV)).isEqualTo("Rörelseförlust");
        assertThat(band.message(Language.NL)).isEqualTo("Bedrijfsverlies");
        assertThat(band.message(Language.EN)).isEqualTo("Operating loss");
    }
}
