package io.creditguard.claims;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.creditguard.claims.ClaimRequest.DocumentType;
import io.creditguard.claims.ClaimRequest.EventType;
import io.creditguard.money.Money;
import io.creditguard.money.Rates;
import io.creditguard.receivables.Invoice;

/**
 * Where a credit-insured seller stands with an unpaid buyer: which debts the policy covers, what the
 * insurer would pay, by when each step must happen, and what is still missing.
 *
 * <p>Rules (the usual shape of a whole-turnover credit-insurance policy, as Coface, "Så skyddar du kassaflödet med kreditförsäkring",
 * 2026-01-05, describes it):
 * <ul>
 * <li>A debt is covered only if it is unpaid, undisputed, within the maximum credit period (due date
 * minus invoice date), delivered while a credit limit for the buyer was in force and before any
 * insolvency. The limit that decides is the one in force on the debt's delivery date (a policy's
 * limits are dated: raised, lowered or cancelled over time): covered debts count against it in the
 * order they were delivered, and what a debt takes beyond the limit of its day is uninsured.
 * <li>indemnity = insured amount × insured percentage − deductible ({@code AFTER_COVER}, the usual
 * order), or (insured amount − deductible) × insured percentage ({@code BEFORE_COVER}), never below
 * zero, capped by the policy's maximum indemnity, rounded HALF_EVEN to the minor unit.
 * <li>Trigger: an INSOLVENCY, BANKRUPTCY or COMPOSITION event makes it an insolvency claim, filed
 * within {@code claimFilingDays} of it; otherwise it is protracted default: report the overdue
 * debt within {@code overdueNotificationDays} of the oldest due date, wait {@code waitingPeriodDays}
 * after that report, file within {@code claimFilingDays} of it. The insurer pays
 * {@code paymentDaysAfterValidation} days after validating the claim.
 * <li>Payments: {@code openAmount} is what the ledger shows unpaid before the claim; payments after
 * the claim was filed reduce it (oldest debt first); payments after the indemnity was paid are
 * recoveries, shared with the insurer in proportion to the loss each bore.
 * </ul>
 * Pure: no clock and no I/O; {@code asOf} is the day assessed.
 */
public final class ClaimAssessment {

    /** The policy; {@code policyholder} is the insured seller, who signs the claim. */
    public record Terms(String insurer, String policyNumber, Optional<String> policyholder, Currency currency, BigDecimal insuredPercentage,
            Money deductible, DeductibleOrder deductibleOrder, Optional<Money> minimumClaimAmount, Optional<Money> maxIndemnity,
            List<Limit> creditLimits, Optional<Money> discretionaryLimit, int maxCreditPeriodDays, int overdueNotificationDays,
            int claimFilingDays, int waitingPeriodDays, int paymentDaysAfterValidation) {
    }

    /** Whether the deductible comes off after the insured percentage is applied (the usual order) or before. */
    public enum DeductibleOrder {
        AFTER_COVER, BEFORE_COVER
    }

    public record Limit(String buyerId, Money amount, LocalDate approvedOn) {
    }

    public record DebtInput(String invoiceId, LocalDate issueDate, LocalDate deliveryDate, LocalDate dueDate, Money amount,
            Money openAmount, boolean vatIncluded, boolean disputed, List<Invoice.SentReminder> remindersSent) {
    }

    public record EventInput(EventType type, LocalDate date, Money amount) {
    }

    public record Input(Terms terms, ClaimRequest.Buyer buyer, List<DebtInput> debts, List<EventInput> events,
            List<DocumentType> documents, LocalDate asOf, Optional<LocalDate> claimFiledOn,
            Optional<LocalDate> indemnityPaidOn) {
    }

    public enum Status {
        NOT_YET_CLAIMABLE, CLAIMABLE, FILED_LATE_RISK, INELIGIBLE
    }

    public enum Trigger {
        INSOLVENCY, PROTRACTED_DEFAULT
    }

