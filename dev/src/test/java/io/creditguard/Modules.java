package io.creditguard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The build's modules as the tests that read the sources see them (the tests run in {@code dev/}): every kernel,
 * domain library and function, each with its {@code src/main/java} and {@code src/main/resources}.
 */
public final class Modules {

    /** The checkout's root, from {@code dev/} where the tests run. */
    public static final Path ROOT = Path.of("..");

    private Modules() {
    }

    /** Every module's folder (kernels, domain libraries, functions), in the order the root pom lists the groups. */
    public static List<Path> modules() {
        return Stream.of("kernels", "domain", "functions").flatMap(group -> {
            try (Stream<Path> modules = Files.list(ROOT.resolve(group))) {
                return modules.filter(Files::isDirectory).sorted().toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** Every module's {@code src/main/java}. */
    public static List<Path> sourceRoots() {
        return within("src/main/java");
    }

    /** Every module's {@code src/main/resources}. */
    public static List<Path> resourceRoots() {
        return within("src/main/resources");
    }

    /** Every Java file of the product (no tests). */
    public static List<Path> javaFiles() {
        return sourceRoots().stream().flatMap(root -> javaFiles(root).stream()).toList();
    }

    /** The Java files under one source root. */
    public static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> within(String folder) {
        return modules().stream().map(m -> m.resolve(folder)).filter(Files::isDirectory).toList();
    }
}
