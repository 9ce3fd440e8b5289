package io.creditguard.reminders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.creditguard.calendar.BusinessCalendar;
import io.creditguard.digest.Sha256;
import io.creditguard.money.Money;
import io.creditguard.receivables.Invoice;
import io.creditguard.receivables.Invoice.CustomerType;
import io.creditguard.reminders.ReminderPolicy.Action;
import io.creditguard.reminders.ReminderPolicy.Level;
import io.creditguard.reminders.StatutoryRules.FeeRule;
import io.creditguard.reminders.StatutoryRules.FeeTrigger;

/**
 * Decides, for one invoice on one day, what the dunning policy and the law call for: the next
 * letter (with interest, fees, total and pay-by date), a report to the credit insurer, or the
 * reason nothing goes out. Pure: no clock, no I/O; the same invoice and day give the same answer,
 * which is what makes the run idempotent.
 */
public final class ReminderEngine {

    public enum SkipReason {
        PAID, DISPUTED, PAUSED, NOT_YET_DUE, IN_GRACE_PERIOD, BELOW_MINIMUM, NEXT_LEVEL_NOT_DUE, TOO_SOON,
        POLICY_EXHAUSTED
    }

    public record Skip(String invoiceId, SkipReason reason, String detail) {
    }

    public record InterestView(Money amount, String legalBasis, List<PeriodView> periods, boolean complete, String note) {
    }

    public record PeriodView(LocalDate from, LocalDate to, BigDecimal ratePercent, long days, Money amount) {
    }

    /** A fee owed on the invoice; {@code chargedAtLevel} says which letter added it. */
    public record Fee(String code, Money amount, String legalBasis, int chargedAtLevel) {
    }

    /**
     * One action for one invoice. {@code level} is absent for an insurer notification;
     * {@code dueDateAdjustedTo} is present when the due date fell on a non-business day.
     */
    public record Reminder(String reminderId, String invoiceId, String invoiceNumber, String customerId,
            String customerName, String language, Integer level, Action action, String template, LocalDate dueDate,
            LocalDate dueDateAdjustedTo, long daysOverdue, Money openAmount, InterestView interest, List<Fee> fees,
            Money totalDue, LocalDate payBy, Money collectionCostsIfUnpaid, LocalDate insurerNotificationDeadline,
            List<String> warnings, Letters.Letter letter) {

        public Reminder withLetter(Letters.Letter rendered) {
            return new Reminder(reminderId, invoiceId, invoiceNumber, customerId, customerName, language, level, action,
                    template, dueDate, dueDateAdjustedTo, daysOverdue, openAmount, interest, fees, totalDue, payBy,
                    collectionCostsIfUnpaid, insurerNotificationDeadline, warnings, rendered);
        }
    }

    /**
     * Everything decided for one invoice: zero to two actions, or the reason for none, and warnings.
     *
     * @param effectiveDueDate the due date the decision counted from, moved off weekends and holidays when the
     *     policy says so; the KPIs age the invoice from it
     */
    public record Decision(Invoice invoice, LocalDate effectiveDueDate, List<Reminder> actions, Optional<Skip> skip,
            List<String> warnings) {
    }

    private final ReminderPolicy policy;
    private final StatutoryRules rules;
    private final ReferenceRates rates;
    private final BusinessCalendar calendar;

    public ReminderEngine(ReminderPolicy policy, StatutoryRules rules, BusinessCalendar calendar) {
        this.policy = policy;
        this.rules = rules;
        this.rates = rules.rates().overlaidWith(policy.rateOverrides());
        this.calendar = calendar;
    }

    public ReminderPolicy policy() {
        return policy;
    }

    /** The invoice's due date as the law counts it: moved off weekends and holidays if the policy says so. */
    private LocalDate effectiveDueDate(Invoice invoice) {
        return policy.shiftDueDateToBusinessDay() ? calendar.onOrNextBusinessDay(invoice.customer().country(), invoice.dueDate())
                : invoice.dueDate();
    }

