package io.creditguard.connections;

import java.time.Instant;

import io.creditguard.metrics.Emf;

/**
 * The metric {@code creditguard/ConnectionNeedsConsent} (dimension {@code Platform}), whose alarm in the
 * template tells the operator that a platform refused its refresh token and an admin must connect it
 * again. Written under the function {@value #FUNCTION} whichever Lambda found out, so one alarm sees it.
 */
final class ConnectionAlarms {

    static final String NEEDS_CONSENT = "ConnectionNeedsConsent";
    static final String FUNCTION = "connections";

    private ConnectionAlarms() {
    }

    static void needsConsent(Platform platform, Instant at) {
        Emf.count(NEEDS_CONSENT, "Platform", platform.id(), FUNCTION, at);
    }
}
