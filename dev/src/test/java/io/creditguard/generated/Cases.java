package io.creditguard.generated;

import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

/**
 * Generated-input tests in plain JUnit 5: each case is a dynamic test with a seed of its own, drawn
 * from one run seed, so a failure names the seed that reproduces it:
 * {@code ./mvnw test -Dtest=RoutePropertiesTest -Dcreditguard.generated.seed=<run seed>}.
 * Cases per test: {@code creditguard.generated.cases} (250 in a normal build, 10 000 with
 * {@code -Pnightly}); the run seed is fixed unless {@code creditguard.generated.seed} names another,
 * so CI is repeatable and a nightly job may vary it.
 */
public final class Cases {

    private static final long DEFAULT_SEED = 20261201L;

    private Cases() {
    }

    public static int count() {
        return Integer.getInteger("creditguard.generated.cases", 250);
    }

    /** {@code count()} cases of {@code property}, each fed a generator of its own. */
    public static Stream<DynamicTest> of(String name, Consumer<Gen> property) {
        long runSeed = Long.getLong("creditguard.generated.seed", DEFAULT_SEED);
        return IntStream.range(0, count()).mapToObj(i -> {
            long seed = runSeed * 1_000_003L + i;
            return DynamicTest.dynamicTest(name + " #" + i + " (run seed " + runSeed + ")", () -> property.accept(new Gen(seed)));
        });
    }
}
