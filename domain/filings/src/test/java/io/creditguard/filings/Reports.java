package io.creditguard.filings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The real reports of {@code src/test/resources/filings/} (see its README), and documents made from them. Read
 * from the class path, so that dev's tests have them through this module's test jar.
 */
public final class Reports {

    public static final String SECTRADE = "5590179924_SecTrade_Konsult_AB_2020.zip";
    public static final String MODULAR = "5569201998_Modular_Finance_AB_2021.zip";
    public static final String PODSPACE = "5569914046_Podspace_AB_2019.zip";
    public static final String BONESUPPORT = "5568022171_BONESUPPORT_HOLDING_AB_2022.zip";

    private Reports() {
    }

    public static byte[] bytes(String file) {
        try (InputStream in = Reports.class.getResourceAsStream("/filings/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no report " + file + " in src/test/resources/filings/");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one XHTML of a single-document report, as text. */
    public static String xhtml(String file) {
        try {
            List<ReportPackage.Document> documents = ReportPackage.open(file, bytes(file), ReportPackage.Limits.DEFAULT);
            return new String(documents.get(0).bytes(), StandardCharsets.UTF_8);
        } catch (ReportException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SecTrade's report with its currency unit made euros: how a Swedish company reporting in EUR tags it. */
    public static byte[] sectradeInEuros() {
        return xhtml(SECTRADE).replace("<xbrli:measure>iso4217:SEK</xbrli:measure>", "<xbrli:measure>iso4217:EUR</xbrli:measure>")
                .replace(">SEK</ix:nonNumeric>", ">EUR</ix:nonNumeric>").getBytes(StandardCharsets.UTF_8);
    }

    public static AnnualAccounts read(String file) throws ReportException {
        return AccountsReader.read(ReportPackage.open(file, bytes(file), ReportPackage.Limits.DEFAULT), ReadingRules.shipped());
    }

    /** A zip of the entries given, in order. */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** 64 MiB of zeros: about 64 KiB compressed, a thousand times its size. */
    public static byte[] bomb() {
        return zip(Map.of("report.xhtml", new byte[64 << 20]));
    }

    /** A zip in a zip in a zip…, {@code depth} archives in all, an XHTML at the bottom. */
    public static byte[] nested(int depth) {
        byte[] inner = zip(Map.of("report.xhtml", "<html/>".getBytes(StandardCharsets.UTF_8)));
        for (int i = 1; i < depth; i++) {
            inner = zip(Map.of("inner" + i + ".zip", inner));
        }
        return inner;
    }
}