    public enum Exclusion {
        PAID, DISPUTED, BEYOND_CREDIT_PERIOD, NO_CREDIT_LIMIT, DELIVERED_BEFORE_LIMIT_APPROVED, DELIVERED_AFTER_INSOLVENCY,
        ABOVE_LIMIT
    }

    public enum DeadlineStatus {
        MET, MISSED, AHEAD, NOT_APPLICABLE
    }

    public record Reason(Exclusion code, String message) {
    }

    /** One debt: {@code insuredAmount} is the part the policy covers, possibly less than {@code openAmount}. */
    public record DebtView(String invoiceId, LocalDate dueDate, Money openAmount, boolean insured, Money insuredAmount,
            List<Reason> reasons) {
    }

    public record Deadline(LocalDate date, DeadlineStatus status, String basis) {
    }

    public record Deadlines(Deadline notifyOverdueBy, Deadline fileClaimBy, Deadline waitingPeriodEnds,
            Deadline expectedPaymentBy) {
    }

    /**
     * The indemnity, step by step as the formula takes it.
     *
     * @param base what the credit limits in force on the delivery dates insure of the claimable amount
     */
    public record Indemnity(Money claimable, Money base, BigDecimal insuredPercentage, DeductibleOrder deductibleOrder,
            Money deductible, Money maxIndemnity, Money amount, String formula) {
    }

    public record Recovery(Money recovered, BigDecimal insurerFraction, Money insurerShare, Money sellerShare,
            String explanation) {
    }

    /** @param filing when the request asked to file it: what was mailed, when and to whom */
    public record Result(Status status, Trigger trigger, List<DebtView> debts, Money totalOpen, Money claimableAmount,
            Indemnity indemnity, Money uninsuredLoss, boolean worthFiling, Deadlines deadlines,
            List<DocumentType> missingDocuments, Recovery recovery, List<String> notes, ClaimDossier.Dossier dossier,
            ClaimFiling.Filing filing) {

        public Result withDossier(ClaimDossier.Dossier made) {
            return new Result(status, trigger, debts, totalOpen, claimableAmount, indemnity, uninsuredLoss, worthFiling,
                    deadlines, missingDocuments, recovery, notes, made, filing);
        }

        public Result withFiling(ClaimFiling.Filing filed) {
            return new Result(status, trigger, debts, totalOpen, claimableAmount, indemnity, uninsuredLoss, worthFiling,
                    deadlines, missingDocuments, recovery, notes, dossier, filed);
        }
    }

    private static final Set<DocumentType> ALWAYS_REQUIRED = EnumSet.of(DocumentType.INVOICE_COPIES,
            DocumentType.ORDER_CONFIRMATION_OR_CONTRACT, DocumentType.PROOF_OF_DELIVERY, DocumentType.REMINDERS_SENT,
            DocumentType.ACCOUNT_STATEMENT, DocumentType.CORRESPONDENCE);
    private static final Set<DocumentType> INSOLVENCY_REQUIRED = EnumSet.of(DocumentType.PROOF_OF_INSOLVENCY,
            DocumentType.PROOF_OF_CLAIM_LODGED);

    private ClaimAssessment() {
    }

