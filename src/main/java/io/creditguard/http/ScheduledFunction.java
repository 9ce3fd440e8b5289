package io.creditguard.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A function exported to Lambda that a schedule fires with a JSON input rather than an HTTP request.
 * The local gateway fires it on {@code POST /_schedule/<export>}; the template tests find it here.
 */
public interface ScheduledFunction {

    /** The exported Funqy name ({@code QUARKUS_FUNQY_EXPORT}). */
    String exportName();

    /** Runs once for the schedule's input; the result is the invocation's result. */
    JsonNode fire(JsonNode input) throws Exception;
}
