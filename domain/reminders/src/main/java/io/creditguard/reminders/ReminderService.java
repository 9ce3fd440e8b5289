package io.creditguard.reminders;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.creditguard.calendar.BusinessCalendar;
import io.creditguard.rates.RateBook;
import io.creditguard.reference.FileProblem;
import io.creditguard.store.ObjectStore;
import io.creditguard.receivables.Invoice;

/**
 * What the preview and the scheduled run share: the law and calendar loaded once, the rates merged
 * from the store ({@link RateBook}), the default policy, and turning the day's decisions into the
 * letters that go out.
 */
@ApplicationScoped
public class ReminderService {

    private static final StatutoryRules RULES = StatutoryRules.standard();
    private static final BusinessCalendar CALENDAR = BusinessCalendar.standard();

    /** A warning about one invoice, e.g. an insurer deadline close by or a rate not yet known. */
    public record InvoiceWarning(String invoiceId, String message) {
    }

    /**
     * @param letters the letters that would go out, one per customer and kind of letter (or per
     *     invoice, as the policy says), each listing its invoices
     * @param insurerReports the overdue debts that would be reported to the credit insurer
     */
    public record Preview(LocalDate asOf, String policy, List<Statements.Statement> letters,
            List<ReminderEngine.InsurerReport> insurerReports, List<ReminderEngine.Skip> skipped,
            List<InvoiceWarning> warnings, Kpis.Report kpis) {
    }

    private final Letters letters;
    private final ReminderPolicies policies;
    private final RateBook rates;

    public ReminderService(Letters letters, ReminderPolicies policies, RateBook rates) {
        this.letters = letters;
        this.policies = policies;
        this.rates = rates;
    }

    /** The shipped, the operator's and the named policies. */
    public ReminderPolicies policies() {
        return policies;
    }

    /** An engine for {@code policy} on the rates in force now: shipped, fetched and the operator's, merged. */
    public ReminderEngine engine(ReminderPolicy policy) {
        return engine(policy, rates.current());
    }

    ReminderEngine engine(ReminderPolicy policy, RateBook.Snapshot snapshot) {
        return new ReminderEngine(policy, RULES.withRates(snapshot.reference(), snapshot.exchange()), CALENDAR);
    }

    /**
     * The engines of a run: {@code standard} for customers that name no policy, and each named policy read
     * from {@code store} ({@value ReminderPolicies#NAMED_POLICIES}{@code <name>.json}) the first time a customer names it.
     * A policy that is not there or not valid leaves its customers undunned for the run, reported.
     */
    PolicyEngines engines(ObjectStore store, ReminderEngine standard, RateBook.Snapshot snapshot) {
        return new PolicyEngines(standard, name -> {
            String key = ReminderPolicies.NAMED_POLICIES + name + ".json";
            try {
                Optional<ReminderPolicies.PolicyFile> file = policies.policyFile(store, key);
                if (file.isEmpty()) {
                    return new PolicyEngines.Missing(store.describe() + "/" + key + " is not there", List.of());
                }
                if (file.get() instanceof ReminderPolicies.Broken broken) {
                    return new PolicyEngines.Missing(store.describe() + "/" + key + " is not a valid reminder policy: "
                            + String.join("; ", broken.problems().stream().map(FileProblem::why).toList()), broken.problems());
                }
                ReminderPolicies.Usable usable = (ReminderPolicies.Usable) file.get();
                return new PolicyEngines.Found(engine(usable.policy(), snapshot), usable.leftOut());
            } catch (IOException e) {
                return new PolicyEngines.Missing("reading " + store.describe() + "/" + key + " failed (" + e.getMessage() + ")",
                        List.of());
            }
        });
    }

    public RateBook rates() {
        return rates;
    }

    /** The day's letters for {@code decided}, composed and rendered. */
    public List<Statements.Statement> letters(ReminderEngine engine, List<ReminderEngine.DunningLetter> decided,
            LocalDate asOf) {
        return Statements.compose(engine, decided, asOf).stream().map(s -> rendered(engine, s, asOf)).toList();
    }

    public Statements.Statement rendered(ReminderEngine engine, Statements.Statement statement, LocalDate asOf) {
        return statement.withLetter(letters.render(statement, engine.policy(), asOf));
    }

    /** {@code letter} as a PDF under {@code policy}'s creditor. */
    public byte[] pdf(Letters.Letter letter, ReminderPolicy policy) {
        return letters.pdf(letter, policy);
    }

    public ReminderEngine.InsurerReport rendered(ReminderEngine engine, ReminderEngine.InsurerReport report) {
        return report.withLetter(letters.render(report, engine.policy()));
    }

    /**
     * What a run on {@code asOf} would do with {@code invoices}, stored nowhere.
     *
     * @param named the policies customers may name, by name; every name an invoice's customer gives is here
     *     (the request's constraints hold)
     */
    public Preview preview(LocalDate asOf, ReminderPolicy policy, Map<String, ReminderPolicy> named,
            List<Invoice> invoices) {
        RateBook.Snapshot snapshot = rates.current();
        Map<String, ReminderEngine> namedEngines = new LinkedHashMap<>();
        named.forEach((name, p) -> namedEngines.put(name, engine(p, snapshot)));
        PolicyEngines engines = PolicyEngines.of(engine(policy, snapshot), namedEngines);
        Kpis kpis = new Kpis(asOf);
        Map<ReminderEngine, List<ReminderEngine.DunningLetter>> decided = new LinkedHashMap<>();
        List<ReminderEngine.InsurerReport> reports = new ArrayList<>();
        List<ReminderEngine.Skip> skipped = new ArrayList<>();
        List<InvoiceWarning> warnings = new ArrayList<>();
        for (Invoice invoice : invoices) {
            ReminderEngine engine;
            try {
                engine = engines.forInvoice(invoice);
            } catch (PolicyEngines.Unavailable e) {
                throw new IllegalStateException("the request's constraints let through an unknown policy", e);
            }
            ReminderEngine.Decision decision = engine.decide(invoice, asOf);
            kpis.add(invoice, decision.effectiveDueDate());
            decision.letter().ifPresent(l -> decided.computeIfAbsent(engine, e -> new ArrayList<>()).add(l));
            decision.insurerReport().ifPresent(r -> reports.add(rendered(engine, r)));
            decision.skip().ifPresent(skipped::add);
            decision.warnings().forEach(w -> warnings.add(new InvoiceWarning(invoice.invoiceId(), w)));
        }
        List<Statements.Statement> letters = new ArrayList<>();
        decided.forEach((engine, lines) -> letters.addAll(letters(engine, lines, asOf)));
        return new Preview(asOf, policy.name(), letters, List.copyOf(reports), skipped, warnings, kpis.report());
    }
}
