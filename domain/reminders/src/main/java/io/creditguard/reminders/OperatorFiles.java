package io.creditguard.reminders;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.creditguard.rates.RateBook;
import io.creditguard.reference.FileProblem;
import io.creditguard.store.ObjectStore;

/**
 * A dry validation of the files an operator keeps in the store, asked for before the next run
 * ({@code {"validate": true}} on the run's event): the company's policy, every named customer policy under
 * {@code config/policies/}, and the two rate tables, read now, each problem with its file, line and
 * column. Nothing is sent, written or counted as an alarm.
 */
@ApplicationScoped
public class OperatorFiles {

    /**
     * @param checked the files found and read
     * @param problems what the next run would leave out, or (for the company's policy) stop for
     * @param runWouldStop the company's policy is broken: the next run sends nothing
     */
    public record Validation(String store, Instant checkedAt, List<String> checked, List<FileProblem> problems,
            boolean runWouldStop) {
    }

    private final ObjectStore store;
    private final ReminderService reminders;
    private final Clock clock;

    public OperatorFiles(ObjectStore store, ReminderService reminders, Clock clock) {
        this.store = store;
        this.reminders = reminders;
        this.clock = clock;
    }

    public Validation validate() throws IOException {
        List<String> checked = new ArrayList<>();
        List<FileProblem> problems = new ArrayList<>();
        boolean stops = check(ReminderPolicies.POLICY_KEY, checked, problems);
        List<String> config = store.list("config/");
        for (String key : config) {
            if (key.startsWith(ReminderPolicies.NAMED_POLICIES) && key.endsWith(".json")) {
                check(key, checked, problems);
            }
        }
        List.of(RateBook.OPERATOR_RATES, RateBook.OPERATOR_EXCHANGE).stream().filter(config::contains).forEach(checked::add);
        problems.addAll(reminders.rates().checkOperatorFiles());
        return new Validation(store.describe(), clock.instant(), List.copyOf(checked), List.copyOf(problems), stops);
    }

    /** Whether the policy at {@code key} is there and broken; its problems, or its fields no longer read, added. */
    private boolean check(String key, List<String> checked, List<FileProblem> problems) throws IOException {
        Optional<ReminderPolicies.PolicyFile> file = reminders.policies().policyFile(store, key);
        file.ifPresent(f -> checked.add(key));
        if (file.isPresent() && file.get() instanceof ReminderPolicies.Broken broken) {
            problems.addAll(broken.problems());
            return true;
        }
        file.ifPresent(f -> problems.addAll(((ReminderPolicies.Usable) f).leftOut()));
        return false;
    }
}
