package io.creditguard.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.creditguard.TestFolders;

/**
 * A function's deployment package ({@code functions/<module>/target/function.zip}) run as Lambda runs it: unpacked into a task
 * root, and started either as the managed Java runtime starts it (the AWS Lambda Java Runtime
 * Interface Client, main class {@code AWSLambda}, handler {@code FunqyStreamHandler}) or, when the
 * zip holds a native {@code bootstrap}, as the OS-only runtime starts that binary. Either way the
 * process polls a local {@link LambdaRuntimeApi}.
 *
 * <p>The runtime interface client and its dependencies are the jars the build copies to
 * {@code target/lambda-runtime/} (see pom.xml).
 */
public final class PackagedFunction implements AutoCloseable {

    public static final String HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";
    /** Where each exported function's zip is built: its module, the preview and the run sharing one. */
    public static Path zip(String export) {
        String module = export.startsWith("reminders-") ? "reminders" : export;
        return Path.of("../functions", module, "target/function.zip");
    }

    public static final Path RUNTIME_CLIENT = Path.of("target/lambda-runtime");

    /**
     * The JVM options every deployed function gets, {@code JAVA_TOOL_OPTIONS} under the template's
     * {@code Globals} (C1 only, as AWS advises for short-lived functions), read from infra/template.yaml so a
     * packaged function starts here as it starts on Lambda.
     */
    public static final String DEPLOYED_JAVA_TOOL_OPTIONS = deployedJavaToolOptions(Path.of("../infra/template.yaml"));

    /** The memory Lambda gives a function here, the template's {@code MemorySize} under {@code Globals}. */
    public static final int MEMORY_MB = 512;

    /**
     * What the managed Java runtime itself puts on its JVM's command line, before the function's
     * {@code JAVA_TOOL_OPTIONS}: the largest heap ({@link #maxHeapKiB}) and the serial collector. The last,
     * {@code -XX:MaxRAM}, stands for the sandbox: what no option sets, the initial heap above all (1/64 of the
     * memory), the JVM sizes from the function's memory, as in Lambda, instead of from the machine running this.
     */
    public static final List<String> MANAGED_RUNTIME_OPTIONS = List.of("-XX:MaxHeapSize=" + maxHeapKiB(MEMORY_MB) + "k",
            "-XX:+UseSerialGC", "-XX:MaxRAM=" + MEMORY_MB + "m");

    /**
     * The largest heap the managed runtime gives a function of {@code memoryMb}: the memory less a tenth (the older
     * runtimes' metaspace limit) and a twentieth (their code cache), each rounded to the KiB, about 85 %. Its command
     * line shows {@code -XX:MaxHeapSize=222823k} at 256 MB (DataDog/datadog-lambda-extension#117, the Java 11
     * runtime) and {@code 445645k} at 512 MB (as lambci/docker-lambda copied it, issue #102); the Java 17 runtime
     * still sets it, beside {@code -XX:+UseSerialGC}.
     */
    static long maxHeapKiB(int memoryMb) {
        long kib = memoryMb * 1024L;
        return kib - Math.round(kib / 10.0) - Math.round(kib / 20.0);
    }

    private final Process process;
    private final LambdaRuntimeApi api;
    private final long startedAt;

    private PackagedFunction(Process process, LambdaRuntimeApi api, long startedAt) {
        this.process = process;
        this.api = api;
        this.startedAt = startedAt;
    }

