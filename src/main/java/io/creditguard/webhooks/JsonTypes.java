package io.creditguard.webhooks;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Every type of this package that Jackson writes, registered for a native image. */
@RegisterForReflection(targets = { IntakeResult.class })
final class JsonTypes {

    private JsonTypes() {
    }
}
