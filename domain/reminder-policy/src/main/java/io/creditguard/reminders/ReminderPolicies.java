package io.creditguard.reminders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.creditguard.json.Json;
import io.creditguard.reference.ClassPathResource;
import io.creditguard.reference.FileProblem;
import io.creditguard.store.ObjectStore;
import io.creditguard.validation.InputReader;
import io.creditguard.validation.InvalidInputException;

/**
 * Where the reminder policies come from, each checked like a request: the one that ships
 * ({@value #DEFAULT_POLICY_RESOURCE}), the operator's in the store ({@value #POLICY_KEY}) and the named ones
 * customers choose ({@value #NAMED_POLICIES}{@code <name>.json}).
 *
 * <p>A module of its own, below the rest of the reminders (the law, the rates, the letters and their
 * templates), so a function that needs only the policy, such as claims taking the insurer and the creditor
 * from it, carries none of those: no Qute, no PDFBox.
 */
@ApplicationScoped
public class ReminderPolicies {

    static final String DEFAULT_POLICY_RESOURCE = "policies/default-reminder-policy.json";
    /** Where an operator puts a policy that replaces the default. */
    public static final String POLICY_KEY = "config/reminder-policy.json";
    /** Where an operator puts the policies customers name ({@code customer.policy}): {@code <name>.json}. */
    public static final String NAMED_POLICIES = "config/policies/";

    /** A policy kept as a file in the store: one that can be used, or what is wrong with it. */
    public sealed interface PolicyFile permits Usable, Broken {
    }

    /**
     * @param leftOut the fields of the file that are no longer read ({@link #RETIRED}), each with what replaced
     *     it: the policy is used without them, and they are reported so the operator moves the setting
     */
    public record Usable(ReminderPolicy policy, List<FileProblem> leftOut) implements PolicyFile {
    }

    /** Not a valid policy: each problem names the line and field. */
    public record Broken(List<FileProblem> problems) implements PolicyFile {
    }

    /**
     * A field a policy once had, read no longer; a policy that still sets it is used without it, as any field we
     * do not know is ignored, but unlike those it once meant something, so the operator is told where the
     * setting went rather than having it silently dropped.
     */
    record Retired(String field, String since, String instead) {
    }

    static final List<Retired> RETIRED = List.of(new Retired("defaultPaymentTermsDays", "2026-12-07",
            "a Peppol invoice without a due date is due after the deployment's creditguard.intake.default-payment-terms-days "
                    + "(environment CREDITGUARD_INTAKE_DEFAULT_PAYMENT_TERMS_DAYS, 30 days unless set); set it there and "
                    + "remove the field here"));

    private final InputReader inputs;
    private final ReminderPolicy defaultPolicy;

    /**
     * @throws IllegalStateException naming every broken rule when the shipped policy is invalid (a build
     *     fault, which the tests catch)
     */
    public ReminderPolicies(InputReader inputs) {
        this.inputs = inputs;
        PolicyFile shipped = parse(ClassPathResource.text(DEFAULT_POLICY_RESOURCE), DEFAULT_POLICY_RESOURCE);
        if (shipped instanceof Broken broken) {
            throw new IllegalStateException(DEFAULT_POLICY_RESOURCE + " is not a valid reminder policy: " + messages(broken));
        }
        this.defaultPolicy = ((Usable) shipped).policy();
    }

    /**
     * The operator's policy in {@code store} ({@value #POLICY_KEY}), or the default when there is none.
     *
     * @throws IllegalStateException naming the file and every broken rule when the operator's is invalid: a
     *     bad policy file is a deployment fault, never a reason to dun with a guessed policy
     */
    public ReminderPolicy policy(ObjectStore store) throws IOException {
        PolicyFile file = companyPolicy(store);
        if (file instanceof Broken broken) {
            throw new IllegalStateException(store.describe() + "/" + POLICY_KEY + " is not a valid reminder policy: "
                    + messages(broken));
        }
        return ((Usable) file).policy();
    }

    /**
     * The operator's policy in {@code store} ({@value #POLICY_KEY}) as checked, or the default when there is
     * none: for a caller that reports a broken one rather than failing on it.
     */
    public PolicyFile companyPolicy(ObjectStore store) throws IOException {
        return policyFile(store, POLICY_KEY).orElseGet(() -> new Usable(defaultPolicy, List.of()));
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
        return Optional.of(parse(new String(configured.get(), StandardCharsets.UTF_8), key));
    }

    /** The policy that ships with the product, {@value #DEFAULT_POLICY_RESOURCE}. */
    public ReminderPolicy defaultPolicy() {
        return defaultPolicy;
    }

    private PolicyFile parse(String json, String key) {
        try {
            return new Usable(inputs.read(json, ReminderPolicy.class), retired(json, key));
        } catch (InvalidInputException e) {
            return new Broken(e.problemsIn(key, json));
        }
    }

    /** The retired fields {@code json} sets at its top level, each on its line; {@code json} has been read already. */
    private static List<FileProblem> retired(String json, String key) {
        List<FileProblem> found = new ArrayList<>();
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(json)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                int line = parser.currentTokenLocation().getLineNr();
                RETIRED.stream().filter(r -> r.field().equals(name)).forEach(r -> found.add(new FileProblem(key, line,
                        "$." + name, "$." + name + " is no longer read (since " + r.since() + "): " + r.instead())));
                parser.nextToken();
                parser.skipChildren();
            }
        } catch (IOException e) {
            // the policy was read whole by the same parser; were it not, what was found so far still stands
        }
        return List.copyOf(found);
    }

    private static String messages(Broken broken) {
        return String.join("; ", broken.problems().stream().map(FileProblem::message).toList());
    }
}
