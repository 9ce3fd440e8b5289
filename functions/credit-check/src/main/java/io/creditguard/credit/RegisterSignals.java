package io.creditguard.credit;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.creditguard.credit.CreditDecision.OverrideRule;
import io.creditguard.credit.CreditDecision.RegisterFacts;
import io.creditguard.filings.Bolagsverket;
import io.creditguard.filings.Register;
import io.creditguard.reference.ReferenceTable;

/**
 * A register's data as the facts the check weighs: which ongoing procedures trigger which override, by
 * the codes of {@code reference/register-signals.txt}, and the latest year a digitally filed report covers.
 * Pure once loaded.
 */
final class RegisterSignals {

    /** Bolagsverket's organisationsform code of an aktiebolag. */
    private static final String AKTIEBOLAG = "AB";

    private final Map<String, OverrideRule> byProcedure;

    private RegisterSignals(Map<String, OverrideRule> byProcedure) {
        this.byProcedure = byProcedure;
    }

    static RegisterSignals from(ReferenceTable table) {
        Map<String, OverrideRule> byProcedure = new HashMap<>();
        for (ReferenceTable.Row row : table.rows()) {
            if (byProcedure.put(row.text("code"), row.enumValue("rule", OverrideRule.class)) != null) {
                throw new IllegalStateException(row.location() + ": code " + row.text("code") + " has a row already");
            }
        }
        return new RegisterSignals(Map.copyOf(byProcedure));
    }

    /**
     * @param filed the registry's list of digitally filed reports, any order
     * @param asOf the day checked: a report the registry registered after it was not filed then
     */
    RegisterFacts facts(String registry, Register register, List<Bolagsverket.FiledDocument> filed, LocalDate asOf) {
        LocalDate latestFiled = filed.stream().filter(d -> d.registeredOn() == null || !d.registeredOn().isAfter(asOf))
                .map(Bolagsverket.FiledDocument::periodEnd).filter(Objects::nonNull).max(LocalDate::compareTo).orElse(null);
        return new RegisterFacts(registry, register.legalForm() == null ? null : register.legalForm().code(),
                register.legalForm() != null && AKTIEBOLAG.equals(register.legalForm().code()), register.active(),
                register.registeredOn(), register.deregisteredOn(), register.deregistrationCause() == null ? null
                        : register.deregistrationCause().text() != null ? register.deregistrationCause().text()
                                : register.deregistrationCause().code(),
                register.procedures().stream().map(p -> new RegisterFacts.Procedure(p.code(), p.text(), p.from(),
                        byProcedure.get(p.code()))).toList(), latestFiled);
    }
}
