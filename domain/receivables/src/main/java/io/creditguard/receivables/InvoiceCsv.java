package io.creditguard.receivables;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.creditguard.money.Money;
import io.creditguard.reference.Texts;

/**
 * Invoices as a credit insurer asks for them, one line each: number, issue and due date, net, VAT and
 * gross amount, what is open, currency. CSV as RFC 4180 writes it (comma, CRLF, quotes where needed),
 * UTF-8, the headings in the language of the letter it goes with, amounts as plain decimals with a point
 * and dates as ISO 8601, so a spreadsheet and an insurer's import read the same figures. Net and VAT are
 * empty where the source states no VAT.
 */
public final class InvoiceCsv {

    /** The columns, in order. */
    public enum Column {
        NUMBER, ISSUE_DATE, DUE_DATE, NET, VAT, GROSS, OPEN, CURRENCY
    }

    private static final Texts<Column> HEADINGS = Texts.load("invoice-columns.txt", Column.class);

    /**
     * One invoice.
     *
     * @param gross the invoice's amount, VAT included
     * @param vat the VAT it includes, when known
     */
    public record Line(String number, LocalDate issueDate, LocalDate dueDate, Money gross, Optional<Money> vat, Money open) {

        /** The book's invoice as a line. */
        public static Line of(Invoice invoice) {
            return new Line(invoice.invoiceNumber(), invoice.issueDate(), invoice.dueDate(),
                    Money.of(invoice.currency(), invoice.amount()),
                    Optional.ofNullable(invoice.terms().vatAmount()).map(v -> Money.of(invoice.currency(), v)),
                    Money.of(invoice.currency(), invoice.openAmount()));
        }
    }

    private InvoiceCsv() {
    }

    /** The file, headed in {@code language} (one of {@link Texts#LANGUAGES}). */
    public static byte[] of(List<Line> lines, String language) {
        StringBuilder out = new StringBuilder();
        out.append(Arrays.stream(Column.values()).map(c -> cell(HEADINGS.get(c, language))).collect(Collectors.joining(",")))
                .append("\r\n");
        for (Line line : lines) {
            out.append(String.join(",", cell(line.number()), line.issueDate().toString(), line.dueDate().toString(),
                    line.vat().map(v -> line.gross().minus(v).amount().toPlainString()).orElse(""),
                    line.vat().map(v -> v.amount().toPlainString()).orElse(""), line.gross().amount().toPlainString(),
                    line.open().amount().toPlainString(), line.gross().currency().getCurrencyCode())).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A field quoted when it holds a comma, a quote or a line break, its quotes doubled (RFC 4180 §2.6–2.7);
     * text a spreadsheet would take for a formula (=, +, -, @ first) is led by an apostrophe, so an invoice
     * number from a platform never runs as one.
     */
    private static String cell(String text) {
        String safe = text.matches("[=+\\-@].*") ? "'" + text : text;
        return safe.matches("[^,\"\r\n]*") ? safe : "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
