package io.creditguard.robustness;

import io.creditguard.breakeven.BreakevenFunction;
import io.creditguard.claims.ClaimsFunction;
import io.creditguard.credit.CreditCheckFunction;
import io.creditguard.http.RouteFuzzing;
import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every JSON route, fed valid requests with one field broken in every way a caller could: the
 * answer is always a result or a 4xx problem, never a 5xx or a stack trace. Tries per property:
 * jqwik.tries.default (a few hundred in a normal build, 10 000 with -Pnightly).
 */
class RoutePropertiesTest {

    private static final BreakevenFunction BREAKEVEN = RouteFuzzing.wired(new BreakevenFunction());
    private static final CreditCheckFunction CREDIT = RouteFuzzing.wired(new CreditCheckFunction());
    private static final ClaimsFunction CLAIMS = RouteFuzzing.wired(new ClaimsFunction());

    @Provide
    Arbitrary<String> loss() {
        return RouteFuzzing.mutationsOf(RouteFuzzing.sampleBody("breakeven-loss.json"));
    }

    @Provide
    Arbitrary<String> protection() {
        return RouteFuzzing.mutationsOf(RouteFuzzing.sampleBody("breakeven-protection.json"));
    }

    @Provide
    Arbitrary<String> factoring() {
        return RouteFuzzing.mutationsOf(RouteFuzzing.sampleBody("breakeven-factoring.json"));
    }

    @Provide
    Arbitrary<String> creditCheck() {
        return RouteFuzzing.mutationsOf(RouteFuzzing.sampleBody("credit-check.json"));
    }

    @Provide
    Arbitrary<String> claims() {
        return RouteFuzzing.mutationsOf(RouteFuzzing.sampleBody("claims.json"));
    }

    /** The harness itself: the unbroken samples succeed, so the properties below test real routing. */
    @Example
    void theSamplesAreAcceptedUnbroken() {
        assertThat(BREAKEVEN.handle(RouteFuzzing.post("/breakeven/loss", RouteFuzzing.sampleBody("breakeven-loss.json")))
                .getStatusCode()).isEqualTo(200);
        assertThat(CREDIT.handle(RouteFuzzing.post("/credit-checks", RouteFuzzing.sampleBody("credit-check.json")))
                .getStatusCode()).isEqualTo(200);
        assertThat(CLAIMS.handle(RouteFuzzing.post("/claims", RouteFuzzing.sampleBody("claims.json"))).getStatusCode())
                .isEqualTo(200);
    }

    @Property
    void breakevenLoss(@ForAll("loss") String body) {
        RouteFuzzing.assertAnsweredWithoutFault(BREAKEVEN.handle(RouteFuzzing.post("/breakeven/loss", body)), body);
    }

    @Property
    void breakevenProtection(@ForAll("protection") String body) {
        RouteFuzzing.assertAnsweredWithoutFault(BREAKEVEN.handle(RouteFuzzing.post("/breakeven/protection", body)), body);
    }

    @Property
    void breakevenFactoring(@ForAll("factoring") String body) {
        RouteFuzzing.assertAnsweredWithoutFault(BREAKEVEN.handle(RouteFuzzing.post("/breakeven/factoring", body)), body);
    }

    @Property
    void creditCheck(@ForAll("creditCheck") String body) {
        RouteFuzzing.assertAnsweredWithoutFault(CREDIT.handle(RouteFuzzing.post("/credit-checks", body)), body);
    }

    @Property
    void claims(@ForAll("claims") String body) {
        RouteFuzzing.assertAnsweredWithoutFault(CLAIMS.handle(RouteFuzzing.post("/claims", body)), body);
    }
}
