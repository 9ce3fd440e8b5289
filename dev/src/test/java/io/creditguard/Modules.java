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

    /** Every module's {@code src/main/java}, in the order the root pom lists the groups. */
    public static List<Path> sourceRoots() {
        return roots("src/main/java");
    }

    /** Every module's {@code src/main/resources}. */
    public static List<Path> resourceRoots() {
        return roots("src/main/resources");
    }

    /** Every Java file of the product (no tests). */
    public static List<Path> javaFiles() {
        return sourceRoots().stream().flatMap(root -> {
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static List<Path> roots(String folder) {
        return Stream.of("kernels", "domain", "functions").flatMap(group -> {
            try (Stream<Path> modules = Files.list(ROOT.resolve(group))) {
                return modules.sorted().map(m -> m.resolve(folder)).filter(Files::isDirectory).toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
