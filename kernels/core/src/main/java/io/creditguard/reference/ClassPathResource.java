package io.creditguard.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A file the artifact ships under {@code src/main/resources/}, read whole through the class loader
 * (so it must be listed in {@code quarkus.native.resources.includes} for a native image).
 */
public final class ClassPathResource {

    private ClassPathResource() {
    }

    /**
     * @throws IllegalStateException when {@code name} is not on the class path: a missing resource is a
     *     packaging fault, found by the tests before it ships
     */
    public static byte[] bytes(String name) {
        try (InputStream in = ClassPathResource.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + name, e);
        }
    }

    /** {@link #bytes} as UTF-8 text. */
    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
