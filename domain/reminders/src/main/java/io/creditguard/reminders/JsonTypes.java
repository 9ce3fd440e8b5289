package io.creditguard.reminders;

import io.creditguard.money.ExchangeRates;
import io.creditguard.receivables.AgingBucket;
import io.creditguard.receivables.IntakeBacklog;
import io.creditguard.receivables.Invoice;
import io.creditguard.reference.FileProblem;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Every type of this package (and the invoice it reads) that Jackson maps, registered for a native
 * image; the policy's are in {@link PolicyJsonTypes}. The letter model needs none: the Qute extension
 * generates its resolvers at build time.
 */
@RegisterForReflection(targets = {
        PreviewRequest.class, AgingBucket.class,
        Invoice.class, Invoice.Customer.class, Invoice.CustomerType.class, Invoice.Terms.class, Invoice.Payment.class,
        Invoice.Credit.class, Invoice.Dunning.class, Invoice.Decided.class, Invoice.SentReminder.class, Invoice.ChargedFee.class,
        ReminderService.Preview.class, ReminderService.InvoiceWarning.class, Statements.Statement.class,
        ReminderEngine.DunningLetter.class, ReminderEngine.InsurerReport.class, ReminderEngine.InvoiceLine.class,
        ReminderEngine.Balance.class, ReminderEngine.NoticeTerm.class, ReminderEngine.NoticeTerm.Stage.class,
        ReminderEngine.PaymentView.class, ReminderEngine.Skip.class, ReminderEngine.SkipReason.class,
        ReminderEngine.InterestView.class, ReminderEngine.PeriodView.class, ReminderEngine.Fee.class,
        DebtorDefault.Basis.class, DebtorDefault.Reason.class,
        ExchangeRates.Conversion.class, GoverningLaw.class, GoverningLaw.Basis.class,
        Letters.Letter.class, Kpis.Report.class, Kpis.CurrencyKpis.class, Kpis.Bucket.class, Kpis.Exposure.class,
        ReminderRun.Report.class, ReminderRun.Report.Run.class, ReminderRun.Report.Book.class,
        ReminderRun.Report.Sent.class, ReminderRun.Report.Problems.class, ReminderRun.LineError.class, ReminderRun.SentRecord.class, ReminderRun.Spilled.class,
        ReminderRun.Outcome.class, ReminderRun.PostLetter.class, ReminderRun.Mailing.class, ReminderRun.Completed.class, LetterDelivery.Sent.class, LetterDelivery.Mailed.class,
        LetterDelivery.ForPost.class, LetterDelivery.ByHand.class, InsurerNotices.Report.class, InsurerNotices.Notice.class,
        FileProblem.class, OperatorFiles.Validation.class, IntakeBacklog.Report.class, IntakeBacklog.Status.class,
        Invoice.PlatformReminders.class, ReminderRun.PlatformReminder.class })
final class JsonTypes {

    private JsonTypes() {
    }
}
