package io.creditguard.reference;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words a reader sees that no template holds (a warning, a column heading, how a payment was applied),
 * kept as a reference table with a column per language: {@code key | sv | nl | en | de | source}, one row
 * per constant of {@code K}. Checked when it loads: every constant has its row and every row names a
 * constant, in every language, so a text missing in one language fails the tests, not a letter.
 *
 * <p>A text may take arguments, {@code {0}}, {@code {1}}, … in the order the code passes them, already
 * formatted for the language (dates, amounts); nothing else in it is interpreted. Immutable.
 *
 * @param <K> the texts' names in the code
 */
public final class Texts<K extends Enum<K>> {

    /** The languages every text is written in. */
    public static final List<String> LANGUAGES = Arrays.stream(Language.values()).map(Language::code).toList();

    private final String file;
    private final Map<K, Map<String, String>> texts;

    private Texts(String file, Map<K, Map<String, String>> texts) {
        this.file = file;
        this.texts = texts;
    }

    /**
     * @throws ReferenceTable.Fault naming the row of a key that is no constant of {@code keys}, is there twice or
     *     lacks a language, or the file when a constant has no row
     */
    public static <K extends Enum<K>> Texts<K> load(String file, Class<K> keys) {
        ReferenceTable table = ReferenceTable.load(file);
        Map<K, Map<String, String>> texts = new EnumMap<>(keys);
        for (ReferenceTable.Row row : table.rows()) {
            K key = row.enumValue("key", keys);
            Map<String, String> byLanguage = new java.util.HashMap<>();
            for (String language : LANGUAGES) {
                byLanguage.put(language, row.text(language));
            }
            if (texts.put(key, Map.copyOf(byLanguage)) != null) {
                throw row.fault("key", key + " has a row already");
            }
        }
        Set<K> missing = java.util.EnumSet.allOf(keys);
        missing.removeAll(texts.keySet());
        if (!missing.isEmpty()) {
            throw new ReferenceTable.Fault(new FileProblem(table.name(), null, "key", "has no row for " + missing));
        }
        return new Texts<>(table.name(), texts);
    }

    /**
     * The text of {@code key} in {@code language}, {@code {i}} replaced by {@code args[i]}.
     *
     * @param language one of {@link #LANGUAGES}
     * @throws IllegalArgumentException for another language
     */
    public String get(K key, String language, Object... args) {
        String text = texts.get(key).get(language);
        if (text == null) {
            throw new IllegalArgumentException(file + " has no language " + language);
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }
}
