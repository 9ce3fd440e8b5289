package io.creditguard.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A letter whose lines or footer must be cut where a character outside the Basic Multilingual Plane stands, one
 * DejaVu Sans prints (😀, U+1F600: two chars in Java): the cut falls between characters, never between the
 * halves of one, which no font can print.
 */
class LetterPdfTest {

    private static final String SMILE = "\uD83D\uDE00";

    /** Shifting the text by one to seven letters moves the cut onto each half of an emoji in turn. */
    @ParameterizedTest(name = "shifted by {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void aLineOrAFooterIsCutBetweenCharacters(int shift) throws IOException {
        // One word of 150 "a😀" is wider than a line, so it is cut over several; the footer is cut with an ellipsis.
        String word = "x".repeat(shift) + ("a" + SMILE).repeat(150);
        String sender = "x".repeat(shift) + ("Glada Bageriet " + SMILE + SMILE + " ").repeat(15);
        byte[] pdf = LetterPdf.render("sv", "Betalningspåminnelse", word + "\n", new LetterPdf.Footer(sender, "Bankgiro 123-4567"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text.replaceAll("\\s", "")).contains(word);
            assertThat(text).contains("x".repeat(shift) + "Glada Bageriet " + SMILE + SMILE).contains("…");
        }
    }
}
