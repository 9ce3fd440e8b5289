package io.creditguard.http;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

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

    /**
     * The schedule input's optional {@code asOf}: absent or null means today.
     *
     * @throws IllegalArgumentException saying what to fix, when the input is not an object or asOf is
     *     not an ISO date
     */
    static Optional<LocalDate> asOf(JsonNode input) {
        if (input == null || input.isNull()) {
            return Optional.empty();
        }
        if (!input.isObject()) {
            throw new IllegalArgumentException("The schedule input must be a JSON object such as "
                    + "{\"asOf\":\"2026-11-30\"}, not " + input.getNodeType());
        }
        JsonNode value = input.get("asOf");
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        try {
            if (value.isTextual()) {
                return Optional.of(LocalDate.parse(value.asText()));
            }
        } catch (DateTimeException e) {
            // reported below: not a date ("2026-13-01"), or one no LocalDate holds ("-999999999-01-01")
        }
        throw new IllegalArgumentException("asOf must be an ISO date such as 2026-11-30, not " + value);
    }
}
