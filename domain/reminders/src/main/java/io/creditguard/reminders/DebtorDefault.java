package io.creditguard.reminders;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.creditguard.receivables.Invoice.CustomerType;
import io.creditguard.reference.Jurisdictions;
import io.creditguard.reference.ReferenceTable;
import io.creditguard.reference.Validity;
import io.creditguard.reminders.StatutoryRules.Debtor;

/**
 * When a debtor is in default, as the law governing the contract says ({@code reference/debtor-default.txt}):
 * the first day late interest runs and the fixed sums tied to default fall due. Where the payment date was
 * agreed, the day after the due date (Directive 2011/7/EU art. 3(3)(a)); where it was not, a date the seller
 * printed on its invoice puts no one in default, and the law's own period runs from the invoice's receipt or
 * sending, or from a reminder, as the row for the law and debtor says (art. 3(3)(b); BGB § 286; BW 6:119a
 * lid 2, 6:82; räntelagen 4 §; forsinkelsesrenteloven § 2; renteloven § 3). Pure: no clock, no I/O.
 */
public final class DebtorDefault {

    /** Which event of the invoice starts the law's period. */
    public enum PeriodFrom {
        /** The debtor received it. */
        RECEIPT,
        /** The seller sent it; the period never ends before the debtor received it. */
        SENDING,
        /** The invoice alone never puts the debtor in default. */
        NONE
    }

    /** Whether the invoice starts the period whatever it says, or only if it told the debtor the consequence. */
    public enum Condition {
        ALWAYS, IF_NOTICE_ON_INVOICE
    }

    /** What a dunning letter does for default: see debtor-default.txt. */
    public enum ReminderEffect {
        NONE, DEFAULT_ON_RECEIPT, STARTS_PERIOD, DEFAULT_AFTER_PAY_BY
    }

    /** Why default begins on the day it does. */
    public enum Reason {
        /** The day after the agreed due date. */
        AGREED_DUE_DATE,
        /** The law's days after the invoice reached the debtor. */
        INVOICE_RECEIVED,
        /** The law's days after the invoice was sent. */
        INVOICE_SENT,
        /** The day after the first reminder reached the debtor. */
        REMINDER_RECEIVED,
        /** The law's days after the first reminder was sent. */
        REMINDER_SENT,
        /** The day after the term the first reminder gave to pay. */
        REMINDER_TERM_ENDED,
        /** The law's day fell before the invoice's own due date: not before the day after it, the seller gave that time. */
        INVOICE_DUE_DATE
    }

    /**
     * One row of debtor-default.txt.
     *
     * @param days the law's period after the invoice's {@code periodFrom}; empty when that is NONE
     */
    public record Rule(String law, Debtor debtor, String agreedBasis, PeriodFrom periodFrom, OptionalInt days,
            Condition condition, ReminderEffect reminder, String legalBasis, Validity validity) {

        boolean appliesTo(String law, CustomerType type, LocalDate on) {
            return this.law.equals(law) && debtor.matches(type) && validity.contains(on);
        }
    }

    /**
     * Why default begins when it does.
     *
     * @param event the day the reason refers to: the due date, the invoice's or the reminder's receipt or
     *     sending, or the reminder's pay-by date
     * @param legalBasis the provision, as cited
     */
    public record Basis(Reason reason, LocalDate event, String legalBasis) {
    }

    /** @param from the first day of default: interest runs from it, inclusive */
    public record Start(LocalDate from, Basis basis) {
    }

    /** A dunning letter of the invoice, sent or being sent: when it went, when it arrived, what day it asked payment by. */
    public record Letter(LocalDate sent, LocalDate received, LocalDate payBy) {
    }

    /**
     * What is known of the invoice for the question.
     *
     * @param due the due date it states (moved to the next business day where the policy says so)
     * @param sent the day it was sent, taken to be its issue date
     * @param received the day it reached the debtor
     * @param noticeOnInvoice it told the debtor the consequence of not paying within the law's period
     */
    public record Facts(boolean agreed, LocalDate due, LocalDate sent, LocalDate received, boolean noticeOnInvoice) {
    }

    private DebtorDefault() {
    }

