package io.creditguard.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.creditguard.customers.LedgerLine;
import io.creditguard.customers.LedgerPass;
import io.creditguard.money.ExchangeRates;
import io.creditguard.receivables.Invoice;

/**
 * The reminder run's side of the customer ledger: what the run knows of an invoice beyond the book (the due
 * date it counted from, what each letter sent was, the insurer's deadline, what goes out today) handed to
 * the ledger as a {@link LedgerLine}.
 */
final class LedgerLines {

    private LedgerLines() {
    }

    /** The ledger's settings from the run's policy: the digest goes from the letters' sender unless it names one. */
    static LedgerPass.Settings settings(ReminderPolicy policy, LocalDate asOf, String run, Instant started, boolean dryRun,
            ExchangeRates rates) {
        return new LedgerPass.Settings(asOf, run, started, dryRun, policy.alerts().withSender(policy.delivery().from()),
                rates);
    }

    /** Hands the invoice to the ledger, if it is open or did something in the ledger's 12 months. */
    static void add(LedgerPass ledger, String file, Invoice invoice, ReminderEngine engine, ReminderEngine.Decision decision,
            LocalDate asOf) {
        if (!ledger.wants(invoice)) {
            return;
        }
        ReminderPolicy policy = engine.policy();
        List<LedgerLine.LetterKind> kinds = invoice.remindersSent().isEmpty() ? List.of()
                : new ArrayList<>(invoice.remindersSent().size());
        for (Invoice.SentReminder sent : invoice.remindersSent()) {
            kinds.add(kind(policy, sent.level()));
        }
        LedgerLine.InsurerDeadline insurer = null;
        ReminderPolicy.Insurer rule = policy.insurer();
        if (rule != null && invoice.dunning().insurerNotifiedOn() == null && invoice.openAmount().signum() > 0
                && asOf.isAfter(invoice.dueDate()) && decision.insurerReport().isEmpty()) {
            // Insurers count from the original due date, as the engine's report does.
            LocalDate deadline = invoice.dueDate().plusDays(rule.overdueNotificationDays());
            insurer = new LedgerLine.InsurerDeadline(deadline, deadline.minusDays(rule.warningDays()));
        }
        LocalDate promised = invoice.dunning().promisedPaymentDate();
        ledger.add(new LedgerLine(file, invoice, decision.effectiveDueDate(), kinds, insurer,
                promised == null ? null : engine.promiseKeptUntil(promised), next(decision)));
    }

    /** What the policy's level was; a level the policy no longer has counts as a reminder. */
    private static LedgerLine.LetterKind kind(ReminderPolicy policy, int level) {
        for (ReminderPolicy.Level l : policy.levels()) {
            if (l.level() == level) {
                return kind(l.levelKind());
            }
        }
        return LedgerLine.LetterKind.REMINDER;
    }

    private static LedgerLine.LetterKind kind(ReminderPolicy.Kind kind) {
        return switch (kind) {
            case PRE_DUE_NOTICE -> LedgerLine.LetterKind.NOTICE;
            case PAYMENT_REMINDER -> LedgerLine.LetterKind.REMINDER;
            case INKASSOKRAV, FINAL_NOTICE, COLLECTION_HANDOFF -> LedgerLine.LetterKind.COLLECTION;
        };
    }

    private static LedgerLine.Next next(ReminderEngine.Decision decision) {
        if (decision.letter().isPresent()) {
            ReminderEngine.DunningLetter letter = decision.letter().get();
            return new LedgerLine.Next(LedgerLine.Step.LETTER, null, "level " + letter.level() + " (" + letter.kind()
                    + ") goes out today" + (decision.insurerReport().isPresent() ? "; reported to the insurer today" : ""));
        }
        if (decision.insurerReport().isPresent()) {
            return new LedgerLine.Next(LedgerLine.Step.INSURER_REPORT, null, "reported to the credit insurer today");
        }
        ReminderEngine.Skip skip = decision.skip().orElseThrow();
        return new LedgerLine.Next(LedgerLine.Step.WAIT, skip.reason().name(), skip.detail());
    }
}
