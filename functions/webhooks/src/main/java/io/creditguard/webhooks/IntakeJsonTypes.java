package io.creditguard.webhooks;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The types the function's intakes map with Jackson (beside the intake store's {@code JsonTypes}), registered for a native image. */
@RegisterForReflection(targets = { StandardWebhooksIntake.PaymentEvent.class })
final class IntakeJsonTypes {

    private IntakeJsonTypes() {
    }
}
