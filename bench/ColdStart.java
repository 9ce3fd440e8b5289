import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.creditguard.Events;
import io.creditguard.lambda.LambdaRuntimeApi;
import io.creditguard.lambda.PackagedFunction;

/**
 * Cold start as the managed Java runtime does it: a fresh JVM running the AWS Lambda Java Runtime
 * Interface Client (main class AWSLambda, handler FunqyStreamHandler) with the function zip as its
 * task root, the JVM options the managed runtime gives it in the template's 512 MB and the template's
 * JAVA_TOOL_OPTIONS (both in PackagedFunction), against a local emulation of the Lambda Runtime API. Measures process
 * start until the first event's response arrives, for every creditguard function (each from its own zip,
 * functions/<module>/target/function.zip) and its yardstick, a bare Funqy function built on the same Quarkus version
 * with the same extensions: Hibernate Validator and one constrained record, and Qute with one template for a function
 * whose zip has Qute (bench/pom.xml; and, with {@code -Dbench.before=<zip>}, each function from
 * one artifact holding all of them, the layout before one module per function; with {@code -Dbench.before=<folder>},
 * each function from {@code <folder>/<module>.zip}, an older commit's zips copied from functions/<module>/target);
 * the heap in use, the resident set size and the processor time of all its threads once it has answered, the
 * collections until then and their pauses, the classes loaded until then (one extra run with class loading logged, not timed) and the zip's size. Runs go
 * round-robin over the functions.
 *
 * <p>Run by bench/run.sh from dev/: {@code java -cp target/test-classes ../bench/ColdStart.java [runs]}, with
 * the launcher and Runtime API that PackagedFunctionIT uses. Writes dev/target/bench/cold-start.md and .csv. With
 * {@code -Dbench.tool-options=<value>} every start is also made with that JAVA_TOOL_OPTIONS instead of the
 * template's, in the same rounds; with {@code -Dbench.cpu-share=<fraction>} every function's JVM is held to that share
 * of one processor ({@link #CPU_GROUP}).
 *
 * <p>With {@code -Dbench.profile=<libasyncProfiler.so>} it times nothing: it starts each function {@code runs} times
 * under async-profiler's wall-clock sampler (one sample a millisecond of the JVM's main thread, which does all the
 * work until the first answer) and writes where that thread's time went, by phase of the start, to
 * dev/target/bench/cold-start-profile.md (the stacks: logs/*-profile-N.collapsed). The sampler slows each start by
 * about a tenth, so the phases are for comparing the functions, not for the cold-start table.
 */
public class ColdStart {

    /** @param yardstick the name of the bare function it is measured against */
    record Function(String name, Path zip, String export, Path event, String yardstick) {
    }

    /**
     * @param cpuMillis the processor time of all the JVM's threads until the answer
     * @param collections how often the JVM collected until it exited, just after the answer; {@code pauseMillis} how long
     */
    record Sample(long millis, long cpuMillis, long rssKiB, long heapKiB, int collections, double pauseMillis) {
    }

    static final Path OUT = Path.of("target/bench");

    /**
     * With {@code -Dbench.cpu-share=<fraction>}, the control group (cgroup v1's {@code cpu} controller, which needs
     * root) every function's JVM is moved into as soon as it is started: allowed that fraction of one processor in
     * each 100 ms, as Lambda gives a function processor time in proportion to its memory (one vCPU at 1 769 MB, so
     * about 0.29 at the template's 512). The JVM is told it has two processors, as a sandbox shows it two vCPUs
     * whatever share it gets. Each start runs unlimited for the moment between its launch and the move.
     */
    static final Optional<Path> CPU_GROUP = cpuGroup(System.getProperty("bench.cpu-share"));

