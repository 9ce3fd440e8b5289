package io.creditguard.reminders;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import io.creditguard.store.FileObjectStore;

/**
 * A load run of the scheduled reminder run outside Quarkus, for checking throughput and that memory
 * stays flat however large the book: {@code java -Xmx256m ... ReminderRunLoad <dir> <invoices> [dry]}.
 * Prints invoices per second beside a Jackson parse-only pass over the same file, and the peak heap;
 * appends a row to target/bench/batch.csv. README, section Performance; bench/run.sh runs it.
 */
final class ReminderRunLoad {

    private ReminderRunLoad() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int invoices = Integer.parseInt(args[1]);
        boolean dryRun = args.length > 2 && args[2].equals("dry");
        LocalDate asOf = LocalDate.parse("2026-11-30");
        Path book = dir.resolve("receivables/synthetic.jsonl");
        if (!Files.exists(book)) {
            SyntheticBook.write(book, invoices, 42L, asOf);
        }
        ReminderRun run = new ReminderRun(new FileObjectStore(dir), new ReminderService(new Letters()), Clock.systemUTC());
        long parseStarted = System.nanoTime();
        long parsed = 0;
        try (var lines = Files.lines(book)) {
            for (String line : (Iterable<String>) lines::iterator) {
                io.creditguard.http.Json.MAPPER.readValue(line, io.creditguard.receivables.Invoice.class);
                parsed++;
            }
        }
        double parseSeconds = (System.nanoTime() - parseStarted) / 1e9;
        long started = System.nanoTime();
        ReminderRun.Report report = run.run(Optional.of(asOf), dryRun);
        double seconds = (System.nanoTime() - started) / 1e9;
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        double runRate = report.invoicesRead() / seconds;
        double parseRate = parsed / parseSeconds;
        System.out.printf("invoices=%d dryRun=%s seconds=%.1f invoicesPerSecond=%.0f parseOnlyPerSecond=%.0f ratio=%.2f "
                + "actions=%s invalid=%d peakHeapMiB=%d maxHeapMiB=%d%n", report.invoicesRead(), dryRun, seconds, runRate,
                parseRate, runRate / parseRate, report.actions(), report.invalidLines(), peakHeap >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        Path results = Path.of("target/bench/batch.csv");
        Files.createDirectories(results.getParent());
        if (!Files.exists(results)) {
            Files.writeString(results, "invoices,dry_run,seconds,invoices_per_second,parse_only_per_second,ratio,peak_heap_mib,max_heap_mib\n");
        }
        Files.writeString(results, String.format(java.util.Locale.ROOT, "%d,%s,%.1f,%.0f,%.0f,%.3f,%d,%d%n",
                report.invoicesRead(), dryRun, seconds, runRate, parseRate, runRate / parseRate, peakHeap >> 20,
                Runtime.getRuntime().maxMemory() >> 20), java.nio.file.StandardOpenOption.APPEND);
    }
}