    /**
     * The usable rows of {@code table}, in the format of debtor-default.txt.
     *
     * @throws IllegalStateException naming the file and line of a row with a law the jurisdictions lack, an
     *     unknown name in an enum column, or a combination under which default could never begin
     */
    static List<Rule> rules(ReferenceTable table, Jurisdictions jurisdictions) {
        List<Rule> rules = new ArrayList<>();
        for (ReferenceTable.Row r : table.rows()) {
            PeriodFrom from = r.enumValue("periodFrom", PeriodFrom.class);
            Condition condition = r.enumValue("condition", Condition.class);
            ReminderEffect reminder = r.enumValue("reminder", ReminderEffect.class);
            OptionalInt days = r.optionalText("days").isPresent() ? OptionalInt.of(r.integer("days")) : OptionalInt.empty();
            String fault = null;
            if ((from == PeriodFrom.NONE) != days.isEmpty() || days.isPresent() && days.getAsInt() < 1) {
                fault = "days is a positive number exactly when periodFrom is not NONE";
            } else if (from == PeriodFrom.NONE && (condition != Condition.ALWAYS || reminder == ReminderEffect.NONE
                    || reminder == ReminderEffect.STARTS_PERIOD)) {
                fault = "periodFrom NONE needs condition ALWAYS and a reminder that puts the debtor in default";
            }
            if (fault != null) {
                throw new IllegalStateException(r.location() + ": " + fault);
            }
            Rule rule = new Rule(jurisdictions.require(r.text("law"), r.location()), r.enumValue("debtor", Debtor.class),
                    r.text("agreedBasis"), from, days, condition, reminder, r.text("legalBasis"), Validity.of(r));
            if (r.usable()) {
                rules.add(rule);
            }
        }
        return List.copyOf(rules);
    }

    /**
     * The day default begins under {@code rule}, and why; empty when the payment date was not agreed and
     * nothing yet puts the debtor in default under the rule, or there is no rule.
     *
     * @param letters the invoice's dunning letters, sent or being sent, in the order they go out
     */
    static Optional<Start> start(Optional<Rule> rule, Facts invoice, List<Letter> letters) {
        LocalDate afterDue = invoice.due().plusDays(1);
        if (invoice.agreed()) {
            return Optional.of(new Start(afterDue, new Basis(Reason.AGREED_DUE_DATE, invoice.due(),
                    rule.map(Rule::agreedBasis).orElse("the agreed due date"))));
        }
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        Rule r = rule.get();
        List<Start> candidates = new ArrayList<>();
        if (r.periodFrom() != PeriodFrom.NONE && (r.condition() == Condition.ALWAYS || invoice.noticeOnInvoice())) {
            candidates.add(period(r, invoice.sent(), invoice.received(), Reason.INVOICE_SENT, Reason.INVOICE_RECEIVED));
        }
        if (!letters.isEmpty()) {
            Letter first = letters.get(0);
            switch (r.reminder()) {
                case NONE -> {
                }
                case DEFAULT_ON_RECEIPT -> candidates.add(new Start(first.received().plusDays(1),
                        new Basis(Reason.REMINDER_RECEIVED, first.received(), r.legalBasis())));
                case STARTS_PERIOD -> candidates.add(period(r, first.sent(), first.received(), Reason.REMINDER_SENT,
                        Reason.REMINDER_RECEIVED));
                case DEFAULT_AFTER_PAY_BY -> candidates.add(new Start(first.payBy().plusDays(1),
                        new Basis(Reason.REMINDER_TERM_ENDED, first.payBy(), r.legalBasis())));
            }
        }
        return candidates.stream().min(Comparator.comparing(Start::from)).map(s -> s.from().isBefore(afterDue)
                ? new Start(afterDue, new Basis(Reason.INVOICE_DUE_DATE, invoice.due(), s.basis().legalBasis())) : s);
    }

    /** The law's days from a sending or a receipt; from a sending, never before the receipt. */
    private static Start period(Rule rule, LocalDate sent, LocalDate received, Reason fromSending, Reason fromReceipt) {
        int days = rule.days().orElseThrow();
        if (rule.periodFrom() == PeriodFrom.RECEIPT) {
            return new Start(received.plusDays(days + 1L), new Basis(fromReceipt, received, rule.legalBasis()));
        }
        LocalDate from = sent.plusDays(days + 1L);
        return new Start(from.isBefore(received) ? received : from, new Basis(fromSending, sent, rule.legalBasis()));
    }
}
