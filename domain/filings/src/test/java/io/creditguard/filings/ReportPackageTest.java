package io.creditguard.filings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.creditguard.filings.ReportException.Fault;

/** The bounds on what a report may unpack to, and the documents found in real packages. */
class ReportPackageTest {

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
        byte[] bomb = Reports.bomb();
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
        byte[] four = Reports.zip(Map.of("a.xhtml", new byte[1], "b.xhtml", new byte[1], "c.xhtml", new byte[1], "d.xhtml", new byte[1]));
        byte[] large = Reports.zip(Map.of("a.xhtml", new byte[2000]));
        for (byte[] bytes : List.of(four, large, Reports.nested(3))) {
            assertThatThrownBy(() -> ReportPackage.open("x.zip", bytes, small))
                    .isInstanceOfSatisfying(ReportException.class, e -> assertThat(e.fault()).isEqualTo(Fault.ZIP_BOMB));
        }
    }

    @Test
    void nestingWithinTheBoundIsFollowed() throws ReportException {
        assertThat(ReportPackage.open("x.zip", Reports.nested(3), ReportPackage.Limits.DEFAULT)).singleElement()
                .extracting(ReportPackage.Document::path).isEqualTo("x.zip!/inner2.zip!/inner1.zip!/report.xhtml");
    }

    @Test
    void aZipWithoutXhtmlHoldsNoReport() {
        byte[] pdfs = Reports.zip(Map.of("report.pdf", "%PDF".getBytes(StandardCharsets.US_ASCII)));
        assertThatThrownBy(() -> ReportPackage.open("x.zip", pdfs, ReportPackage.Limits.DEFAULT))
                .isInstanceOfSatisfying(ReportException.class, e -> assertThat(e.fault()).isEqualTo(Fault.NO_ANNUAL_REPORT));
    }
}
