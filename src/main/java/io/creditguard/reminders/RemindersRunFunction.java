package io.creditguard.reminders;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.json.Json;
import io.creditguard.http.ScheduledFunction;
import io.quarkus.funqy.Funq;

/**
 * Lambda {@code reminders-run}, fired by EventBridge Scheduler. The schedule's {@code Input} may
 * carry {@code {"asOf": "2026-11-30", "dryRun": true}}; both are optional. A malformed input fails
 * the invocation with a message saying what to fix, so the scheduler's retry policy and dead-letter
 * queue see it; the run's report is the result.
 */
@ApplicationScoped
public class RemindersRunFunction implements ScheduledFunction {

    @Inject
    ReminderRun run;

    @Override
    public String exportName() {
        return "reminders-run";
    }

    @Funq("reminders-run")
    public JsonNode run(JsonNode input) throws IOException {
        return fire(input);
    }

    @Override
    public JsonNode fire(JsonNode input) throws IOException {
        Optional<LocalDate> asOf = ScheduledFunction.asOf(input);
        return Json.MAPPER.valueToTree(run.run(asOf, dryRun(input == null ? null : input.get("dryRun"))));
    }

    private static boolean dryRun(JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException("dryRun must be true or false, not " + value);
        }
        return value.booleanValue();
    }
}
