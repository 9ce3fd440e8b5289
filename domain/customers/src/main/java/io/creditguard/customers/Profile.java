package io.creditguard.customers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * What the company decided about a customer outside the book ({@code profiles/<customerId>.json}): every
 * change of its limit, by hand or from a saved credit check, and the credit checks themselves. Written by
 * compare-and-set, read by the run and the customer routes.
 */
public record Profile(String customerId, List<Limits.Change> limits, List<CreditCheck> creditChecks) {

    /** Credit checks kept, the latest. */
    static final int CREDIT_CHECKS_KEPT = 100;

    public Profile {
        limits = limits == null ? List.of() : List.copyOf(limits);
        creditChecks = creditChecks == null ? List.of() : List.copyOf(creditChecks);
    }

    /**
     * A credit check saved for the customer.
     *
     * @param decision APPROVE, APPROVE_WITH_CONDITIONS, REFER or DECLINE
     * @param paymentBehaviourSource where its payment record came from: BOOK or REQUEST (or absent: none was assessed)
     */
    public record CreditCheck(LocalDate asOf, Instant at, String by, String decision, int score, String riskClass,
            BigDecimal creditLimit, Currency currency, int recommendedTermsDays, String paymentBehaviourSource) {
    }

    static Profile empty(String customerId) {
        return new Profile(customerId, List.of(), List.of());
    }

    Profile withLimit(Limits.Change change) {
        List<Limits.Change> more = new ArrayList<>(limits);
        more.add(change);
        return new Profile(customerId, more, creditChecks);
    }

    /** This profile with the check and the limit it decided, the oldest checks beyond {@value #CREDIT_CHECKS_KEPT} let go. */
    Profile withCreditCheck(CreditCheck check, Limits.Change limit) {
        List<CreditCheck> checks = new ArrayList<>(creditChecks);
        checks.add(check);
        checks.sort(Comparator.comparing(CreditCheck::at));
        List<CreditCheck> kept = checks.subList(Math.max(0, checks.size() - CREDIT_CHECKS_KEPT), checks.size());
        return new Profile(customerId, withLimit(limit).limits(), kept);
    }

    Optional<CreditCheck> lastCreditCheck() {
        return creditChecks.stream().max(Comparator.comparing(CreditCheck::at));
    }
}
