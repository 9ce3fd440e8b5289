package io.creditguard.filings;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.creditguard.filings.ReportException.Fault;

/**
 * The XHTML documents of a report as a registry or a user hands it over: one XHTML file, or a zip of
 * them, where a zip inside the zip (an ESEF report package inside Bolagsverket's document) is opened
 * too. Opened with bounds, counted on the bytes actually inflated rather than on what the zip's
 * headers claim: entries in all, bytes in all, nesting depth, and how far one archive may inflate
 * beyond its own size. Pure.
 */
public final class ReportPackage {

    /**
     * @param maxEntries entries in all archives together
     * @param maxBytes bytes inflated from all archives together
     * @param maxDepth archives within archives: 1 opens the zip handed over but no zip inside it
     * @param maxRatio how many times its own size one archive may inflate to (never refused below 1 MiB)
     */
    public record Limits(int maxEntries, long maxBytes, int maxDepth, int maxRatio) {

        /**
         * Room for what registries deliver: a listed group's zip holds a cover page and an ESEF package of
         * about ten files, its report some 6 MB of XHTML compressed about 8 times.
         */
        public static final Limits DEFAULT = new Limits(1_000, 64L << 20, 3, 100);
    }

    /** One document: where it sits ({@code outer.zip!/inner.zip!/reports/x.xhtml}) and its bytes. */
    public record Document(String path, byte[] bytes) {
    }

    private static final int RATIO_FLOOR = 1 << 20;

    private ReportPackage() {
    }

    /**
     * @param name the file's name, as uploaded or as the registry's document id
     * @throws ReportException NOT_A_REPORT when the bytes are neither a zip nor XHTML (or a zip that cannot be
     *     read), ZIP_BOMB when a bound is passed
     */
    public static List<Document> open(String name, byte[] bytes, Limits limits) throws ReportException {
        if (isZip(bytes)) {
            List<Document> documents = new ArrayList<>();
            unzip(name, bytes, 1, limits, new Count(), documents);
            return List.copyOf(documents);
        }
        if (looksLikeMarkup(bytes)) {
            return List.of(new Document(name, bytes));
        }
        throw new ReportException(Fault.NOT_A_REPORT, name + " is neither a zip nor an XHTML document");
    }

    private static final class Count {
        int entries;
        long bytes;
    }

    private static void unzip(String path, byte[] archive, int depth, Limits limits, Count count, List<Document> out)
            throws ReportException {
        long allowed = Math.max((long) archive.length * limits.maxRatio(), RATIO_FLOOR);
        long inflated = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++count.entries > limits.maxEntries()) {
                    throw new ReportException(Fault.ZIP_BOMB, path + " holds more than " + limits.maxEntries() + " entries");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                String entryPath = path + "!/" + entry.getName();
                byte[] content = read(zip, entryPath, limits, count, allowed - inflated, archive.length, entry.getSize());
                inflated += content.length;
                String lower = entry.getName().toLowerCase(Locale.ROOT);
                if (lower.endsWith(".zip") && isZip(content)) {
                    if (depth >= limits.maxDepth()) {
                        throw new ReportException(Fault.ZIP_BOMB, entryPath + " is a zip nested more than "
                                + limits.maxDepth() + " deep");
                    }
                    unzip(entryPath, content, depth + 1, limits, count, out);
                } else if (lower.endsWith(".xhtml") || lower.endsWith(".html") || lower.endsWith(".htm")) {
                    out.add(new Document(entryPath, content));
                }
            }
        } catch (IOException e) {
            throw new ReportException(Fault.NOT_A_REPORT, path + " is not a readable zip: " + e.getMessage());
        }
        if (depth == 1 && out.isEmpty()) {
            throw new ReportException(Fault.NO_ANNUAL_REPORT, path + " holds no XHTML document");
        }
    }

    /**
     * One entry, read in pieces so that no bound is passed by more than a piece; into an array of the size
     * the entry's header states when it states one within the bounds (the bytes read are what count).
     */
    private static byte[] read(InputStream in, String path, Limits limits, Count count, long allowedHere, int archiveSize,
            long statedSize) throws IOException, ReportException {
        long room = Math.min(allowedHere, limits.maxBytes() - count.bytes);
        byte[] out = new byte[(int) Math.min(statedSize >= 0 && statedSize <= room ? statedSize : 64 * 1024, Integer.MAX_VALUE - 8)];
        int length = 0;
        while (true) {
            if (length == out.length) {
                int probe = in.read();
                if (probe < 0) {
                    break;
                }
                out = Arrays.copyOf(out, Math.max(out.length * 2, 64 * 1024));
                out[length++] = (byte) probe;
                count(path, limits, count, length, allowedHere, archiveSize, 1);
            }
            int n = in.read(out, length, out.length - length);
            if (n < 0) {
                break;
            }
            length += n;
            count(path, limits, count, length, allowedHere, archiveSize, n);
        }
        return length == out.length ? out : Arrays.copyOf(out, length);
    }

    private static void count(String path, Limits limits, Count count, long read, long allowedHere, int archiveSize, int added)
            throws ReportException {
        count.bytes += added;
        if (count.bytes > limits.maxBytes()) {
            throw new ReportException(Fault.ZIP_BOMB, path + ": the report inflates to more than " + limits.maxBytes() + " bytes");
        }
        if (read > allowedHere) {
            throw new ReportException(Fault.ZIP_BOMB, path + " inflates more than " + limits.maxRatio() + " times the "
                    + archiveSize + " bytes of its archive");
        }
    }

    static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && (bytes[2] == 3 && bytes[3] == 4
                || bytes[2] == 5 && bytes[3] == 6);
    }

    /** Markup after an optional byte-order mark and whitespace: the parser decides whether it is XHTML. */
    private static boolean looksLikeMarkup(byte[] bytes) {
        int i = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        return i < bytes.length && bytes[i] == '<';
    }
}
