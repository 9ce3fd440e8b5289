package io.creditguard.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.creditguard.VirtualTime;

/** The sliding window as Fortnox documents its limit: 25 requests in any 5 seconds, on a clock that only sleeping moves. */
class RateLimitTest {

    private static final Instant START = Instant.parse("2026-12-07T07:00:00Z");

    @Test
    void twentyFiveGoAtOnceAndTheTwentySixthWaitsUntilTheFirstLeavesTheWindow() throws InterruptedException {
        VirtualTime time = new VirtualTime(START);
        RateLimit limit = new RateLimit(25, Duration.ofSeconds(5), time, time);
        for (int i = 0; i < 25; i++) {
            limit.acquire();
        }
        assertThat(time.instant()).isEqualTo(START);
        limit.acquire();
        assertThat(time.instant()).isEqualTo(START.plusSeconds(5));
        assertThat(limit.waits()).isEqualTo(1);
    }

    @Test
    void noFiveSecondsEverSeeMoreThanTwentyFiveRequests() throws InterruptedException {
        VirtualTime time = new VirtualTime(START);
        RateLimit limit = new RateLimit(25, Duration.ofSeconds(5), time, time);
        List<Instant> sent = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            limit.acquire();
            sent.add(time.instant());
            time.pass(Duration.ofMillis(37));
        }
        for (int i = 25; i < sent.size(); i++) {
            assertThat(Duration.between(sent.get(i - 25), sent.get(i))).as("request %d", i)
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        }
        // 1 000 requests at 25 per 5 s take at least 39 windows of 5 s.
        assertThat(Duration.between(START, sent.get(999))).isGreaterThanOrEqualTo(Duration.ofSeconds(195));
    }

    @Test
    void aRequestCountsUntilAWindowAfterItsAnswerCame() throws InterruptedException {
        VirtualTime time = new VirtualTime(START);
        RateLimit limit = new RateLimit(1, Duration.ofSeconds(5), time, time);
        RateLimit.Permit slow = limit.acquire();
        time.pass(Duration.ofSeconds(3));
        slow.close();
        // The platform saw it arrive somewhere in those 3 seconds: the next waits until 5 s after its answer.
        limit.acquire();
        assertThat(time.instant()).isEqualTo(START.plusSeconds(8));
    }

    @Test
    void aLimitWithoutPermitsIsRefused() {
        VirtualTime time = new VirtualTime(START);
        assertThatThrownBy(() -> new RateLimit(0, Duration.ofSeconds(5), time, time)).isInstanceOf(IllegalArgumentException.class);
    }
}
