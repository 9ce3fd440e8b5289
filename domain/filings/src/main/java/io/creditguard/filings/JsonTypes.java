package io.creditguard.filings;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Every type of this package that Jackson reads or writes (the accounts route's answer, the readings kept in
 * the store), registered for a native image.
 */
@RegisterForReflection(targets = {
        AnnualAccounts.class, AnnualAccounts.ReportKind.class, AnnualAccounts.Figure.class, AnnualAccounts.Filed.class,
        AnnualAccounts.Adjustment.class, AnnualAccounts.Year.class, AnnualAccounts.WarningCode.class,
        AnnualAccounts.Warning.class, Register.class, Register.Coded.class, Register.Procedure.class,
        Bolagsverket.FiledDocument.class, FiledAccounts.StoredReading.class, FiledAccounts.StoredKvk.class,
        ReportException.Fault.class })
final class JsonTypes {

    private JsonTypes() {
    }
}
