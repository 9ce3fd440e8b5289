package io.creditguard.validation;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.ClockProvider;
import jakarta.validation.MessageInterpolator;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;

/**
 * How the container's validator is set up; Quarkus hands these beans to the validator factory it
 * builds. Messages are resource-bundle keys with {@code {parameter}} placeholders, never
 * expressions, so the parameter interpolator does: Expression Language is never bootstrapped.
 * "Today" in a constraint is the application's clock, so a test's fixed clock holds there too.
 * Property paths use the JSON's names ({@link JsonPropertyNames}).
 */
@Singleton
class ValidatorSettings {

    @Produces
    @Singleton
    MessageInterpolator messageInterpolator() {
        return new ParameterMessageInterpolator();
    }

    @Produces
    @Singleton
    ClockProvider clockProvider(Clock clock) {
        return () -> clock;
    }

    @Produces
    @Singleton
    PropertyNodeNameProvider propertyNodeNameProvider() {
        return new JsonPropertyNames();
    }
}
