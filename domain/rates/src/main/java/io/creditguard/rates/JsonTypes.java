package io.creditguard.rates;

import io.creditguard.reference.FileProblem;
import io.creditguard.reference.ReferenceRates;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Every type of this package that Jackson maps (the refresh's summary), registered for a native image. */
@RegisterForReflection(targets = {
        RateRefresh.Report.class, RateRefresh.SourceResult.class, RateRefresh.Status.class, RateBook.Conflict.class,
        RateGaps.Gap.class, RateGaps.Stage.class, ReferenceRates.Scheme.class, FileProblem.class })
final class JsonTypes {

    private JsonTypes() {
    }
}
