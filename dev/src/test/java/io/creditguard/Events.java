package io.creditguard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The replayable API Gateway and scheduler events under {@code events/}, as the tests post them. */
public final class Events {

    /** Where the Lambda mock event server of the test profile listens ({@code POST /_lambda_}). */
    public static final int LAMBDA_PORT = Integer.getInteger("test.lambda-port", 8081);
    /** Where the local API gateway of the test profile listens. */
    public static final int GATEWAY_PORT = Integer.getInteger("test.gateway-port", 8089);
    /** The issuer the API events' authorizer context names, as a deployment's Cognito user pool would. */
    public static final String ISSUER = "https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_Ex4mpl3Po";

    private Events() {
    }

    public static String read(String name) {
        try {
            return Files.readString(Path.of("../events", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
