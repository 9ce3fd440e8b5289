package io.creditguard.reminders;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.http.HttpFunction;
import io.creditguard.http.Route;
import io.quarkus.funqy.Funq;

/** Lambda {@code reminders-preview}: what the scheduled run would send on a day, for the invoices posted. */
@ApplicationScoped
public class RemindersPreviewFunction extends HttpFunction {

    private final ReminderService reminders;

    public RemindersPreviewFunction(ReminderService reminders) {
        this.reminders = reminders;
    }

    /** The OAuth scope an access token needs for this function's API (the template's authorizer requires it too). */
    static final String SCOPE = "creditguard/reminders";

    @Override
    public String exportName() {
        return "reminders-preview";
    }

    @Override
    protected List<Route<?>> declareRoutes() {
        return List.of(Route.post("/reminders/preview", PreviewRequest.class, SCOPE, r -> {
            ReminderPolicy policy = r.policy() == null ? reminders.policies().defaultPolicy() : r.policy();
            LocalDate asOf = r.asOf() == null ? today(policy.zone()) : r.asOf();
            return reminders.preview(asOf, policy, r.policies(), r.invoices());
        }));
    }

    @Funq("reminders-preview")
    public JsonNode preview(JsonNode event) {
        return handle(event);
    }
}
