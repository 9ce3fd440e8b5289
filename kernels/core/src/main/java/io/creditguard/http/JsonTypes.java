package io.creditguard.http;

import io.creditguard.validation.FieldError;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The field errors of a problem answer, registered for a native image explicitly rather than trusting the
 * extension to find them inside {@link Problem}. API Gateway's event and the answer need none: {@link GatewayJson}
 * reads and writes them as trees, without reflection.
 */
@RegisterForReflection(targets = { FieldError.class })
final class JsonTypes {

    private JsonTypes() {
    }
}