    /**
     * Starts one exported function.
     *
     * @param taskRoot the unpacked deployment package, see {@link #unpack}
     * @param export the Funqy function, as {@code QUARKUS_FUNQY_EXPORT} names it in the template
     * @param environment the function's configuration, beside what Lambda itself sets
     * @param jvmOptions options for the JVM (ignored by a native bootstrap)
     * @param log where the process's output goes
     */
    public static PackagedFunction start(Path taskRoot, String export, Map<String, String> environment,
            List<String> jvmOptions, Path log) {
        LambdaRuntimeApi api = new LambdaRuntimeApi();
        Path bootstrap = taskRoot.resolve("bootstrap");
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(bootstrap)) {
            command.add(bootstrap.toAbsolutePath().toString());
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(MANAGED_RUNTIME_OPTIONS);
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", runtimeClientClasspath(),
                    "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", HANDLER));
        }
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("AWS_LAMBDA_RUNTIME_API", api.address());
            env.put("LAMBDA_TASK_ROOT", taskRoot.toAbsolutePath().toString());
            env.put("_HANDLER", HANDLER);
            env.put("AWS_LAMBDA_FUNCTION_NAME", "creditguard-" + export);
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(MEMORY_MB));
            env.put("AWS_REGION", "eu-north-1");
            env.put("QUARKUS_FUNQY_EXPORT", export);
            env.put("JAVA_TOOL_OPTIONS", DEPLOYED_JAVA_TOOL_OPTIONS);
            env.putAll(environment);
            long startedAt = System.nanoTime();
            return new PackagedFunction(builder.start(), api, startedAt);
        } catch (IOException e) {
            api.close();
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The template's one {@code JAVA_TOOL_OPTIONS: "..."} line, its value; without it, no start is as deployed. Read
     * as a line, not as YAML: the cold-start bench runs this class with no YAML parser on its class path
     * (TemplateTest checks the value against the parsed template).
     */
    static String deployedJavaToolOptions(Path template) {
        try (Stream<String> lines = Files.lines(template)) {
            List<String> values = lines.map(String::strip).filter(l -> l.startsWith("JAVA_TOOL_OPTIONS:"))
                    .map(l -> l.substring("JAVA_TOOL_OPTIONS:".length()).strip().replaceAll("^\"|\"$", "")).toList();
            if (values.size() != 1) {
                throw new IllegalStateException(template + " sets JAVA_TOOL_OPTIONS " + values.size() + " times, not once");
            }
            return values.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unpacks a deployment package into an empty task root, as Lambda does before the first start. */
    public static Path unpack(Path zip, Path taskRoot) {
        try {
            TestFolders.delete(taskRoot);
            try (InputStream raw = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(raw)) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    Path file = taskRoot.resolve(entry.getName()).normalize();
                    if (!file.startsWith(taskRoot)) {
                        throw new IOException("zip entry outside the task root: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(file);
                    } else {
                        Files.createDirectories(file.getParent());
                        Files.copy(in, file);
                    }
                }
            }
            Path bootstrap = taskRoot.resolve("bootstrap");
            if (Files.exists(bootstrap)) {
                // zip entries lose the executable bit Lambda's deployment keeps for bootstrap
                Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            return taskRoot;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String runtimeClientClasspath() {
        try (Stream<Path> jars = Files.list(RUNTIME_CLIENT)) {
            String classpath = jars.filter(p -> p.toString().endsWith(".jar")).map(p -> p.toAbsolutePath().toString())
                    .sorted().collect(Collectors.joining(java.io.File.pathSeparator));
            if (classpath.isEmpty()) {
                throw new IllegalStateException(RUNTIME_CLIENT + " holds no jars; run ./mvnw package");
            }
            return classpath;
        } catch (IOException e) {
            throw new UncheckedIOException(RUNTIME_CLIENT + " is missing; run ./mvnw package", e);
        }
    }

    /** Sends one event and waits up to two minutes for the answer (a cold start included). */
    public LambdaRuntimeApi.Answer invoke(String event) {
        if (!process.isAlive()) {
            throw new IllegalStateException("the function's process has exited with " + process.exitValue());
        }
        return api.invoke(event, Duration.ofMinutes(2));
    }

    /** When the process was started, on the {@link System#nanoTime()} scale. */
    public long startedAt() {
        return startedAt;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            api.close();
        }
    }
}
