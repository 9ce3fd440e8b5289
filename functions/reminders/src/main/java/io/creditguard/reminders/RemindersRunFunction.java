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
 * carry {@code {"asOf": "2026-11-30", "dryRun": true}}; both are optional. {@code {"validate": true}}
 * runs nothing: it checks the operator's files in the store and answers what the next run would leave
 * out or stop for ({@link OperatorFiles}). A malformed input fails the invocation with a message saying
 * what to fix, so the scheduler's retry policy and dead-letter queue see it; the run's report is the result.
 */
@ApplicationScoped
public class RemindersRunFunction implements ScheduledFunction {

    @Inject
    ReminderRun run;

    @Inject
    OperatorFiles operatorFiles;

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
        if (flag(input, "validate")) {
            return Json.MAPPER.valueToTree(operatorFiles.validate());
        }
        Optional<LocalDate> asOf = ScheduledFunction.asOf(input);
        return Json.MAPPER.valueToTree(run.run(asOf, flag(input, "dryRun")));
    }

    private static boolean flag(JsonNode input, String name) {
        JsonNode value = input == null ? null : input.get(name);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(name + " must be true or false, not " + value);
        }
        return value.booleanValue();
    }
}
