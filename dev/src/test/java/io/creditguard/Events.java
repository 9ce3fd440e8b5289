package io.creditguard;

import io.creditguard.http.GatewayEvents;

/** The replayable API Gateway and scheduler events under {@code events/}, as the tests post them. */
public final class Events {

    /** Where the Lambda mock event server of the test profile listens ({@code POST /_lambda_}). */
    public static final int LAMBDA_PORT = Integer.getInteger("test.lambda-port", 8081);
    /** Where the local API gateway of the test profile listens. */
    public static final int GATEWAY_PORT = Integer.getInteger("test.gateway-port", 8089);
    /** The issuer the API events' authorizer context names, as a deployment's Cognito user pool would. */
    public static final String ISSUER = GatewayEvents.ISSUER;

    private Events() {
    }

    public static String read(String name) {
        return GatewayEvents.sample(name);
    }
}
