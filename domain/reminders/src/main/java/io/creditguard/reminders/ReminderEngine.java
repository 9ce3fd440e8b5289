package io.creditguard.reminders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.creditguard.calendar.BusinessCalendar;
import io.creditguard.money.ExchangeRates;
import io.creditguard.money.Money;
import io.creditguard.receivables.Invoice.CustomerType;
import io.creditguard.receivables.Invoice;
import io.creditguard.receivables.InvoiceCsv;
import io.creditguard.reference.Jurisdictions;
import io.creditguard.reference.ReferenceRates;
import io.creditguard.reminders.ReminderPolicy.Kind;
import io.creditguard.reminders.ReminderPolicy.Level;
import io.creditguard.reminders.StatutoryRules.FeeRule;
import io.creditguard.reminders.StatutoryRules.FeeTrigger;

/**
 * Decides, for one invoice on one day, what the dunning policy and the governing law call for: the
 * next dunning letter (with the balance: payments applied, interest, fees, total), a report to the
 * credit insurer, or the reason nothing goes out. Pure: no clock, no I/O; the same invoice and day
 * give the same answer, which is what makes the run idempotent.
 *
 * <p>Letters of one customer are composed into statements afterwards ({@link Statements}); what
 * depends on the customer's other invoices (the Dutch consumer's collection costs over all the
 * claims of one letter, BW 6:96 lid 7) is settled there.
 */
public final class ReminderEngine {

    /** Why nothing goes out; POLICY_UNAVAILABLE is the run's: the customer's named policy could not be had. */
    public enum SkipReason {
        PAID, DISPUTED, PAUSED, PROMISED, NOT_YET_DUE, IN_GRACE_PERIOD, BELOW_MINIMUM, NEXT_LEVEL_NOT_DUE, TOO_SOON,
        POLICY_EXHAUSTED, POLICY_UNAVAILABLE
    }

    public record Skip(String invoiceId, SkipReason reason, String detail) {
    }

    /**
     * Interest under the governing law.
     *
     * @param accrued all interest accrued to the day, on the principal outstanding each day
     * @param paid what payments met of it (where the law applies payments to interest first)
     */
    public record InterestView(Money accrued, Money paid, Money outstanding, String legalBasis, List<PeriodView> periods,
            boolean complete, String note) {
    }

    public record PeriodView(LocalDate from, LocalDate to, BigDecimal ratePercent, long days, Money base, Money amount) {
    }

    /** A payment received and how the governing law applied it. */
    public record PaymentView(LocalDate date, Money amount, String reference, Money toCosts, Money toInterest,
            Money toPrincipal) {
    }

    /**
     * A fee owed on the invoice: which letter (level) charged it, on which day it fell due, and, for a
     * fixed amount the law sets in another currency, the conversion.
     */
    public record Fee(FeeCode code, Money amount, String legalBasis, int chargedAtLevel, LocalDate chargedOn,
            ExchangeRates.Conversion conversion) {
    }

    /**
     * What the debtor owes on the invoice on the day.
     *
     * @param credited what credit notes took off
     * @param principal the principal outstanding once payments were applied as the law orders
     * @param feesPaid what payments met of the fees
     * @param total principal, interest outstanding and fees not yet paid
     */
    public record Balance(Money amount, Money credited, List<PaymentView> payments, Money principal, InterestView interest,
            List<Fee> fees, Money feesPaid, Money total) {

        /** This balance with one more fee (a share of costs worked out over several invoices). */
        Balance withFee(Fee fee) {
            List<Fee> more = new ArrayList<>(fees);
            more.add(fee);
            return new Balance(amount, credited, payments, principal, interest, List.copyOf(more), feesPaid,
                    total.plus(fee.amount()));
        }
    }

    /**
     * The invoice as a letter lists it.
     *
     * @param defaultFrom the first day of default: interest runs from it and the fixed sums tied to default are
     *     owed from it (after this letter's date when this letter is what puts the debtor in default); absent
     *     before the due date, or where the law's rule for this debtor is not known
     * @param defaultBasis why default begins that day
     * @param paymentReference what the debtor quotes when paying (an OCR number, a payment reference), printed
     *     next to the amount; absent when the invoice has none
     */
    public record InvoiceLine(String invoiceId, String invoiceNumber, LocalDate issueDate, LocalDate dueDate,
            LocalDate dueDateAdjustedTo, long daysOverdue, LocalDate defaultFrom, DebtorDefault.Basis defaultBasis,
            Balance balance, String paymentReference) {

        /** {@code invoice}'s line, due on {@code due} (its due date moved off a holiday, or as it is). */
        static InvoiceLine of(Invoice invoice, LocalDate due, long daysOverdue, LocalDate defaultFrom,
                DebtorDefault.Basis defaultBasis, Balance balance) {
            return new InvoiceLine(invoice.invoiceId(), invoice.invoiceNumber(), invoice.issueDate(), invoice.dueDate(),
                    due.equals(invoice.dueDate()) ? null : due, daysOverdue, defaultFrom, defaultBasis, balance,
                    invoice.terms().paymentReference());
        }

        InvoiceLine withBalance(Balance other) {
            return new InvoiceLine(invoiceId, invoiceNumber, issueDate, dueDate, dueDateAdjustedTo, daysOverdue, defaultFrom,
                    defaultBasis, other, paymentReference);
        }
    }

