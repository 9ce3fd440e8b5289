package io.creditguard.rates;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.http.ScheduledFunction;
import io.creditguard.json.Json;
import io.quarkus.funqy.Funq;

/**
 * Lambda {@code reference-rates}, fired daily by EventBridge Scheduler: reads the official feeds
 * into the store ({@link RateRefresh}). The schedule's input may name {@code {"asOf": "2026-07-02"}}.
 * It never fails past its handler: a failed feed, a bad input or a store that cannot be written is in
 * the summary it answers and in the log, and the alarms watch the metrics; a retry would not help a
 * publisher that is down, tomorrow's run will.
 */
@ApplicationScoped
public class ReferenceRatesFunction implements ScheduledFunction {

    private static final Logger LOG = Logger.getLogger(ReferenceRatesFunction.class);

    @Inject
    RateRefresh refresh;

    @Override
    public String exportName() {
        return "reference-rates";
    }

    @Funq("reference-rates")
    public JsonNode refresh(JsonNode input) {
        return fire(input);
    }

    @Override
    public JsonNode fire(JsonNode input) {
        Optional<LocalDate> asOf;
        try {
            asOf = ScheduledFunction.asOf(input);
        } catch (IllegalArgumentException e) {
            LOG.error(e.getMessage());
            return Json.MAPPER.valueToTree(Map.of("error", e.getMessage()));
        }
        try {
            return Json.MAPPER.valueToTree(refresh.refresh(asOf));
        } catch (RuntimeException e) {
            LOG.error("the reference-rates refresh failed", e);
            return Json.MAPPER.valueToTree(Map.of("error", "the refresh failed: " + e.getMessage(), "sources", List.of()));
        }
    }
}