    public static Result assess(Input in) {
        Terms terms = in.terms();
        Money zero = Money.zero(terms.currency());
        List<String> notes = new ArrayList<>();
        Optional<LocalDate> insolvency = first(in.events(), EnumSet.of(EventType.INSOLVENCY, EventType.BANKRUPTCY,
                EventType.COMPOSITION));
        Optional<LocalDate> notified = first(in.events(), EnumSet.of(EventType.OVERDUE_NOTIFIED));
        Trigger trigger = insolvency.isPresent() ? Trigger.INSOLVENCY : Trigger.PROTRACTED_DEFAULT;
        List<Limit> buyerLimits = in.terms().creditLimits().stream().filter(l -> l.buyerId().equals(in.buyer().id()))
                .sorted(Comparator.comparing(Limit::approvedOn)).toList();

        // Oldest delivery first: each debt counts against the limit in force on its delivery date.
        List<DebtInput> debts = new ArrayList<>(in.debts());
        debts.sort(Comparator.comparing(DebtInput::deliveryDate).thenComparing(DebtInput::dueDate)
                .thenComparing(DebtInput::invoiceId));
        List<Money> open = reduceByPaymentsAfterFiling(in, debts, notes);

        List<DebtView> views = new ArrayList<>();
        Money totalOpen = zero;
        Money claimable = zero;
        Money insuredSoFar = zero;
        for (int i = 0; i < debts.size(); i++) {
            DebtInput debt = debts.get(i);
            Money debtOpen = open.get(i);
            totalOpen = totalOpen.plus(debtOpen);
            Optional<Limit> limit = limitOn(debt.deliveryDate(), buyerLimits, terms);
            List<Reason> reasons = exclusions(debt, debtOpen, terms, buyerLimits, limit, insolvency);
            Money insured = zero;
            if (reasons.isEmpty()) {
                claimable = claimable.plus(debtOpen);
                Money room = limit.get().amount().minus(insuredSoFar).max(zero);
                insured = debtOpen.min(room);
                insuredSoFar = insuredSoFar.plus(insured);
                if (insured.compareTo(debtOpen) < 0) {
                    reasons.add(new Reason(Exclusion.ABOVE_LIMIT, debtOpen.minus(insured) + " of " + debtOpen
                            + " is above the credit limit of " + limit.get().amount() + limitDate(limit.get())
                            + " in force on its delivery on " + debt.deliveryDate()));
                }
            }
            views.add(new DebtView(debt.invoiceId(), debt.dueDate(), debtOpen, insured.isPositive(), insured,
                    List.copyOf(reasons)));
            if (reasons.isEmpty() && debt.remindersSent().isEmpty()) {
                notes.add(debt.invoiceId() + ": no reminder is recorded; insurers expect the dunning procedure to have been followed.");
            }
        }

        Money claimableTotal = claimable;
        Indemnity indemnity = indemnity(terms, claimableTotal, insuredSoFar);
        Money uninsuredLoss = totalOpen.minus(indemnity.amount()).max(zero);
        Deadlines deadlines = deadlines(in, views, trigger, insolvency, notified);
        boolean worthFiling = indemnity.amount().isPositive() && terms.minimumClaimAmount()
                .map(min -> claimableTotal.compareTo(min) >= 0).orElse(true);
        terms.minimumClaimAmount().filter(min -> claimableTotal.compareTo(min) < 0).ifPresent(min -> notes.add(
                "The claimable amount " + claimableTotal + " is below the policy's minimum claim of " + min
                        + ": not worth filing on its own; keep it for a later claim on this buyer."));
        if (buyerLimits.isEmpty() && terms.discretionaryLimit().isEmpty()) {
            notes.add("No credit limit for buyer " + in.buyer().id() + " and no discretionary limit: nothing is insured.");
        }
        notes.addAll(eventNotes(in.events(), trigger));
        if (in.debts().stream().anyMatch(DebtInput::vatIncluded)) {
            notes.add("Amounts include VAT. Where VAT on a confirmed bad debt can be reclaimed from the tax authority, "
                    + "insurers usually indemnify the amount net of VAT; check the policy.");
        }

        Status status = status(indemnity, deadlines, trigger, notified, notes);
        Set<DocumentType> required = EnumSet.copyOf(ALWAYS_REQUIRED);
        if (trigger == Trigger.INSOLVENCY) {
            required.addAll(INSOLVENCY_REQUIRED);
        }
        required.removeAll(in.documents());
        Recovery recovery = recovery(in, indemnity.amount(), totalOpen).orElse(null);
        return new Result(status, trigger, List.copyOf(views), totalOpen, claimableTotal, indemnity, uninsuredLoss, worthFiling,
                deadlines, List.copyOf(required), recovery, List.copyOf(notes), null, null);
    }

    private static Optional<LocalDate> first(List<EventInput> events, Set<EventType> types) {
        return events.stream().filter(e -> types.contains(e.type())).map(EventInput::date).min(LocalDate::compareTo);
    }

