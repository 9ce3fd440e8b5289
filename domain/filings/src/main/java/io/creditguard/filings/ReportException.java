package io.creditguard.filings;

/**
 * A filed or uploaded report that cannot be read as an annual report, and why. The document is at fault,
 * never the reader: an upload answers it as a 422 naming the field, a document from the registry is
 * reported as unsupported and the check goes on without it.
 */
public final class ReportException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the document; stable names, part of the API's problem details. */
    public enum Fault {
        /** Neither a zip nor an XHTML document. */
        NOT_A_REPORT,
        /** A zip beyond the bounds: too many entries, too many bytes, too deep, or compressed beyond belief. */
        ZIP_BOMB,
        /** A document type declaration or an entity: refused, never resolved. */
        DOCTYPE,
        /** Not well-formed XML. */
        MALFORMED,
        /** A fact whose number does not parse under its format, or a format no registry we read defines. */
        NUMBER_FORMAT,
        /** No annual report in it: only an audit report, a cover page, or an unknown taxonomy. */
        NO_ANNUAL_REPORT,
        /** Two annual reports for one financial year. */
        TWO_REPORTS,
        /** The same fact twice at the same precision with different values. */
        INCONSISTENT_DUPLICATES,
        /**
         * Amounts in more than one currency or in a code without a minor unit (iso4217:XXX), or a year that cannot
         * be told from the contexts.
         */
        INCONSISTENT_REPORT,
        /** The report is some other company's. */
        OTHER_COMPANY
    }

    private final Fault fault;

    public ReportException(Fault fault, String message) {
        super(message, null, false, false);
        this.fault = fault;
    }

    public Fault fault() {
        return fault;
    }
}
