package io.creditguard.webhooks;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

import io.creditguard.http.ProblemException;
import io.creditguard.http.ProblemType;

/**
 * The webhook secrets, read by their environment-variable names (STRIPE_WEBHOOK_SECRET, …) from the
 * configuration, where the template puts them from Secrets Manager. They are never logged: messages
 * name the variable, never its value.
 */
@ApplicationScoped
class Secrets {

    private final Config config;

    Secrets(Config config) {
        this.config = config;
    }

    Optional<String> find(String name) {
        return config.getOptionalValue(name, String.class).filter(v -> !v.isBlank());
    }

    /**
     * @throws ProblemException 503 when it is not set: our fault, so the platform retries later
     */
    String require(String name) {
        return find(name).orElseThrow(() -> new ProblemException(ProblemType.NOT_CONFIGURED,
                name + " is not configured on this deployment; the event was not processed and may be retried."));
    }
}
