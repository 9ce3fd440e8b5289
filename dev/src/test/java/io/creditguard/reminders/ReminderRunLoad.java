package io.creditguard.reminders;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

import io.creditguard.Standalone;
import io.creditguard.store.FileObjectStore;

/**
 * A load run of the scheduled reminder run outside Quarkus, for checking throughput and that memory
 * stays flat however large the book:
 * {@code java -Xmx256m ... ReminderRunLoad <dir> <invoices> [dry] [first-run]}, over a book in the
 * state the daily run finds it or, with {@code first-run}, one no run has seen ({@link SyntheticBook.State}).
 * Prints invoices per second beside a Jackson parse-only pass over the same file, and the peak live
 * heap (the most any collection during the run left in use); appends a row to target/bench/batch.csv.
 * README, section Performance; bench/run.sh runs it.
 */
final class ReminderRunLoad {

    private ReminderRunLoad() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int invoices = Integer.parseInt(args[1]);
        java.util.List<String> flags = java.util.List.of(args).subList(2, args.length);
        boolean dryRun = flags.contains("dry");
        SyntheticBook.State state = flags.contains("first-run") ? SyntheticBook.State.FIRST_RUN : SyntheticBook.State.DAILY;
        LocalDate asOf = LocalDate.parse("2026-11-30");
        Path book = dir.resolve("receivables/synthetic.jsonl");
        if (!Files.exists(book)) {
            SyntheticBook.write(book, invoices, 42L, asOf, state);
        }
        ReminderRun run = new ReminderRun(new FileObjectStore(dir), Standalone.reminders(), Standalone.inputs(), Clock.systemUTC());
        long parseStarted = System.nanoTime();
        long parsed = 0;
        try (var lines = Files.lines(book)) {
            for (String line : (Iterable<String>) lines::iterator) {
                io.creditguard.json.Json.MAPPER.readValue(line, io.creditguard.receivables.Invoice.class);
                parsed++;
            }
        }
        double parseSeconds = (System.nanoTime() - parseStarted) / 1e9;
        LiveHeap liveHeap = LiveHeap.watch();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStarted = os.getProcessCpuTime();
        long started = System.nanoTime();
        ReminderRun.Report report = run.run(Optional.of(asOf), dryRun);
        double seconds = (System.nanoTime() - started) / 1e9;
        // CPU of every thread of the process during the run, the collector's included: on a shared machine the
        // wall clock also counts the neighbours' work.
        double cpuSeconds = (os.getProcessCpuTime() - cpuStarted) / 1e9;
        double runRate = report.invoicesRead() / seconds;
        double parseRate = parsed / parseSeconds;
        System.out.printf("book=%s invoices=%d dryRun=%s seconds=%.1f invoicesPerSecond=%.0f parseOnlyPerSecond=%.0f ratio=%.2f "
                + "cpuSeconds=%.1f invoicesPerCpuSecond=%.0f "
                + "dunned=%s letters=%d insurerReports=%d invalid=%d peakLiveHeapMiB=%d maxHeapMiB=%d%n", state, report.invoicesRead(), dryRun, seconds, runRate,
                parseRate, runRate / parseRate, cpuSeconds, report.invoicesRead() / cpuSeconds, report.dunned(), report.letters(),
                report.insurerNotifications(), report.invalidLines(), liveHeap.peak() >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        Path results = Path.of("target/bench/batch.csv");
        Files.createDirectories(results.getParent());
        if (!Files.exists(results)) {
            Files.writeString(results, "book,invoices,dry_run,seconds,invoices_per_second,parse_only_per_second,ratio,"
                    + "cpu_seconds,peak_live_heap_mib,max_heap_mib\n");
        }
        Files.writeString(results, String.format(java.util.Locale.ROOT, "%s,%d,%s,%.1f,%.0f,%.0f,%.3f,%.1f,%d,%d%n",
                state, report.invoicesRead(), dryRun, seconds, runRate, parseRate, runRate / parseRate, cpuSeconds,
                liveHeap.peak() >> 20,
                Runtime.getRuntime().maxMemory() >> 20), java.nio.file.StandardOpenOption.APPEND);
    }

    /** The heap in use after each collection, at its highest: what the run really holds, garbage aside. */
    private static final class LiveHeap {
        private final AtomicLong peak = new AtomicLong();

        static LiveHeap watch() {
            LiveHeap heap = new LiveHeap();
            java.util.Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                    .map(java.lang.management.MemoryPoolMXBean::getName).collect(java.util.stream.Collectors.toSet());
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                .filter(pool -> heapPools.contains(pool.getKey()))
                                .mapToLong(pool -> pool.getValue().getUsed()).sum();
                        heap.peak.accumulateAndGet(used, Math::max);
                    }
                }, null, null);
            }
            return heap;
        }

        long peak() {
            return peak.get();
        }
    }
}
