package io.creditguard.filings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import io.creditguard.filings.ReportException.Fault;

/** The bounds on what a report may unpack to, and the documents found in real packages. */
class ReportPackageTest {

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

    @Test
    void theEsefReportIsFoundInTheZipInsideTheZip() throws ReportException {
        List<ReportPackage.Document> documents = ReportPackage.open(Reports.BONESUPPORT, Reports.bytes(Reports.BONESUPPORT),
                ReportPackage.Limits.DEFAULT);
        assertThat(documents).extracting(ReportPackage.Document::path).containsExactly(
                Reports.BONESUPPORT + "!/c17609c9-2561-49c6-b867-565f34c661da.xhtml",
                Reports.BONESUPPORT + "!/19956416-3bc1-4ab7-ad81-d54f68835a60.zip!/549300COLY053IGTLD63-2022-12-31-sv/"
                        + "reports/549300COLY053IGTLD63-2022-12-31-sv.xhtml");
        assertThat(documents.get(1).bytes()).hasSize(5_725_505);
    }

    @Test
    void oneXhtmlIsItsOwnPackage() throws ReportException {
        byte[] xhtml = Reports.xhtml(Reports.SECTRADE).getBytes(StandardCharsets.UTF_8);
        assertThat(ReportPackage.open("sectrade.xhtml", xhtml, ReportPackage.Limits.DEFAULT)).singleElement()
                .extracting(ReportPackage.Document::path).isEqualTo("sectrade.xhtml");
    }

    @Test
    void neitherZipNorXhtmlIsNoReport() {
        for (byte[] bytes : List.of("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), new byte[0],
                "{\"not\":\"a report\"}".getBytes(StandardCharsets.UTF_8))) {
            assertThatThrownBy(() -> ReportPackage.open("x", bytes, ReportPackage.Limits.DEFAULT))
                    .isInstanceOfSatisfying(ReportException.class, e -> assertThat(e.fault()).isEqualTo(Fault.NOT_A_REPORT));
        }
    }

    @Test
    void aZipThatInflatesBeyondItsRatioIsABomb() {
        byte[] bomb = bomb();
        assertThat(bomb.length).isLessThan(100_000);
        assertThatThrownBy(() -> ReportPackage.open("bomb.zip", bomb, ReportPackage.Limits.DEFAULT))
                .isInstanceOfSatisfying(ReportException.class, e -> {
                    assertThat(e.fault()).isEqualTo(Fault.ZIP_BOMB);
                    assertThat(e.getMessage()).contains("100 times");
                });
    }

    @Test
    void tooManyEntriesTooManyBytesOrTooDeep() {
        ReportPackage.Limits small = new ReportPackage.Limits(3, 1000, 2, 1000);
        byte[] four = zip(Map.of("a.xhtml", new byte[1], "b.xhtml", new byte[1], "c.xhtml", new byte[1], "d.xhtml", new byte[1]));
        byte[] large = zip(Map.of("a.xhtml", new byte[2000]));
        for (byte[] bytes : List.of(four, large, nested(3))) {
            assertThatThrownBy(() -> ReportPackage.open("x.zip", bytes, small))
                    .isInstanceOfSatisfying(ReportException.class, e -> assertThat(e.fault()).isEqualTo(Fault.ZIP_BOMB));
        }
    }

    @Test
    void nestingWithinTheBoundIsFollowed() throws ReportException {
        assertThat(ReportPackage.open("x.zip", nested(3), ReportPackage.Limits.DEFAULT)).singleElement()
                .extracting(ReportPackage.Document::path).isEqualTo("x.zip!/inner2.zip!/inner1.zip!/report.xhtml");
    }

    @Test
    void aZipWithoutXhtmlHoldsNoReport() {
        byte[] pdfs = zip(Map.of("report.pdf", "%PDF".getBytes(StandardCharsets.US_ASCII)));
        assertThatThrownBy(() -> ReportPackage.open("x.zip", pdfs, ReportPackage.Limits.DEFAULT))
                .isInstanceOfSatisfying(ReportException.class, e -> assertThat(e.fault()).isEqualTo(Fault.NO_ANNUAL_REPORT));
    }
}
