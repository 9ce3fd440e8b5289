package io.creditguard.filings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.creditguard.filings.InlineDocument.NumericFact;
import io.creditguard.filings.ReportException.Fault;

/**
 * The reader on small documents written for one rule each, with the transformation registries' own
 * examples; the real reports are read in {@link AccountsReaderTest}.
 */
class InlineXbrlReaderTest {

    private static final String TR1 = "http://www.xbrl.org/inlineXBRL/transformation/2010-04-20";
    private static final String TR3 = "http://www.xbrl.org/inlineXBRL/transformation/2015-02-26";
    private static final String TR4 = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12";

    /** A document with one context, one unit, and {@code body} in its body. */
    private static String document(String registry, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
                      xmlns:ixt="%s" xmlns:xbrli="http://www.xbrl.org/2003/instance"
                      xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"
                      xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:xbrldi="http://xbrl.org/2006/xbrldi"
                      xmlns:se-gen-base="http://www.taxonomier.se/se/fr/gen-base/2021-10-31"
                      xmlns:se-cd-base="http://www.taxonomier.se/se/fr/cd-base/2021-10-31">
                <head><title>t</title></head><body>
                <div style="display:none"><ix:header><ix:references>
                  <link:schemaRef xlink:type="simple" xlink:href="http://xbrl.taxonomier.se/se/fr/gaap/k2/risbs/2021-10-31/se-k2-risbs-2021-10-31.xsd"/>
                </ix:references><ix:resources>
                  <xbrli:context id="y"><xbrli:entity><xbrli:identifier scheme="http://www.bolagsverket.se">556036-0793</xbrli:identifier></xbrli:entity>
                    <xbrli:period><xbrli:startDate>2025-01-01</xbrli:startDate><xbrli:endDate>2025-12-31</xbrli:endDate></xbrli:period></xbrli:context>
                  <xbrli:context id="b"><xbrli:entity><xbrli:identifier scheme="http://www.bolagsverket.se">556036-0793</xbrli:identifier></xbrli:entity>
                    <xbrli:period><xbrli:instant>2025-12-31</xbrli:instant></xbrli:period></xbrli:context>
                  <xbrli:context id="d"><xbrli:entity><xbrli:identifier scheme="http://www.bolagsverket.se">556036-0793</xbrli:identifier>
                    <xbrli:segment><xbrldi:explicitMember dimension="se-gen-base:X">se-gen-base:Y</xbrldi:explicitMember></xbrli:segment></xbrli:entity>
                    <xbrli:period><xbrli:instant>2025-12-31</xbrli:instant></xbrli:period></xbrli:context>
                  <xbrli:unit id="kr"><xbrli:measure>iso4217:SEK</xbrli:measure></xbrli:unit>
                  <xbrli:unit id="pct"><xbrli:measure>xbrli:pure</xbrli:measure></xbrli:unit>
                </ix:resources></ix:header></div>
                %s
                </body></html>
                """.formatted(registry, body);
    }

    private static InlineDocument read(String xhtml) throws ReportException {
        return InlineXbrlReader.read("t.xhtml", xhtml.getBytes(StandardCharsets.UTF_8), c -> true);
    }

    private static BigDecimal value(String registry, String attributes, String text) throws ReportException {
        InlineDocument doc = read(document(registry, "<p><ix:nonFraction name=\"se-gen-base:Nettoomsattning\" contextRef=\"y\""
                + " unitRef=\"kr\" " + attributes + ">" + text + "</ix:nonFraction></p>"));
        assertThat(doc.numbers()).hasSize(1);
        return doc.numbers().get(0).value();
    }

    static Stream<Arguments> formats() {
        return Stream.of(
                // registry 2010-04-20 numspacecomma: space or no-break space groups, comma decimals
                Arguments.of(TR1, "ixt:numspacecomma", "2 829 042", "2829042"),
                Arguments.of(TR1, "ixt:numspacecomma", "2\u00A0829\u00A0042", "2829042"),
                Arguments.of(TR1, "ixt:numspacecomma", "77,4", "77.4"),
                Arguments.of(TR1, "ixt:numspacecomma", " 0 ", "0"),
                // 2015-02-26 numdotdecimal / numcommadecimal, as the registry's examples write them
                Arguments.of(TR3, "ixt:numdotdecimal", "1,234,567.89", "1234567.89"),
                Arguments.of(TR3, "ixt:numdotdecimal", "1 234.5", "1234.5"),
                Arguments.of(TR3, "ixt:numcommadecimal", "1.234.567,89", "1234567.89"),
                Arguments.of(TR3, "ixt:numcommadecimal", "1 234,5", "1234.5"),
                Arguments.of(TR3, "ixt:zerodash", "-", "0"),
                Arguments.of(TR3, "ixt:zerodash", "\u2014", "0"),
                // 2020-02-12 names
                Arguments.of(TR4, "ixt:num-dot-decimal", "1,234.56", "1234.56"),
                Arguments.of(TR4, "ixt:num-comma-decimal", "64 535", "64535"),
                Arguments.of(TR4, "ixt:num-comma-decimal", "1,06", "1.06"),
                Arguments.of(TR4, "ixt:fixed-zero", "–", "0"));
    }

    @ParameterizedTest(name = "{1} \"{2}\"")
    @MethodSource("formats")
    void numbersUnderTheirFormat(String registry, String format, String text, String expected) throws ReportException {
        assertThat(value(registry, "format=\"" + format + "\" decimals=\"INF\"", text)).isEqualByComparingTo(expected);
    }

    static Stream<Arguments> notNumbers() {
        return Stream.of(
                Arguments.of(TR1, "ixt:numspacecomma", "2.829.042"),
                Arguments.of(TR1, "ixt:numspacecomma", "-5 046"),
                Arguments.of(TR3, "ixt:numdotdecimal", "1,23,4"),
                Arguments.of(TR4, "ixt:num-comma-decimal", "12 kr"),
                // zerodash reads one dash as zero, not whatever the fact displays
                Arguments.of(TR3, "ixt:zerodash", "1 234 567"),
                Arguments.of(TR3, "ixt:zerodash", "- 5"),
                Arguments.of(TR4, "ixt:num-dot-decimal", ""),
                Arguments.of(TR4, "ixt:date-day-month-year", "1 234"),
                Arguments.of("http://example.com/my-transforms", "ixt:numspacecomma", "1 234"));
    }

    @ParameterizedTest(name = "{1} \"{2}\"")
    @MethodSource("notNumbers")
    void aNumberThatDoesNotParseUnderItsFormatIsRefused(String registry, String format, String text) {
        assertThatThrownBy(() -> value(registry, "format=\"" + format + "\" decimals=\"0\"", text))
                .isInstanceOfSatisfying(ReportException.class, e -> {
                    assertThat(e.fault()).isEqualTo(Fault.NUMBER_FORMAT);
                    assertThat(e.getMessage()).contains("se-gen-base:Nettoomsattning").contains("y");
                });
    }

    static Stream<Arguments> longerThanAnyFigure() {
        return Stream.of(
                Arguments.of("20 000 digits", TR1, "format=\"ixt:numspacecomma\"", "9".repeat(20_000)),
                Arguments.of("20 000 digits in groups", TR4, "format=\"ixt:num-comma-decimal\"",
                        "999" + " 999".repeat(6_666)),
                Arguments.of("100 000 digits, no format", TR1, "", "9".repeat(100_000)),
                Arguments.of("65 digits, no format", TR1, "", "1" + "0".repeat(64)),
                Arguments.of("a fraction of 65 digits", TR4, "format=\"ixt:num-dot-decimal\"", "0." + "1".repeat(63)));
    }

    /** No report writes a figure of more than 64 characters; longer text is refused before it is matched or parsed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("longerThanAnyFigure")
    void aTextLongerThanAnyFigureIsRefused(String what, String registry, String format, String text) {
        assertThatThrownBy(() -> value(registry, format + " decimals=\"0\"", text))
                .isInstanceOfSatisfying(ReportException.class, e -> {
                    assertThat(e.fault()).isEqualTo(Fault.NUMBER_FORMAT);
                    assertThat(e.getMessage()).contains("se-gen-base:Nettoomsattning in y")
                            .contains(text.length() + " characters, longer than any figure (64)");
                });
    }

    @Test
    void aFigureOf64CharactersIsRead() throws ReportException {
        assertThat(value(TR1, "decimals=\"0\"", "1" + "0".repeat(63))).isEqualByComparingTo(BigDecimal.TEN.pow(63));
    }

    @Test
    void withoutAFormatTheTextIsADecimal() throws ReportException {
        assertThat(value(TR1, "decimals=\"2\"", "1234.50")).isEqualByComparingTo("1234.5");
        assertThatThrownBy(() -> value(TR1, "decimals=\"0\"", "1 234")).isInstanceOf(ReportException.class);
    }

    /** The multi-year overview's 2 829 tkr (scale 3), Soliditet 77,4 % (scale −2), a loss with sign="-". */
    @Test
    void scaleAndSign() throws ReportException {
        assertThat(value(TR1, "format=\"ixt:numspacecomma\" scale=\"3\" decimals=\"-3\"", "2 829")).isEqualByComparingTo("2829000");
        assertThat(value(TR1, "format=\"ixt:numspacecomma\" scale=\"-2\" decimals=\"INF\"", "77,4")).isEqualByComparingTo("0.774");
        assertThat(value(TR1, "format=\"ixt:numspacecomma\" scale=\"0\" decimals=\"0\" sign=\"-\"", "243 356"))
                .isEqualByComparingTo("-243356");
    }

    /** Inline XBRL 1.1's schema allows sign="-" and nothing else; any other sign is refused, not read as none. */
    @ParameterizedTest(name = "sign {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"\u2212", "\u2013", "+", "minus", " - ", ""})
    void aSignOtherThanMinusIsRefused(String sign) {
        assertThatThrownBy(() -> value(TR1, "format=\"ixt:numspacecomma\" decimals=\"0\" sign=\"" + sign + "\"", "243 356"))
                .isInstanceOfSatisfying(ReportException.class, e -> {
                    assertThat(e.fault()).isEqualTo(Fault.NUMBER_FORMAT);
                    assertThat(e.getMessage()).contains("se-gen-base:Nettoomsattning in y: sign '" + sign + "' is not '-'");
                });
    }

    /** A scale no report uses is refused where it is read, before any arithmetic writes out its digits. */
    @ParameterizedTest(name = "scale {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"31", "-31", "400000000", "-400000000", "2147483647",
            "-2147483648"})
    void aScaleBeyondAnyUnitIsRefused(String scale) {
        assertThatThrownBy(() -> value(TR1, "format=\"ixt:numspacecomma\" scale=\"" + scale + "\" decimals=\"0\"", "4 775"))
                .isInstanceOfSatisfying(ReportException.class, e -> {
                    assertThat(e.fault()).isEqualTo(Fault.NUMBER_FORMAT);
                    assertThat(e.getMessage()).contains("scale " + scale + " is beyond ±30");
                });
        assertThat(catchThrowable(() -> value(TR1, "format=\"ixt:numspacecomma\" scale=\"30\" decimals=\"0\"", "1")))
                .isNull();
    }

    @Test
    void decimalsAreKeptAndInfIsExact() throws ReportException {
        InlineDocument doc = read(document(TR1, """
                <ix:nonFraction name="se-gen-base:Tillgangar" contextRef="b" unitRef="kr" decimals="-3" scale="3" format="ixt:numspacecomma">4 775</ix:nonFraction>
                <ix:nonFraction name="se-gen-base:Tillgangar" contextRef="b" unitRef="kr" decimals="INF" format="ixt:numspacecomma">4 775 453</ix:nonFraction>
                <ix:nonFraction name="se-gen-base:Tillgangar" contextRef="b" unitRef="kr" decimals="0" xsi:nil="true"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>"""));
        assertThat(doc.numbers()).extracting(NumericFact::decimals).containsExactly(-3, NumericFact.INFINITE);
    }

    static Stream<Arguments> nils() {
        return Stream.of(
                Arguments.of("true", "", null),
                Arguments.of("1", "", null),
                Arguments.of(" true ", "", null),
                Arguments.of("false", "4 775", "4775"),
                Arguments.of("0", "4 775", "4775"),
                Arguments.of(" 0 ", "4 775", "4775"));
    }

    /** xsi:nil is an xs:boolean (XML Schema Part 2, 3.2.2): true or 1 is nil, and a nil fact has no value. */
    @ParameterizedTest(name = "xsi:nil=\"{0}\"")
    @MethodSource("nils")
    void xsiNilIsAnXsBoolean(String nil, String text, String value) throws ReportException {
        InlineDocument doc = read(document(TR1, "<ix:nonFraction name=\"se-gen-base:Tillgangar\" contextRef=\"b\" unitRef=\"kr\""
                + " decimals=\"0\" format=\"ixt:numspacecomma\" xsi:nil=\"" + nil + "\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">" + text + "</ix:nonFraction>"));
        assertThat(doc.numbers()).extracting(f -> f.value().toPlainString())
                .containsExactlyElementsOf(value == null ? List.of() : List.of(value));
    }

    /** xs:boolean has four words, in lower case; any other xsi:nil is refused, not taken as a value. */
    @ParameterizedTest(name = "xsi:nil=\"{0}\"")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"TRUE", "yes", "", "-1"})
    void anXsiNilThatIsNoBooleanIsRefused(String nil) {
        assertThatThrownBy(() -> read(document(TR1, "<ix:nonFraction name=\"se-gen-base:Tillgangar\" contextRef=\"b\""
                + " unitRef=\"kr\" decimals=\"0\" format=\"ixt:numspacecomma\" xsi:nil=\"" + nil + "\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">4 775</ix:nonFraction>")))
                .isInstanceOfSatisfying(ReportException.class, e -> {
                    assertThat(e.fault()).isEqualTo(Fault.MALFORMED);
                    assertThat(e.getMessage()).isEqualTo("t.xhtml: se-gen-base:Tillgangar in b: xsi:nil '" + nil
                            + "' is not an xs:boolean (true, false, 1 or 0)");
                });
    }

    /** Markup inside a fact, and BONESUPPORT's earnings per share nested in another fact, are read through. */
    @Test
    void nestedMarkupInsideAFactIsReadThrough() throws ReportException {
        InlineDocument doc = read(document(TR4, """
                <td><ix:nonFraction name="se-gen-base:Nettoomsattning" contextRef="y" unitRef="kr" decimals="0" format="ixt:num-comma-decimal"><span>2</span><span class="gap"> </span>829<b> 042</b></ix:nonFraction></td>
                <td><ix:nonFraction name="se-gen-base:A" contextRef="y" unitRef="kr" decimals="2" sign="-" format="ixt:num-comma-decimal"><ix:nonFraction name="se-gen-base:B" contextRef="y" unitRef="kr" decimals="2" sign="-" format="ixt:num-comma-decimal">1,06</ix:nonFraction></ix:nonFraction></td>"""));
        assertThat(doc.numbers()).extracting(f -> f.concept().localName() + "=" + f.value().toPlainString())
                .containsExactlyInAnyOrder("Nettoomsattning=2829042", "B=-1.06", "A=-1.06");
    }

    @Test
    void textFactsFollowTheirContinuationsAndLeaveOutExclusions() throws ReportException {
        InlineDocument doc = read(document(TR1, """
                <p><ix:nonNumeric name="se-cd-base:Intyg" contextRef="b" continuedAt="c1">Jag intygar att <ix:exclude>[sidfot]</ix:exclude>resultaträkningen</ix:nonNumeric></p>
                <p>other text</p>
                <p><ix:continuation id="c1" continuedAt="c2"> och balansräkningen</ix:continuation></p>
                <p><ix:continuation id="c2"> har fastställts.</ix:continuation></p>
                <ix:nonNumeric name="se-cd-base:Organisationsnummer" contextRef="y">556036-0793</ix:nonNumeric>"""));
        assertThat(doc.texts()).extracting(t -> t.concept().localName() + ": " + t.text()).containsExactlyInAnyOrder(
                "Intyg: Jag intygar att resultaträkningen och balansräkningen har fastställts.",
                "Organisationsnummer: 556036-0793");
    }

    /** A continuation may stand before the fact it continues: it is found all the same. */
    @Test
    void aContinuationBeforeItsFactIsFound() throws ReportException {
        InlineDocument doc = read(document(TR1, """
                <p><ix:continuation id="c1"> har fastställts.</ix:continuation></p>
                <p><ix:continuation id="c9">a text block nobody keeps</ix:continuation></p>
                <p><ix:nonNumeric name="se-cd-base:Intyg" contextRef="b" continuedAt="c1">Resultaträkningen</ix:nonNumeric></p>"""));
        assertThat(doc.texts()).extracting(t -> t.text()).containsExactly("Resultaträkningen har fastställts.");
    }

    static Stream<Arguments> sharedContinuations() {
        return Stream.of(
                Arguments.of("two facts", """
                        <ix:nonNumeric name="se-cd-base:A" contextRef="b" continuedAt="c1">a</ix:nonNumeric>
                        <ix:nonNumeric name="se-cd-base:B" contextRef="b" continuedAt="c1">b</ix:nonNumeric>
                        <ix:continuation id="c1">shared</ix:continuation>""", "se-cd-base:B continues at c1, where se-cd-base:A"),
                Arguments.of("a continuation before the fact", """
                        <ix:continuation id="c0" continuedAt="c1">first</ix:continuation>
                        <ix:continuation id="c1">shared</ix:continuation>
                        <ix:nonNumeric name="se-cd-base:A" contextRef="b" continuedAt="c1">a</ix:nonNumeric>""",
                        "se-cd-base:A continues at c1, where the continuation c0"),
                Arguments.of("two continuations", """
                        <ix:nonNumeric name="se-cd-base:A" contextRef="b" continuedAt="c0">a</ix:nonNumeric>
                        <ix:continuation id="c0" continuedAt="c2">x</ix:continuation>
                        <ix:continuation id="c1" continuedAt="c2">y</ix:continuation>
                        <ix:continuation id="c2">shared</ix:continuation>""",
                        "the continuation c1 continues at c2, where the continuation c0"));
    }

    /** Inline XBRL 1.1, ix:continuation: each continuation belongs to the chain of one fact. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedContinuations")
    void aContinuationTwoElementsContinueAtIsRefused(String what, String body, String message) {
        assertThatThrownBy(() -> read(document(TR1, body))).isInstanceOfSatisfying(ReportException.class, e -> {
            assertThat(e.fault()).isEqualTo(Fault.MALFORMED);
            assertThat(e.getMessage()).contains(message);
        });
    }

    /** {@code depth} elements opened with {@code open} (its %d numbered 1, 2, …), one in the other, around {@code text}. */
    private static String nested(int depth, String open, String close, String text) {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= depth; i++) {
            body.append(open.formatted(i));
        }
        return body.append(text).append(close.repeat(depth)).toString();
    }

    private static final String NON_NUMERIC = "<ix:nonNumeric name=\"se-cd-base:A\" contextRef=\"b\">";
    private static final String NON_FRACTION = "<ix:nonFraction name=\"se-gen-base:Nettoomsattning\" contextRef=\"y\""
            + " unitRef=\"kr\" decimals=\"0\">";
    private static final String CONTINUATION = "<ix:continuation id=\"c%d\">";
    private static final String MEGABYTE = "x".repeat(1 << 20);

    static Stream<Arguments> nestedAroundOneText() {
        return Stream.of(
                // 2 000 deep kept each fact's own copy of the megabyte: OutOfMemoryError after 18 s
                Arguments.of("2 000 nonNumeric", nested(2_000, NON_NUMERIC, "</ix:nonNumeric>", MEGABYTE),
                        "se-cd-base:A is nested 65 facts deep, deeper than the 64"),
                Arguments.of("2 000 nonFraction", nested(2_000, NON_FRACTION, "</ix:nonFraction>", MEGABYTE),
                        "se-gen-base:Nettoomsattning is nested 65 facts deep, deeper than the 64"),
                Arguments.of("2 000 continuations", nested(2_000, CONTINUATION, "</ix:continuation>", MEGABYTE),
                        "the continuation c65 is nested 65 facts deep, deeper than the 64"),
                // within the depth, 64 copies of the megabyte are far more text than the document holds
                Arguments.of("64 nonNumeric", nested(64, NON_NUMERIC, "</ix:nonNumeric>", MEGABYTE),
                        "the facts keep more text than the document's"),
                Arguments.of("64 nonFraction", nested(64, NON_FRACTION, "</ix:nonFraction>", MEGABYTE),
                        "the facts keep more text than the document's"));
    }

    /**
     * Inline XBRL 1.1 lets facts nest and sets no depth; the reader refuses, naming the fact, what would have
     * it keep one text once per fact around it.
     */
    @ParameterizedTest(name = "{0} around a megabyte")
    @MethodSource("nestedAroundOneText")
    void factsNestedAroundOneTextAreRefusedBeforeTheyFillTheMemory(String what, String body, String message) {
        assertThatThrownBy(() -> read(document(TR1, body))).isInstanceOfSatisfying(ReportException.class, e -> {
            assertThat(e.fault()).isEqualTo(Fault.MALFORMED);
            assertThat(e.getMessage()).startsWith("t.xhtml: ").contains(message);
        });
    }

    /** Sixty-four facts deep, each its text: eight times the nesting of BONESUPPORT's ESEF report, still read. */
    @Test
    void factsNested64DeepAreRead() throws ReportException {
        InlineDocument doc = read(document(TR1, nested(64, NON_NUMERIC, "</ix:nonNumeric>", "Stockholm")));
        assertThat(doc.texts()).hasSize(64).allSatisfy(t -> assertThat(t.text()).isEqualTo("Stockholm"));
    }

    @Test
    void contextsByTheirDatesAndUnitsByTheirMeasure() throws ReportException {
        InlineDocument doc = read(document(TR1, ""));
        assertThat(doc.contexts().get("y").period()).isEqualTo(new InlineDocument.Duration(LocalDate.parse("2025-01-01"),
                LocalDate.parse("2025-12-31")));
        assertThat(doc.contexts().get("b").period()).isEqualTo(new InlineDocument.Instant(LocalDate.parse("2025-12-31")));
        assertThat(doc.contexts().get("b").dimensional()).isFalse();
        assertThat(doc.contexts().get("d").dimensional()).isTrue();
        assertThat(doc.contexts().get("y").entity()).isEqualTo("556036-0793");
        assertThat(doc.units().get("kr").currency()).map(Object::toString).contains("SEK");
        assertThat(doc.units().get("pct").measure()).isEqualTo("xbrli:pure");
        assertThat(doc.units().get("pct").currency()).isEmpty();
        assertThat(doc.schemaRefs()).singleElement().asString().contains("/se/fr/gaap/k2/");
    }

    static Stream<Arguments> unitMeasures() {
        String shares = "<xbrli:measure>xbrli:shares</xbrli:measure>";
        String sek = "<xbrli:measure>iso4217:SEK</xbrli:measure>";
        String perShare = "<xbrli:divide><xbrli:unitNumerator>" + sek + "</xbrli:unitNumerator><xbrli:unitDenominator>"
                + shares + "</xbrli:unitDenominator></xbrli:divide>";
        return Stream.of(
                Arguments.of("SEK", sek, "SEK"),
                // several measures multiply: none of these is an amount of money
                Arguments.of("shares then SEK", shares + sek, null),
                Arguments.of("SEK then shares", sek + shares, null),
                Arguments.of("SEK twice", sek + sek, null),
                Arguments.of("SEK per share", perShare, null),
                Arguments.of("SEK per share, then SEK", perShare + sek, null));
    }

    /**
     * XBRL 2.1 4.8: a unit's measures multiply, and a divide is a ratio; 4.8.2: a monetary fact's unit is one
     * iso4217 measure. Any other unit has no currency, so no amount is read in it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("unitMeasures")
    void aUnitIsACurrencyOnlyAsOneIso4217Measure(String what, String measures, String currency) throws ReportException {
        String xhtml = document(TR1, "").replace("</ix:resources>", "<xbrli:unit id=\"u\">" + measures + "</xbrli:unit></ix:resources>");
        assertThat(read(xhtml).units().get("u").currency().map(Currency::getCurrencyCode)).isEqualTo(Optional.ofNullable(currency));
    }

    static Stream<Arguments> declaredTwice() {
        return Stream.of(
                Arguments.of("context y", """
                        <xbrli:context id="y"><xbrli:entity><xbrli:identifier scheme="http://www.bolagsverket.se">556036-0793</xbrli:identifier></xbrli:entity>
                          <xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-12-31</xbrli:endDate></xbrli:period></xbrli:context>"""),
                Arguments.of("unit kr", "<xbrli:unit id=\"kr\"><xbrli:measure>iso4217:EUR</xbrli:measure></xbrli:unit>"));
    }

    /** XBRL 2.1: a context's and a unit's id is an xs:ID, so a fact's contextRef or unitRef names one of them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("declaredTwice")
    void aContextOrUnitDeclaredTwiceIsRefused(String what, String second) {
        String xhtml = document(TR1, "").replace("</ix:resources>", second + "</ix:resources>");
        assertThatThrownBy(() -> read(xhtml)).isInstanceOfSatisfying(ReportException.class, e -> {
            assertThat(e.fault()).isEqualTo(Fault.MALFORMED);
            assertThat(e.getMessage()).isEqualTo("t.xhtml: " + what + " is declared twice");
        });
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("a DOCTYPE", "<!DOCTYPE html>", "", Fault.DOCTYPE),
                Arguments.of("an external entity", "<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", "&x;",
                        Fault.DOCTYPE),
                Arguments.of("entities within entities", "<!DOCTYPE html [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>",
                        "&b;", Fault.DOCTYPE),
                Arguments.of("an undeclared entity", "", "&nbsp;", Fault.MALFORMED),
                Arguments.of("unclosed markup", "", "<p><b></p>", Fault.MALFORMED));
    }

    /** Nothing outside the document is ever read, and nothing is expanded. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileMarkupIsRefused(String what, String prolog, String body, Fault fault) {
        String xhtml = document(TR1, body).replaceFirst("\\?>\n", "?>\n" + prolog + "\n");
        assertThatThrownBy(() -> read(xhtml)).isInstanceOfSatisfying(ReportException.class, e -> {
            assertThat(e.fault()).isEqualTo(fault);
            assertThat(e.getMessage()).doesNotContain("root:");
        });
    }
}
