package io.creditguard.reference;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A language creditguard writes in: letters and their words in all four, the credit check's answers in
 * Swedish, Dutch and English. Its {@link #code()} is the ISO 639-1 code that names a reference table's
 * column, a customer's language in the book and a {@code Content-Language}; a code arriving as text is
 * read once, by {@link #parse}, and decided on as this type from then on.
 */
public enum Language {
    SV(Locale.forLanguageTag("sv-SE")),
    NL(Locale.forLanguageTag("nl-NL")),
    EN(Locale.UK),
    DE(Locale.GERMANY);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    /** The ISO 639-1 code: {@code sv}, {@code nl}, {@code en} or {@code de}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The locale that writes this language's numbers, dates and country names. */
    public Locale locale() {
        return locale;
    }

    /** The language of an ISO 639-1 code, exactly as {@link #code()} writes it; empty for any other text or null. */
    public static Optional<Language> parse(String code) {
        return Arrays.stream(values()).filter(l -> l.code().equals(code)).findFirst();
    }

    /** The language of {@code code}, English when it names none of them. */
    public static Language orEnglish(String code) {
        return parse(code).orElse(EN);
    }
}
