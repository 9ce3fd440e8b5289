package io.creditguard.reminders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.creditguard.calendar.BusinessCalendar;
import io.creditguard.json.Json;

/** The shipped default policy with a seller in another country, or other fields replaced, for the reminder tests. */
final class TestPolicies {

    private static final StatutoryRules RULES = StatutoryRules.standard();
    private static final BusinessCalendar CALENDAR = BusinessCalendar.standard();

    private TestPolicies() {
    }

    /** The default policy of a seller in {@code country}, with {@code fields} (a JSON object) replacing its own. */
    static ReminderPolicy seller(String country, String fields) {
        try (InputStream in = TestPolicies.class.getClassLoader().getResourceAsStream(ReminderPolicies.DEFAULT_POLICY_RESOURCE)) {
            ObjectNode policy = (ObjectNode) Json.MAPPER.readTree(in);
            ((ObjectNode) policy.get("creditor")).put("country", country);
            JsonNode extra = Json.MAPPER.readTree(fields);
            extra.fields().forEachRemaining(e -> policy.set(e.getKey(), e.getValue()));
            return StandaloneReminders.inputs().read(new String(Json.MAPPER.writeValueAsBytes(policy), StandardCharsets.UTF_8),
                    ReminderPolicy.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReminderPolicy seller(String country) {
        return seller(country, "{}");
    }

    static ReminderEngine engine(ReminderPolicy policy) {
        return new ReminderEngine(policy, RULES, CALENDAR);
    }
}
