package io.creditguard.reminders;

import io.creditguard.reference.Texts;

/**
 * What the reminder engine writes in words, named; the words themselves, per language, are rows of
 * {@code reference/reminder-texts.txt}. A legal basis is in the letter's language, a warning in the
 * creditor's, who reads it in the preview and the run.
 */
public enum ReminderText {
    /** {0} the basis: a fee charged only for what a fixed compensation does not cover. */
    BASIS_BEYOND_COVER,
    /** {0} the basis: a fixed compensation less the covered fees charged before it fell due. */
    BASIS_LESS_COVERED,
    /** {0} the basis: the contract's collection costs in place of the staffel. */
    BASIS_CONTRACT_COSTS,
    /** {0} the basis, {1} the level, {2} the day: a fee an earlier letter charged. */
    BASIS_AS_CHARGED,
    /** {0} the basis, {1} how many invoices, {2} their principal: costs over a letter's invoices together. */
    BASIS_JOINT,
    /** Why default began where the law has no rule of it but the due date was agreed. */
    BASIS_AGREED_DUE_DATE,
    BASIS_AGREED_RATE,
    BASIS_NOT_YET_DUE,
    BASIS_NONE,
    /** {0} the chosen law, {1} the consumer's country. */
    WARNING_CHOSEN_LAW_CONSUMER,
    /** {0} the consumer's country, {1} the seller's. */
    WARNING_CONSUMER_LAW_UNKNOWN,
    /** {0} the insurer, {1} the deadline. */
    WARNING_INSURER_MISSED,
    /** {0} the insurer, {1} the deadline, {2} days left. */
    WARNING_INSURER_DUE,
    /** {0} the law, {1} the day. */
    WARNING_NO_FEE_RULE_BUSINESS,
    WARNING_NO_FEE_RULE_CONSUMER,
    /** {0} the law. */
    WARNING_NO_INTEREST_RULE_BUSINESS,
    WARNING_NO_INTEREST_RULE_CONSUMER,
    /** {0} the law. */
    WARNING_NO_DEFAULT_RULE_BUSINESS,
    WARNING_NO_DEFAULT_RULE_CONSUMER,
    WARNING_PART_SETTLED,
    /** {0} the fee code, {1} its basis, {2} the amount, {3} and {4} the currencies, {5} the day. */
    WARNING_NO_EXCHANGE_RATE,
    /** {0} the day of the decision. */
    WARNING_PAYMENT_AFTER,
    /** {0} the fee's code, {1} the governing law, {2} the first day of default. */
    WARNING_FEE_UNSOURCED,
    /** {0} the level, {1} the day it went out, {2} the codes it recorded, {3} the governing law. */
    WARNING_FEES_RECORDED_UNSTATED,
    /** {0} the periods without a rate. */
    WARNING_RATE_PENDING;

    private static final Texts<ReminderText> TEXTS = Texts.load("reminder-texts.txt", ReminderText.class);

    /** The text in {@code language} with its arguments filled in. */
    public String in(String language, Object... args) {
        return TEXTS.get(this, language, args);
    }
}
