package io.creditguard.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * At most {@code permits} requests in any {@code window}, as a sliding window over the last requests: Fortnox
 * counts 25 requests in any 5 seconds, Exact 60 in a minute. A request holds its place in the window from when
 * it is sent until a window after its answer came ({@link Permit#close()}): the platform counts a request when
 * it arrives, some time after it was sent, so a window counted from the sending would let the next one arrive
 * early and be refused (measured against the local Fortnox: 27 429s in 1 111 requests); counted from the
 * answer, it cannot. A request that would break the limit waits (through the {@link Sleeper}) until the oldest
 * leaves the window. Thread-safe; waiting callers go in turn.
 */
public final class RateLimit {

    /** One request's place in the window; closing it says its answer has come. */
    public final class Permit implements AutoCloseable {

        private Instant at;

        private Permit(Instant at) {
            this.at = at;
        }

        /** The answer came (or the request failed): the request leaves the window a window from now. */
        @Override
        public void close() {
            synchronized (RateLimit.this) {
                at = clock.instant();
            }
        }
    }

    private final int permits;
    private final Duration window;
    private final Clock clock;
    private final Sleeper sleeper;
    private final List<Permit> held = new ArrayList<>();
    /** Held by the caller whose turn it is, through its waits, so the others queue behind it. */
    private final Object turn = new Object();
    private long waits;

    /**
     * @param permits at least one
     * @param window positive
     */
    public RateLimit(int permits, Duration window, Clock clock, Sleeper sleeper) {
        if (permits < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit needs at least one permit in a positive window");
        }
        this.permits = permits;
        this.window = window;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Takes a permit, waiting until one is free; close it when the answer has come. */
    public Permit acquire() throws InterruptedException {
        synchronized (turn) {
            while (true) {
                Duration wait;
                synchronized (this) {
                    Instant now = clock.instant();
                    held.removeIf(p -> !p.at.plus(window).isAfter(now));
                    if (held.size() < permits) {
                        Permit permit = new Permit(now);
                        held.add(permit);
                        return permit;
                    }
                    waits++;
                    Instant oldest = held.stream().map(p -> p.at).min(Comparator.naturalOrder()).orElseThrow();
                    wait = Duration.between(now, oldest.plus(window));
                }
                sleeper.sleep(wait);
            }
        }
    }

    /** How many times a request had to wait for a permit so far. */
    public synchronized long waits() {
        return waits;
    }

    @Override
    public String toString() {
        return permits + " requests per " + window.toMillis() + " ms";
    }
}