    /**
     * Where a Dutch consumer's invoice stands with the 14-day letter (BW 6:96 lid 6): this letter is the
     * warning ({@code NOTICE}, the costs stated if unpaid), or the term has run and the costs fall due
     * with this letter ({@code COSTS_DUE}), worked out over the letter's invoices together.
     */
    public record NoticeTerm(Stage stage, LocalDate termEnds, Money principal) {

        public enum Stage {
            NOTICE, COSTS_DUE
        }
    }

    /** What the run or the preview does for one invoice on one day. */
    public sealed interface Action permits DunningLetter, InsurerReport {

        /** Stable per (invoice, level): the same decision on a re-run has the same id, so it is written once. */
        String reminderId();

        String invoiceId();

        List<String> warnings();
    }

    /**
     * The next dunning letter for an invoice; {@link Statements} puts it into the customer's letter.
     *
     * @param noticeTerm present under Dutch consumer law, where the 14-day letter decides the costs
     */
    public record DunningLetter(String reminderId, int level, Kind kind, String template, Invoice.Customer customer,
            String language, GoverningLaw governingLaw, InvoiceLine line, LocalDate payBy, NoticeTerm noticeTerm,
            List<String> warnings) implements Action {

        @Override
        public String invoiceId() {
            return line.invoiceId();
        }

        DunningLetter withBalance(Balance balance) {
            return new DunningLetter(reminderId, level, kind, template, customer, language, governingLaw,
                    line.withBalance(balance), payBy, noticeTerm, warnings);
        }
    }

    /**
     * The report of an overdue debt to the credit insurer, written in the creditor's language once rendered.
     *
     * @param amount the invoice's amount, VAT included
     * @param vatAmount the VAT it includes, when the book states it
     */
    public record InsurerReport(String reminderId, String invoiceId, String invoiceNumber, Invoice.Customer customer,
            LocalDate issueDate, LocalDate dueDate, long daysOverdue, Money amount, Money vatAmount, Money openAmount,
            LocalDate deadline, List<String> warnings, Letters.Letter letter) implements Action {

        public InsurerReport withLetter(Letters.Letter rendered) {
            return new InsurerReport(reminderId, invoiceId, invoiceNumber, customer, issueDate, dueDate, daysOverdue, amount,
                    vatAmount, openAmount, deadline, warnings, rendered);
        }

        /** The invoice as the notification's CSV lists it. */
        public InvoiceCsv.Line csvLine() {
            return new InvoiceCsv.Line(invoiceNumber, issueDate, dueDate, amount, Optional.ofNullable(vatAmount), openAmount);
        }
    }

    /**
     * Everything decided for one invoice: zero to two actions, or the reason for none, and warnings.
     *
     * @param effectiveDueDate the due date the decision counted from, moved off weekends and holidays when the
     *     policy says so; the KPIs age the invoice from it
     */
    public record Decision(Invoice invoice, LocalDate effectiveDueDate, Optional<DunningLetter> letter,
            Optional<InsurerReport> insurerReport, Optional<Skip> skip, List<String> warnings) {

        public List<Action> actions() {
            List<Action> actions = new ArrayList<>(2);
            letter.ifPresent(actions::add);
            insurerReport.ifPresent(actions::add);
            return actions;
        }
    }

    private final ReminderPolicy policy;
    private final StatutoryRules rules;
    private final ReferenceRates rates;
    private final ExchangeRates exchangeRates;
    private final BusinessCalendar calendar;

    public ReminderEngine(ReminderPolicy policy, StatutoryRules rules, BusinessCalendar calendar) {
        this.policy = policy;
        this.rules = rules;
        this.rates = rules.rates().overlaidWith(policy.rateOverrides());
        this.exchangeRates = rules.exchangeRates().overlaidWith(policy.exchangeRateOverrides());
        this.calendar = calendar;
    }

    public ReminderPolicy policy() {
        return policy;
    }

    public StatutoryRules rules() {
        return rules;
    }

