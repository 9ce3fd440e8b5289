package io.creditguard.http;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The local identity provider as a Quarkus test resource: started before Quarkus, so the configuration can name
 * it, and stopped with it. The pages' sign-in tests reach it through {@link #oidc}.
 */
public class LocalOidcResource implements QuarkusTestResourceLifecycleManager {

    public static LocalOidcProvider oidc;

    @Override
    public Map<String, String> start() {
        oidc = new LocalOidcProvider();
        return new HashMap<>(oidc.config());
    }

    @Override
    public void stop() {
        oidc.close();
    }
}
