package io.creditguard.store;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** core's {@link S3ProxyServer} as a Quarkus test resource: the application's store is a prefix of its bucket. */
public final class S3ProxyResource implements QuarkusTestResourceLifecycleManager {

    private S3ProxyServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = S3ProxyServer.started();
        } catch (Exception e) {
            throw new IllegalStateException("starting S3Proxy", e);
        }
        return Map.of("creditguard.store", "s3://" + S3ProxyServer.BUCKET + "/tenant-a", "creditguard.s3.endpoint",
                server.endpoint().toString());
    }

    @Override
    public void stop() {
        server.stop();
    }
}