    /** @param invoice a valid invoice (its constraints hold) */
    public Decision decide(Invoice invoice, LocalDate asOf) {
        GoverningLaw.Resolution resolution = GoverningLaw.of(invoice, policy.creditor().country(), rules.jurisdictions(),
                policy.creditorLanguage());
        GoverningLaw law = resolution.law();
        LocalDate due = policy.shiftDueDateToBusinessDay() ? calendar.onOrNextBusinessDay(law.country(), invoice.dueDate())
                : invoice.dueDate();
        Money open = invoice.open();
        List<String> warnings = new ArrayList<>();
        resolution.warning().ifPresent(warnings::add);
        if (!open.isPositive()) {
            return skip(invoice, due, SkipReason.PAID, "nothing is open", null, warnings);
        }
        if (invoice.disputed()) {
            return skip(invoice, due, SkipReason.DISPUTED, "the customer disputes it; resolve the dispute first", null,
                    warnings);
        }
        long daysOverdue = ChronoUnit.DAYS.between(due, asOf);
        InsurerReport report = insurerReport(invoice, asOf, due, daysOverdue, open, warnings).orElse(null);
        LocalDate pausedUntil = invoice.dunning().pausedUntil();
        if (pausedUntil != null && !asOf.isAfter(pausedUntil)) {
            return skip(invoice, due, SkipReason.PAUSED, "paused until " + pausedUntil, report, warnings);
        }
        // A promise to pay holds dunning until its day and the grace days; once they pass unpaid, dunning resumes.
        LocalDate promised = invoice.dunning().promisedPaymentDate();
        if (promised != null && !asOf.isAfter(promiseKeptUntil(promised))) {
            return skip(invoice, due, SkipReason.PROMISED, "the customer promised to pay by " + promised
                    + "; dunning waits until " + promiseKeptUntil(promised), report, warnings);
        }
        int lastLevel = invoice.lastLevelSent();
        if (daysOverdue < 0) {
            return preDueNotice(invoice, law, lastLevel, asOf, due, daysOverdue, warnings)
                    .map(l -> new Decision(invoice, due, Optional.of(l), Optional.ofNullable(report), Optional.empty(),
                            List.copyOf(warnings)))
                    .orElseGet(() -> skip(invoice, due, SkipReason.NOT_YET_DUE, "due " + due, report, warnings));
        }
        if (daysOverdue == 0) {
            return skip(invoice, due, SkipReason.NOT_YET_DUE, "due " + due, report, warnings);
        }
        if (daysOverdue <= policy.graceDays()) {
            return skip(invoice, due, SkipReason.IN_GRACE_PERIOD, "grace period ends " + due.plusDays(policy.graceDays()),
                    report, warnings);
        }
        Optional<BigDecimal> minimum = policy.minimumAmount(invoice.currency());
        if (minimum.isPresent() && invoice.openAmount().compareTo(minimum.get()) < 0) {
            return skip(invoice, due, SkipReason.BELOW_MINIMUM, "open " + open + " is below the policy minimum "
                    + minimum.get().toPlainString(), report, warnings);
        }
        // A notice before the due date not sent in time is not sent late: dunning starts at the first letter.
        Optional<Level> next = policy.levels().stream().filter(l -> l.level() > lastLevel && !l.beforeDue()).findFirst();
        if (next.isEmpty()) {
            return skip(invoice, due, SkipReason.POLICY_EXHAUSTED, "every level of the policy has been sent", report,
                    warnings);
        }
        if (next.get().daysAfterDue() > daysOverdue) {
            return skip(invoice, due, SkipReason.NEXT_LEVEL_NOT_DUE, "level " + next.get().level() + " is due on "
                    + due.plusDays(next.get().daysAfterDue()), report, warnings);
        }
        // The gap between letters is between dunning letters: a courtesy notice before the due date does not delay the first.
        Optional<LocalDate> lastSent = dunning(invoice.remindersSent()).map(Invoice.SentReminder::sentOn)
                .max(Comparator.naturalOrder());
        if (lastSent.isPresent() && ChronoUnit.DAYS.between(lastSent.get(), asOf) < policy.minimumDaysBetween()) {
            return skip(invoice, due, SkipReason.TOO_SOON, "last letter went out on " + lastSent.get() + "; the next may go on "
                    + lastSent.get().plusDays(policy.minimumDaysBetween()), report, warnings);
        }
        DunningLetter letter = letter(invoice, law, next.get(), asOf, due, daysOverdue, warnings);
        return new Decision(invoice, due, Optional.of(letter), Optional.ofNullable(report), Optional.empty(),
                List.copyOf(warnings));
    }

    /** The last day dunning waits for a promise to pay by {@code promised}: the day and the policy's grace days. */
    public LocalDate promiseKeptUntil(LocalDate promised) {
        return promised.plusDays(policy.graceDays());
    }

    private Decision skip(Invoice invoice, LocalDate due, SkipReason reason, String detail, InsurerReport report,
            List<String> warnings) {
        return new Decision(invoice, due, Optional.empty(), Optional.ofNullable(report),
                Optional.of(new Skip(invoice.invoiceId(), reason, detail)), List.copyOf(warnings));
    }

    /**
     * The notice due before the due date, if the policy has one not yet sent whose day has come and the
     * open amount is not below the policy's minimum: what is open, no interest, no fee, to pay by the due date.
     */
    private Optional<DunningLetter> preDueNotice(Invoice invoice, GoverningLaw law, int lastLevel, LocalDate asOf,
            LocalDate due, long daysOverdue, List<String> warnings) {
        Optional<Level> notice = policy.levels().stream().filter(l -> l.level() > lastLevel).findFirst()
                .filter(l -> l.beforeDue() && daysOverdue >= l.daysAfterDue());
        Optional<BigDecimal> minimum = policy.minimumAmount(invoice.currency());
        if (notice.isEmpty() || minimum.isPresent() && invoice.openAmount().compareTo(minimum.get()) < 0) {
            return Optional.empty();
        }
        java.util.Currency currency = invoice.currency();
        Money amount = invoice.total();
        Money open = invoice.open();
        List<PaymentView> payments = invoice.payments().stream().filter(p -> !p.date().isAfter(asOf))
                .sorted(Comparator.comparing(Invoice.Payment::date))
                .map(p -> new PaymentView(p.date(), Money.of(currency, p.amount()), p.reference(), Money.zero(currency),
                        Money.zero(currency), Money.of(currency, p.amount())))
                .toList();
        // a valid invoice's law and the policy's are laws with rules (@LawWithRules)
        String language = Letters.language(invoice.customer().language(),
                rules.jurisdictions().law(law.country()).orElseThrow());
        InterestView noInterest = new InterestView(Money.zero(currency), Money.zero(currency), Money.zero(currency),
                ReminderText.BASIS_NOT_YET_DUE.in(language), List.of(), true, null);
        Balance balance = new Balance(amount, amount.minus(invoice.credited()), payments, open,
                noInterest, List.of(), Money.zero(currency), open);
        Level level = notice.get();
        return Optional.of(new DunningLetter(ReminderRecords.id(invoice.invoiceId(), String.valueOf(level.level())),
                level.level(), level.levelKind(), level.template(), invoice.customer(), language, law,
                InvoiceLine.of(invoice, due, daysOverdue, null, null, balance),
                due, null, List.copyOf(warnings)));
    }

