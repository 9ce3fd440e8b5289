package io.creditguard.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JVM a packaged function starts in here is the one the managed Java runtime gives it. */
class PackagedFunctionTest {

    @ParameterizedTest(name = "{0} MB → -XX:MaxHeapSize={1}k")
    @CsvSource({
            // the Java 11 runtime's command line at 256 MB, DataDog/datadog-lambda-extension#117
            "256, 222823",
            // the Java 8 runtime's at 512 MB, the template's memory: 524 288k less its -XX:MaxMetaspaceSize=52429k
            // and -XX:ReservedCodeCacheSize=26214k (as lambci/docker-lambda copied them, issue #102)
            "512, 445645"})
    void theLargestHeapIsWhatTheManagedRuntimeGivesAFunctionOfThatMemory(int memoryMb, long maxHeapKiB) {
        assertThat(PackagedFunction.maxHeapKiB(memoryMb)).isEqualTo(maxHeapKiB);
    }

    @Test
    void theJvmSizesItsInitialHeapFromTheFunctionsMemoryNotFromThisMachines() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(PackagedFunction.MANAGED_RUNTIME_OPTIONS);
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String flags = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor()).isZero();
        // HotSpot's InitialRAMPercentage, 1.5625 %: 1/64 of 512 MB, 8 MiB (on a machine of 24 GiB it would be 384 MiB)
        assertThat(flags).containsPattern("size_t InitialHeapSize += 8388608 ").containsPattern("bool UseSerialGC += true ");
    }
}