    /**
     * The buyer's limit in force on {@code delivered}: the last approved on or before it (a later one
     * raising, lowering or, at zero, cancelling it); the discretionary limit, which has no date, when the
     * buyer has no limit of its own at all.
     */
    private static Optional<Limit> limitOn(LocalDate delivered, List<Limit> buyerLimits, Terms terms) {
        if (buyerLimits.isEmpty()) {
            return terms.discretionaryLimit().map(amount -> new Limit(null, amount, null));
        }
        Limit inForce = null;
        for (Limit limit : buyerLimits) {
            if (!limit.approvedOn().isAfter(delivered)) {
                inForce = limit;
            }
        }
        return Optional.ofNullable(inForce);
    }

    private static String limitDate(Limit limit) {
        return limit.approvedOn() == null ? " (discretionary)" : " (approved " + limit.approvedOn() + ")";
    }

    private static List<Money> reduceByPaymentsAfterFiling(Input in, List<DebtInput> debts, List<String> notes) {
        List<Money> open = new ArrayList<>(debts.stream().map(DebtInput::openAmount).toList());
        if (in.claimFiledOn().isEmpty()) {
            return open;
        }
        LocalDate filed = in.claimFiledOn().get();
        LocalDate until = in.indemnityPaidOn().orElse(in.asOf());
        for (EventInput payment : in.events()) {
            if (payment.type() != EventType.PAYMENT_RECEIVED || !payment.date().isAfter(filed) || payment.date().isAfter(until)) {
                continue;
            }
            Money left = payment.amount();
            for (int i = 0; i < open.size() && left.isPositive(); i++) {
                Money applied = open.get(i).min(left);
                open.set(i, open.get(i).minus(applied));
                left = left.minus(applied);
            }
            notes.add("The payment of " + payment.amount() + " on " + payment.date()
                    + " came after the claim was filed and reduces it (applied to the oldest debts first).");
        }
        return open;
    }

    private static List<Reason> exclusions(DebtInput debt, Money open, Terms terms, List<Limit> buyerLimits,
            Optional<Limit> limit, Optional<LocalDate> insolvency) {
        List<Reason> reasons = new ArrayList<>();
        if (!open.isPositive()) {
            reasons.add(new Reason(Exclusion.PAID, "nothing is unpaid"));
            return reasons;
        }
        if (debt.disputed()) {
            reasons.add(new Reason(Exclusion.DISPUTED, "the buyer disputes it; insurers pay disputed debts only once the "
                    + "dispute is settled in the seller's favour"));
        }
        long creditDays = ChronoUnit.DAYS.between(debt.issueDate(), debt.dueDate());
        if (creditDays > terms.maxCreditPeriodDays()) {
            reasons.add(new Reason(Exclusion.BEYOND_CREDIT_PERIOD, creditDays + " days of credit; the policy allows "
                    + terms.maxCreditPeriodDays()));
        }
        if (buyerLimits.isEmpty() && limit.isEmpty()) {
            reasons.add(new Reason(Exclusion.NO_CREDIT_LIMIT, "the buyer has no credit limit under the policy"));
        } else if (limit.isEmpty()) {
            reasons.add(new Reason(Exclusion.DELIVERED_BEFORE_LIMIT_APPROVED, "delivered on " + debt.deliveryDate()
                    + ", before the first credit limit was approved on " + buyerLimits.get(0).approvedOn()));
        } else if (!limit.get().amount().isPositive()) {
            reasons.add(new Reason(Exclusion.NO_CREDIT_LIMIT, "delivered on " + debt.deliveryDate()
                    + ", while the credit limit stood at nil (approved " + limit.get().approvedOn() + ")"));
        }
        if (insolvency.isPresent() && debt.deliveryDate().isAfter(insolvency.get())) {
            reasons.add(new Reason(Exclusion.DELIVERED_AFTER_INSOLVENCY, "delivered on " + debt.deliveryDate()
                    + ", after the insolvency on " + insolvency.get()));
        }
        return reasons;
    }