    /** The letters sent of the dunning levels: notices before the due date are not part of the dunning history. */
    private java.util.stream.Stream<Invoice.SentReminder> dunning(List<Invoice.SentReminder> sent) {
        return sent.stream().filter(r -> policy.level(r.level()).map(l -> !l.beforeDue()).orElse(true));
    }

    /** One letter of the invoice's history, or the one to send now. */
    private record Step(int level, Kind kind, String template, Optional<FeeCode> namedFee, LocalDate date,
            int payWithinDays, List<Invoice.ChargedFee> recorded) {
    }

    private DunningLetter letter(Invoice invoice, GoverningLaw law, Level level, LocalDate asOf, LocalDate due,
            long daysOverdue, List<String> warnings) {
        CustomerType debtor = invoice.customer().type();
        Jurisdictions.Law jurisdiction = rules.jurisdictions().law(law.country()).orElseThrow();
        String language = Letters.language(invoice.customer().language(), jurisdiction);
        List<Step> steps = steps(invoice, level, asOf);
        Optional<DebtorDefault.Start> inDefault = debtorDefault(invoice, law, due, steps, warnings);
        Optional<LocalDate> defaultFrom = inDefault.map(DebtorDefault.Start::from);
        // A fixed sum set per half-year (Norway's kompensasjon) is the one of the half-year it fell due in.
        LocalDate defaultOn = defaultFrom.filter(day -> !day.isAfter(asOf)).orElse(asOf);
        List<FeeRule> feeRules = rules.feeRules(law.country(), debtor, asOf, defaultOn);
        if (feeRules.isEmpty()) {
            warnings.add((debtor == CustomerType.BUSINESS ? ReminderText.WARNING_NO_FEE_RULE_BUSINESS
                    : ReminderText.WARNING_NO_FEE_RULE_CONSUMER).in(policy.creditorLanguage(), law.country(), asOf));
        }
        if (defaultFrom.isPresent()) {
            rules.unsourcedFees(law.country(), debtor, asOf, defaultOn).forEach(code -> warnings.add(
                    ReminderText.WARNING_FEE_UNSOURCED.in(policy.creditorLanguage(), code, law.country(), defaultOn)));
        }
        Money principal = invoice.payments().isEmpty() && invoice.credits().isEmpty()
                ? invoice.open()
                : invoice.credited();
        if (invoice.payments().isEmpty() && invoice.credits().isEmpty()
                && invoice.open().compareTo(invoice.total()) < 0) {
            warnings.add(ReminderText.WARNING_PART_SETTLED.in(policy.creditorLanguage()));
        }
        // Without a known start nothing is charged for lateness: interest from the day after asOf is none.
        LocalDate interestFrom = defaultFrom.orElse(asOf.plusDays(1));
        LateInterest.Basis basis = interestBasis(invoice, law, interestFrom, language, warnings);
        List<LateInterest.Receipt> receipts = invoice.payments().stream()
                .map(p -> new LateInterest.Receipt(p.date(), Money.of(invoice.currency(), p.amount()))).toList();
        // The staffel is reckoned on the principal outstanding when its costs fall due ("de hoofdsom"), not on what
        // was invoiced: payments before that day applied as the law orders (no costs fall due before the staffel's).
        Function<LocalDate, Money> principalBefore = day -> LateInterest.accrue(principal, interestFrom, day.minusDays(1),
                basis, rates, receipts, jurisdiction.allocation(), List.of()).principal();
        List<Fee> fees = fees(invoice, feeRules, steps, defaultFrom, principalBefore, law.country(), language, warnings);
        // Payments meet the costs due by their day: this letter's own fees are not yet due, unless owed since default.
        List<LateInterest.Charge> charges = fees.stream()
                .filter(f -> f.chargedAtLevel() != level.level() || f.chargedOn().isBefore(asOf))
                .map(f -> new LateInterest.Charge(f.chargedOn(), f.amount())).toList();
        if (invoice.payments().stream().anyMatch(p -> p.date().isAfter(asOf))) {
            warnings.add(ReminderText.WARNING_PAYMENT_AFTER.in(policy.creditorLanguage(), asOf));
        }
        LateInterest.Result interest = LateInterest.accrue(principal, interestFrom, asOf, basis, rates, receipts,
                jurisdiction.allocation(), charges);
        // The 14-day letter states the costs on the principal it shows, what payments up to its day left.
        Optional<NoticeTerm> notice = noticeTerm(feeRules, steps, defaultFrom, law.country(), interest.principal());
        Money feesTotal = fees.stream().map(Fee::amount).reduce(Money.zero(invoice.currency()), Money::plus);
        Money total = interest.principal().plus(interest.interestOutstanding()).plus(feesTotal).minus(interest.costsPaid());
        Balance balance = new Balance(invoice.total(),
                invoice.total().minus(invoice.credited()),
                payments(invoice, asOf, interest), interest.principal(), interestView(interest, warnings), fees,
                interest.costsPaid(), total);
        LocalDate payBy = asOf.plusDays(level.payWithinDays());
        if (notice.isPresent() && notice.get().stage() == NoticeTerm.Stage.NOTICE && payBy.isBefore(notice.get().termEnds())) {
            payBy = notice.get().termEnds();
        }
        payBy = calendar.onOrNextBusinessDay(law.country(), payBy);
        return new DunningLetter(ReminderRecords.id(invoice.invoiceId(), String.valueOf(level.level())), level.level(),
                level.levelKind(), level.template(), invoice.customer(), language, law,
                InvoiceLine.of(invoice, due, daysOverdue, defaultFrom.orElse(null),
                        inDefault.map(d -> defaultBasis(d.basis(), law, debtor, language)).orElse(null), balance),
                payBy, notice.orElse(null), List.copyOf(warnings));
    }

