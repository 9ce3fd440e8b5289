package io.creditguard.rates;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import io.creditguard.reference.Evidence;
import io.creditguard.reference.ReferenceRates.Scheme;
import io.creditguard.reference.ReferenceTable;

/**
 * A row the reference-rates function fetched, with its provenance, as it is written to the store in
 * the line format of the shipped files: {@code rates/<scheme>.txt} for a reference rate,
 * {@code rates/EXR.txt} for a euro exchange rate.
 */
sealed interface RateRow permits RateRow.Reference, RateRow.Exchange {

    String RATES_HEADER = "scheme | validFrom | validTo | ratePercent | evidence | fetchedAt | sha256 | source";
    String EXCHANGE_HEADER = "currency | date | perEuro | evidence | fetchedAt | sha256 | source";

    /** What identifies the row in its file: a later fetch of the same key replaces it. */
    String key();

    /** The figure, for telling a changed row from an unchanged one. */
    BigDecimal value();

    String line();

    /**
     * @param sha256 of the response the figure was read from
     */
    record Reference(Scheme scheme, LocalDate validFrom, LocalDate validTo, BigDecimal ratePercent, Evidence evidence,
            Instant fetchedAt, String sha256, String source) implements RateRow {

        @Override
        public String key() {
            return scheme + " " + validFrom;
        }

        @Override
        public BigDecimal value() {
            return ratePercent;
        }

        @Override
        public String line() {
            return String.join(" | ", scheme.name(), validFrom.toString(), validTo.toString(), ratePercent.toPlainString(),
                    evidence.name(), fetchedAt.toString(), sha256, cell(source));
        }

        static Reference from(ReferenceTable.Row r) {
            return new Reference(r.enumValue("scheme", Scheme.class), r.date("validFrom"), r.date("validTo"),
                    r.decimal("ratePercent"), r.enumValue("evidence", Evidence.class), instant(r), r.text("sha256"),
                    r.text("source"));
        }
    }

    record Exchange(Currency currency, LocalDate date, BigDecimal perEuro, Evidence evidence, Instant fetchedAt,
            String sha256, String source) implements RateRow {

        @Override
        public String key() {
            return currency.getCurrencyCode() + " " + date;
        }

        @Override
        public BigDecimal value() {
            return perEuro;
        }

        @Override
        public String line() {
            return String.join(" | ", currency.getCurrencyCode(), date.toString(), perEuro.toPlainString(), evidence.name(),
                    fetchedAt.toString(), sha256, cell(source));
        }

        static Exchange from(ReferenceTable.Row r) {
            return new Exchange(Currency.getInstance(r.text("currency")), r.date("date"), r.decimal("perEuro"),
                    r.enumValue("evidence", Evidence.class), instant(r), r.text("sha256"), r.text("source"));
        }
    }

    /** A file's rows, as written; {@code name} is named in errors. */
    static List<RateRow> parse(String name, String content, boolean exchange) throws IOException {
        List<RateRow> rows = new ArrayList<>();
        for (ReferenceTable.Row r : ReferenceTable.parse(name, new BufferedReader(new StringReader(content))).rows()) {
            rows.add(exchange ? Exchange.from(r) : Reference.from(r));
        }
        return rows;
    }

    /** A file with {@code rows}, under a comment saying where they came from. */
    static String file(String comment, boolean exchange, List<? extends RateRow> rows) {
        StringBuilder out = new StringBuilder("# ").append(comment).append('\n')
                .append(exchange ? EXCHANGE_HEADER : RATES_HEADER).append('\n');
        rows.forEach(r -> out.append(r.line()).append('\n'));
        return out.toString();
    }

    private static Instant instant(ReferenceTable.Row r) {
        Optional<String> text = r.optionalText("fetchedAt");
        try {
            return text.map(Instant::parse).orElseThrow(() -> new IllegalStateException(r.location() + ": no fetchedAt"));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException(r.location() + ": fetchedAt is not an instant such as 2026-07-01T05:00:00Z");
        }
    }

    /** A source as one cell: no column separator, no line break. */
    private static String cell(String text) {
        return text.replace('|', '/').replace('\n', ' ').replace('\r', ' ').strip();
    }
}
