package io.creditguard.reminders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.creditguard.calendar.BusinessCalendar;
import io.creditguard.receivables.Invoice;
import io.creditguard.validation.InputReader;
import io.creditguard.validation.InvalidInputException;

/**
 * What the preview and the scheduled run share: the law and calendar loaded once, the default
 * policy, and turning one invoice's decision into actions with their letters.
 */
@ApplicationScoped
public class ReminderService {

    static final String DEFAULT_POLICY_RESOURCE = "policies/default-reminder-policy.json";
    private static final StatutoryRules RULES = StatutoryRules.standard();
    private static final BusinessCalendar CALENDAR = BusinessCalendar.standard();

    /** A warning about one invoice, e.g. an insurer deadline close by or a rate not yet known. */
    public record InvoiceWarning(String invoiceId, String message) {
    }

    public record Preview(LocalDate asOf, String policy, List<ReminderEngine.Reminder> reminders,
            List<ReminderEngine.Skip> skipped, List<InvoiceWarning> warnings, Kpis.Report kpis) {
    }

    private final Letters letters;
    private final InputReader inputs;
    private final ReminderPolicy defaultPolicy;

    public ReminderService(Letters letters, InputReader inputs) {
        this.letters = letters;
        this.inputs = inputs;
        this.defaultPolicy = readPolicy(resource(DEFAULT_POLICY_RESOURCE), DEFAULT_POLICY_RESOURCE);
    }

    /** The policy that ships with the product, {@value #DEFAULT_POLICY_RESOURCE}. */
    public ReminderPolicy defaultPolicy() {
        return defaultPolicy;
    }

    /**
     * A policy kept as a file (shipped, or an operator's in the store), checked like a request's.
     *
     * @param location where it was read, named in the error
     * @throws IllegalStateException naming the location and every broken rule: a bad policy file is
     *     a deployment fault, never a reason to dun with a guessed policy
     */
    public ReminderPolicy readPolicy(String json, String location) {
        try {
            return inputs.read(json, ReminderPolicy.class);
        } catch (InvalidInputException e) {
            throw new IllegalStateException(location + " is not a valid reminder policy: " + e.summary(), e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = ReminderService.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + name, e);
        }
    }

    public ReminderEngine engine(ReminderPolicy policy) {
        return new ReminderEngine(policy, RULES, CALENDAR);
    }

    /** The decision's actions, each with its letter rendered. */
    public List<ReminderEngine.Reminder> actionsWithLetters(ReminderEngine engine, ReminderEngine.Decision decision) {
        return decision.actions().stream()
                .map(a -> a.withLetter(letters.render(a, decision.invoice(), engine.policy()))).toList();
    }

    /** What a run on {@code asOf} would do with {@code invoices}, stored nowhere. */
    public Preview preview(LocalDate asOf, ReminderPolicy policy, List<Invoice> invoices) {
        ReminderEngine engine = engine(policy);
        Kpis kpis = new Kpis(asOf);
        List<ReminderEngine.Reminder> reminders = new ArrayList<>();
        List<ReminderEngine.Skip> skipped = new ArrayList<>();
        List<InvoiceWarning> warnings = new ArrayList<>();
        for (Invoice invoice : invoices) {
            ReminderEngine.Decision decision = engine.decide(invoice, asOf);
            kpis.add(invoice, decision.effectiveDueDate());
            reminders.addAll(actionsWithLetters(engine, decision));
            decision.skip().ifPresent(skipped::add);
            decision.warnings().forEach(w -> warnings.add(new InvoiceWarning(invoice.invoiceId(), w)));
        }
        return new Preview(asOf, policy.name(), reminders, skipped, warnings, kpis.report());
    }
}
