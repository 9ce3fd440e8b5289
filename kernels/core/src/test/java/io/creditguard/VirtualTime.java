package io.creditguard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.creditguard.outbound.Sleeper;

/**
 * A clock that moves only when someone sleeps on it, so a test of rate limits, {@code Retry-After} and
 * leases runs at once instead of on the wall clock. Thread-safe: each sleep moves the time it asks for.
 */
public final class VirtualTime extends Clock implements Sleeper {

    private final AtomicReference<Instant> now;
    private final AtomicLong slept = new AtomicLong();

    public VirtualTime(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    @Override
    public void sleep(Duration wait) {
        now.accumulateAndGet(Instant.EPOCH.plus(wait), (t, w) -> t.plusMillis(w.toEpochMilli()));
        slept.addAndGet(wait.toMillis());
    }

    /** Moves the clock, as time passing between two syncs. */
    public void pass(Duration time) {
        now.accumulateAndGet(Instant.EPOCH.plus(time), (t, w) -> t.plusMillis(w.toEpochMilli()));
    }

    /** All the time callers slept so far. */
    public Duration slept() {
        return Duration.ofMillis(slept.get());
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
