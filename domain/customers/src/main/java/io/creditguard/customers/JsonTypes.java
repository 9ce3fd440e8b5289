package io.creditguard.customers;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Every type of this module that Jackson maps (the ledger's files, the routes' bodies and answers), for a native image. */
@RegisterForReflection(targets = {
        CustomerService.CustomerList.class, CustomerService.CustomerView.class, CustomerService.InvoiceDecisions.class,
        LimitRequest.class, InvoicePatch.class, Profile.class, Profile.CreditCheck.class,
        LedgerIndex.Header.class, LedgerIndex.OpenAlert.class,
        LedgerIndex.Row.class, LedgerIndex.Previous.class, LedgerIndex.CurrencySummary.class, LedgerIndex.Sort.class,
        CustomerLedger.class, CustomerLedger.CurrencyLedger.class, CustomerLedger.Aging.class,
        CustomerLedger.OpenInvoice.class, CustomerLedger.Dunning.class, CustomerLedger.Decisions.class,
        CustomerLedger.Promise.class, CustomerLedger.LetterRef.class, CustomerLedger.PaymentRef.class,
        CustomerLedger.Listed.class, LedgerLine.Next.class, LedgerLine.Step.class, LedgerLine.LetterKind.class,
        PaymentRecord.class, PaymentRecord.Window.class, PaymentRecord.Trend.class,
        Limits.Change.class, Limits.InForce.class, Limits.Exposure.class, Limits.Conversion.class, Limits.Source.class,
        Alerts.Alert.class, Alerts.Figures.class, Alerts.Type.class,
        LedgerStore.Location.class, LedgerStore.InsurerPolicy.class, LedgerStore.InsurerPolicy.Limit.class,
        RunHistory.Runs.class, RunHistory.Run.class, RunHistory.CurrencyFigures.class, RunHistory.Bucket.class })
final class JsonTypes {

    private JsonTypes() {
    }
}
