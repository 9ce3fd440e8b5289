package io.creditguard.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.creditguard.Modules;

/**
 * Every module's sources keep to the one decimal bound the answers can word. The bundle words DecimalMin and
 * DecimalMax for an inclusive bound (the parameter interpolator evaluates no expression), so no record may use an
 * exclusive one: {@code @Positive} says "greater than 0". The wording itself is tested beside the reader
 * (kernels/core, {@code InputReaderTest}).
 */
class DecimalBoundsTest {

    @Test
    void noRecordUsesAnExclusiveDecimalBound() {
        List<Path> sources = Modules.javaFiles();
        assertThat(sources).as("the product's sources").hasSizeGreaterThan(100);
        assertThat(sources.stream().filter(f -> {
            try {
                return Files.readString(f).contains("inclusive = false");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList()).isEmpty();
    }
}
