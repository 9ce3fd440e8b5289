package io.creditguard.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.json.Json;

/** The run report is written to the store and read back by GET /runs: its parts keep the one flat JSON object it was. */
class RunReportJsonTest {

    /** The report's fields as runs/&lt;day&gt;/… has always held them, in this order. */
    private static final List<String> FIELDS = List.of("store", "asOf", "dryRun", "policy", "customerPolicies", "startedAt",
            "finishedAt", "stopped", "operatorFiles", "bookFiles", "invoicesRead", "invalidLines", "dunned", "letters",
            "mailing", "insurerNotifications", "insurer", "completedFromRecords", "skipped", "warnings", "failedWrites", "errors", "missingRates",
            "rateConflicts", "intake", "kpis", "platformReminders", "customers");

    @Test
    void aReportIsOneFlatObjectWithEveryFieldInItsPlace() throws Exception {
        ReminderRun.Report report = ReminderRun.Report.stopped(new ReminderRun.Report.Run("folder /tmp/book",
                LocalDate.of(2026, 11, 30), false, null, List.of(), Instant.parse("2026-11-30T05:00:00Z"),
                Instant.parse("2026-11-30T05:00:01Z"), "the policy is broken", List.of()));
        JsonNode json = Json.MAPPER.readTree(Json.write(report));
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).isEqualTo(FIELDS.stream().filter(json::has).toList()).containsAll(List.of("store", "asOf",
                "stopped", "bookFiles", "letters", "mailing", "insurer", "skipped", "errors", "intake"));
        assertThat(json.get("asOf").asText()).isEqualTo("2026-11-30");
        assertThat(json.get("stopped").asText()).isEqualTo("the policy is broken");
        assertThat(json.get("invoicesRead").asLong()).isZero();
        assertThat(json.get("mailing").get("mailed").asLong()).isZero();
        assertThat(json.has("run")).isFalse();
        assertThat(json.has("sent")).isFalse();
    }
}
