package io.creditguard.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * At most {@code permits} requests in any {@code window}, as a sliding window over the times the
 * last requests went out: Fortnox counts 25 requests in any 5 seconds, Exact 60 in a minute. A request
 * that would break the limit waits (through the {@link Sleeper}) until the oldest one leaves the
 * window. Thread-safe; the waiting caller holds the limit, so waiting callers go in turn.
 */
public final class RateLimit {

    private final int permits;
    private final Duration window;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ArrayDeque<Instant> sent = new ArrayDeque<>();
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

    /** Takes a permit, waiting until one is free. */
    public synchronized void acquire() throws InterruptedException {
        while (true) {
            Instant now = clock.instant();
            while (!sent.isEmpty() && !sent.peekFirst().plus(window).isAfter(now)) {
                sent.pollFirst();
            }
            if (sent.size() < permits) {
                sent.addLast(now);
                return;
            }
            waits++;
            sleeper.sleep(Duration.between(now, sent.peekFirst().plus(window)));
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
