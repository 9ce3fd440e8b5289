package io.creditguard.reminders;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.creditguard.receivables.Invoice;
import io.creditguard.reference.FileProblem;

/**
 * The engines one run or preview decides with: the run's policy for every customer that names none,
 * and for a customer that names one ({@code customer.policy}) that policy, each looked up once and
 * kept for the rest of the run. Safe for the run's writer threads.
 */
final class PolicyEngines {

    private static final Logger LOG = Logger.getLogger(PolicyEngines.class);

    /** A customer named a policy there is none of, or one that is not valid; the message says which and why. */
    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    /** What looking a name up gave: the engine, or why there is none; either way what of its file is not read. */
    sealed interface Lookup permits Found, Missing {
        List<FileProblem> problems();
    }

    /** @param problems what of the policy's file is not read (its retired fields) */
    record Found(ReminderEngine engine, List<FileProblem> problems) implements Lookup {
    }

    /** @param problems what is wrong with the policy's file, when it is there but not valid */
    record Missing(String reason, List<FileProblem> problems) implements Lookup {
    }

    private final ReminderEngine standard;
    private final Function<String, Lookup> lookup;
    private final Map<String, Lookup> known = new LinkedHashMap<>();

    /** @param lookup the engine of a named policy, or why there is none; called once per name */
    PolicyEngines(ReminderEngine standard, Function<String, Lookup> lookup) {
        this.standard = standard;
        this.lookup = lookup;
    }

    /** The engines of a preview: the named policies are the request's, checked already. */
    static PolicyEngines of(ReminderEngine standard, Map<String, ReminderEngine> named) {
        return new PolicyEngines(standard, name -> Optional.ofNullable(named.get(name)).<Lookup>map(e -> new Found(e, List.of()))
                .orElseGet(() -> new Missing("the request's policies have no policy \"" + name + "\"", List.of())));
    }

    ReminderEngine standard() {
        return standard;
    }

    /** The engine for {@code invoice}'s customer. */
    ReminderEngine forInvoice(Invoice invoice) throws Unavailable {
        String name = invoice.customer().policy();
        if (name == null) {
            return standard;
        }
        Lookup found;
        synchronized (known) {
            found = known.computeIfAbsent(name, n -> {
                Lookup looked = lookup.apply(n);
                looked.problems().forEach(p -> LOG.error(p.message()));
                return looked;
            });
        }
        if (found instanceof Found f) {
            return f.engine();
        }
        throw new Unavailable("customer " + invoice.customer().id() + " names reminder policy \"" + name + "\", but "
                + ((Missing) found).reason() + "; the invoice is not dunned until it is there");
    }

    /**
     * What is wrong with the files of the named policies looked up so far: those that are there but not valid,
     * and the fields no longer read of those used.
     */
    List<FileProblem> problems() {
        synchronized (known) {
            return known.values().stream().flatMap(l -> l.problems().stream()).toList();
        }
    }

    /** The named policies looked up so far, and whether each was found. */
    List<String> named() {
        synchronized (known) {
            return known.entrySet().stream().map(e -> e.getKey() + (e.getValue() instanceof Found ? "" : " (unavailable)"))
                    .toList();
        }
    }
}
