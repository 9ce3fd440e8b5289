package io.creditguard.claims;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Every type of this package that Jackson maps, registered for a native image. The cover-letter
 * model needs none: the Qute extension generates its resolvers at build time.
 */
@RegisterForReflection(targets = {
        ClaimRequest.class, ClaimRequest.Policy.class, ClaimRequest.CreditLimit.class, ClaimRequest.Buyer.class,
        ClaimRequest.Debt.class, ClaimRequest.Event.class, ClaimRequest.EventType.class, ClaimRequest.DocumentType.class,
        ClaimAssessment.Result.class, ClaimAssessment.Status.class, ClaimAssessment.Trigger.class,
        ClaimAssessment.Exclusion.class, ClaimAssessment.DeadlineStatus.class, ClaimAssessment.Reason.class,
        ClaimAssessment.DebtView.class, ClaimAssessment.Deadline.class, ClaimAssessment.Deadlines.class,
        ClaimAssessment.Indemnity.class, ClaimAssessment.DeductibleOrder.class, ClaimAssessment.Recovery.class, ClaimDossier.Dossier.class,
        ClaimDossier.Claim.class, ClaimDossier.ClaimedDebt.class, ClaimDossier.CoverLetter.class, ClaimFiling.Filing.class,
        ClaimFiling.Outcome.class, ClaimsFunction.ClaimAnswer.class, BookClaim.FromBook.class, BookClaim.Lacked.class })
final class JsonTypes {

    private JsonTypes() {
    }
}
