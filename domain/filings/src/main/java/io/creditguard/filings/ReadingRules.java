package io.creditguard.filings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.creditguard.filings.AnnualAccounts.Figure;
import io.creditguard.filings.AnnualAccounts.ReportKind;
import io.creditguard.filings.InlineDocument.Concept;
import io.creditguard.reference.ReferenceTable;

/**
 * What {@link AccountsReader} reads by, from three reference tables, checked when they load: where each
 * figure is tagged ({@code filed-accounts-elements.txt}), what kind of document an entry point names
 * ({@code filing-entry-points.txt}) and the corporate tax rate by year ({@code corporate-tax-rates.txt}).
 * Immutable.
 */
public record ReadingRules(List<Element> elements, List<EntryPoint> entryPoints, List<TaxRate> taxRates) {

    /** The taxonomies figures are read from, by their namespaces, whose last part is a version date. */
    public enum Taxonomy {
        SE_GEN_BASE,
        IFRS_FULL;

        boolean defines(Concept concept) {
            String ns = concept.namespace();
            return switch (this) {
                case SE_GEN_BASE -> ns.startsWith("http://www.taxonomier.se/se/fr/gen-base/");
                case IFRS_FULL -> (ns.startsWith("http://xbrl.ifrs.org/taxonomy/") || ns.startsWith("https://xbrl.ifrs.org/taxonomy/"))
                        && ns.endsWith("/ifrs-full");
            };
        }
    }

    /** One row of the element table: the element (or the elements whose sum it is) a figure is tagged as. */
    public record Element(Figure figure, Taxonomy taxonomy, List<String> parts, String source) {
    }

    public record EntryPoint(ReportKind kind, String schemaRefContains) {
    }

    /** @param rate a fraction ({@code 0.206}) */
    public record TaxRate(String country, BigDecimal rate, LocalDate validFrom, LocalDate validTo, String source) {
    }

    public ReadingRules {
        elements = List.copyOf(elements);
        entryPoints = List.copyOf(entryPoints);
        taxRates = List.copyOf(taxRates);
    }

    /**
     * The shipped tables.
     *
     * @throws IllegalStateException naming file and line when a row is malformed, a figure has no row, or a
     *     tax-rate row has no usable evidence
     */
    public static ReadingRules shipped() {
        ReferenceTable elementTable = ReferenceTable.load("filed-accounts-elements.txt");
        List<Element> elements = elementTable.rows().stream().map(r -> new Element(r.enumValue("figure", Figure.class),
                r.enumValue("taxonomy", Taxonomy.class), Arrays.stream(r.text("element").split("\\+")).map(String::strip)
                        .toList(), r.text("source") + " (" + r.location() + ")")).toList();
        Set<Figure> missing = EnumSet.allOf(Figure.class);
        elements.forEach(e -> missing.remove(e.figure()));
        if (!missing.isEmpty()) {
            throw new IllegalStateException(elementTable.name() + " has no row for " + missing);
        }
        List<EntryPoint> entryPoints = ReferenceTable.load("filing-entry-points.txt").rows().stream()
                .map(r -> new EntryPoint(r.enumValue("kind", ReportKind.class), r.text("schemaRefContains"))).toList();
        ReferenceTable taxTable = ReferenceTable.load("corporate-tax-rates.txt");
        List<TaxRate> taxRates = taxTable.rows().stream().filter(r -> {
            if (!r.usable()) {
                throw new IllegalStateException(r.location() + ": a tax rate the check computes with must be backed by a source");
            }
            return true;
        }).map(r -> new TaxRate(r.text("country"), r.decimal("ratePercent").movePointLeft(2), r.date("validFrom"),
                r.optionalDate("validTo").orElse(null), "corporate tax " + r.decimal("ratePercent").toPlainString()
                        + " %, " + r.text("source") + " (" + r.location() + ")")).toList();
        return new ReadingRules(elements, entryPoints, taxRates);
    }

    /** The element rows of {@code figure}, in the order tried. */
    List<Element> elementsOf(Figure figure) {
        return elements.stream().filter(e -> e.figure() == figure).toList();
    }

    /** The kind of document the first matching entry point names, if any matches one of its schemaRefs. */
    Optional<ReportKind> kindOf(List<String> schemaRefs) {
        return entryPoints.stream().filter(p -> schemaRefs.stream().anyMatch(s -> s.contains(p.schemaRefContains())))
                .map(EntryPoint::kind).findFirst();
    }

    /** The rate for a financial year that begins on {@code yearStart} in {@code country}. */
    Optional<TaxRate> taxRate(String country, LocalDate yearStart) {
        return taxRates.stream().filter(t -> t.country().equals(country) && !yearStart.isBefore(t.validFrom())
                && (t.validTo() == null || !yearStart.isAfter(t.validTo()))).findFirst();
    }
}
