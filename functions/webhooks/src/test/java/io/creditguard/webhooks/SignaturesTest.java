package io.creditguard.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The replay window the Stripe and Standard Webhooks checks share. */
class SignaturesTest {

    /** 2026-11-28T09:10:00Z, as unix seconds. */
    private static final long NOW = 1795857000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

    /**
     * A signed timestamp counts within five minutes either way (Stripe's default tolerance, docs.stripe.com/webhooks
     * "Prevent replay attacks"; Standard Webhooks spec, "Verifying webhook authenticity"); any other 64-bit value,
     * however far, is outside, the ones where {@code now − t} overflows included.
     */
    @ParameterizedTest(name = "t = {0}: {1}")
    @CsvSource({
            "1795857000, true",
            "1795856700, true",
            "1795857300, true",
            "1795856699, false",
            "1795857301, false",
            "9223372036854775807, false",
            "-9223372036854775808, false",
            // now − t is 2^63 here, which wraps to Long.MIN_VALUE, the one long whose absolute value is negative
            "-9223372035058918808, false"})
    void aTimestampIsFreshOnlyWithinFiveMinutes(long t, boolean fresh) {
        assertThat(Signatures.fresh(CLOCK, t)).as("t = %d", t).isEqualTo(fresh);
    }
}
