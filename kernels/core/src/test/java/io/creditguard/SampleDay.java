package io.creditguard;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The day the sample events and books were written, 2026-11-28 at 09:00 UTC: the "today" of every fixed-clock test. */
public final class SampleDay {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC);

    private SampleDay() {
    }
}
