package io.creditguard.templates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import io.creditguard.format.LetterText;
import io.creditguard.reference.ClassPathResource;
import io.creditguard.reference.Language;

/**
 * A rendered letter (its subject and the plain-text body its template wrote, the same text the HTML
 * letter is made of) laid out as an A4 PDF: the subject as a heading, the body's lines wrapped to the
 * measure with their indentation kept, blank lines as paragraph breaks, and on every page a footer
 * with the sender, how to pay and "page n of m" in the letter's language.
 *
 * <p>The fonts are DejaVu Sans and DejaVu Sans Bold ({@code fonts/}, Bitstream Vera licence), which
 * cover the Latin, Greek and Cyrillic scripts, so å ä ö ø æ é ü and € print as written; only the
 * glyphs a letter uses are embedded. A character neither font has (an emoji in a customer's name)
 * prints as "?" rather than failing the letter. Parsed fonts are reused from letter to letter, one
 * letter at a time each: the parsed font is read again when the subset is written, which is not safe
 * to share between threads.
 */
public final class LetterPdf {

    /** What the footer of every page says: who sends the letter and how to pay. */
    public record Footer(String sender, String paymentDetails) {
    }

    private static final float MARGIN = 56.7f; // 20 mm
    private static final float FOOTER_SPACE = 42f;
    private static final float BODY_SIZE = 10f;
    private static final float SUBJECT_SIZE = 13f;
    private static final float FOOTER_SIZE = 7.5f;
    private static final float LEADING = 1.35f;
    private static final byte[] REGULAR = ClassPathResource.bytes("fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = ClassPathResource.bytes("fonts/DejaVuSans-Bold.ttf");
    /**
     * Parsed fonts not in use. Laying out is work for a core, so at most as many are parsed as there
     * are cores; a thread that finds none free waits for one (the run writes letters from many threads,
     * and a parsed pair per thread would fill a small heap).
     */
    private static final int MAX_FONTS = Runtime.getRuntime().availableProcessors();
    private static final BlockingQueue<Fonts> IDLE = new ArrayBlockingQueue<>(MAX_FONTS);
    private static final AtomicInteger PARSED = new AtomicInteger();

    private LetterPdf() {
    }

    /**
     * @param language sv, nl, en or de (anything else as en): the page numbers' words and the document's
     *     language tag
     * @return the PDF's bytes
     */
    public static byte[] render(String language, String subject, String body, Footer footer) {
        Fonts fonts = borrow();
        try {
            return render(fonts, language, subject, body, footer);
        } finally {
            IDLE.offer(fonts);
        }
    }

    /** A free parsed pair, a new one while fewer than {@link #MAX_FONTS} exist, or the next one returned. */
    private static Fonts borrow() {
        try {
            while (true) {
                Fonts idle = IDLE.poll();
                if (idle != null) {
                    return idle;
                }
                if (reserve()) {
                    try {
                        return Fonts.parse();
                    } catch (RuntimeException e) {
                        PARSED.decrementAndGet(); // no pair came of it: the place is free for another try
                        throw e;
                    }
                }
                // Waiting a while at a time, so a place a failed parse gave back is seen.
                idle = IDLE.poll(100, TimeUnit.MILLISECONDS);
                if (idle != null) {
                    return idle;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to lay out a letter", e);
        }
    }

    private static boolean reserve() {
        for (int parsed = PARSED.get(); parsed < MAX_FONTS; parsed = PARSED.get()) {
            if (PARSED.compareAndSet(parsed, parsed + 1)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] render(Fonts fonts, String language, String subject, String body, Footer footer) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font regular = PDType0Font.load(document, fonts.regular(), true);
            PDType0Font bold = PDType0Font.load(document, fonts.bold(), true);
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            List<List<Line>> pages = paginate(layout(fonts, subject, body, width));
            for (int i = 0; i < pages.size(); i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                    float y = PDRectangle.A4.getHeight() - MARGIN;
                    for (Line line : pages.get(i)) {
                        y -= line.advance();
                        if (!line.text().isEmpty()) {
                            write(out, line.bold() ? bold : regular, line.size(), MARGIN + line.indent(), y, line.text());
                        }
                    }
                    footer(out, fonts, regular, footer, pageLabel(language, i + 1, pages.size()), width);
                }
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(subject);
            info.setAuthor(footer.sender());
            document.getDocumentCatalog().setLanguage(Language.orEnglish(language).code());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("laying out the PDF of \"" + subject + "\"", e);
        }
    }

    /** One printed line: {@code advance} is the space from the line above to its baseline. */
    private record Line(String text, boolean bold, float size, float indent, float advance) {
    }

    private static List<Line> layout(Fonts fonts, String subject, String body, float width) {
        List<Line> lines = new ArrayList<>();
        for (String part : wrap(fonts, true, SUBJECT_SIZE, fonts.printable(subject), width)) {
            lines.add(new Line(part, true, SUBJECT_SIZE, 0, SUBJECT_SIZE * LEADING));
        }
        lines.add(new Line("", false, BODY_SIZE, 0, BODY_SIZE * LEADING));
        float space = fonts.width(false, BODY_SIZE, " ");
        for (String raw : body.split("\n", -1)) {
            String text = fonts.printable(raw.stripTrailing());
            if (text.isBlank()) {
                lines.add(new Line("", false, BODY_SIZE, 0, BODY_SIZE * 0.8f));
                continue;
            }
            String content = text.stripLeading();
            // The text template indents with spaces; a proportional space is narrow, so each counts double.
            float indent = Math.min((text.length() - content.length()) * space * 2, width / 3);
            for (String part : wrap(fonts, false, BODY_SIZE, content, width - indent)) {
                lines.add(new Line(part, false, BODY_SIZE, indent, BODY_SIZE * LEADING));
            }
        }
        return lines;
    }

    /**
     * Words onto lines no wider than {@code width}; a word wider than a line is cut where it must be, between
     * two characters (never inside an emoji the font has, whose halves no font can print).
     */
    private static List<String> wrap(Fonts fonts, boolean bold, float size, String text, float width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (fonts.width(bold, size, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                out.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (fonts.width(bold, size, rest) > width) {
                int least = rest.offsetByCodePoints(0, 1);
                int cut = rest.offsetByCodePoints(rest.length(), -1);
                while (cut > least && fonts.width(bold, size, rest.substring(0, cut)) > width) {
                    cut = rest.offsetByCodePoints(cut, -1);
                }
                out.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty() || out.isEmpty()) {
            out.add(line.toString());
        }
        return out;
    }

    /** The lines onto pages; a paragraph break at the top of a page is left out. */
    private static List<List<Line>> paginate(List<Line> lines) {
        float room = PDRectangle.A4.getHeight() - 2 * MARGIN - FOOTER_SPACE;
        List<List<Line>> pages = new ArrayList<>();
        List<Line> page = new ArrayList<>();
        float used = 0;
        for (Line line : lines) {
            if (used + line.advance() > room) {
                pages.add(page);
                page = new ArrayList<>();
                used = 0;
            }
            if (page.isEmpty() && line.text().isEmpty()) {
                continue;
            }
            page.add(line);
            used += line.advance();
        }
        pages.add(page);
        return pages;
    }

    private static void footer(PDPageContentStream out, Fonts fonts, PDType0Font font, Footer footer, String pageLabel,
            float width) throws IOException {
        float y = MARGIN - FOOTER_SIZE;
        out.setLineWidth(0.4f);
        out.moveTo(MARGIN, y + FOOTER_SIZE * 2.6f);
        out.lineTo(MARGIN + width, y + FOOTER_SIZE * 2.6f);
        out.stroke();
        float labelWidth = fonts.width(false, FOOTER_SIZE, pageLabel);
        write(out, font, FOOTER_SIZE, MARGIN + width - labelWidth, y + FOOTER_SIZE * 1.3f, pageLabel);
        float room = width - labelWidth - 12;
        write(out, font, FOOTER_SIZE, MARGIN, y + FOOTER_SIZE * 1.3f, fit(fonts, fonts.printable(footer.sender()), room));
        if (footer.paymentDetails() != null && !footer.paymentDetails().isBlank()) {
            String details = fonts.printable(String.join(" · ", footer.paymentDetails().strip().split("\\s*\n\\s*")));
            write(out, font, FOOTER_SIZE, MARGIN, y, fit(fonts, details, room));
        }
    }

    /** {@code text} cut between two characters with an ellipsis to fit {@code width}. */
    private static String fit(Fonts fonts, String text, float width) {
        if (fonts.width(false, FOOTER_SIZE, text) <= width) {
            return text;
        }
        String cut = text;
        while (cut.codePointCount(0, cut.length()) > 1 && fonts.width(false, FOOTER_SIZE, cut + "…") > width) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        }
        return cut.stripTrailing() + "…";
    }

    private static void write(PDPageContentStream out, PDType0Font font, float size, float x, float y, String text)
            throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }

    private static String pageLabel(String language, int page, int pages) {
        return LetterText.PAGE.in(Language.orEnglish(language).code(), page, pages);
    }

    /**
     * The two faces, parsed, with each character's advance width as it is first measured: measuring
     * from the font's own metrics rather than through the PDF font spares the encoding each time.
     */
    private record Fonts(TrueTypeFont regular, TrueTypeFont bold, CmapLookup regularCmap, CmapLookup boldCmap,
            float regularUnits, float boldUnits, Map<Integer, Float> regularWidths, Map<Integer, Float> boldWidths) {

        static Fonts parse() {
            try {
                TrueTypeFont regular = new TTFParser().parse(new RandomAccessReadBuffer(REGULAR));
                TrueTypeFont bold = new TTFParser().parse(new RandomAccessReadBuffer(BOLD));
                return new Fonts(regular, bold, regular.getUnicodeCmapLookup(), bold.getUnicodeCmapLookup(),
                        regular.getUnitsPerEm(), bold.getUnitsPerEm(), new HashMap<>(), new HashMap<>());
            } catch (IOException e) {
                throw new UncheckedIOException("parsing the letter fonts", e);
            }
        }

        /** The width of {@code text} (printable already) in points at {@code size}. */
        float width(boolean inBold, float size, String text) {
            TrueTypeFont font = inBold ? bold : regular;
            CmapLookup cmap = inBold ? boldCmap : regularCmap;
            Map<Integer, Float> widths = inBold ? boldWidths : regularWidths;
            float units = inBold ? boldUnits : regularUnits;
            float em = 0;
            for (int i = 0; i < text.length(); ) {
                int c = text.codePointAt(i);
                i += Character.charCount(c);
                em += widths.computeIfAbsent(c, code -> {
                    try {
                        return font.getAdvanceWidth(cmap.getGlyphId(code)) / units;
                    } catch (IOException e) {
                        throw new UncheckedIOException("reading the letter font's metrics", e);
                    }
                });
            }
            return em * size;
        }

        /**
         * {@code text} with tabs as spaces and as "?" every control character and every character one of the
         * faces lacks (so any text prints in either).
         */
        String printable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(c -> {
                if (c == '\t') {
                    out.append(' ');
                } else if (Character.isISOControl(c) || regularCmap.getGlyphId(c) == 0 || boldCmap.getGlyphId(c) == 0) {
                    out.append('?');
                } else {
                    out.appendCodePoint(c);
                }
            });
            return out.toString();
        }
    }
}
