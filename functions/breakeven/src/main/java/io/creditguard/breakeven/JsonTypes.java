package io.creditguard.breakeven;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Every type of this package that Jackson reads or writes, registered for a native image: the
 * calculators stay free of framework annotations, and a test checks this list is complete.
 */
@RegisterForReflection(targets = {
        LossRequest.class, ProtectionRequest.class, ProtectionRequest.OptionRequest.class, FactoringRequest.class,
        LossBreakeven.Result.class, ProtectionComparison.Result.class, ProtectionComparison.OptionResult.class,
        ProtectionComparison.BreakEvenLossRate.class, Range.class, FactoringAnalysis.Result.class,
        FactoringAnalysis.LineItem.class, FactoringAnalysis.Assessment.class, ProtectionKind.class,
        FactoringAnalysis.Verdict.class, FactoringAnalysis.LineKind.class, ProtectionAnswer.class,
        ProtectionAnswer.FromBook.class })
final class JsonTypes {

    private JsonTypes() {
    }
}
