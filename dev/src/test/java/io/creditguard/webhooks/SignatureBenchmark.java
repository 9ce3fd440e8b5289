package io.creditguard.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import io.creditguard.http.RouteFuzzing;

/** Warm cost of checking a Stripe signature over the sample event's 1.2 KB body. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignatureBenchmark {

    private final byte[] secret = "whsec_benchmark".getBytes(StandardCharsets.UTF_8);
    private final byte[] body = RouteFuzzing.sampleBody("webhooks-stripe.json").getBytes(StandardCharsets.UTF_8);
    private final byte[] signature = Signatures.hmacSha256(secret, Signatures.utf8("1795857000."), body);
    private final String signatureHex = HexFormat.of().formatHex(signature);

    @Benchmark
    public boolean verifyStripeSignature() {
        byte[] expected = Signatures.hmacSha256(secret, Signatures.utf8("1795857000."), body);
        return Signatures.same(expected, Signatures.hex(signatureHex));
    }
}
