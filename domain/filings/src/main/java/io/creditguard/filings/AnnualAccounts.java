package io.creditguard.filings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of one annual report, read from its XBRL facts: the financial year that ends last and the
 * one before (the report's comparatives), each figure with the element and context it came from.
 * Amounts are in the report's own currency, exactly as filed (a report in EUR stays in EUR).
 *
 * @param document where the report sits in what was read ({@code <documentId>!/<file>.xhtml})
 * @param organisationNumber the company the report is about, 10 digits, when the report says
 *     ({@code se-cd-base:Organisationsnummer}, else a context's entity under Bolagsverket's scheme)
 * @param years the latest year first; one when the report has no comparatives
 */
public record AnnualAccounts(String document, ReportKind kind, String organisationNumber, Currency currency,
        List<Year> years, List<Warning> warnings) {

    public AnnualAccounts {
        years = List.copyOf(years);
        warnings = List.copyOf(warnings);
    }

    /** What the document is, by its taxonomy entry point or, for ESEF, its place in a report package. */
    public enum ReportKind {
        /** Swedish small companies' rules (BFNAR 2016:10). */
        K2,
        /** Swedish larger companies' rules (BFNAR 2012:1). */
        K3,
        /** A listed company's IFRS report in the European single electronic format. */
        ESEF,
        /** A revisionsberättelse: never an annual report. */
        AUDIT_REPORT,
        /** KvK's open data of a filed Dutch jaarrekening: key figures by financial year, not the report itself. */
        KVK_OPEN_DATA
    }

    /** The figures the credit check and the accounts route speak of; camel-case names in JSON. */
    public enum Figure {
        REVENUE(true), EBIT(true), INTEREST_EXPENSE(true), NET_INCOME(true),
        TOTAL_ASSETS(false), CURRENT_ASSETS(false), INVENTORY(false), CASH(false), CURRENT_LIABILITIES(false),
        LONG_TERM_LIABILITIES(false), PROVISIONS(false), UNTAXED_RESERVES(false), EQUITY(false),
        RETAINED_EARNINGS(false), SHARE_CAPITAL(false), EQUITY_AND_LIABILITIES(false);

        private final boolean flow;

        Figure(boolean flow) {
            this.flow = flow;
        }

        /** Whether it is a flow over the year (a result) rather than a balance on its last day. */
        public boolean flow() {
            return flow;
        }
    }

    /**
     * One figure and where it came from.
     *
     * @param element the element as the report names it ({@code se-gen-base:Nettoomsattning}); two joined by
     *     {@code +} when the figure is their sum
     * @param context the context of the fact read
     */
    public record Filed(Figure figure, BigDecimal value, String element, String context) {
    }

    /**
     * Untaxed reserves split, as Swedish analysts do, into equity and the deferred tax they carry.
     *
     * @param taxRate the corporate tax rate of the year (a fraction), from {@code reference/corporate-tax-rates.txt}
     * @param source that row, cited
     * @param equity equity plus (1 − taxRate) × untaxed reserves, rounded HALF_EVEN to the currency's minor unit
     * @param deferredTax the rest of the untaxed reserves, counted as a liability
     */
    public record Adjustment(BigDecimal taxRate, String source, BigDecimal equity, BigDecimal deferredTax) {
    }

    /**
     * One financial year.
     *
     * @param adjustment absent when the year has no untaxed reserves, or no tax rate is known for it
     * @param totalLiabilities total assets less equity (less the adjusted equity, when there is an adjustment):
     *     everything the company owes, provisions and the deferred tax in untaxed reserves included
     */
    public record Year(LocalDate start, LocalDate end, List<Filed> figures, Adjustment adjustment,
            BigDecimal totalLiabilities) {

        public Year {
            figures = List.copyOf(figures);
        }

        public Optional<Filed> filed(Figure figure) {
            return figures.stream().filter(f -> f.figure() == figure).findFirst();
        }

        public Optional<BigDecimal> value(Figure figure) {
            return filed(figure).map(Filed::value);
        }

        /** The equity the check weighs: adjusted for untaxed reserves where there is an adjustment. */
        public Optional<BigDecimal> equity() {
            return adjustment != null ? Optional.of(adjustment.equity()) : value(Figure.EQUITY);
        }
    }

    /** Something in the report a reader should know; it does not stop the figures being used. */
    public enum WarningCode {
        /** Total assets differ from total equity and liabilities: the balance sheet does not balance. */
        BALANCE_MISMATCH,
        /** The report tags no net sales for the year: taken as none. */
        NO_REVENUE,
        /** Untaxed reserves, but no corporate tax rate is known for the year: counted wholly as liabilities. */
        NO_TAX_RATE
    }

    /** @param values what the warning's text names, by placeholder ({@code assets}, {@code year}) */
    public record Warning(WarningCode code, LocalDate periodEnd, Map<String, String> values) {

        public Warning {
            values = Map.copyOf(values);
        }
    }
}
