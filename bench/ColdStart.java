import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;


/**
 * Cold start as the managed Java runtime does it: a fresh JVM running the AWS Lambda Java Runtime
 * Interface Client (main class AWSLambda, handler FunqyStreamHandler) with the function zip as its
 * task root, against a local emulation of the Lambda Runtime API. Measures process start until the
 * first event's response arrives, for every creditguard function and a bare Funqy function built on
 * the same Quarkus version, with and without tuning (an AppCDS archive, C1 only, serial GC), and the
 * heap in use and the resident set size once it has answered. Runs go round-robin over the functions.
 *
 * <p>Run by bench/run.sh: {@code java bench/ColdStart.java [runs]}. Writes target/bench/cold-start.md and .csv.
 */
public class ColdStart {

    record Function(String name, Path zip, String export, Path event) {
    }

    record Sample(long millis, long rssKiB, long heapKiB) {
    }

    static final Path OUT = Path.of("target/bench");
    static final String HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path creditguard = Path.of("target/function.zip");
        Path bare = Path.of("bench/bare-funqy/target/function.zip");
        List<Function> functions = List.of(
                new Function("bare-funqy", bare, "bare", Path.of("events/breakeven-loss.json")),
                new Function("breakeven", creditguard, "breakeven", Path.of("events/breakeven-loss.json")),
                new Function("credit-check", creditguard, "credit-check", Path.of("events/credit-check.json")),
                new Function("reminders-preview", creditguard, "reminders-preview", Path.of("events/reminders-preview.json")),
                new Function("reminders-run", creditguard, "reminders-run", Path.of("events/reminders-run.json")),
                new Function("claims", creditguard, "claims", Path.of("events/claims.json")),
                new Function("webhooks", creditguard, "webhooks", Path.of("events/webhooks-stripe.json")));
        String ric;
        try (Stream<Path> jars = Files.list(OUT.resolve("ric"))) {
            ric = jars.map(p -> p.toAbsolutePath().toString()).sorted().collect(Collectors.joining(":"));
        }
        Files.createDirectories(OUT.resolve("logs"));
        Map<String, Map<String, List<Sample>>> results = new LinkedHashMap<>();
        Map<String, Path> apps = new LinkedHashMap<>();
        Map<String, List<String>> tuned = new LinkedHashMap<>();
        for (Function f : functions) {
            Path app = apps.computeIfAbsent(f.zip().toString(), zip -> unzipTo(f));
            Path archive = OUT.resolve("cds-" + f.name() + ".jsa").toAbsolutePath();
            Files.deleteIfExists(archive);
            measure(f, app, ric, List.of("-XX:ArchiveClassesAtExit=" + archive), "cds-training");
            tuned.put(f.name(), List.of("-XX:SharedArchiveFile=" + archive, "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-Xshare:auto"));
        }
        // Round-robin, so a machine that slows down over the minutes this takes slows every function alike.
        for (int i = 0; i < runs; i++) {
            for (Function f : functions) {
                Path app = apps.get(f.zip().toString());
                Map<String, List<Sample>> byConfig = results.computeIfAbsent(f.name(), k -> new LinkedHashMap<>());
                byConfig.computeIfAbsent("default", k -> new ArrayList<>()).add(measure(f, app, ric, List.of(), "default-" + i));
                byConfig.computeIfAbsent("tuned", k -> new ArrayList<>())
                        .add(measure(f, app, ric, tuned.get(f.name()), "tuned-" + i));
            }
        }
        results.forEach((name, byConfig) -> System.out.printf("%-18s default %5d ms  tuned %5d ms%n", name,
                median(byConfig.get("default")), median(byConfig.get("tuned"))));
        write(results, runs);
    }

    /** One cold start: JVM launch until the Runtime API receives the first response. */
    static Sample measure(Function f, Path app, String ric, List<String> jvmOptions, String label) throws Exception {
        String event = Files.readString(f.event());
        RuntimeApi api = new RuntimeApi(event);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        Path exitLog = OUT.resolve("logs/" + f.name() + "-" + label + ".heap").toAbsolutePath();
        command.add("-Xlog:gc+heap+exit:file=" + exitLog);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", ric, "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", HANDLER));
        // The runtime client loads the function from its working directory (task root) and lib/ there.
        ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile())
                .redirectErrorStream(true)
                .redirectOutput(OUT.resolve("logs/" + f.name() + "-" + label + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + api.port());
        env.put("LAMBDA_TASK_ROOT", app.toAbsolutePath().toString());
        env.put("_HANDLER", HANDLER);
        env.put("QUARKUS_FUNQY_EXPORT", f.export());
        env.put("AWS_LAMBDA_FUNCTION_NAME", "bench-" + f.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        env.put("AWS_REGION", "eu-north-1");
        env.put("CREDITGUARD_STORE", "file:" + OUT.resolve("store").toAbsolutePath());
        env.put("STRIPE_WEBHOOK_SECRET", "whsec_bench");
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            if (!api.awaitResponse(120)) {
                throw new IllegalStateException(f.name() + " " + label + " did not answer; see target/bench/logs");
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(api.answeredAt() - start);
            long rss = rssKiB(process.pid());
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            return new Sample(millis, rss, heapKiB(exitLog));
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            api.stop();
        }
    }

    static long rssKiB(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1L);
    }

    static long median(List<Sample> samples) {
        List<Long> sorted = samples.stream().map(Sample::millis).sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static final java.util.regex.Pattern HEAP_USED =
            java.util.regex.Pattern.compile("(heap|generation)\\s+total \\d+K, used (\\d+)K");

    /** Heap in use as the JVM reports it on exit (-Xlog:gc+heap+exit): all generations, garbage included. */
    static long heapKiB(Path exitLog) throws IOException {
        java.util.regex.Matcher used = HEAP_USED.matcher(Files.readString(exitLog));
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

    static long medianHeap(List<Sample> samples) {
        List<Long> sorted = samples.stream().map(Sample::heapKiB).sorted().toList();
        return sorted.get(sorted.size() / 2) / 1024;
    }

    static long medianRss(List<Sample> samples) {
        List<Long> sorted = samples.stream().map(Sample::rssKiB).sorted().toList();
        return sorted.get(sorted.size() / 2) / 1024;
    }

    static void write(Map<String, Map<String, List<Sample>>> results, int runs) throws IOException {
        StringBuilder md = new StringBuilder("| function | config | median ms | min ms | max ms | × bare | × bare, fastest runs | heap MiB"
                + " | RSS MiB |\n|---|---|---|---|---|---|---|---|---|\n");
        StringBuilder csv = new StringBuilder("function,config,runs,median_ms,min_ms,max_ms,ratio_to_bare,min_ratio_to_bare,heap_mib,rss_mib\n");
        Map<String, List<Sample>> bare = results.get("bare-funqy");
        results.forEach((name, byConfig) -> byConfig.forEach((config, samples) -> {
            long median = median(samples);
            long min = samples.stream().mapToLong(Sample::millis).min().orElseThrow();
            long max = samples.stream().mapToLong(Sample::millis).max().orElseThrow();
            double ratio = (double) median / median(bare.get(config));
            // On a shared machine the fastest runs are the least disturbed: their ratio is the steadier one.
            double minRatio = (double) min / bare.get(config).stream().mapToLong(Sample::millis).min().orElseThrow();
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %.2f | %.2f | %d | %d |%n", name, config,
                    median, min, max, ratio, minRatio, medianHeap(samples), medianRss(samples)));
            csv.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%d,%.3f,%.3f,%d,%d%n", name, config, samples.size(),
                    median, min, max, ratio, minRatio, medianHeap(samples), medianRss(samples)));
        }));
        md.append("\n").append(runs).append(" runs per row; ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores; ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append(".\n");
        Files.writeString(OUT.resolve("cold-start.md"), md);
        Files.writeString(OUT.resolve("cold-start.csv"), csv);
        System.out.print(md);
    }

    static Path unzipTo(Function f) {
        try {
            return unzip(f.zip(), OUT.resolve(f.export().equals("bare") ? "app-bare" : "app-creditguard"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path unzip(Path zip, Path target) throws IOException {
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.walk(target)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file);
                }
            }
        }
        return target;
    }

    /**
     * The Lambda Runtime API, for one invocation: hands out the event, waits for the answer, then holds
     * the next poll. A raw HTTP/1.1 server, because the client's native part matches header names as
     * Lambda writes them and the JDK's HttpServer rewrites their case.
     */
    static final class RuntimeApi {
        private final java.net.ServerSocket server;
        private final byte[] event;
        private final CountDownLatch answered = new CountDownLatch(1);
        private volatile long answeredAt;
        private volatile boolean handedOut;
        private volatile String error;
        private final List<java.net.Socket> open = new java.util.concurrent.CopyOnWriteArrayList<>();

        RuntimeApi(String event) throws IOException {
            this.event = event.getBytes(StandardCharsets.UTF_8);
            server = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::accept, "runtime-api");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        long answeredAt() {
            return answeredAt;
        }

        /** Whether an answer came; an error reported through the Runtime API is not an answer. */
        boolean awaitResponse(int seconds) throws InterruptedException {
            return answered.await(seconds, TimeUnit.SECONDS) && error == null;
        }

        void stop() throws IOException {
            server.close();
            for (java.net.Socket socket : open) {
                socket.close();
            }
        }

        private void accept() {
            var pool = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "runtime-api-connection");
                t.setDaemon(true);
                return t;
            });
            while (!server.isClosed()) {
                try {
                    java.net.Socket socket = server.accept();
                    open.add(socket);
                    pool.submit(() -> serve(socket));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(java.net.Socket socket) {
            try (socket; InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
                    OutputStream out = socket.getOutputStream()) {
                while (true) {
                    String requestLine = line(in);
                    if (requestLine == null || requestLine.isEmpty()) {
                        return;
                    }
                    int length = 0;
                    for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                        if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                            length = Integer.parseInt(header.substring(15).trim());
                        }
                    }
                    in.readNBytes(length);
                    String path = requestLine.split(" ")[1];
                    if (path.endsWith("/invocation/next")) {
                        if (handedOut) {
                            return;
                        }
                        handedOut = true;
                        String head = "HTTP/1.1 200 OK\r\n"
                                + "Content-Type: application/json\r\n"
                                + "Lambda-Runtime-Aws-Request-Id: 8476a536-e9f4-11e8-9739-2dfe598c3fcd\r\n"
                                + "Lambda-Runtime-Deadline-Ms: " + (System.currentTimeMillis() + 300_000) + "\r\n"
                                + "Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:eu-north-1:123456789012:function:bench\r\n"
                                + "Lambda-Runtime-Trace-Id: Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1\r\n"
                                + "Content-Length: " + event.length + "\r\n\r\n";
                        out.write(head.getBytes(StandardCharsets.US_ASCII));
                        out.write(event);
                        out.flush();
                    } else {
                        if (path.endsWith("/error")) {
                            error = path;
                        }
                        answeredAt = System.nanoTime();
                        out.write("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        answered.countDown();
                    }
                }
            } catch (IOException e) {
                // the function's process was stopped
            }
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder text = new StringBuilder();
            for (int c = in.read(); c != -1; c = in.read()) {
                if (c == '\n') {
                    return text.toString().stripTrailing();
                }
                text.append((char) c);
            }
            return text.length() == 0 ? null : text.toString();
        }
    }
}