    /**
     * When the debtor is in default: the day after the due date where the payment terms were agreed (the
     * invoice says so, else its customer's framework contract, else the policy), else as the governing law
     * says for this debtor, counting the invoice's receipt ({@code receivedOn}, else its issue date plus the
     * days a letter takes) or sending (its issue date) and the dunning letters, this one included.
     */
    private Optional<DebtorDefault.Start> debtorDefault(Invoice invoice, GoverningLaw law, LocalDate due, List<Step> steps,
            List<String> warnings) {
        CustomerType debtor = invoice.customer().type();
        boolean agreed = invoice.paymentTermsAgreed().orElse(policy.paymentTermsAgreed());
        Optional<DebtorDefault.Rule> rule = rules.defaultRule(law.country(), debtor, invoice.issueDate());
        LocalDate received = invoice.terms().receivedOn() != null ? invoice.terms().receivedOn()
                : invoice.issueDate().plusDays(policy.letterDeliveryDays());
        List<DebtorDefault.Letter> letters = steps.stream().map(s -> new DebtorDefault.Letter(s.date(),
                s.date().plusDays(policy.letterDeliveryDays()),
                calendar.onOrNextBusinessDay(law.country(), s.date().plusDays(s.payWithinDays())))).toList();
        Optional<DebtorDefault.Start> start = DebtorDefault.start(rule, new DebtorDefault.Facts(agreed, due,
                invoice.issueDate(), received, invoice.terms().consumerNoticeOnInvoice()), letters);
        if (start.isEmpty()) {
            warnings.add((debtor == CustomerType.BUSINESS ? ReminderText.WARNING_NO_DEFAULT_RULE_BUSINESS
                    : ReminderText.WARNING_NO_DEFAULT_RULE_CONSUMER).in(policy.creditorLanguage(), law.country()));
        }
        return start;
    }

    /** Why default began, stated in the letter's language: the statute's citation as cited, what it provides in words. */
    private DebtorDefault.Basis defaultBasis(DebtorDefault.Basis basis, GoverningLaw law, CustomerType debtor,
            String language) {
        boolean agreed = basis.reason() == DebtorDefault.Reason.AGREED_DUE_DATE;
        return new DebtorDefault.Basis(basis.reason(), basis.event(), rules.defaultBasis(law.country(), debtor, agreed,
                language).orElseGet(() -> ReminderText.BASIS_AGREED_DUE_DATE.in(language)));
    }

    /** The letters already sent, lowest level first, and the one to send now. */
    private List<Step> steps(Invoice invoice, Level current, LocalDate asOf) {
        List<Step> steps = new ArrayList<>();
        dunning(invoice.remindersSent()).sorted(Comparator.comparingInt(Invoice.SentReminder::level)).forEach(sent -> {
            Optional<Level> level = policy.level(sent.level());
            steps.add(new Step(sent.level(), level.map(Level::levelKind).orElse(Kind.PAYMENT_REMINDER),
                    level.map(Level::template).orElse(ReminderPolicy.Template.REMINDER.id()), level.flatMap(Level::feeCode), sent.sentOn(),
                    level.map(Level::payWithinDays).orElse(ReminderPolicy.DEFAULT_PAY_WITHIN_DAYS), sent.fees()));
        });
        steps.add(new Step(current.level(), current.levelKind(), current.template(), current.feeCode(), asOf,
                current.payWithinDays(), null));
        return steps;
    }

    /**
     * Under a fee rule that waits for the 14-day term (Dutch consumers): the first letter sent once the
     * debtor is in default is the warning (the letter must come "na het intreden van het verzuim", BW 6:96
     * lid 6); the term runs 14 days from the day after it is received, extended to the next day that is no
     * Saturday, Sunday or holiday (Algemene termijnenwet art. 1, 3); the first letter after that charges the
     * costs, once.
     */
    private Optional<NoticeTerm> noticeTerm(List<FeeRule> feeRules, List<Step> steps, Optional<LocalDate> defaultFrom,
            String law, Money principal) {
        Optional<FeeRule> rule = feeRules.stream().filter(r -> r.trigger() == FeeTrigger.AFTER_NOTICE_PERIOD).findFirst();
        List<Step> inDefault = inDefault(steps, defaultFrom);
        if (rule.isEmpty() || inDefault.isEmpty()) {
            return Optional.empty();
        }
        LocalDate termEnds = noticeTermEnds(inDefault.get(0).date(), law);
        if (inDefault.size() == 1) {
            return Optional.of(new NoticeTerm(NoticeTerm.Stage.NOTICE, termEnds, principal));
        }
        Step current = inDefault.get(inDefault.size() - 1);
        boolean chargedBefore = inDefault.subList(1, inDefault.size() - 1).stream().anyMatch(s -> s.date().isAfter(termEnds));
        return current.date().isAfter(termEnds) && !chargedBefore
                ? Optional.of(new NoticeTerm(NoticeTerm.Stage.COSTS_DUE, termEnds, principal)) : Optional.empty();
    }

