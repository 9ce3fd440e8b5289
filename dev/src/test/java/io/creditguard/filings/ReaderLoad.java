package io.creditguard.filings;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The reader's speed on a report as Bolagsverket delivers it (bench/run.sh, README Performance): the zip
 * opened, every XHTML in it parsed, the annual report's accounts read, {@code runs} times after a warm-up;
 * the first read in a fresh JVM (classes loaded, nothing compiled yet, as in a cold Lambda); megabytes of
 * XHTML per second, and the heap in use at its peak while it ran (every heap pool's peak,
 * reset after the warm-up, so garbage not yet collected counts: an upper bound within the JVM's -Xmx).
 *
 * <pre>java -Xmx64m -cp target/test-classes:target/classes:$(cat target/cp.txt) io.creditguard.filings.ReaderLoad
 *     ../domain/filings/src/test/resources/filings/5568022171_BONESUPPORT_HOLDING_AB_2022.zip 20</pre>
 */
public final class ReaderLoad {

    private ReaderLoad() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        byte[] zip = Files.readAllBytes(file);
        ReadingRules rules = ReadingRules.shipped();
        long xhtml = ReportPackage.open(file.getFileName().toString(), zip, ReportPackage.Limits.DEFAULT).stream()
                .mapToLong(d -> d.bytes().length).sum();
        long cold = System.nanoTime();
        read(file, zip, rules);
        double coldMs = (System.nanoTime() - cold) / 1e6;
        for (int i = 0; i < 5; i++) {
            read(file, zip, rules);
        }
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        AnnualAccounts accounts = null;
        for (int i = 0; i < runs; i++) {
            accounts = read(file, zip, rules);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("reader file=%s zipBytes=%d xhtmlBytes=%d firstReadMs=%.0f runs=%d msPerRead=%.1f MBps=%.1f "
                + "peakHeapMiB=%.1f maxHeapMiB=%d years=%d%n", file.getFileName(), zip.length, xhtml, coldMs, runs,
                seconds * 1000 / runs,
                xhtml * runs / seconds / 1e6, peak / 1048576.0, Runtime.getRuntime().maxMemory() >> 20,
                accounts.years().size());
    }

    private static AnnualAccounts read(Path file, byte[] zip, ReadingRules rules) throws ReportException {
        return AccountsReader.read(ReportPackage.open(file.getFileName().toString(), zip, ReportPackage.Limits.DEFAULT), rules);
    }
}
