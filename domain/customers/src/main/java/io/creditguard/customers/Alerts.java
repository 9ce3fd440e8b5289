package io.creditguard.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/**
 * The alerts on one customer as its ledger holds them: the ledger's routes and the credit check read them;
 * the nightly pass raises and ends them ({@code AlertRules}, in the ledger-pass module, says when each holds).
 * An alert is raised once, when its condition starts to hold, stays open while it holds (keeping the day it
 * began) and is closed once, when it no longer does.
 */
public final class Alerts {

    private Alerts() {
    }

    /** The kinds of alert; {@code AlertRules} (ledger-pass) says when each holds. */
    public enum Type {
        OVER_LIMIT, NEAR_LIMIT, NO_LIMIT, SLIPPING, BROKEN_PROMISE, INSURER_DEADLINE
    }

    /**
     * One alert. What it is about: the customer as a whole ({@code subject} empty), a currency (its code)
     * or an invoice (its id).
     *
     * @param since the day it began
     * @param detail what holds, in plain words
     * @param figures the numbers behind it, for the digest to write in its language
     */
    public record Alert(Type type, String subject, LocalDate since, String detail, Figures figures) {

        boolean sameAs(Alert other) {
            return type == other.type && subject.equals(other.subject);
        }
    }

    /**
     * @param value the exposure, or the 90 days' average days beyond terms
     * @param threshold the limit, the alert's threshold, or the 12 months' average
     * @param currency of {@code value} and {@code threshold} when they are amounts
     * @param date the day promised, or the insurer's deadline
     * @param invoiceNumber the invoice an invoice's alert is about
     */
    public record Figures(BigDecimal value, BigDecimal threshold, Currency currency, LocalDate date, String invoiceNumber) {
    }
}
