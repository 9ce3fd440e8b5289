package io.creditguard.outbound;

import java.time.Duration;

/**
 * How an outbound caller waits (a rate limit, a {@code Retry-After}, a backoff): the wall clock in a
 * deployment, a clock the tests move, so no test waits for real time to pass.
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps on the wall clock. */
    Sleeper SYSTEM = wait -> Thread.sleep(wait.toMillis());

    /** @param wait not negative */
    void sleep(Duration wait) throws InterruptedException;
}