    /** @param invoice a valid invoice (see {@link Invoice#check}) */
    public Decision decide(Invoice invoice, LocalDate asOf) {
        LocalDate due = effectiveDueDate(invoice);
        Money open = Money.of(invoice.currency(), invoice.openAmount());
        if (!open.isPositive()) {
            return skip(invoice, due, SkipReason.PAID, "nothing is open", List.of(), List.of());
        }
        if (invoice.disputed()) {
            return skip(invoice, due, SkipReason.DISPUTED, "the customer disputes it; resolve the dispute first", List.of(),
                    List.of());
        }
        long daysOverdue = ChronoUnit.DAYS.between(due, asOf);
        List<String> warnings = new ArrayList<>();
        List<Reminder> actions = new ArrayList<>();
        insurerNotification(invoice, asOf, due, daysOverdue, open, warnings).ifPresent(actions::add);

        if (invoice.pausedUntil() != null && !asOf.isAfter(invoice.pausedUntil())) {
            return skip(invoice, due, SkipReason.PAUSED, "paused until " + invoice.pausedUntil(), actions, warnings);
        }
        if (daysOverdue <= 0) {
            return skip(invoice, due, SkipReason.NOT_YET_DUE, "due " + due, actions, warnings);
        }
        if (daysOverdue <= policy.graceDays()) {
            return skip(invoice, due, SkipReason.IN_GRACE_PERIOD, "grace period ends " + due.plusDays(policy.graceDays()), actions, warnings);
        }
        Optional<BigDecimal> minimum = policy.minimumAmount(invoice.currency());
        if (minimum.isPresent() && invoice.openAmount().compareTo(minimum.get()) < 0) {
            return skip(invoice, due, SkipReason.BELOW_MINIMUM, "open " + open + " is below the policy minimum "
                    + minimum.get().toPlainString(), actions, warnings);
        }
        int lastLevel = invoice.lastLevelSent();
        Optional<Level> next = policy.levels().stream().filter(l -> l.level() > lastLevel).findFirst();
        if (next.isEmpty()) {
            return skip(invoice, due, SkipReason.POLICY_EXHAUSTED, "every level of the policy has been sent", actions, warnings);
        }
        if (next.get().daysAfterDue() > daysOverdue) {
            return skip(invoice, due, SkipReason.NEXT_LEVEL_NOT_DUE, "level " + next.get().level() + " is due on "
                    + due.plusDays(next.get().daysAfterDue()), actions, warnings);
        }
        Optional<LocalDate> lastSent = invoice.lastSentOn();
        if (lastSent.isPresent() && ChronoUnit.DAYS.between(lastSent.get(), asOf) < policy.minimumDaysBetween()) {
            return skip(invoice, due, SkipReason.TOO_SOON, "last letter went out on " + lastSent.get() + "; the next may go on "
                    + lastSent.get().plusDays(policy.minimumDaysBetween()), actions, warnings);
        }
        actions.add(0, letter(invoice, next.get(), asOf, due, daysOverdue, open, warnings));
        return new Decision(invoice, due, List.copyOf(actions), Optional.empty(), List.copyOf(warnings));
    }

    private Decision skip(Invoice invoice, LocalDate due, SkipReason reason, String detail, List<Reminder> actions,
            List<String> warnings) {
        return new Decision(invoice, due, List.copyOf(actions), Optional.of(new Skip(invoice.invoiceId(), reason, detail)),
                List.copyOf(warnings));
    }

