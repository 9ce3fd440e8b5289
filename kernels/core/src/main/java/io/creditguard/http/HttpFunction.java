package io.creditguard.http;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A function exported to Lambda that API Gateway invokes over HTTP. A subclass names its export,
 * declares its routes once, and carries the {@code @Funq} method that calls {@link #handle}. The
 * local gateway and the template tests find every such function through this type.
 */
public abstract class HttpFunction {

    private ApiGateway gateway;
    private Clock clock;
    private List<Route<?>> routes;

    @Inject
    public void init(ApiGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
        this.routes = List.copyOf(declareRoutes());
    }

    /** The exported Funqy name ({@code QUARKUS_FUNQY_EXPORT}). */
    public abstract String exportName();

    /** Called once, when the function is set up. */
    protected abstract List<Route<?>> declareRoutes();

    public List<Route<?>> routes() {
        return routes;
    }

    /** The event as Lambda delivers it to the {@code @Funq} method, and the answer it returns. */
    public JsonNode handle(JsonNode event) {
        return gateway.handle(event, routes);
    }

    /** The event as the local gateway and the tests build it. */
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return gateway.handle(event, routes);
    }

    /** The clock the function reads "now" from. */
    protected Clock clock() {
        return clock;
    }

    /** Today in UTC, for requests that give no {@code asOf}. */
    protected LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Today where {@code zone} is, e.g. the reminder policy's. */
    protected LocalDate today(java.time.ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }
}
