package io.creditguard.filings;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.creditguard.filings.InlineDocument.Concept;
import io.creditguard.filings.InlineDocument.Context;
import io.creditguard.filings.InlineDocument.NumericFact;
import io.creditguard.filings.InlineDocument.Period;
import io.creditguard.filings.InlineDocument.TextFact;
import io.creditguard.filings.InlineDocument.Unit;
import io.creditguard.filings.ReportException.Fault;

/**
 * Reads one Inline XBRL document (iXBRL 1.0 and 1.1) in a single pass over the JDK's StAX parser, with
 * document type declarations and external entities off: a DOCTYPE is refused outright, so nothing is
 * ever fetched or expanded. Pure: bytes in, an {@link InlineDocument} out.
 *
 * <p>What it reads: {@code link:schemaRef}; every {@code xbrli:context} (entity, period, and whether a
 * segment or scenario makes it dimensional); every {@code xbrli:unit} by its measure; every
 * {@code ix:nonFraction} with a value, its number parsed under its {@code format}
 * ({@link NumberFormats}), multiplied by ten to its {@code scale} and negated for {@code sign="-"}, the
 * text taken from all its descendants (markup inside a fact, or a nested {@code ix:nonFraction}, is
 * read through); and the {@code ix:nonNumeric} facts {@code keepText} asks for, with their
 * {@code ix:continuation} chain and without their {@code ix:exclude} parts. A nil fact has no value and
 * is left out.
 */
public final class InlineXbrlReader {

    private static final Set<String> IX = Set.of("http://www.xbrl.org/2013/inlineXBRL", "http://www.xbrl.org/2008/inlineXBRL");
    private static final String XBRLI = "http://www.xbrl.org/2003/instance";
    private static final String LINK = "http://www.xbrl.org/2003/linkbase";
    private static final String XLINK = "http://www.w3.org/1999/xlink";

    private static final XMLInputFactory FACTORY = factory();

    private InlineXbrlReader() {
    }

