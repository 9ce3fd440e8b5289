package io.creditguard.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.creditguard.Standalone;
import io.creditguard.breakeven.BreakevenFunction;
import io.creditguard.claims.ClaimsFunction;
import io.creditguard.credit.CreditCheckFunction;
import io.creditguard.generated.Cases;
import io.creditguard.http.HttpFunction;
import io.creditguard.http.RouteFuzzing;
import io.creditguard.reminders.RemindersPreviewFunction;

/**
 * Every JSON route, fed its sample request with one field broken in every way a caller could: the
 * answer is always a result or a 4xx problem, never a 5xx or a stack trace. Cases per route:
 * {@link Cases#count()} (250 in a normal build, 10 000 with -Pnightly).
 */
class RoutePropertiesTest {

    private static final BreakevenFunction BREAKEVEN = Standalone.breakeven();
    private static final CreditCheckFunction CREDIT = Standalone.creditCheck();
    private static final ClaimsFunction CLAIMS = Standalone.claims();
    private static final RemindersPreviewFunction PREVIEW = Standalone.remindersPreview();

    /** Each JSON route with its sample event. */
    private record Sample(HttpFunction function, String path, String event) {
    }

    private static final List<Sample> SAMPLES = List.of(
            new Sample(BREAKEVEN, "/breakeven/loss", "breakeven-loss.json"),
            new Sample(BREAKEVEN, "/breakeven/protection", "breakeven-protection.json"),
            new Sample(BREAKEVEN, "/breakeven/factoring", "breakeven-factoring.json"),
            new Sample(CREDIT, "/credit-checks", "credit-check.json"),
            new Sample(CLAIMS, "/claims", "claims.json"),
            new Sample(PREVIEW, "/reminders/preview", "reminders-preview.json"));

    /** The harness itself: the unbroken samples succeed, so the cases below test real routing. */
    @Test
    void theSamplesAreAcceptedUnbroken() {
        for (Sample s : SAMPLES) {
            assertThat(answer(s.function(), s.path(), RouteFuzzing.sampleBody(s.event()))).as(s.path()).isEqualTo(200);
        }
    }

    @TestFactory
    Stream<DynamicContainer> everyJsonRoute() {
        return SAMPLES.stream().map(s -> DynamicContainer.dynamicContainer(s.path(),
                brokenSamples(s.function(), s.path(), s.event())));
    }

    private static Stream<DynamicTest> brokenSamples(HttpFunction function, String path, String event) {
        String sample = RouteFuzzing.sampleBody(event);
        return Cases.of(path, gen -> {
            String body = RouteFuzzing.mutation(gen, sample);
            RouteFuzzing.assertAnsweredWithoutFault(function.handle(RouteFuzzing.post(path, body)), body);
        });
    }

    private static int answer(HttpFunction function, String path, String body) {
        return function.handle(RouteFuzzing.post(path, body)).getStatusCode();
    }
}
