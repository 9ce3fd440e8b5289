package io.creditguard.connections;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.json.Json;
import io.creditguard.validation.AmountsFitCurrency;
import io.creditguard.validation.OcrReference;

/**
 * Reading a platform's record field by field. A field that cannot be used makes the whole record
 * {@link Unusable}: it is listed with its id and the reason, and nothing of it is stored.
 */
final class Fields {

    /** Why a record cannot become part of the book. */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String reason) {
            super(reason, null, false, false);
        }
    }

    private Fields() {
    }

    /** A non-blank text, or empty. */
    static Optional<String> text(JsonNode record, String field) {
        JsonNode value = record.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? Optional.of(value.asText().strip())
                : Optional.empty();
    }

    static String required(JsonNode record, String field) throws Unusable {
        return text(record, field).orElseThrow(() -> new Unusable(field + " is missing"));
    }

    /** An ISO 4217 code creditguard knows. */
    static Currency currency(JsonNode record, String field) throws Unusable {
        String code = required(record, field);
        try {
            return Currency.getInstance(code.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Unusable(field + " " + code + " is not a currency creditguard knows");
        }
    }

    /**
     * A day written as an ISO date ({@code 2026-11-02}, Fortnox's {@code format: date}) or as an ISO date-time, the date
     * then {@code T} and a time ({@code 2026-11-02T00:00:00}, as Visma writes its dates); anything else is refused: the
     * first ten characters of {@code 2026-11-1999} are 19 November.
     */
    static Optional<LocalDate> day(JsonNode record, String field) throws Unusable {
        Optional<String> text = text(record, field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.get(), text.get().length() == 10 ? DateTimeFormatter.ISO_LOCAL_DATE
                    : DateTimeFormatter.ISO_DATE_TIME));
        } catch (DateTimeParseException e) {
            throw new Unusable(field + " " + text.get() + " is not a date");
        }
    }

    static LocalDate requiredDay(JsonNode record, String field) throws Unusable {
        return day(record, field).orElseThrow(() -> new Unusable(field + " is missing"));
    }

    /** An instant in ISO form; one without an offset is UTC ({@code 2026-11-28T09:12:41.123}, as Visma's ModifiedUtc). */
    static Optional<Instant> instant(JsonNode record, String field) throws Unusable {
        Optional<String> text = text(record, field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            String t = text.get();
            return Optional.of(t.endsWith("Z") || t.matches(".*[+-]\\d{2}:\\d{2}$") ? java.time.OffsetDateTime.parse(t).toInstant()
                    : java.time.LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw new Unusable(field + " " + text.get() + " is not a date and time");
        }
    }

    /** An amount in {@code currency}, exactly: more decimals than the currency has are refused, not rounded. */
    static BigDecimal amount(JsonNode record, String field, Currency currency) throws Unusable {
        JsonNode value = record.path(field);
        // A text no longer than a JSON number may be: one of millions of digits takes minutes to parse, before any
        // bound on the amount could refuse it.
        if (!value.isNumber() && !(value.isTextual() && value.asText().length() <= Json.MAX_NUMBER_LENGTH
                && value.asText().matches("-?\\d+(\\.\\d+)?"))) {
            throw new Unusable(field + " is not an amount");
        }
        BigDecimal amount = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
        if (!AmountsFitCurrency.Validator.plausible(amount)) { // before setScale would write out its digits
            throw new Unusable(field + " " + amount + " is no amount: at most " + AmountsFitCurrency.MOST_MINOR_UNITS
                    + " decimals and below " + AmountsFitCurrency.LIMIT_TEXT);
        }
        try {
            return amount.setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new Unusable(field + " " + amount.toPlainString() + " has more decimals than " + currency + " has");
        }
    }

    /** A JSON true, or the text {@code "true"} (Fortnox writes some flags as text). */
    static boolean flag(JsonNode record, String field) {
        JsonNode value = record.path(field);
        return value.asBoolean(false) || "true".equalsIgnoreCase(value.asText(""));
    }

    /** A warning when a Swedish OCR reference fails Bankgirot's check digit: the letter still prints it as given. */
    static Optional<String> ocrWarning(String id, String reference) {
        return OcrReference.valid(reference) ? Optional.empty() : Optional.of(id + ": OCR reference " + reference
                + " fails the check digit Bankgirot's OCR check requires; the letters print it as given, check it in the platform");
    }

    /**
     * A postal address as the letters print it: the two address lines, then postcode and city on one line; the
     * fields named as the platform names them; null when the record has none of them.
     */
    static String address(JsonNode record, String line1, String line2, String postcode, String city) {
        List<String> lines = new ArrayList<>();
        text(record, line1).ifPresent(lines::add);
        text(record, line2).ifPresent(lines::add);
        String last = (text(record, postcode).orElse("") + " " + text(record, city).orElse("")).strip();
        if (!last.isEmpty()) {
            lines.add(last);
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }
}