    /** The letters sent on or after the first day of default; none when it is not known. */
    private static List<Step> inDefault(List<Step> steps, Optional<LocalDate> defaultFrom) {
        return defaultFrom.map(from -> steps.stream().filter(s -> !s.date().isBefore(from)).toList()).orElse(List.of());
    }

    /** The last day of the 14-day term of a letter sent on {@code sent}, as the Algemene termijnenwet extends it. */
    LocalDate noticeTermEnds(LocalDate sent, String law) {
        LocalDate received = sent.plusDays(policy.letterDeliveryDays());
        return calendar.onOrNextBusinessDay(law, received.plusDays(14));
    }

    /**
     * A covering fee (Sweden's 450 kr) standing in for the fees it covers up to its amount: the covered fees
     * charged before it fell due (letters before default) are taken off it; once charged, what it has left
     * takes the covered fees after it, so all of them together come to the larger of the covering amount and
     * the covered fees' sum.
     */
    private static final class Cover {
        private BigDecimal left;
        private boolean charged;

        Cover(BigDecimal amount) {
            this.left = amount;
        }

        /** A covered fee: the part of {@code nominal} beyond the cover, using the cover up (all of it before it is charged). */
        BigDecimal beyond(BigDecimal nominal) {
            BigDecimal beyond = charged ? nominal.subtract(left).max(BigDecimal.ZERO) : nominal;
            left = left.subtract(nominal).max(BigDecimal.ZERO);
            return beyond;
        }

        /** The covering fee itself, less the covered fees charged before it. */
        BigDecimal charge() {
            charged = true;
            return left;
        }
    }