    private static Indemnity indemnity(Terms terms, Money claimable, Money insured) {
        Money zero = Money.zero(terms.currency());
        // As given, not rounded: the formula must multiply out to the amount it states.
        String percent = terms.insuredPercentage().movePointRight(2).stripTrailingZeros().toPlainString() + " %";
        Money amount;
        String formula;
        if (terms.deductibleOrder() == DeductibleOrder.BEFORE_COVER) {
            amount = insured.minus(terms.deductible()).max(zero).times(terms.insuredPercentage(), RoundingMode.HALF_EVEN);
            formula = "(insured " + insured + " of claimable " + claimable + " − deductible " + terms.deductible() + ") × "
                    + percent;
        } else {
            amount = insured.times(terms.insuredPercentage(), RoundingMode.HALF_EVEN).minus(terms.deductible()).max(zero);
            formula = "insured " + insured + " of claimable " + claimable + " × " + percent + " − deductible "
                    + terms.deductible();
        }
        Money cap = terms.maxIndemnity().orElse(null);
        if (cap != null) {
            amount = amount.min(cap);
        }
        formula = formula + (cap == null ? "" : ", at most " + cap) + " = " + amount;
        return new Indemnity(claimable, insured, terms.insuredPercentage(), terms.deductibleOrder(), terms.deductible(), cap,
                amount, formula);
    }

    private static Deadlines deadlines(Input in, List<DebtView> views, Trigger trigger, Optional<LocalDate> insolvency,
            Optional<LocalDate> notified) {
        Terms terms = in.terms();
        LocalDate asOf = in.asOf();
        LocalDate oldestDue = views.stream().filter(DebtView::insured).map(DebtView::dueDate).min(LocalDate::compareTo)
                .orElseGet(() -> views.stream().map(DebtView::dueDate).min(LocalDate::compareTo).orElseThrow());
        LocalDate notifyBy = oldestDue.plusDays(terms.overdueNotificationDays());
        Deadline notify = new Deadline(notifyBy, byEvent(notified, notifyBy, asOf), "report overdue debts to the insurer within "
                + terms.overdueNotificationDays() + " days of the oldest due date (" + oldestDue + ")"
                + notified.map(d -> "; reported on " + d).orElse("; not reported yet"));

        LocalDate fileStart;
        String fileBasis;
        if (trigger == Trigger.INSOLVENCY) {
            fileStart = insolvency.orElseThrow();
            fileBasis = "file within " + terms.claimFilingDays() + " days of the insolvency on " + fileStart;
        } else {
            fileStart = notified.orElse(notifyBy);
            fileBasis = "file within " + terms.claimFilingDays() + " days of the overdue report"
                    + (notified.isPresent() ? " on " + fileStart : ", counted from its deadline as it has not been made");
        }
        LocalDate fileBy = fileStart.plusDays(terms.claimFilingDays());
        Deadline file = new Deadline(fileBy, byEvent(in.claimFiledOn(), fileBy, asOf), fileBasis
                + in.claimFiledOn().map(d -> "; filed on " + d).orElse("; not filed yet"));

        Deadline waiting;
        LocalDate validation = in.claimFiledOn().orElse(asOf);
        if (trigger == Trigger.PROTRACTED_DEFAULT) {
            LocalDate ends = notified.orElse(notifyBy).plusDays(terms.waitingPeriodDays());
            waiting = new Deadline(ends, asOf.isBefore(ends) ? DeadlineStatus.AHEAD : DeadlineStatus.MET,
                    "protracted default: the insurer pays no earlier than " + terms.waitingPeriodDays()
                            + " days after the overdue report");
            validation = validation.isBefore(ends) ? ends : validation;
        } else {
            waiting = new Deadline(null, DeadlineStatus.NOT_APPLICABLE, "an insolvency claim has no waiting period");
        }
        LocalDate expected = validation.plusDays(terms.paymentDaysAfterValidation());
        Deadline payment = new Deadline(expected, in.indemnityPaidOn().isPresent() ? DeadlineStatus.MET : DeadlineStatus.AHEAD,
                "about " + terms.paymentDaysAfterValidation() + " days after the insurer validates the claim, assumed on "
                        + validation + in.indemnityPaidOn().map(d -> "; paid on " + d).orElse(""));
        return new Deadlines(notify, file, waiting, payment);
    }

