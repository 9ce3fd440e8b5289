package io.creditguard.filings;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The number formats of the Inline XBRL transformation registries that Swedish and ESEF reports use
 * (registries 2010-04-20, 2011-07-31, 2015-02-26 and 2020-02-12, namespace
 * {@code http://www.xbrl.org/inlineXBRL/transformation/<date>}): what a fact's displayed text may look
 * like under each, and the number it stands for. The text carries no sign and no scale (the fact's
 * {@code sign} and {@code scale} attributes do), so {@code -5}, {@code 1e3} or a stray letter does not
 * parse. Pure.
 */
final class NumberFormats {

    private static final Set<String> REGISTRIES = Set.of(
            "http://www.xbrl.org/inlineXBRL/transformation/2010-04-20",
            "http://www.xbrl.org/inlineXBRL/transformation/2011-07-31",
            "http://www.xbrl.org/inlineXBRL/transformation/2015-02-26",
            "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12");

    /** Spaces a report may group digits with: space, no-break space, narrow no-break space, thin space. */
    private static final String SPACES = " \u00A0\u202F\u2009";

    /** A grouped number: digits in threes after the first one to three, then an optional fraction. */
    private record Grouped(Pattern pattern, String groupSeparators, char decimalSeparator) {

        static Grouped of(String groupSeparators, char decimalSeparator) {
            // A backslash before a character that is not a letter or digit always means the character itself.
            StringBuilder group = new StringBuilder("[");
            groupSeparators.chars().forEach(c -> group.append('\\').append((char) c));
            group.append(']');
            String decimal = "\\" + decimalSeparator;
            return new Grouped(Pattern.compile("\\d{1,3}(?:" + group + "?\\d{3})*(?:" + decimal + "\\d+)?"),
                    groupSeparators, decimalSeparator);
        }

        Optional<BigDecimal> parse(String text) {
            if (!pattern.matcher(text).matches()) {
                return Optional.empty();
            }
            StringBuilder plain = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == decimalSeparator) {
                    plain.append('.');
                } else if (groupSeparators.indexOf(c) < 0) {
                    plain.append(c);
                }
            }
            return Optional.of(new BigDecimal(plain.toString()));
        }
    }

    private static final Grouped SPACE_COMMA = Grouped.of(SPACES, ',');
    private static final Grouped COMMA_DECIMAL = Grouped.of(SPACES + ".'", ',');
    private static final Grouped DOT_DECIMAL = Grouped.of(SPACES + ",'", '.');
    /** xs:decimal as an untransformed fact writes it, less the sign (the {@code sign} attribute carries it). */
    private static final Pattern PLAIN = Pattern.compile("\\d+(?:\\.\\d+)?|\\.\\d+");

    /**
     * The longest text a number is parsed from: a 30-digit amount grouped in threes with six decimals is 46.
     * Longer text is refused before it is matched: java.util.regex recurses once per digit group (20 000
     * digits overflow the stack), and BigDecimal's parse grows with the square of the digits.
     */
    private static final int MOST_CHARACTERS = 64;

    /**
     * What zerodash reads as zero: one dash, as the registries list them (hyphen-minus, Armenian hyphen, Hebrew
     * maqaf, the dashes U+2010 to U+2015, small and full-width hyphen-minus). fixed-zero (2020-02-12) takes any text.
     */
    private static final Pattern ZERO_DASH = Pattern.compile("[-\u058A\u05BE\u2010-\u2015\uFE58\uFE63\uFF0D]");

    /** Formats by local name; empty for the zero formats, whose text is not a number. */
    private static final Map<String, Optional<Grouped>> FORMATS = Map.of(
            "numspacecomma", Optional.of(SPACE_COMMA),
            "numcommadecimal", Optional.of(COMMA_DECIMAL),
            "num-comma-decimal", Optional.of(COMMA_DECIMAL),
            "numdotdecimal", Optional.of(DOT_DECIMAL),
            "num-dot-decimal", Optional.of(DOT_DECIMAL),
            "zerodash", Optional.empty(),
            "fixed-zero", Optional.empty());

    private NumberFormats() {
    }

    /**
     * The number {@code text} stands for under the format {@code namespace}/{@code localName}, or
     * without a format ({@code namespace} null) as xs:decimal.
     *
     * @throws ReportException NUMBER_FORMAT when the format is not one of the registries' above, or the
     *     text does not match it
     */
    static BigDecimal parse(String namespace, String localName, String text) throws ReportException {
        String trimmed = strip(text);
        if (namespace == null) {
            requireFigureLength(trimmed);
            if (PLAIN.matcher(trimmed).matches()) {
                return new BigDecimal(trimmed);
            }
            throw new ReportException(ReportException.Fault.NUMBER_FORMAT,
                    "'" + shorten(trimmed) + "' is not a number (the fact names no format)");
        }
        Optional<Grouped> format = REGISTRIES.contains(namespace) ? FORMATS.get(localName) : null;
        if (format == null) {
            throw new ReportException(ReportException.Fault.NUMBER_FORMAT, "the format " + localName + " ("
                    + namespace + ") is not one of the transformation registries' number formats this reader knows");
        }
        if (format.isEmpty()) {
            if (localName.equals("zerodash") && !ZERO_DASH.matcher(trimmed).matches()) {
                throw new ReportException(ReportException.Fault.NUMBER_FORMAT, "'" + shorten(trimmed)
                        + "' is not the one dash the format zerodash reads as zero");
            }
            return BigDecimal.ZERO;
        }
        requireFigureLength(trimmed);
        return format.get().parse(trimmed).orElseThrow(() -> new ReportException(ReportException.Fault.NUMBER_FORMAT,
                "'" + shorten(trimmed) + "' does not parse under the format " + localName));
    }

    private static void requireFigureLength(String trimmed) throws ReportException {
        if (trimmed.length() > MOST_CHARACTERS) {
            throw new ReportException(ReportException.Fault.NUMBER_FORMAT, "'" + shorten(trimmed) + "' is "
                    + trimmed.length() + " characters, longer than any figure (" + MOST_CHARACTERS + ")");
        }
    }

    /** The text without the whitespace around it (any Unicode space, as reports pad cells with no-break spaces). */
    private static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || SPACES.indexOf(c) >= 0;
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
