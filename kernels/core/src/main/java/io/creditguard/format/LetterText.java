package io.creditguard.format;

import io.creditguard.reference.Texts;

/**
 * Words a letter's layout writes around its template's text, named; per language in
 * {@code reference/letter-texts.txt}.
 */
public enum LetterText {
    APPLIED_COSTS,
    APPLIED_INTEREST,
    APPLIED_PRINCIPAL,
    /** {0} the amount the law sets, {1} the rate, {2} its day. */
    CONVERTED,
    /** {0} the page, {1} of how many. */
    PAGE;

    private static final Texts<LetterText> TEXTS = Texts.load("letter-texts.txt", LetterText.class);

    /** The text in {@code language} with its arguments filled in. */
    public String in(String language, Object... args) {
        return TEXTS.get(this, language, args);
    }
}
