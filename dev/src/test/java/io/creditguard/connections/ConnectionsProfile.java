package io.creditguard.connections;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.creditguard.Events;
import io.creditguard.http.LocalOidcProvider;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The connections Lambda as deployed, against a local Fortnox and a local identity provider started before
 * Quarkus so the configuration can name them; its store a folder of its own. The platforms send the browser
 * back to the local gateway.
 */
public class ConnectionsProfile implements QuarkusTestProfile {

    static final Path STORE = Path.of("target/connections-store");

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Servers.class));
    }

    /** The stand-ins, on the wall clock as the deployed function sees it. */
    public static class Servers implements QuarkusTestResourceLifecycleManager {
        static FortnoxStandIn fortnox;
        static LocalOidcProvider oidc;

        @Override
        public Map<String, String> start() {
            fortnox = new FortnoxStandIn(Clock.systemUTC());
            oidc = new LocalOidcProvider();
            Map<String, String> config = new HashMap<>(fortnox.config());
            config.putAll(oidc.config());
            config.put("quarkus.funqy.export", "connections");
            config.put("creditguard.store", "file:" + STORE);
            config.put("creditguard.connections.redirect-base", "http://localhost:" + Events.GATEWAY_PORT);
            // A retry follows at once: no test waits on the wall clock.
            config.put("creditguard.connections.backoff", "PT0S");
            return config;
        }

        @Override
        public void stop() {
            fortnox.close();
            oidc.close();
        }
    }
}