    private Reminder letter(Invoice invoice, Level level, LocalDate asOf, LocalDate due, long daysOverdue, Money open,
            List<String> warnings) {
        InterestView interest = interest(invoice, due, asOf, open, warnings);
        List<FeeRule> feeRules = feeRules(invoice, asOf);
        List<Fee> fees = fees(invoice, feeRules, level, asOf, open, warnings);
        Money total = open.plus(interest.amount());
        for (Fee fee : fees) {
            total = total.plus(fee.amount());
        }
        String country = invoice.customer().country();
        LocalDate payBy = asOf.plusDays(level.payWithinDays());
        Money collectionCosts = null;
        Optional<FeeRule> noticeRule = feeRules.stream()
                .filter(r -> r.trigger() == FeeTrigger.AFTER_NOTICE_PERIOD).findFirst();
        if (noticeRule.isPresent() && fees.stream().noneMatch(f -> f.code().equals(noticeRule.get().code()))) {
            // The Dutch 14-day letter: state the exact costs, and give 14 days from the day after receipt.
            collectionCosts = feeAmount(noticeRule.get(), open, asOf);
            LocalDate fourteenDays = asOf.plusDays(policy.letterDeliveryDays() + 14L);
            payBy = payBy.isBefore(fourteenDays) ? fourteenDays : payBy;
        }
        payBy = calendar.onOrNextBusinessDay(country, payBy);
        List<String> own = new ArrayList<>(warnings);
        return new Reminder(reminderId(invoice.invoiceId(), String.valueOf(level.level())), invoice.invoiceId(),
                invoice.invoiceNumber(), invoice.customer().id(), invoice.customer().name(), language(invoice),
                level.level(), level.action(), level.template(), invoice.dueDate(),
                due.equals(invoice.dueDate()) ? null : due, daysOverdue, open, interest, fees, total, payBy,
                collectionCosts, insurerDeadline(invoice).orElse(null), List.copyOf(own), null);
    }

    private Optional<Reminder> insurerNotification(Invoice invoice, LocalDate asOf, LocalDate due, long daysOverdue,
            Money open, List<String> warnings) {
        ReminderPolicy.Insurer insurer = policy.insurer();
        if (insurer == null || invoice.insurerNotifiedOn() != null) {
            return Optional.empty();
        }
        LocalDate deadline = insurerDeadline(invoice).orElseThrow();
        long daysLeft = ChronoUnit.DAYS.between(asOf, deadline);
        if (daysLeft < 0) {
            warnings.add("The deadline to report this overdue debt to " + insurer.name() + " was " + deadline
                    + "; cover for it may be lost. Report it now and ask the insurer to accept it late.");
        } else if (daysLeft <= insurer.warningDays()) {
            warnings.add("Report this overdue debt to " + insurer.name() + " by " + deadline + " (" + daysLeft
                    + " days left).");
        }
        if (ChronoUnit.DAYS.between(invoice.dueDate(), asOf) < insurer.notifyAfterDays()) {
            return Optional.empty();
        }
        return Optional.of(new Reminder(reminderId(invoice.invoiceId(), "insurer"), invoice.invoiceId(),
                invoice.invoiceNumber(), invoice.customer().id(), invoice.customer().name(), policy.creditorLanguage(), null,
                Action.INSURER_NOTIFICATION, "insurer-notification", invoice.dueDate(),
                due.equals(invoice.dueDate()) ? null : due, daysOverdue, open, null, List.of(), open, null, null, deadline,
                List.copyOf(warnings), null));
    }

    /** Insurers count from the original due date, whatever day of the week it was. */
    private Optional<LocalDate> insurerDeadline(Invoice invoice) {
        return Optional.ofNullable(policy.insurer()).map(i -> invoice.dueDate().plusDays(i.overdueNotificationDays()));
    }

    private InterestView interest(Invoice invoice, LocalDate due, LocalDate asOf, Money open, List<String> warnings) {
        Optional<LateInterest.Basis> basis = invoice.interestRate() != null
                ? Optional.of(LateInterest.Basis.agreed(invoice.interestRate()))
                : rules.interestBasis(invoice.customer().country(), invoice.customer().type(), due.plusDays(1));
        if (basis.isEmpty()) {
            String note = "No statutory late-interest rule for " + describeDebtor(invoice)
                    + " is configured and no rate was agreed; no interest is charged.";
            warnings.add(note);
            return new InterestView(Money.zero(invoice.currency()), "none", List.of(), false, note);
        }
        LateInterest.Result result = LateInterest.accrue(open, due, asOf, basis.get(), rates);
        String note = null;
        if (!result.complete()) {
            note = "No verified reference rate for " + result.periods().stream().filter(p -> p.ratePercent() == null)
                    .map(p -> p.from() + "–" + p.to()).collect(Collectors.joining(", "))
                    + "; interest for those days is not included. Add the rate to policy.referenceRates once published.";
            warnings.add(note);
        }
        return new InterestView(result.amount(), result.legalBasis(), result.periods().stream()
                .map(p -> new PeriodView(p.from(), p.to(), percentScale(p.ratePercent()), p.days(), p.amount())).toList(),
                result.complete(), note);
    }

