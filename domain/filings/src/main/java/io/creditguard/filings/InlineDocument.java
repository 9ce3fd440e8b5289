package io.creditguard.filings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one Inline XBRL document says, as {@link InlineXbrlReader} read it: its schema references,
 * contexts, units and facts. Immutable; the values are the facts' XBRL values (format, scale and sign
 * applied), not their displayed text.
 *
 * @param name where the document was found, such as {@code report.zip!/reports/annual.xhtml}
 * @param schemaRefs the {@code link:schemaRef} targets, in document order: they name the taxonomy entry
 *     point, which says what kind of document it is
 */
public record InlineDocument(String name, List<String> schemaRefs, Map<String, Context> contexts,
        Map<String, Unit> units, List<NumericFact> numbers, List<TextFact> texts) {

    public InlineDocument {
        schemaRefs = List.copyOf(schemaRefs);
        contexts = Map.copyOf(contexts);
        units = Map.copyOf(units);
        numbers = List.copyOf(numbers);
        texts = List.copyOf(texts);
    }

    /** An element of a taxonomy: its namespace and local name, and the prefixed name the document wrote. */
    public record Concept(String namespace, String localName, String written) {
    }

    /** When a context's facts hold: on a day (a balance), over a period (a year's result), or always. */
    public sealed interface Period {
    }

    /** A balance on the evening of {@code date}. */
    public record Instant(LocalDate date) implements Period {
    }

    /** A flow from the first moment of {@code start} to the end of {@code end}. */
    public record Duration(LocalDate start, LocalDate end) implements Period {
    }

    public record Forever() implements Period {
    }

    /**
     * @param entity the identifier the context names, as written ({@code 556920-1998} under scheme
     *     {@code http://www.bolagsverket.se}; an LEI in an ESEF report)
     * @param dimensional whether a segment or scenario qualifies it (a component of equity, a segment of the
     *     business): such facts are not the company's totals
     */
    public record Context(String id, String entityScheme, String entity, Period period, boolean dimensional) {
    }

    /**
     * @param measure the unit's measure as {@code iso4217:SEK}, {@code xbrli:pure} or, for any other
     *     namespace, {@code {namespace}local}; several measures, multiplied, joined by {@code *} in document
     *     order ({@code xbrli:shares*iso4217:SEK}); {@code divide} for a ratio unit
     */
    public record Unit(String id, String measure) {

        static final String ISO4217 = "http://www.xbrl.org/2003/iso4217";

        /**
         * The currency when the unit is one: a single {@code iso4217:XXX} measure with a currency the JDK knows, as
         * XBRL 2.1 4.8.2 requires of a monetary fact's unit.
         */
        public Optional<Currency> currency() {
            if (!measure.startsWith("iso4217:") || measure.contains("*")) {
                return Optional.empty();
            }
            try {
                return Optional.of(Currency.getInstance(measure.substring("iso4217:".length())));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * An {@code ix:nonFraction} with a value.
     *
     * @param decimals how many decimals the value is accurate to; {@link #INFINITE} for exact
     */
    public record NumericFact(Concept concept, String contextRef, String unitRef, BigDecimal value, int decimals) {

        public static final int INFINITE = Integer.MAX_VALUE;
    }

    /** An {@code ix:nonNumeric}, its text with its continuations and without its exclusions, whitespace collapsed. */
    public record TextFact(Concept concept, String contextRef, String text) {
    }
}
