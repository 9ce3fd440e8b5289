package io.creditguard.webhooks;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Every type of this package that Jackson maps, registered for a native image. */
@RegisterForReflection(targets = { IntakeResult.class, IntakeResult.Status.class, IntakeStore.Adjustment.class })
final class JsonTypes {

    private JsonTypes() {
    }
}
