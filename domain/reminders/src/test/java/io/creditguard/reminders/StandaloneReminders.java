package io.creditguard.reminders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.creditguard.SampleDay;
import io.creditguard.customers.CustomerService;
import io.creditguard.rates.RateBook;
import io.creditguard.store.ObjectStore;
import io.creditguard.templates.StandaloneTemplates;
import io.creditguard.validation.InputReader;

/**
 * The reminders wired as in Lambda but without the container, on {@link SampleDay}: the policies checked as the
 * functions check them, the letters from {@link StandaloneTemplates}, the shipped rates or a store's; the customer
 * ledger the run writes, as its routes read it.
 */
public final class StandaloneReminders {

    private static final InputReader INPUTS = InputReader.standalone(SampleDay.CLOCK);
    private static final ReminderPolicies POLICIES = new ReminderPolicies(INPUTS);
    private static final Letters LETTERS = new Letters(StandaloneTemplates.TEMPLATES);
    private static final ReminderService REMINDERS = new ReminderService(LETTERS, POLICIES, RateBook.shipped(SampleDay.CLOCK));

    private StandaloneReminders() {
    }

    /** Reads and checks as the functions do, with 2026-11-28 as today. */
    public static InputReader inputs() {
        return INPUTS;
    }

    public static ReminderPolicies policies() {
        return POLICIES;
    }

    /** The reminders on the shipped rates. */
    public static ReminderService reminders() {
        return REMINDERS;
    }

    /** The reminders on the rates of {@code store} (the operator's and the fetched over the shipped), read afresh each time. */
    public static ReminderService reminders(ObjectStore store) {
        return new ReminderService(LETTERS, POLICIES, new RateBook(store, SampleDay.CLOCK, Duration.ZERO));
    }

    /** The customer ledger on {@code store} and the shipped rates, as the functions that read it wire it. */
    public static CustomerService customers(ObjectStore store) {
        return new CustomerService(store, INPUTS, RateBook.shipped(SampleDay.CLOCK), SampleDay.CLOCK);
    }

    /**
     * A store folder as an operator leaves it for the run: {@code policy} as the company's reminder policy
     * ({@code config/reminder-policy.json}) and an empty {@code receivables/} for the book.
     */
    public static void storeWithPolicy(Path root, String policy) throws IOException {
        Files.createDirectories(root.resolve("receivables"));
        Files.createDirectories(root.resolve("config"));
        Files.writeString(root.resolve("config/reminder-policy.json"), policy);
    }
}