    /** MET if it happened by the deadline, MISSED if late or not at all after it, AHEAD otherwise. */
    private static DeadlineStatus byEvent(Optional<LocalDate> happened, LocalDate deadline, LocalDate asOf) {
        if (happened.isPresent()) {
            return happened.get().isAfter(deadline) ? DeadlineStatus.MISSED : DeadlineStatus.MET;
        }
        return asOf.isAfter(deadline) ? DeadlineStatus.MISSED : DeadlineStatus.AHEAD;
    }

    private static Status status(Indemnity indemnity, Deadlines deadlines, Trigger trigger, Optional<LocalDate> notified,
            List<String> notes) {
        if (!indemnity.amount().isPositive()) {
            notes.add("Nothing would be paid: no debt is covered, or the deductible absorbs the insured share.");
            return Status.INELIGIBLE;
        }
        if (deadlines.notifyOverdueBy().status() == DeadlineStatus.MISSED
                || deadlines.fileClaimBy().status() == DeadlineStatus.MISSED) {
            notes.add("A policy deadline was missed: the insurer may reduce or refuse the claim. File now and explain the delay.");
            return Status.FILED_LATE_RISK;
        }
        if (trigger == Trigger.PROTRACTED_DEFAULT
                && (notified.isEmpty() || deadlines.waitingPeriodEnds().status() == DeadlineStatus.AHEAD)) {
            notes.add(notified.isEmpty()
                    ? "Report the overdue debt to the insurer by " + deadlines.notifyOverdueBy().date() + "; the claim follows the waiting period."
                    : "The waiting period runs until " + deadlines.waitingPeriodEnds().date() + "; the claim can be filed then.");
            return Status.NOT_YET_CLAIMABLE;
        }
        return Status.CLAIMABLE;
    }

    private static List<String> eventNotes(List<EventInput> events, Trigger trigger) {
        List<String> notes = new ArrayList<>();
        Optional<EventInput> lastDispute = events.stream()
                .filter(e -> e.type() == EventType.DISPUTE_RAISED || e.type() == EventType.DISPUTE_RESOLVED)
                .max(Comparator.comparing(EventInput::date));
        if (lastDispute.isPresent() && lastDispute.get().type() == EventType.DISPUTE_RAISED) {
            notes.add("The buyer raised a dispute on " + lastDispute.get().date()
                    + " that is not resolved; the insurer will not pay the disputed amounts until it is.");
        }
        if (trigger == Trigger.PROTRACTED_DEFAULT && events.stream().noneMatch(e -> e.type() == EventType.COLLECTION_STARTED)) {
            notes.add("No collection has been started; many policies require it before a protracted-default claim.");
        }
        return notes;
    }

    private static Optional<Recovery> recovery(Input in, Money indemnity, Money totalOpen) {
        if (in.indemnityPaidOn().isEmpty() || !indemnity.isPositive()) {
            return Optional.empty();
        }
        LocalDate paid = in.indemnityPaidOn().get();
        Money recovered = Money.zero(indemnity.currency());
        for (EventInput e : in.events()) {
            if (e.type() == EventType.PAYMENT_RECEIVED && e.date().isAfter(paid)) {
                recovered = recovered.plus(e.amount());
            }
        }
        if (!recovered.isPositive()) {
            return Optional.empty();
        }
        BigDecimal fraction = indemnity.amount().divide(totalOpen.amount(), Rates.RATIO);
        Money insurerShare = recovered.times(fraction, RoundingMode.HALF_EVEN);
        Money sellerShare = recovered.minus(insurerShare);
        return Optional.of(new Recovery(recovered, fraction.setScale(4, RoundingMode.HALF_EVEN), insurerShare, sellerShare,
                "After the indemnity of " + indemnity + " was paid on " + paid + ", " + recovered + " was recovered. "
                        + "It is shared in proportion to the loss each side bore: the insurer paid " + indemnity + " of the "
                        + totalOpen + " lost, so it receives " + insurerShare + " and the seller keeps " + sellerShare + "."));
    }
}
