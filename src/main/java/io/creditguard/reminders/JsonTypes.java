package io.creditguard.reminders;

import io.creditguard.receivables.Invoice;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Every type of this package (and the invoice it reads) that Jackson maps, registered for a native
 * image. The letter model needs none: the Qute extension generates its resolvers at build time.
 */
@RegisterForReflection(targets = {
        PreviewRequest.class, ReminderPolicy.class, ReminderPolicy.Level.class, ReminderPolicy.Insurer.class,
        ReminderPolicy.Creditor.class, ReminderPolicy.RateOverride.class, ReminderPolicy.Action.class,
        Invoice.class, Invoice.Customer.class, Invoice.SentReminder.class, Invoice.CustomerType.class,
        ReminderService.Preview.class, ReminderService.InvoiceWarning.class, ReminderEngine.Reminder.class,
        ReminderEngine.Skip.class, ReminderEngine.SkipReason.class, ReminderEngine.InterestView.class,
        ReminderEngine.PeriodView.class, ReminderEngine.Fee.class, Letters.Letter.class, Kpis.Report.class,
        Kpis.CurrencyKpis.class, Kpis.Bucket.class, Kpis.Exposure.class, ReminderRun.Report.class,
        ReminderRun.LineError.class, ReminderRun.SentRecord.class })
final class JsonTypes {

    private JsonTypes() {
    }
}
