package io.creditguard.reminders;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.creditguard.calendar.BusinessCalendar;
import io.creditguard.receivables.Invoice;

/**
 * What the preview and the scheduled run share: the law and calendar loaded once, the default
 * policy, and turning one invoice's decision into actions with their letters.
 */
@ApplicationScoped
public class ReminderService {

    private static final StatutoryRules RULES = StatutoryRules.standard();
    private static final BusinessCalendar CALENDAR = BusinessCalendar.standard();
    private static final ReminderPolicy DEFAULT_POLICY = ReminderPolicy.standard();

    /** A warning about one invoice, e.g. an insurer deadline close by or a rate not yet known. */
    public record InvoiceWarning(String invoiceId, String message) {
    }

    public record Preview(LocalDate asOf, String policy, List<ReminderEngine.Reminder> reminders,
            List<ReminderEngine.Skip> skipped, List<InvoiceWarning> warnings, Kpis.Report kpis) {
    }

    private final Letters letters;

    ReminderService(Letters letters) {
        this.letters = letters;
    }

    public ReminderPolicy defaultPolicy() {
        return DEFAULT_POLICY;
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
