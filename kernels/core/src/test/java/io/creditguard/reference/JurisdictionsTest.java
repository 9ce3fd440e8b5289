package io.creditguard.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JurisdictionsTest {

    private static Jurisdictions parse(String letterLanguages) throws IOException {
        String text = "law | currency | letterLanguages | allocation | allocationBasis | evidence | source\n"
                + "SE | SEK | " + letterLanguages + " | COSTS_INTEREST_PRINCIPAL | practice | SECONDARY | test\n";
        return Jurisdictions.from(ReferenceTable.parse("jurisdictions.txt", new BufferedReader(new StringReader(text))));
    }

    /** German letters go out under German law only: the legal bases are cited in German for it alone. */
    @ParameterizedTest(name = "letters under {0} law: {1}")
    @CsvSource({"SE, SV NL EN", "NL, SV NL EN", "DE, SV NL EN DE", "NO, SV NL EN", "FI, SV NL EN", "DK, SV NL EN"})
    void shippedLawsNameTheLanguagesTheirLettersMayBeWrittenIn(String law, String languages) {
        assertThat(Jurisdictions.standard().law(law)).get().extracting(Jurisdictions.Law::letterLanguages)
                .isEqualTo(Arrays.stream(languages.split(" ")).map(Language::valueOf)
                        .collect(Collectors.toSet()));
    }

    @Test
    void aLetterLanguageThatIsNoLanguageFailsTheLoadNamingFileAndLine() {
        assertThatThrownBy(() -> parse("sv nl en dk")).hasMessageStartingWith("jurisdictions.txt:2")
                .hasMessageContaining("'dk'");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"sv, SV", "nl, NL", "en, EN", "de, DE"})
    void aLanguageIsReadFromItsCode(String code, Language language) {
        assertThat(Language.parse(code)).contains(language);
        assertThat(language.code()).isEqualTo(code);
    }

    @Test
    void anyOtherCodeIsNoLanguageAndWrittenAsEnglish() {
        assertThat(Language.parse("DE")).isEmpty();
        assertThat(Language.parse(null)).isEmpty();
        assertThat(Language.orEnglish("fr")).isEqualTo(Language.EN);
    }
}