    /**
     * Every fee owed as of this letter: those earlier letters charged (as the run recorded them, or
     * worked out again for records that predate that) and this letter's, each rule applied at the
     * steps its trigger names, a covering rule standing in for the fees it covers up to its amount.
     * Fees tied to default are owed from its first day and shown with the first letter sent in default;
     * costs that wait for the 14-day term are settled per letter in {@link Statements}, except those an
     * earlier letter charged.
     */
    private List<Fee> fees(Invoice invoice, List<FeeRule> applicable, List<Step> steps, Optional<LocalDate> defaultFrom,
            Function<LocalDate, Money> principalBefore, String law, String language, List<String> warnings) {
        List<Fee> owed = new ArrayList<>();
        Map<FeeCode, Cover> covers = new EnumMap<>(FeeCode.class);
        Map<FeeCode, Cover> covering = new EnumMap<>(FeeCode.class);
        for (FeeRule rule : applicable) {
            rule.amount().filter(amount -> !rule.covers().isEmpty()).ifPresent(amount -> {
                Cover cover = new Cover(amount);
                covering.put(rule.code(), cover);
                rule.covers().forEach(code -> covers.put(code, cover));
            });
        }
        // A covering fee charged on a letter goes before the fees it covers on that letter.
        List<FeeRule> ordered = applicable.stream().sorted(Comparator.comparing(r -> r.covers().isEmpty())).toList();
        Map<FeeCode, Integer> counts = new EnumMap<>(FeeCode.class);
        Map<FeeCode, LocalDate> lastCharged = new EnumMap<>(FeeCode.class);
        List<Step> inDefault = inDefault(steps, defaultFrom);
        LocalDate termEnds = inDefault.isEmpty() ? null : noticeTermEnds(inDefault.get(0).date(), law);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            boolean current = i == steps.size() - 1;
            List<Fee> charged = new ArrayList<>();
            for (FeeRule rule : ordered) {
                if (!chargedAt(rule, step, counts, lastCharged, invoice, defaultFrom, termEnds)) {
                    continue;
                }
                counts.merge(rule.code(), 1, Integer::sum);
                lastCharged.put(rule.code(), step.date());
                if (rule.trigger() == FeeTrigger.AFTER_NOTICE_PERIOD && current) {
                    continue; // over the letter's invoices together: Statements
                }
                LocalDate on = rule.trigger() == FeeTrigger.ON_DEFAULT ? defaultFrom.orElseThrow() : step.date();
                fee(rule, invoice, principalBefore, on, step.level(), covers.get(rule.code()), covering.get(rule.code()),
                        language, warnings).filter(f -> f.amount().isPositive()).ifPresent(charged::add);
            }
            // Fees recorded under a code the governing law has no rule of for this debtor (the customer's type or
            // chosen law changed since, or the code is none this version knows) cannot be stated: worked out again.
            boolean stated = step.recorded() != null && step.recorded().stream().allMatch(r -> FeeCode.named(r.code())
                    .filter(code -> rules.hasBasis(law, invoice.customer().type(), code)).isPresent());
            if (step.recorded() != null && !stated) {
                warnings.add(ReminderText.WARNING_FEES_RECORDED_UNSTATED.in(policy.creditorLanguage(), step.level(),
                        step.date(), step.recorded().stream().map(Invoice.ChargedFee::code).collect(Collectors.joining(", ")),
                        law));
            }
            if (!stated) {
                owed.addAll(charged);
            } else {
                for (Invoice.ChargedFee recorded : step.recorded()) {
                    FeeCode code = FeeCode.valueOf(recorded.code());
                    LocalDate on = charged.stream().filter(f -> f.code() == code).map(Fee::chargedOn).findFirst()
                            .orElse(step.date());
                    owed.add(new Fee(code, Money.of(invoice.currency(), recorded.amount()), ReminderText.BASIS_AS_CHARGED.in(language,
                            rules.basis(law, invoice.customer().type(), Optional.of(code), language), step.level(),
                            step.date()), step.level(), on, null));
                }
            }
        }
        return List.copyOf(owed);
    }

    private static boolean chargedAt(FeeRule rule, Step step, Map<FeeCode, Integer> counts,
            Map<FeeCode, LocalDate> lastCharged, Invoice invoice, Optional<LocalDate> defaultFrom, LocalDate termEnds) {
        int count = counts.getOrDefault(rule.code(), 0);
        if (rule.maxCharges().isPresent() && count >= rule.maxCharges().getAsInt()) {
            return false;
        }
        // A letter charges what the law in force on its day lets it (those owed on default were chosen by that day).
        if (rule.trigger() != FeeTrigger.ON_DEFAULT && !rule.inForce(step.date())) {
            return false;
        }
        if (rule.onlyIfAgreed() && !invoice.terms().reminderFeeAgreed()) {
            return false;
        }
        LocalDate last = lastCharged.get(rule.code());
        if (rule.minDaysBetween().isPresent() && last != null
                && ChronoUnit.DAYS.between(last, step.date()) < rule.minDaysBetween().getAsInt()) {
            return false;
        }
        return switch (rule.trigger()) {
            case ON_DEFAULT -> count == 0 && defaultFrom.isPresent() && !step.date().isBefore(defaultFrom.get());
            case REMINDER_LETTER -> step.kind() == Kind.PAYMENT_REMINDER && step.namedFee().orElse(null) == rule.code();
            case INKASSOKRAV -> step.kind() == Kind.INKASSOKRAV
                    && ReminderPolicy.Template.of(step.template()).filter(ReminderPolicy.Template::meetsInkassolagen).isPresent();
            case AFTER_NOTICE_PERIOD -> count == 0 && termEnds != null && step.date().isAfter(termEnds);
        };
    }

    /**
     * One fee, in the invoice's currency: a fixed sum (converted at the rate of the day it fell due when
     * the law sets it in another currency), the contract's agreed collection costs, or the staffel on
     * the principal outstanding that day; a covered fee only for what exceeds the cover left, a covering fee less what the fees
     * it covers already came to.
     */
    private Optional<Fee> fee(FeeRule rule, Invoice invoice, Function<LocalDate, Money> principalBefore, LocalDate on,
            int level, Cover cover, Cover own, String language, List<String> warnings) {
        String basis = rules.basis(rule, language);
        if (rule.amount().isPresent()) {
            BigDecimal nominal = rule.amount().get();
            String stated = basis;
            if (own != null) {
                nominal = own.charge();
                if (nominal.signum() == 0) {
                    return Optional.empty();
                }
                if (nominal.compareTo(rule.amount().get()) < 0) {
                    stated = ReminderText.BASIS_LESS_COVERED.in(language, basis);
                }
            } else if (cover != null) {
                nominal = cover.beyond(nominal);
                if (nominal.signum() == 0) {
                    return Optional.empty();
                }
                stated = ReminderText.BASIS_BEYOND_COVER.in(language, basis);
            }
            String legalBasis = stated;
            return convert(Money.of(rule.currency(), nominal), invoice.currency(), on, rule, warnings)
                    .map(c -> new Fee(rule.code(), c.converted(), legalBasis, level, on,
                            c.original().currency().equals(c.converted().currency()) ? null : c));
        }
        Optional<BigDecimal> agreed = invoice.customer().type() == CustomerType.BUSINESS
                ? Optional.ofNullable(policy.agreedCollectionCosts().get(invoice.currency())) : Optional.empty();
        if (agreed.isPresent()) {
            // The contract's amount replaces the staffel between businesses, never below the statutory minimum.
            Money contractual = Money.of(invoice.currency(), agreed.get());
            return convert(rules.staffel(Money.zero(rule.currency()), on), invoice.currency(), on, rule, warnings)
                    .map(minimum -> new Fee(rule.code(), contractual.max(minimum.converted()),
                            ReminderText.BASIS_CONTRACT_COSTS.in(language, basis), level, on, null));
        }
        return staffel(principalBefore.apply(on), on, rule, warnings)
                .map(amount -> new Fee(rule.code(), amount, basis, level, on, null));
    }

    private Optional<ExchangeRates.Conversion> convert(Money amount, java.util.Currency target, LocalDate on, FeeRule rule,
            List<String> warnings) {
        Optional<ExchangeRates.Conversion> converted = exchangeRates.convert(amount, target, on);
        if (converted.isEmpty()) {
            String language = policy.creditorLanguage();
            warnings.add(ReminderText.WARNING_NO_EXCHANGE_RATE.in(language, rule.code(), rules.basis(rule, language), amount,
                    amount.currency().getCurrencyCode(), target.getCurrencyCode(), on));
        }
        return converted;
    }

    /**
     * The staffel on {@code principal}, worked out in the staffel's currency when the invoice is in
     * another (its bands and bounds are euro amounts) and converted back.
     */
    Optional<Money> staffel(Money principal, LocalDate on, FeeRule rule, List<String> warnings) {
        if (principal.currency().equals(rule.currency())) {
            return Optional.of(rules.staffel(principal, on));
        }
        return convert(principal, rule.currency(), on, rule, warnings)
                .flatMap(inLaw -> convert(rules.staffel(inLaw.converted(), on), principal.currency(), on, rule, warnings))
                .map(ExchangeRates.Conversion::converted);
    }

    /** How interest from {@code from}, the first day of default, is reckoned: the agreed rate, else the law's. */
    private LateInterest.Basis interestBasis(Invoice invoice, GoverningLaw law, LocalDate from, String language,
            List<String> warnings) {
        CustomerType debtor = invoice.customer().type();
        if (invoice.terms().interestRate() != null) {
            return LateInterest.Basis.agreed(invoice.terms().interestRate())
                    .withLegalBasis(ReminderText.BASIS_AGREED_RATE.in(language));
        }
        return rules.interestBasis(law.country(), debtor, from)
                .map(b -> b.withLegalBasis(rules.basis(law.country(), debtor, Optional.empty(), language)))
                .orElseGet(() -> {
                    warnings.add((debtor == CustomerType.BUSINESS ? ReminderText.WARNING_NO_INTEREST_RULE_BUSINESS
                            : ReminderText.WARNING_NO_INTEREST_RULE_CONSUMER).in(policy.creditorLanguage(), law.country()));
                    return new LateInterest.Basis(Optional.empty(), BigDecimal.ZERO, LateInterest.Compounding.SIMPLE,
                            ReminderText.BASIS_NONE.in(language));
                });
    }

    private InterestView interestView(LateInterest.Result result, List<String> warnings) {
        String note = null;
        if (!result.complete()) {
            note = ReminderText.WARNING_RATE_PENDING.in(policy.creditorLanguage(), result.periods().stream()
                    .filter(p -> p.ratePercent() == null).map(p -> p.from() + "–" + p.to()).collect(Collectors.joining(", ")));
            warnings.add(note);
        }
        return new InterestView(result.interest(), result.interestPaid(), result.interestOutstanding(), result.legalBasis(),
                result.periods().stream().map(p -> new PeriodView(p.from(), p.to(), percentScale(p.ratePercent()), p.days(),
                        p.base(), p.amount())).toList(), result.complete(), note);
    }

    private static List<PaymentView> payments(Invoice invoice, LocalDate asOf, LateInterest.Result result) {
        List<PaymentView> views = new ArrayList<>();
        List<Invoice.Payment> sorted = invoice.payments().stream().filter(p -> !p.date().isAfter(asOf))
                .sorted(Comparator.comparing(Invoice.Payment::date)).toList();
        for (int i = 0; i < result.payments().size(); i++) {
            LateInterest.Applied a = result.payments().get(i);
            views.add(new PaymentView(a.date(), a.amount(), sorted.get(i).reference(), a.toCosts(), a.toInterest(),
                    a.toPrincipal()));
        }
        return List.copyOf(views);
    }

    /** Rates read as 10, 10.0 or 10.00 all show as 10.00. */
    private static BigDecimal percentScale(BigDecimal percent) {
        return percent == null ? null : percent.setScale(Math.max(2, percent.scale()), RoundingMode.UNNECESSARY);
    }

    private Optional<InsurerReport> insurerReport(Invoice invoice, LocalDate asOf, LocalDate due, long daysOverdue,
            Money open, List<String> warnings) {
        ReminderPolicy.Insurer insurer = policy.insurer();
        if (insurer == null || invoice.dunning().insurerNotifiedOn() != null) {
            return Optional.empty();
        }
        // Insurers count from the original due date, whatever day of the week it was.
        LocalDate deadline = invoice.dueDate().plusDays(insurer.overdueNotificationDays());
        long daysLeft = ChronoUnit.DAYS.between(asOf, deadline);
        if (daysLeft < 0) {
            warnings.add(ReminderText.WARNING_INSURER_MISSED.in(policy.creditorLanguage(), insurer.name(), deadline));
        } else if (daysLeft <= insurer.warningDays()) {
            warnings.add(ReminderText.WARNING_INSURER_DUE.in(policy.creditorLanguage(), insurer.name(), deadline, daysLeft));
        }
        if (ChronoUnit.DAYS.between(invoice.dueDate(), asOf) < insurer.notifyAfterDays()) {
            return Optional.empty();
        }
        return Optional.of(new InsurerReport(ReminderRecords.id(invoice.invoiceId(), "insurer"), invoice.invoiceId(),
                invoice.invoiceNumber(), invoice.customer(), invoice.issueDate(), invoice.dueDate(), daysOverdue,
                invoice.total(), Money.ofNullable(invoice.currency(), invoice.terms().vatAmount()),
                open, deadline, List.copyOf(warnings), null));
    }
}