    static Optional<Path> cpuGroup(String share) {
        if (share == null) {
            return Optional.empty();
        }
        double fraction = Double.parseDouble(share);
        if (!(fraction > 0 && fraction <= 2)) {
            throw new IllegalArgumentException("bench.cpu-share must be a share of a processor, above 0 and at most 2: " + share);
        }
        Path cpu = Path.of("/sys/fs/cgroup/cpu");
        if (!Files.isWritable(cpu.resolve("cpu.cfs_quota_us"))) {
            throw new IllegalStateException("bench.cpu-share needs cgroup v1's cpu controller at " + cpu + ", writable (root)");
        }
        try {
            Path group = Files.createDirectories(cpu.resolve("creditguard-bench"));
            Files.writeString(group.resolve("cpu.cfs_period_us"), "100000");
            Files.writeString(group.resolve("cpu.cfs_quota_us"), String.valueOf(Math.round(fraction * 100_000)));
            return Optional.of(group.resolve("cgroup.procs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        List<Function> functions = new ArrayList<>(List.of(
                new Function(BARE, Path.of("../bench/bare-funqy/target/function.zip"), "bare",
                        Path.of("../events/breakeven-loss.json"), BARE),
                new Function(BARE_QUTE, Path.of("../bench/bare-funqy-qute/target/function.zip"), "bare-qute",
                        Path.of("../events/breakeven-loss.json"), BARE),
                function("breakeven", "breakeven-loss"),
                function("credit-check", "credit-check"),
                function("reminders-preview", "reminders-preview"),
                function("reminders-run", "reminders-run"),
                function("claims", "claims"),
                function("webhooks", "webhooks-stripe"),
                function("customers", "customers-list"),
                function("connections", "connections-list"),
                function("reference-rates", "reference-rates")));
        // -Dbench.only=<names>: the bare functions and the named ones only (what a change touched), so an A/B of
        // two functions takes minutes, not the whole table's quarter of an hour.
        String only = System.getProperty("bench.only", "");
        if (!only.isBlank()) {
            List<String> names = List.of(only.split(",\\s*"));
            functions.removeIf(f -> !f.name().equals(BARE) && !f.name().equals(BARE_QUTE) && !names.contains(f.name()));
            if (functions.size() != 2 + names.size()) {
                throw new IllegalArgumentException("bench.only names a function the bench does not start: " + only);
            }
        }
        // -Dbench.before=<zip>: the same functions from one artifact holding all of them (the layout before
        // one module per function); -Dbench.before=<folder>: from an older commit's zips, <folder>/<module>.zip.
        // Either is measured in the same rounds.
        String before = System.getProperty("bench.before");
        if (before != null) {
            Path older = Path.of(before);
            boolean zips = Files.isDirectory(older);
            for (Function f : List.copyOf(functions.subList(2, functions.size()))) {
                Path zip = zips ? older.resolve(f.zip().getParent().getParent().getFileName() + ".zip") : older;
                functions.add(new Function(f.name() + (zips ? " (before)" : " (one artifact)"), zip, f.export(), f.event(),
                        yardstick(zip)));
            }
        }
        Files.createDirectories(OUT.resolve("logs"));
        String profiler = System.getProperty("bench.profile");
        if (profiler != null) {
            profile(functions, Path.of(profiler).toAbsolutePath(), runs);
            return;
        }
        Map<String, Map<String, List<Sample>>> results = new LinkedHashMap<>();
        Map<String, Path> apps = unpacked(functions);
        Map<String, Long> classes = new LinkedHashMap<>();
        for (Function f : functions) {
            Path app = apps.get(f.zip().toString());
            Path classLog = OUT.resolve("logs/" + label(f) + "-classes.log").toAbsolutePath();
            measure(f, app, List.of("-Xlog:class+load=info:file=" + classLog), Map.of(), "classes");
            try (var lines = Files.lines(classLog)) {
                classes.put(f.name(), lines.filter(l -> l.contains(" source: ")).count());
            }
        }
        // -Dbench.tool-options=<value>: every start made twice in each round, with the template's JAVA_TOOL_OPTIONS
        // ("default") and with <value> instead ("given"), for an A/B of JVM options measured in the same rounds.
        Map<String, Map<String, String>> configs = new LinkedHashMap<>();
        configs.put("default", Map.of());
        String toolOptions = System.getProperty("bench.tool-options");
        if (toolOptions != null) {
            configs.put("given", Map.of("JAVA_TOOL_OPTIONS", toolOptions));
        }
        // Round-robin, so a machine that slows down over the minutes this takes slows every function alike.
        for (int i = 0; i < runs; i++) {
            for (Function f : functions) {
                for (Map.Entry<String, Map<String, String>> config : configs.entrySet()) {
                    results.computeIfAbsent(f.name(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(config.getKey(), k -> new ArrayList<>())
                            .add(measure(f, apps.get(f.zip().toString()), List.of(), config.getValue(), config.getKey() + "-" + i));
                }
            }
        }
        results.forEach((name, byConfig) -> System.out.printf("%-34s %5d ms%n", name, median(byConfig.get("default"))));
        Map<String, Long> zipBytes = new LinkedHashMap<>();
        for (Function f : functions) {
            zipBytes.put(f.name(), Files.size(f.zip()));
        }
        write(functions, results, runs, classes, zipBytes, toolOptions);
    }

    static final String BARE = "bare-funqy";
    static final String BARE_QUTE = "bare-funqy-qute";

    /** A creditguard function: its module's zip (the preview and the run share one) and its sample event. */
    static Function function(String export, String event) throws IOException {
        Path zip = PackagedFunction.zip(export);
        return new Function(export, zip, export, Path.of("../events/" + event + ".json"), yardstick(zip));
    }

    /**
     * The bare function with the zip's extensions: the one with Qute when the zip has Qute's runtime. Quarkus sets up
     * an extension's engine as the function starts (Qute parses every template then), so a function is measured
     * against a bare one that pays the same.
     */
    static String yardstick(Path zip) throws IOException {
        try (var entries = new java.util.zip.ZipFile(zip.toFile())) {
            return entries.stream().anyMatch(e -> e.getName().startsWith("lib/io.quarkus.quarkus-qute-")) ? BARE_QUTE : BARE;
        }
    }

    /** A file name for the function's logs. */
    static String label(Function f) {
        return f.name().replace(" (one artifact)", "-one-artifact").replace(" (before)", "-before");
    }

    /**
     * One cold start: process start until the Runtime API receives the first response.
     *
     * @param environment variables set over the bench's, and over the template's JAVA_TOOL_OPTIONS
     */
    static Sample measure(Function f, Path app, List<String> jvmOptions, Map<String, String> environment, String label)
            throws Exception {
        String event = Files.readString(f.event());
        Path exitLog = OUT.resolve("logs/" + label(f) + "-" + label + ".heap").toAbsolutePath();
        List<String> options = new ArrayList<>(List.of("-Xlog:gc," + HEAP_AT_EXIT + ":file=" + exitLog));
        if (CPU_GROUP.isPresent()) {
            options.add("-XX:ActiveProcessorCount=2");
        }
        options.addAll(jvmOptions);
        Map<String, String> env = new LinkedHashMap<>(Map.of(
                "CREDITGUARD_STORE", "file:" + OUT.resolve("store").toAbsolutePath(), "STRIPE_WEBHOOK_SECRET", "whsec_bench",
                // the publishers are not reachable from a bench machine; refused at once, the refresh reports it
                "CREDITGUARD_RATES_RIKSBANK_URL", "http://127.0.0.1:9", "CREDITGUARD_RATES_ECB_URL", "http://127.0.0.1:9",
                "CREDITGUARD_RATES_BUNDESBANK_URL", "http://127.0.0.1:9", "CREDITGUARD_RATES_STATBANK_URL", "http://127.0.0.1:9",
                "CREDITGUARD_RATES_ATTEMPTS", "1",
                // as a deployed stage is configured, so the API events pass the caller check
                "CREDITGUARD_AUTH_ISSUER", Events.ISSUER));
        env.putAll(environment);
        PackagedFunction function = PackagedFunction.start(app, f.export(), env, options,
                OUT.resolve("logs/" + label(f) + "-" + label + ".log"));
        try {
            if (CPU_GROUP.isPresent()) {
                Files.writeString(CPU_GROUP.get(), String.valueOf(function.pid()));
            }
            LambdaRuntimeApi.Answer answer = function.invoke(event);
            if (answer.error()) {
                throw new IllegalStateException(f.name() + " " + label + " reported an error; see target/bench/logs");
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(answer.answeredAtNanos() - function.startedAt());
            long rss = rssKiB(function.pid());
            long cpu = cpuMillis(function.pid());
            function.close(); // the heap summary is written on exit
            String gcLog = Files.readString(exitLog);
            java.util.regex.Matcher pause = PAUSE.matcher(gcLog);
            int collections = 0;
            double pauseMillis = 0;
            while (pause.find()) {
                collections++;
                pauseMillis += Double.parseDouble(pause.group(1));
            }
            return new Sample(millis, cpu, rss, heapKiB(gcLog, exitLog), collections, pauseMillis);
        } finally {
            function.close();
        }
    }

    /**
     * The median, over the rounds, of the function's start divided by the bare function's in the same round. The
     * rounds run a few seconds apart, so a neighbour slowing the machine for a while slows both starts of a
     * round: this ratio moves less between runs of the bench than the ratio of the two medians.
     */
    static double medianRoundRatio(List<Sample> samples, List<Sample> bare) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            ratios.add((double) samples.get(i).millis() / bare.get(i).millis());
        }
        return middle(ratios);
    }

    /**
     * User and system time of the process, every thread's, from {@code /proc/<pid>/stat} (fields 14 and 15, in the
     * kernel's clock ticks for user space, 100 a second on Linux: 10 ms steps). Lambda gives a function processor time
     * in proportion to its memory (one vCPU at 1 769 MB, about 0.29 at 512), so where a start is bound by the processor
     * it takes there about this divided by that share, the compiler's and collector's threads included, which run
     * beside the main thread on this machine's second core.
     */
    static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // the command name, field 2, is in parentheses and may hold spaces: count fields after its closing one
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    static long rssKiB(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1L);
    }

    /** The middle of {@code values} once sorted (the upper one of an even count): every median here. */
    static <T extends Comparable<? super T>> T middle(List<T> values) {
        List<T> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** The median of one measure of {@code samples}. */
    static <T extends Comparable<? super T>> T median(List<Sample> samples, java.util.function.Function<Sample, T> measure) {
        return middle(samples.stream().map(measure).toList());
    }

    static long median(List<Sample> samples) {
        return median(samples, Sample::millis);
    }

    /** The log tags of the heap summary on exit: gc+heap+exit on JDK 17, gc+exit on JDK 25 (both checked here). */
    static final String HEAP_AT_EXIT = Runtime.version().feature() >= 25 ? "gc+exit" : "gc+heap+exit";

    /**
     * A generation's line of the summary: "def new generation"/"tenured generation" on JDK 17, "DefNew"/"Tenured" on
     * JDK 25 (the survivor spaces and the metaspace say "used" without a "total" before it).
     */
    private static final java.util.regex.Pattern HEAP_USED =
            java.util.regex.Pattern.compile("(generation|DefNew|Tenured|heap)\\s+total \\d+K, used (\\d+)K");

    /** A collection's line of the gc log: "GC(3) Pause Young (Allocation Failure) 6M->4M(7M) 1.116ms". */
    private static final java.util.regex.Pattern PAUSE =
            java.util.regex.Pattern.compile("(?m)GC\\(\\d+\\) Pause .* (\\d+\\.\\d+)ms$");

    /** Heap in use as the JVM reports it on exit ({@link #HEAP_AT_EXIT}): all generations, garbage included. */
    static long heapKiB(String gcLog, Path exitLog) {
        java.util.regex.Matcher used = HEAP_USED.matcher(gcLog);
        long total = 0;
        boolean found = false;
        while (used.find()) {
            total += Long.parseLong(used.group(2));
            found = true;
        }
        if (!found) {
            throw new IllegalStateException(exitLog + " has no heap summary");
        }
        return total;
    }


    static void write(List<Function> functions, Map<String, Map<String, List<Sample>>> results, int runs,
            Map<String, Long> classes, Map<String, Long> zipBytes, String toolOptions) throws IOException {
        StringBuilder md = new StringBuilder("| function | bare | JVM | median ms | min ms | max ms | × bare | × bare, fastest runs"
                + " | × bare, per round | CPU ms | × bare, CPU | heap MiB | RSS MiB | collections | their pauses, ms"
                + " | classes loaded | zip MB |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        StringBuilder csv = new StringBuilder("function,bare,config,runs,median_ms,min_ms,max_ms,ratio_to_bare,min_ratio_to_bare,"
                + "round_ratio_to_bare,cpu_ms,cpu_ratio_to_bare,heap_mib,rss_mib,collections,pause_ms,classes_loaded,zip_bytes\n");
        functions.forEach(f -> results.get(f.name()).forEach((config, samples) -> {
            String name = f.name();
            String yardstick = f.yardstick();
            Map<String, List<Sample>> bare = results.get(yardstick);
            long median = median(samples);
            long min = samples.stream().mapToLong(Sample::millis).min().orElseThrow();
            long max = samples.stream().mapToLong(Sample::millis).max().orElseThrow();
            double ratio = (double) median / median(bare.get(config));
            // On a shared machine the fastest runs are the least disturbed: their ratio is the steadier one.
            double minRatio = (double) min / bare.get(config).stream().mapToLong(Sample::millis).min().orElseThrow();
            double roundRatio = medianRoundRatio(samples, bare.get(config));
            long cpu = median(samples, Sample::cpuMillis);
            double cpuRatio = (double) cpu / median(bare.get(config), Sample::cpuMillis);
            long heapMiB = median(samples, Sample::heapKiB) / 1024;
            long rssMiB = median(samples, Sample::rssKiB) / 1024;
            int collections = median(samples, Sample::collections);
            double pauses = median(samples, Sample::pauseMillis);
            md.append(String.format(Locale.ROOT,
                    "| %s | %s | %s | %d | %d | %d | %.2f | %.2f | %.2f | %d | %.2f | %d | %d | %d | %.0f | %d | %.1f |%n",
                    name, yardstick, config, median, min, max, ratio, minRatio, roundRatio, cpu, cpuRatio, heapMiB, rssMiB,
                    collections, pauses, classes.get(name), zipBytes.get(name) / 1e6));
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%d,%d,%.3f,%.3f,%.3f,%d,%.3f,%d,%d,%d,%.1f,%d,%d%n", name,
                    yardstick, config, samples.size(), median, min, max, ratio, minRatio, roundRatio, cpu, cpuRatio,
                    heapMiB, rssMiB, collections, pauses, classes.get(name), zipBytes.get(name)));
        }));
        md.append("\n").append(runs).append(" runs per row; ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores; ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append("; JAVA_TOOL_OPTIONS: default ")
                .append(PackagedFunction.DEPLOYED_JAVA_TOOL_OPTIONS)
                .append(toolOptions == null ? "" : ", given " + toolOptions)
                .append(CPU_GROUP.isPresent() ? "; each function's JVM held to " + System.getProperty("bench.cpu-share")
                        + " of a processor" : "").append(".\n");
        Files.writeString(OUT.resolve("cold-start.md"), md);
        Files.writeString(OUT.resolve("cold-start.csv"), csv);
        System.out.print(md);
    }

    /**
     * The phases of a start, each named by a frame its samples pass through, innermost first: a sample counts
     * for the first phase whose frame its stack holds. What none names ("before the client") is the JVM's launcher
     * loading the runtime client's main class.
     */
    static final List<Map.Entry<String, String>> PHASES = List.of(
            Map.entry("validator metadata", "PredefinedScopeBeanMetaDataManager.<init>"),
            Map.entry("validator, rest", "HibernateValidatorProcessor$init"),
            Map.entry("JSON mapper", "AmazonLambdaCommonProcessor$initObjectMapper"),
            Map.entry("configuration", "io/quarkus/runtime/generated/Config."),
            Map.entry("CDI container", "ArcProcessor$initializeContainer"),
            Map.entry("Funqy", "FunqyLambdaBuildStep$init"),
            Map.entry("rest of Quarkus", "FunqyStreamHandler.<init>"),
            Map.entry("first event", "FunqyStreamHandler.handleRequest"),
            Map.entry("runtime client", "AWSLambda.main"));

    /** Each function {@code runs} times under the wall-clock sampler; the main thread's milliseconds by phase. */
    static void profile(List<Function> functions, Path agent, int runs) throws Exception {
        Map<String, long[]> millis = new LinkedHashMap<>();
        Map<String, Path> apps = unpacked(functions);
        for (int i = 0; i < runs; i++) {
            for (Function f : functions) {
                Path stacks = OUT.resolve("logs/" + label(f) + "-profile-" + i + ".collapsed").toAbsolutePath();
                String sampler = "-agentpath:" + agent + "=start,event=wall,interval=1ms,threads,collapsed,file=" + stacks;
                measure(f, apps.get(f.zip().toString()), List.of(sampler), Map.of(), "profile-" + i);
                long[] byPhase = millis.computeIfAbsent(f.name(), k -> new long[PHASES.size() + 2]);
                try (var lines = Files.lines(stacks)) {
                    // "[main tid=…];frame;frame… count": one line a distinct stack, the count in samples (ms)
                    lines.filter(l -> l.startsWith("[main ")).forEach(l -> {
                        int cut = l.lastIndexOf(' ');
                        long samples = Long.parseLong(l.substring(cut + 1));
                        byPhase[phase(l.substring(0, cut))] += samples;
                        byPhase[PHASES.size() + 1] += samples;
                    });
                }
            }
        }
        StringBuilder md = new StringBuilder("| function |");
        PHASES.forEach(p -> md.append(' ').append(p.getKey()).append(" |"));
        md.append(" before the client | main thread |\n|---|").append("---|".repeat(PHASES.size() + 2)).append('\n');
        millis.forEach((name, byPhase) -> {
            md.append("| ").append(name).append(" |");
            for (long ms : byPhase) {
                md.append(' ').append(Math.round((double) ms / runs)).append(" |");
            }
            md.append('\n');
        });
        md.append("\nms of the main thread, the mean of ").append(runs).append(" starts under async-profiler (wall clock,")
                .append(" 1 ms); ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append(".\n");
        Files.writeString(OUT.resolve("cold-start-profile.md"), md);
        System.out.print(md);
    }

    /** The index in {@link #PHASES} of the first phase whose frame the stack holds; past the last for none. */
    static int phase(String stack) {
        for (int i = 0; i < PHASES.size(); i++) {
            if (stack.contains(PHASES.get(i).getValue())) {
                return i;
            }
        }
        return PHASES.size();
    }

    /** Each zip unpacked once (the preview and the run share one), by the zip's path. */
    static Map<String, Path> unpacked(List<Function> functions) {
        Map<String, Path> apps = new LinkedHashMap<>();
        for (Function f : functions) {
            apps.computeIfAbsent(f.zip().toString(), zip -> unzipTo(f));
        }
        return apps;
    }

    static Path unzipTo(Function f) {
        String app = f.name().endsWith(" (one artifact)") ? "one-artifact"
                : f.name().endsWith(" (before)") ? "before-" + f.zip().getFileName().toString().replace(".zip", "")
                : f.zip().getParent().getParent().getFileName().toString();
        return PackagedFunction.unpack(f.zip(), OUT.resolve("app-" + app));
    }
}
