package io.creditguard.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import io.creditguard.Standalone;
import io.creditguard.breakeven.BreakevenFunction;
import io.creditguard.claims.ClaimsFunction;
import io.creditguard.credit.CreditCheckFunction;
import io.creditguard.http.RouteFuzzing;

/**
 * Warm, end-to-end time of one API Gateway event through a function's handler: decoding, JSON,
 * validation, the calculation (the credit scorecard among them) and the answer's JSON.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HandlersBenchmark {

    private final CreditCheckFunction credit = Standalone.creditCheck();
    private final BreakevenFunction breakeven = Standalone.breakeven();
    private final ClaimsFunction claims = Standalone.claims();
    private final APIGatewayV2HTTPEvent creditEvent = RouteFuzzing.post("/credit-checks",
            RouteFuzzing.sampleBody("credit-check.json"));
    private final APIGatewayV2HTTPEvent lossEvent = RouteFuzzing.post("/breakeven/loss",
            RouteFuzzing.sampleBody("breakeven-loss.json"));
    private final APIGatewayV2HTTPEvent claimEvent = RouteFuzzing.post("/claims", RouteFuzzing.sampleBody("claims.json"));

    @Benchmark
    public APIGatewayV2HTTPResponse creditCheckEvent() {
        return credit.handle(creditEvent);
    }

    @Benchmark
    public APIGatewayV2HTTPResponse breakevenLossEvent() {
        return breakeven.handle(lossEvent);
    }

    @Benchmark
    public APIGatewayV2HTTPResponse claimEventWithDossier() {
        return claims.handle(claimEvent);
    }
}