    /** Rates read as 10, 10.0 or 10.00 all show as 10.00. */
    private static BigDecimal percentScale(BigDecimal percent) {
        return percent == null ? null : percent.setScale(Math.max(2, percent.scale()));
    }

    private record Step(int level, Action action, String namedFee, LocalDate date) {
    }

    /** Every fee owed as of this letter: the earlier letters' and this one's, under the rules of today. */
    private List<Fee> fees(Invoice invoice, List<FeeRule> applicable, Level current, LocalDate asOf, Money open,
            List<String> warnings) {
        if (applicable.isEmpty() && !rules.covers(invoice.customer().country(), asOf)) {
            warnings.add("No statutory fee rules for " + describeDebtor(invoice) + "; no fees are added.");
        }
        List<Step> steps = new ArrayList<>();
        invoice.remindersSent().stream().sorted((a, b) -> Integer.compare(a.level(), b.level())).forEach(sent -> {
            Optional<Level> level = policy.level(sent.level());
            steps.add(new Step(sent.level(), level.map(Level::action).orElse(Action.REMINDER),
                    level.map(Level::fee).orElse(null), sent.sentOn()));
        });
        steps.add(new Step(current.level(), current.action(), current.fee(), asOf));

        List<Fee> owed = new ArrayList<>();
        for (FeeRule rule : applicable) {
            if (!rule.currency().equals(invoice.currency())) {
                warnings.add(rule.code() + " (" + rule.legalBasis() + ") is set in " + rule.currency().getCurrencyCode()
                        + " and the invoice is in " + invoice.currency().getCurrencyCode() + "; it is not added.");
                continue;
            }
            if (rule.onlyIfAgreed() && !invoice.reminderFeeAgreed()) {
                continue;
            }
            for (Step step : chargedAt(rule, steps)) {
                owed.add(new Fee(rule.code(), feeAmount(rule, open, step.date()), rule.legalBasis(), step.level()));
            }
        }
        Set<String> replaced = owed.stream().flatMap(f -> applicable.stream().filter(r -> r.code().equals(f.code())))
                .flatMap(r -> r.replaces().stream()).collect(Collectors.toSet());
        return owed.stream().filter(f -> !replaced.contains(f.code())).toList();
    }

    private List<Step> chargedAt(FeeRule rule, List<Step> steps) {
        return switch (rule.trigger()) {
            case LEVEL -> steps.stream().filter(s -> rule.code().equals(s.namedFee())
                    && (s.action() == Action.REMINDER || s.action() == Action.FINAL_NOTICE)).toList();
            case FIRST_LETTER -> List.of(steps.get(0));
            case COLLECTION_HANDOFF -> steps.stream().filter(s -> s.action() == Action.COLLECTION_HANDOFF).toList();
            case AFTER_NOTICE_PERIOD -> {
                LocalDate termEnds = steps.get(0).date().plusDays(policy.letterDeliveryDays() + 14L);
                yield steps.stream().skip(1).filter(s -> s.date().isAfter(termEnds)).limit(1).toList();
            }
        };
    }

    private Money feeAmount(FeeRule rule, Money principal, LocalDate on) {
        return rule.amount().map(a -> Money.of(rule.currency(), a)).orElseGet(() -> rules.wikCosts(principal, on));
    }

    private List<FeeRule> feeRules(Invoice invoice, LocalDate on) {
        return rules.feeRules(invoice.customer().country(), invoice.customer().type(), on);
    }

    private static String describeDebtor(Invoice invoice) {
        return (invoice.customer().type() == CustomerType.BUSINESS ? "business" : "consumer") + " debtors in "
                + invoice.customer().country();
    }

    private static String language(Invoice invoice) {
        String language = invoice.customer().language();
        return language != null && Letters.LANGUAGES.contains(language) ? language : "en";
    }

    /** A stable id per (invoice, level): the same decision on a re-run has the same id, so it is written once. */
    static String reminderId(String invoiceId, String level) {
        return "rem_" + HexFormat.of().formatHex(Sha256.of(invoiceId + '\u0000' + level), 0, 12);
    }
}
