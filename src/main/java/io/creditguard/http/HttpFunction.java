package io.creditguard.http;

import java.util.List;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * A function exported to Lambda that API Gateway invokes over HTTP. The local gateway and the
 * template tests find every such function through this interface.
 */
public interface HttpFunction {

    /** The exported Funqy name ({@code QUARKUS_FUNQY_EXPORT}). */
    String exportName();

    List<Route<?>> routes();

    APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event);
}
