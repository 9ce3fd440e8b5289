package io.creditguard;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;

import org.jboss.logmanager.LogContext;

import io.creditguard.book.Book;
import io.creditguard.breakeven.BreakevenFunction;
import io.creditguard.claims.ClaimsFunction;
import io.creditguard.credit.CreditCheck;
import io.creditguard.credit.CreditCheckFunction;
import io.creditguard.customers.CustomerService;
import io.creditguard.customers.CustomersFunction;
import io.creditguard.filings.FiledAccounts;
import io.creditguard.filings.KvkOpenData;
import io.creditguard.filings.ReadingRules;
import io.creditguard.http.ApiGateway;
import io.creditguard.http.HttpFunction;
import io.creditguard.outbound.HttpFetcher;
import io.creditguard.rates.RateBook;
import io.creditguard.reminders.ReminderPolicies;
import io.creditguard.reminders.ReminderService;
import io.creditguard.reminders.RemindersPreviewFunction;
import io.creditguard.reminders.StandaloneReminders;
import io.creditguard.store.FileObjectStore;
import io.creditguard.store.ObjectStore;
import io.creditguard.templates.StandaloneTemplates;
import io.creditguard.templates.Templates;
import io.creditguard.validation.InputReader;

/**
 * The functions wired as in Lambda but without the container, for code that runs thousands of
 * requests or runs outside Quarkus altogether: the generated-input tests, the JMH benchmarks and the
 * load harness. Two parts differ from the container's: the validator is built here (set up as
 * validation.ValidatorSettings sets up the container's), and templates are read by Qute's
 * reflection resolver, where the built application uses the resolvers the extension generates. The
 * reminders' part is the reminders module's own test wiring ({@link StandaloneReminders}), so its tests and
 * these share one.
 */
public final class Standalone {

    static {
        // Outside Quarkus nothing configures the JBoss log manager, whose root logger then lets TRACE
        // records through; Hibernate Validator traces every constraint it checks (about 150 µs an
        // invoice). Quarkus logs at INFO, and so does the harness.
        LogContext.getSystemLogContext().getLogger("").setLevel(Level.INFO);
    }

    /** 2026-11-28, the day the sample events were written. */
    public static final Clock CLOCK = SampleDay.CLOCK;

    /** An empty store of the fork's own (dev/pom.xml runs two surefire forks side by side). */
    private static final Path EMPTY_STORE = Path.of("target/standalone-store-" + Integer.getInteger("test.fork", 1));
    private static final InputReader INPUTS = StandaloneReminders.inputs();
    private static final Templates TEMPLATES = StandaloneTemplates.TEMPLATES;
    private static final ReminderPolicies POLICIES = StandaloneReminders.policies();
    private static final ReminderService REMINDERS = StandaloneReminders.reminders();

    private Standalone() {
    }

    public static InputReader inputs() {
        return INPUTS;
    }

    public static Templates templates() {
        return TEMPLATES;
    }

    public static ReminderService reminders() {
        return REMINDERS;
    }

    /** The reminders on the rates of {@code store} (the operator's and the fetched over the shipped), read afresh each time. */
    public static ReminderService reminders(io.creditguard.store.ObjectStore store) {
        return StandaloneReminders.reminders(store);
    }

    /** The customer ledger over {@code store}, with the shipped rates. */
    public static CustomerService customers(ObjectStore store) {
        return StandaloneReminders.customers(store);
    }

    /** A ledger with nothing in it, for functions asked nothing of the book. */
    private static CustomerService noBook() {
        return customers(new FileObjectStore(EMPTY_STORE));
    }

    public static BreakevenFunction breakeven() {
        return breakeven(new FileObjectStore(EMPTY_STORE));
    }

    /** Breakeven taking the book's totals from {@code store}, converted at the shipped rates. */
    public static BreakevenFunction breakeven(ObjectStore store) {
        return wired(new BreakevenFunction(new Book(store), RateBook.shipped(CLOCK)));
    }

    /**
     * The credit check with no registry configured: no Bolagsverket credentials, and KvK's address one where
     * nothing listens, so a check without figures says the registry could not be asked and never waits.
     */
    public static CreditCheckFunction creditCheck() {
        return creditCheck(noBook());
    }

    public static CreditCheckFunction creditCheck(CustomerService customers) {
        FiledAccounts filings = new FiledAccounts(Optional.empty(), new KvkOpenData(URI.create("http://127.0.0.1:9"),
                new HttpFetcher(new HttpFetcher.Limits(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ZERO, 1 << 20))),
                new FileObjectStore(EMPTY_STORE), CLOCK, ReadingRules.shipped());
        return wired(new CreditCheckFunction(new CreditCheck(filings), customers));
    }

    /** The claims function; a claim to file finds no mail server. */
    public static ClaimsFunction claims() {
        return claims(noBook());
    }

    public static ClaimsFunction claims(CustomerService customers) {
        return claims(new io.creditguard.claims.ClaimFiling(new io.creditguard.store.FileObjectStore(
                EMPTY_STORE), io.creditguard.mail.LocalSmtp.noServer(), POLICIES, CLOCK), customers);
    }

    public static ClaimsFunction claims(io.creditguard.claims.ClaimFiling filing) {
        return claims(filing, noBook());
    }

    private static ClaimsFunction claims(io.creditguard.claims.ClaimFiling filing, CustomerService customers) {
        return wired(new ClaimsFunction(TEMPLATES, filing, customers, INPUTS));
    }

    public static CustomersFunction customersFunction(CustomerService customers) {
        // The run history of a store with no runs: the standalone tests ask the ledger, not its history.
        return wired(new CustomersFunction(customers, new io.creditguard.customers.RunHistory(
                new FileObjectStore(EMPTY_STORE), CLOCK)));
    }

    public static RemindersPreviewFunction remindersPreview() {
        return wired(new RemindersPreviewFunction(REMINDERS));
    }

    private static <F extends HttpFunction> F wired(F function) {
        function.init(new ApiGateway(INPUTS, Optional.of(Events.ISSUER), true), CLOCK);
        return function;
    }
}
