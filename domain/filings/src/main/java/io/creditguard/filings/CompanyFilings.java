package io.creditguard.filings;

import java.util.List;
import java.util.Map;

/**
 * What the registries hold on one company: the register's data, its latest readable annual accounts and
 * where they came from, the filed documents listed, and for everything that could not be had, why.
 *
 * @param register null where the registry has none (KvK's open data holds no register data) or could not
 *     be asked
 * @param accounts null when no report could be read
 * @param document the filed document the accounts were read from; null for KvK's open data or when none
 * @param filed every digitally filed report the registry lists, latest period first
 */
public record CompanyFilings(String country, String id, Register register, AnnualAccounts accounts,
        Bolagsverket.FiledDocument document, List<Bolagsverket.FiledDocument> filed, List<Missing> missing) {

    public CompanyFilings {
        filed = List.copyOf(filed);
        missing = List.copyOf(missing);
    }

    /** Why something could not be had; rendered in the reader's language by the credit check's texts. */
    public enum Gap {
        /** BOLAGSVERKET_CLIENT_ID / BOLAGSVERKET_CLIENT_SECRET are not set on this deployment. */
        REGISTRY_NOT_CONFIGURED,
        /** The registry did not answer (down, timing out, rate-limiting) after the retries. */
        REGISTRY_UNAVAILABLE,
        /** The registry refused our credentials. */
        REGISTRY_REFUSED,
        /** The registry answered something it does not document. */
        REGISTRY_BAD_ANSWER,
        /** The register has no company by that number. */
        COMPANY_NOT_FOUND,
        /** No digitally filed report: many companies file on paper, and only iXBRL filings are served. */
        NO_DIGITAL_REPORT,
        /** The latest filed document is not one this reader can read as an annual report. */
        UNSUPPORTED_DOCUMENT,
        /** A sole trader identified by a personal number: files no annual report, and is not looked up. */
        SOLE_TRADER,
        /** Accounts are read only for Swedish (Bolagsverket) and Dutch (KvK) companies. */
        COUNTRY_NOT_COVERED,
        /** KvK's open data is anonymised: no name, address or register events (bankruptcy, dissolution). */
        KVK_NO_REGISTER_DATA,
        /** KvK's open data gives the financial year's number, not its dates: taken as the calendar year. */
        KVK_YEAR_ONLY,
        /** Figures the check weighs that the filing does not have (KvK: small companies file a balance sheet only). */
        FIGURES_NOT_FILED
    }

    /** @param values what the text names ({@code registry}, {@code status}, {@code documentId}, {@code figures}) */
    public record Missing(Gap gap, Map<String, String> values) {

        public Missing {
            values = Map.copyOf(values);
        }
    }
}
