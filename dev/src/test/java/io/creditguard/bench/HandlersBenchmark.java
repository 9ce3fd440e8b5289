package io.creditguard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import io.creditguard.Standalone;
import io.creditguard.breakeven.BreakevenFunction;
import io.creditguard.claims.ClaimsFunction;
import io.creditguard.credit.CreditCheckFunction;
import io.creditguard.http.HttpFunction;
import io.creditguard.http.RouteFuzzing;
import io.creditguard.json.Json;

/**
 * Warm, end-to-end time of one API Gateway event through a function, bytes in and bytes out as Lambda hands them
 * over and takes them back: the event read as Funqy reads it (a tree), decoding, JSON, validation, the calculation
 * (the credit scorecard among them), the answer's JSON and the answer written.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HandlersBenchmark {

    private final CreditCheckFunction credit = Standalone.creditCheck();
    private final BreakevenFunction breakeven = Standalone.breakeven();
    private final ClaimsFunction claims = Standalone.claims();
    private final byte[] creditEvent = event("/credit-checks", "credit-check.json");
    private final byte[] lossEvent = event("/breakeven/loss", "breakeven-loss.json");
    private final byte[] claimEvent = event("/claims", "claims.json");

    /** The sample's body in an event as API Gateway sends it for a signed-in caller. */
    private static byte[] event(String path, String sample) {
        try {
            return Json.MAPPER.writeValueAsBytes(RouteFuzzing.post(path, RouteFuzzing.sampleBody(sample)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] through(HttpFunction function, byte[] event) throws IOException {
        return Json.MAPPER.writeValueAsBytes(function.handle(Json.MAPPER.readTree(event)));
    }

    @Benchmark
    public byte[] creditCheckEvent() throws IOException {
        return through(credit, creditEvent);
    }

    @Benchmark
    public byte[] breakevenLossEvent() throws IOException {
        return through(breakeven, lossEvent);
    }

    @Benchmark
    public byte[] claimEventWithDossier() throws IOException {
        return through(claims, claimEvent);
    }
}
