package io.creditguard.customers;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The pass's types that Jackson maps (its report, the alert events and the digest's state), for a native image. */
@RegisterForReflection(targets = {
        AlertRules.Change.class, AlertRules.Event.class,
        LedgerPass.Report.class, AlertDigest.Outcome.class, AlertDigest.Status.class, AlertDigest.State.class })
final class PassJsonTypes {

    private PassJsonTypes() {
    }
}
