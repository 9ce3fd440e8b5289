package io.creditguard.connections;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

import io.creditguard.outbound.HttpFetcher;
import io.creditguard.outbound.TokenEndpoint;

/**
 * What this deployment says about each platform: its endpoints ({@code creditguard.<platform>.api-url},
 * {@code .authorize-url}, {@code .token-url}, {@code .revoke-url}, {@code .scope}; the vendors' real URLs in
 * application.properties, so tests point elsewhere), the client it registered there
 * ({@code FORTNOX_CLIENT_ID}, {@code FORTNOX_CLIENT_SECRET}, likewise {@code EXACT_} and {@code VISMA_}; on AWS
 * from Secrets Manager), and where the platform sends the browser back
 * ({@code creditguard.connections.redirect-base}). A platform without its client is not configured: it is
 * listed as such and cannot be connected. Secrets are never logged; messages name the variable.
 */
@ApplicationScoped
public class Settings {

    /** One platform's settings. */
    public record Of(Platform platform, Optional<TokenEndpoint.Client> client, URI apiUrl, URI authorizeUrl, URI tokenUrl,
            Optional<URI> revokeUrl, String scope, Optional<URI> redirectBase) {

        public boolean configured() {
            return client.isPresent() && redirectBase.isPresent();
        }

        /** Where the platform sends the browser back: {@code <redirect-base>/connections/<platform>/callback}. */
        public URI redirectUri() {
            return HttpFetcher.under(redirectBase.orElseThrow(), "/connections/" + platform.id() + "/callback");
        }

        /** Why it cannot be connected, naming what to set; empty when it can. */
        public Optional<String> missing() {
            if (client.isEmpty()) {
                return Optional.of(platform.secretName("CLIENT_ID") + " and " + platform.secretName("CLIENT_SECRET")
                        + " are not configured on this deployment");
            }
            return redirectBase.isEmpty() ? Optional.of("creditguard.connections.redirect-base "
                    + "(CREDITGUARD_CONNECTIONS_REDIRECT_BASE) is not configured on this deployment") : Optional.empty();
        }

        @Override
        public String toString() {
            return platform.id() + " settings";
        }
    }

    private final Config config;

    Settings(Config config) {
        this.config = config;
    }

    public Of of(Platform platform) {
        String prefix = "creditguard." + platform.id() + ".";
        Optional<String> id = secret(platform.secretName("CLIENT_ID"));
        Optional<String> secret = secret(platform.secretName("CLIENT_SECRET"));
        Optional<TokenEndpoint.Client> client = id.flatMap(i -> secret.map(s -> new TokenEndpoint.Client(i, s,
                platform.clientAuth())));
        return new Of(platform, client, config.getValue(prefix + "api-url", URI.class),
                config.getValue(prefix + "authorize-url", URI.class), config.getValue(prefix + "token-url", URI.class),
                config.getOptionalValue(prefix + "revoke-url", URI.class),
                config.getOptionalValue(prefix + "scope", String.class).orElse(""),
                config.getOptionalValue("creditguard.connections.redirect-base", URI.class));
    }

    /** How long one platform's scheduled sync may run before it stops and the next one resumes. */
    Duration syncBudget() {
        return config.getOptionalValue("creditguard.connections.sync-budget", Duration.class).orElse(Duration.ofMinutes(4));
    }

    /** How long one platform's sync may run inside the reminder run, which has its own work to do. */
    Duration runBudget() {
        return config.getOptionalValue("creditguard.connections.run-budget", Duration.class).orElse(Duration.ofMinutes(2));
    }

    /** The limits of every request to a platform: the answer within this, three tries. */
    HttpFetcher.Limits limits() {
        return new HttpFetcher.Limits(Duration.ofSeconds(5),
                config.getOptionalValue("creditguard.connections.read-timeout", Duration.class).orElse(Duration.ofSeconds(20)),
                3, config.getOptionalValue("creditguard.connections.backoff", Duration.class).orElse(Duration.ofSeconds(2)),
                8 << 20);
    }

    private Optional<String> secret(String name) {
        return config.getOptionalValue(name, String.class).filter(v -> !v.isBlank());
    }
}
