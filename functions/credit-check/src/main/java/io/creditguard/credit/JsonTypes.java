package io.creditguard.credit;

import io.creditguard.validation.CompanyIds;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Every type of this package that Jackson reads or writes, registered for a native image. */
@RegisterForReflection(targets = {
        CreditCheckRequest.class, CreditCheckRequest.CompanyRequest.class, CreditCheckRequest.FinancialsRequest.class,
        CreditCheckRequest.PaymentRequest.class, CreditCheckRequest.RatingRequest.class,
        CreditDecision.Result.class, CreditDecision.CompanyView.class, CreditDecision.ProbabilityOfDefault.class,
        CreditDecision.Ratio.class, CreditDecision.RatioVerdict.class, CreditDecision.Condition.class, CreditDecision.Exposure.class,
        CreditDecision.Reason.class, Altman.Result.class, Altman.Model.class, Altman.Zone.class,
        CreditDecision.Decision.class, CompanyIds.Kind.class, CreditCheckRequest.AnnualReportUpload.class,
        CreditDecision.Financials.class, CreditDecision.Source.class, CreditDecision.SourceType.class,
        CreditDecision.RegisterFacts.class, CreditDecision.RegisterFacts.Procedure.class, CreditDecision.OverrideRule.class,
        CreditCheck.CompanyAccounts.class, CreditCheckAnswer.class, CreditCheckAnswer.Source.class,
        CreditCheckAnswer.PaymentRecordUsed.class })
final class JsonTypes {

    private JsonTypes() {
    }
}