    private static XMLInputFactory factory() {
        // The JDK's own implementation, whatever else is on the class path.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }

    /**
     * @param name where the document was found, for the facts' provenance and for messages
     * @param keepText which {@code ix:nonNumeric} facts to keep the text of (a report's text blocks run to
     *     megabytes; most callers want a handful of them)
     * @throws ReportException DOCTYPE, MALFORMED, NUMBER_FORMAT or INCONSISTENT_REPORT, naming the document
     */
    public static InlineDocument read(String name, byte[] bytes, Predicate<Concept> keepText) throws ReportException {
        Pass pass = pass(name, bytes, keepText, Set.of());
        Set<String> missed = pass.continuationsMissed();
        if (!missed.isEmpty()) {
            // A continuation came before the fact it continues: read again, keeping those from the start.
            pass = pass(name, bytes, keepText, missed);
        }
        return pass.document();
    }

    private static Pass pass(String name, byte[] bytes, Predicate<Concept> keepText, Set<String> wanted)
            throws ReportException {
        Pass pass = new Pass(name, keepText, wanted, bytes.length);
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(bytes));
            pass.run(reader);
        } catch (XMLStreamException e) {
            throw new ReportException(Fault.MALFORMED, name + " is not well-formed XML: " + firstLine(e.getMessage()));
        } catch (IllegalStateException | IllegalArgumentException e) {
            // The JDK's parser reports some malformations (an undeclared entity, a bad character) this way.
            throw new ReportException(Fault.MALFORMED, name + " is not well-formed XML: " + firstLine(e.getMessage()));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // nothing was held open beyond the byte array
                }
            }
        }
        return pass;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> a + " " + b).orElse("");
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }

    /** A fact or continuation being read: its text so far, and how to finish it. */
    private static final class Capture {
        final StringBuilder text = new StringBuilder();
        final boolean number;
        final boolean keep;
        final Map<String, String> attributes;
        final Concept concept;

        Capture(boolean number, boolean keep, Map<String, String> attributes, Concept concept) {
            this.number = number;
            this.keep = keep;
            this.attributes = attributes;
            this.concept = concept;
        }
    }

    private record PendingText(Concept concept, String contextRef, String text, String continuedAt) {
    }

    private static final class Pass {
        private final String name;
        private final Predicate<Concept> keepText;
        private final List<String> schemaRefs = new ArrayList<>();
        private final Map<String, Context> contexts = new HashMap<>();
        private final Map<String, Unit> units = new HashMap<>();
        private final List<NumericFact> numbers = new ArrayList<>();
        private final List<PendingText> texts = new ArrayList<>();
        /** The text of the continuations a kept fact's chain reaches; the others' text is not held. */
        private final Map<String, PendingText> continuations = new HashMap<>();
        /** Every continuation's successor, text kept or not, to follow a chain that began before its fact. */
        private final Map<String, String> successors = new HashMap<>();
        /** Who continues at each continuation, kept or not: one element each, so no chain is walked twice. */
        private final Map<String, String> predecessors = new HashMap<>();
        private final Set<String> wanted;
        private final Deque<Capture> open = new ArrayDeque<>();
        private int excluded;
        /** The document's size: no more text than that is kept, summed over every fact and continuation. */
        private final long mostKept;
        private long kept;

        // The context or unit being read.
        private String contextId;
        private String scheme;
        private String entity;
        private LocalDate instant;
        private LocalDate start;
        private LocalDate end;
        private boolean forever;
        private boolean dimensional;
        private String unitId;
        private final List<String> measures = new ArrayList<>();
        private boolean divide;

        Pass(String name, Predicate<Concept> keepText, Set<String> wanted, long mostKept) {
            this.name = name;
            this.keepText = keepText;
            this.wanted = new HashSet<>(wanted);
            this.mostKept = mostKept;
        }

        /** Continuations a kept fact's chain reaches whose text went by before the chain was known. */
        Set<String> continuationsMissed() {
            Set<String> missed = new HashSet<>();
            for (PendingText t : texts) {
                Set<String> seen = new HashSet<>();
                for (String next = t.continuedAt(); next != null && seen.add(next); next = successors.get(next)) {
                    if (!continuations.containsKey(next) && successors.containsKey(next)) {
                        missed.addAll(seen);
                    }
                }
            }
            return missed;
        }

        void run(XMLStreamReader r) throws XMLStreamException, ReportException {
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.DTD -> throw new ReportException(Fault.DOCTYPE, name
                            + " declares a document type; a report must not (no DTD or entity is ever read)");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new ReportException(Fault.DOCTYPE, name
                            + " refers to the entity &" + r.getLocalName() + "; which is never resolved");
                    case XMLStreamConstants.START_ELEMENT -> start(r);
                    case XMLStreamConstants.END_ELEMENT -> end(r);
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> characters(r);
                    default -> {
                        // comments, processing instructions and the document's start and end say nothing
                    }
                }
            }
        }

        /**
         * Each open fact keeps its own copy of the text, so facts nested around one text keep it once each: the
         * sum is held to the document's size, which text read once never exceeds (the real reports keep under 5 %
         * of theirs, keeping every fact), so memory stays linear in the document.
         */
        private void characters(XMLStreamReader r) throws ReportException {
            if (open.isEmpty()) {
                return;
            }
            char[] chars = r.getTextCharacters();
            int from = r.getTextStart();
            int length = r.getTextLength();
            for (Capture c : open) {
                if (c.keep && (c.number || excluded == 0)) {
                    kept += length;
                    if (kept > mostKept) {
                        throw new ReportException(Fault.MALFORMED, name + ": with " + element(c) + " the facts keep more text"
                                + " than the document's " + mostKept + " bytes hold: facts are nested around the same text");
                    }
                    c.text.append(chars, from, length);
                }
            }
        }

        /**
         * Inline XBRL 1.1 lets a fact or continuation hold other facts and sets no depth; real reports nest up to
         * 8 (BONESUPPORT's ESEF report). Every piece of text goes to each open one, so the depth bounds the time.
         */
        private void push(Capture c) throws ReportException {
            if (open.size() >= MOST_DEPTH) {
                throw new ReportException(Fault.MALFORMED, name + ": " + element(c) + " is nested " + (open.size() + 1)
                        + " facts deep, deeper than the " + MOST_DEPTH + " this reader reads");
            }
            open.push(c);
        }

        private static String element(Capture c) {
            return c.concept != null ? c.concept.written() : "the continuation " + c.attributes.get("id");
        }

        private void start(XMLStreamReader r) throws XMLStreamException, ReportException {
            String ns = r.getNamespaceURI();
            String local = r.getLocalName();
            if (ns == null) {
                return;
            }
            if (IX.contains(ns)) {
                switch (local) {
                    case "nonFraction" -> push(new Capture(true, true, attributes(r), concept(r, "name")));
                    case "nonNumeric" -> {
                        Concept concept = concept(r, "name");
                        push(new Capture(false, keepText.test(concept), attributes(r), concept));
                    }
                    case "continuation" -> {
                        Map<String, String> attributes = attributes(r);
                        push(new Capture(false, wanted.contains(attributes.get("id")), attributes, null));
                    }
                    case "exclude" -> excluded++;
                    default -> {
                        // header, hidden, references, resources, footnote, relationship, fraction: nothing we read
                    }
                }
            } else if (XBRLI.equals(ns)) {
                switch (local) {
                    case "context" -> {
                        contextId = r.getAttributeValue(null, "id");
                        scheme = null;
                        entity = null;
                        instant = null;
                        start = null;
                        end = null;
                        forever = false;
                        dimensional = false;
                    }
                    case "identifier" -> {
                        scheme = r.getAttributeValue(null, "scheme");
                        entity = r.getElementText().strip();
                    }
                    case "segment", "scenario" -> dimensional = true;
                    case "instant" -> instant = date(r.getElementText(), "instant");
                    case "startDate" -> start = date(r.getElementText(), "startDate");
                    case "endDate" -> end = date(r.getElementText(), "endDate");
                    case "forever" -> forever = true;
                    case "unit" -> {
                        unitId = r.getAttributeValue(null, "id");
                        measures.clear();
                        divide = false;
                    }
                    case "divide" -> divide = true;
                    case "measure" -> {
                        if (!divide) {
                            measures.add(measure(r, r.getElementText().strip()));
                        }
                    }
                    default -> {
                        // entity, period: read through their children
                    }
                }
            } else if (LINK.equals(ns) && local.equals("schemaRef")) {
                String href = r.getAttributeValue(XLINK, "href");
                if (href != null) {
                    schemaRefs.add(href.strip());
                }
            }
        }

        private void end(XMLStreamReader r) throws ReportException {
            String ns = r.getNamespaceURI();
            if (ns == null) {
                return;
            }
            String local = r.getLocalName();
            if (IX.contains(ns)) {
                switch (local) {
                    case "nonFraction" -> number(open.pop());
                    case "nonNumeric" -> {
                        Capture c = open.pop();
                        String continuedAt = c.attributes.get("continuedAt");
                        continues(c.concept.written(), continuedAt);
                        if (c.keep) {
                            texts.add(new PendingText(c.concept, c.attributes.get("contextRef"), c.text.toString(), continuedAt));
                            if (continuedAt != null) {
                                wanted.add(continuedAt);
                            }
                        }
                    }
                    case "continuation" -> {
                        Capture c = open.pop();
                        String id = c.attributes.get("id");
                        String continuedAt = c.attributes.get("continuedAt");
                        continues("the continuation " + id, continuedAt);
                        if (id != null) {
                            successors.put(id, continuedAt);
                            if (c.keep) {
                                continuations.put(id, new PendingText(null, null, c.text.toString(), continuedAt));
                                if (continuedAt != null) {
                                    wanted.add(continuedAt);
                                }
                            }
                        }
                    }
                    case "exclude" -> excluded--;
                    default -> {
                    }
                }
            } else if (XBRLI.equals(ns) && local.equals("context") && contextId != null) {
                Period period = instant != null ? new InlineDocument.Instant(instant)
                        : start != null && end != null ? new InlineDocument.Duration(start, end)
                        : forever ? new InlineDocument.Forever() : null;
                if (period == null) {
                    throw new ReportException(Fault.MALFORMED, name + ": context " + contextId + " has no period");
                }
                // An id names one element (XBRL 2.1's id is an xs:ID): facts must not be read against whichever came last.
                if (contexts.putIfAbsent(contextId, new Context(contextId, scheme, entity, period, dimensional)) != null) {
                    throw new ReportException(Fault.MALFORMED, name + ": context " + contextId + " is declared twice");
                }
                contextId = null;
            } else if (XBRLI.equals(ns) && local.equals("unit") && unitId != null) {
                // XBRL 2.1 4.8: a unit's measures multiply, so shares then SEK is SEK × shares, no currency
                String measure = divide ? "divide" : String.join("*", measures);
                if (units.putIfAbsent(unitId, new Unit(unitId, measure)) != null) {
                    throw new ReportException(Fault.MALFORMED, name + ": unit " + unitId + " is declared twice");
                }
                unitId = null;
            }
        }

        /**
         * Inline XBRL 1.1 makes each continuation part of one fact's chain; two elements continuing at one would
         * have every fact walk and copy the chains of all the others (20 000 facts at one chain held the reader
         * for minutes).
         */
        private void continues(String element, String continuedAt) throws ReportException {
            if (continuedAt == null) {
                return;
            }
            String earlier = predecessors.putIfAbsent(continuedAt, element);
            if (earlier != null) {
                throw new ReportException(Fault.MALFORMED, name + ": " + element + " continues at " + continuedAt
                        + ", where " + earlier + " already continues");
            }
        }

        private void number(Capture c) throws ReportException {
            Map<String, String> a = c.attributes;
            String where = name + ": " + c.concept.written() + " in " + a.get("contextRef");
            String nil = a.get("{http://www.w3.org/2001/XMLSchema-instance}nil");
            if (nil != null) {
                // xs:boolean (XML Schema Part 2, 3.2.2) is true, false, 1 or 0, whitespace collapsed: trim() takes off
                // XML's whitespace, as in an XML 1.0 attribute no other character below U+0021 can stand
                switch (nil.trim()) {
                    case "true", "1" -> {
                        return;
                    }
                    case "false", "0" -> {
                        // a value, read below
                    }
                    default -> throw new ReportException(Fault.MALFORMED, where + ": xsi:nil '" + nil
                            + "' is not an xs:boolean (true, false, 1 or 0)");
                }
            }
            String format = a.get("format");
            BigDecimal value;
            try {
                if (format == null || format.isBlank()) {
                    value = NumberFormats.parse(null, null, c.text.toString());
                } else {
                    String local = format.strip().substring(format.strip().indexOf(':') + 1);
                    value = NumberFormats.parse(a.getOrDefault(FORMAT_NAMESPACE, ""), local, c.text.toString());
                }
            } catch (ReportException e) {
                throw new ReportException(e.fault(), where + ": " + e.getMessage());
            }
            String scale = a.get("scale");
            if (scale != null && !scale.isBlank()) {
                int power;
                try {
                    power = Integer.parseInt(scale.strip());
                } catch (NumberFormatException e) {
                    throw new ReportException(Fault.NUMBER_FORMAT, where + ": scale '" + scale + "' is not a whole number");
                }
                // not Math.abs: the absolute value of Integer.MIN_VALUE is itself, and negative
                if (power > MOST_SCALE || power < -MOST_SCALE) {
                    // the figures' arithmetic would write out every digit of 4 775 453 × 10^400000000 (minutes)
                    throw new ReportException(Fault.NUMBER_FORMAT, where + ": scale " + power + " is beyond ±" + MOST_SCALE
                            + ", no unit a report writes its figures in");
                }
                value = value.scaleByPowerOfTen(power);
            }
            String sign = a.get("sign");
            if (sign != null && !sign.equals("-")) {
                // taken as no sign, a loss tagged with a Unicode minus (U+2212) would read as a profit
                throw new ReportException(Fault.NUMBER_FORMAT, where + ": sign '" + sign
                        + "' is not '-', the only sign Inline XBRL has");
            }
            if (sign != null) {
                value = value.negate();
            }
            numbers.add(new NumericFact(c.concept, a.get("contextRef"), a.get("unitRef"), value, decimals(a.get("decimals"), where)));
        }

        private static int decimals(String text, String where) throws ReportException {
            if (text == null || text.isBlank() || text.strip().equals("INF")) {
                return NumericFact.INFINITE;
            }
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new ReportException(Fault.NUMBER_FORMAT, where + ": decimals '" + text + "' is neither INF nor a whole number");
            }
        }

        /**
         * The largest power of ten a fact's {@code scale} may name: reports use 3, 6 and 9 (thousands, millions,
         * billions) and −2 (percent); 30 leaves room for any unit and none for a value no arithmetic can hold.
         */
        private static final int MOST_SCALE = 30;

        /** How deeply facts and continuations may nest in one another: eight times what real reports do. */
        private static final int MOST_DEPTH = 64;

        /** Where {@link #attributes} puts the namespace of a fact's {@code format}; no attribute is named so. */
        private static final String FORMAT_NAMESPACE = " format namespace";

        /**
         * The element's attributes by local name ({@code xsi:nil} by its expanded name), and the namespace of
         * its {@code format}'s prefix, resolved here where the element's namespace declarations are in scope.
         */
        private static Map<String, String> attributes(XMLStreamReader r) {
            Map<String, String> attributes = new HashMap<>();
            for (int i = 0; i < r.getAttributeCount(); i++) {
                String ns = r.getAttributeNamespace(i);
                String key = ns == null || ns.isEmpty() ? r.getAttributeLocalName(i) : "{" + ns + "}" + r.getAttributeLocalName(i);
                attributes.put(key, r.getAttributeValue(i));
            }
            String format = attributes.get("format");
            if (format != null) {
                int colon = format.strip().indexOf(':');
                String namespace = r.getNamespaceURI(colon < 0 ? "" : format.strip().substring(0, colon));
                if (namespace != null) {
                    attributes.put(FORMAT_NAMESPACE, namespace);
                }
            }
            return attributes;
        }

        private Concept concept(XMLStreamReader r, String attribute) throws ReportException {
            String written = r.getAttributeValue(null, attribute);
            if (written == null || written.isBlank()) {
                throw new ReportException(Fault.MALFORMED, name + ": an ix:" + r.getLocalName() + " has no " + attribute);
            }
            written = written.strip();
            int colon = written.indexOf(':');
            String prefix = colon < 0 ? "" : written.substring(0, colon);
            String namespace = r.getNamespaceURI(prefix);
            if (namespace == null) {
                throw new ReportException(Fault.MALFORMED, name + ": the prefix of " + written + " is not declared");
            }
            return new Concept(namespace, written.substring(colon + 1), written);
        }

        private static String measure(XMLStreamReader r, String qname) {
            int colon = qname.indexOf(':');
            String prefix = colon < 0 ? "" : qname.substring(0, colon);
            String local = qname.substring(colon + 1);
            String namespace = r.getNamespaceURI(prefix);
            if (Unit.ISO4217.equals(namespace)) {
                return "iso4217:" + local;
            }
            if (XBRLI.equals(namespace)) {
                return "xbrli:" + local;
            }
            return "{" + namespace + "}" + local;
        }

        private LocalDate date(String text, String element) throws ReportException {
            String value = text.strip();
            try {
                return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
            } catch (DateTimeParseException e) {
                throw new ReportException(Fault.MALFORMED, name + ": context " + contextId + " has " + element + " '"
                        + value + "', not a date");
            }
        }

        InlineDocument document() throws ReportException {
            List<TextFact> resolved = new ArrayList<>(texts.size());
            for (PendingText t : texts) {
                StringBuilder text = new StringBuilder(t.text());
                Set<String> seen = new HashSet<>();
                String next = t.continuedAt();
                while (next != null) {
                    if (!seen.add(next)) {
                        throw new ReportException(Fault.MALFORMED, name + ": the continuations of " + t.concept().written()
                                + " run in a circle at " + next);
                    }
                    PendingText part = continuations.get(next);
                    if (part == null) {
                        throw new ReportException(Fault.MALFORMED, name + ": " + t.concept().written()
                                + " continues at " + next + ", which the document does not hold");
                    }
                    text.append(part.text());
                    next = part.continuedAt();
                }
                resolved.add(new TextFact(t.concept(), t.contextRef(), text.toString().strip().replaceAll("\\s+", " ")));
            }
            return new InlineDocument(name, schemaRefs, contexts, units, numbers, resolved);
        }
    }
}
