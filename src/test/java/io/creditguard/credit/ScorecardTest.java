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
                factor | band | points | code | message
                BASE   | -    | 50     | BASE | start
                """ + bandRow + "\n"))));
    }

    @ParameterizedTest(name = "band {0} is refused when the table loads")
    @ValueSource(strings = {"[0.1,x)", "[0.1;0.2)", "[0.1,0.2", "(,)0"})
    void aMalformedBandFailsAtLoadNamingTheLine(String band) {
        assertThatThrownBy(() -> scorecard("X | " + band + " | 1 | C | m")).hasMessageStartingWith("card.txt:3:");
    }

    @Test
    void openAndClosedEndsAreHonoured() throws IOException {
        Scorecard card = scorecard("X | (0,1] | 7 | C | m");
        assertThat(card.band("X", BigDecimal.ZERO)).isEmpty();
        assertThat(card.band("X", BigDecimal.ONE)).hasValueSatisfying(b -> assertThat(b.points()).isEqualTo(7));
        assertThat(card.band("X", new BigDecimal("1.0001"))).isEmpty();
        assertThat(card.base()).isEqualTo(50);
    }

    @Test
    void aSymbolicBandMatchesOnlyItsName() throws IOException {
        Scorecard card = scorecard("Z | SAFE | 15 | C | m");
        assertThat(card.band("Z", "SAFE")).isPresent();
        assertThat(card.band("Z", BigDecimal.ONE)).isEmpty();
    }
}
