package io.creditguard.alerts;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Every type of this package that Jackson maps (the reminder policy's {@code alerts}), for a native image. */
@RegisterForReflection(targets = { AlertPolicy.class })
final class JsonTypes {

    private JsonTypes() {
    }
}
