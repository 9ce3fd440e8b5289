package io.creditguard.reminders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import io.creditguard.reference.ClassPathResource;
import io.creditguard.store.ObjectStore;
import io.creditguard.receivables.Invoice;
import io.creditguard.validation.InputReader;
import io.creditguard.validation.InvalidInputException;

/**
 * What the preview and the scheduled run share: the law and calendar loaded once, the rates merged
 * from the store ({@link RateBook}), the default policy, and turning the day's decisions into the
 * letters that go out.
 */
@ApplicationScoped
public class ReminderService {

    static final String DEFAULT_POLICY_RESOURCE = "policies/default-reminder-policy.json";
    /** Where an operator puts a policy that replaces the default. */
    public static final String POLICY_KEY = "config/reminder-policy.json";
    /** Where an operator puts the policies customers name ({@code customer.policy}): {@code <name>.json}. */
    public static final String NAMED_POLICIES = "config/policies/";
    private static final StatutoryRules RULES = StatutoryRules.standard();
    private static final BusinessCalendar CALENDAR = BusinessCalendar.standard();

    /** A policy kept as a file in the store: one that can be used, or what is wrong with it. */
    public sealed interface PolicyFile permits Usable, Broken {
    }

    public record Usable(ReminderPolicy policy) implements PolicyFile {
    }

    /** Not a valid policy: each problem names the line and field. */
    public record Broken(List<FileProblem> problems) implements PolicyFile {
    }

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
    private final InputReader inputs;
    private final RateBook rates;
    private final ReminderPolicy defaultPolicy;

    public ReminderService(Letters letters, InputReader inputs, RateBook rates) {
        this.letters = letters;
        this.inputs = inputs;
        this.rates = rates;
        this.defaultPolicy = readPolicy(ClassPathResource.text(DEFAULT_POLICY_RESOURCE), DEFAULT_POLICY_RESOURCE);
    }

    /**
     * The operator's policy in {@code store} ({@value #POLICY_KEY}), or the default when there is none.
     *
     * @throws IllegalStateException naming the file and every broken rule when the operator's is invalid
     */
    public ReminderPolicy policy(ObjectStore store) throws IOException {
        PolicyFile file = policyFile(store, POLICY_KEY).orElseGet(() -> new Usable(defaultPolicy));
        if (file instanceof Broken broken) {
            throw new IllegalStateException(store.describe() + "/" + POLICY_KEY + " is not a valid reminder policy: "
                    + String.join("; ", broken.problems().stream().map(FileProblem::message).toList()));
        }
        return ((Usable) file).policy();
    }

    /**
     * The policy kept at {@code key} in {@code store}, checked like a request's: usable, or broken with every
     * rule it breaks; empty when there is none.
     */
    public Optional<PolicyFile> policyFile(ObjectStore store, String key) throws IOException {
        Optional<byte[]> configured = store.bytes(key);
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        String json = new String(configured.get(), StandardCharsets.UTF_8);
        try {
            return Optional.of(new Usable(inputs.read(json, ReminderPolicy.class)));
        } catch (InvalidInputException e) {
            return Optional.of(new Broken(e.problemsIn(key, json)));
        }
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

    /** An engine for {@code policy} on the rates in force now: shipped, fetched and the operator's, merged. */
    public ReminderEngine engine(ReminderPolicy policy) {
        return engine(policy, rates.current());
    }

    ReminderEngine engine(ReminderPolicy policy, RateBook.Snapshot snapshot) {
        return new ReminderEngine(policy, RULES.withRates(snapshot.reference(), snapshot.exchange()), CALENDAR);
    }

    /**
     * The engines of a run: {@code standard} for customers that name no policy, and each named policy read
     * from {@code store} ({@value #NAMED_POLICIES}{@code <name>.json}) the first time a customer names it.
     * A policy that is not there or not valid leaves its customers undunned for the run, reported.
     */
    PolicyEngines engines(ObjectStore store, ReminderEngine standard, RateBook.Snapshot snapshot) {
        return new PolicyEngines(standard, name -> {
            String key = NAMED_POLICIES + name + ".json";
            try {
                Optional<PolicyFile> file = policyFile(store, key);
                if (file.isEmpty()) {
                    return new PolicyEngines.Missing(store.describe() + "/" + key + " is not there", List.of());
                }
                if (file.get() instanceof Broken broken) {
                    return new PolicyEngines.Missing(store.describe() + "/" + key + " is not a valid reminder policy: "
                            + String.join("; ", broken.problems().stream().map(FileProblem::why).toList()), broken.problems());
                }
                return new PolicyEngines.Found(engine(((Usable) file.get()).policy(), snapshot));
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
