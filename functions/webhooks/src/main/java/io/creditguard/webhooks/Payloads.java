package io.creditguard.webhooks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.validation.AmountsFitCurrency;
import io.creditguard.validation.FieldError;
import io.creditguard.validation.InvalidInputException;

/**
 * Reading the platforms' payloads field by field: required fields, currencies and dates, each error
 * naming the field where the platform put it ({@code $.data.object.currency}, {@code BT-5 cbc:DocumentCurrencyCode}).
 */
final class Payloads {

    private Payloads() {
    }

    /** A required, non-blank text field. */
    static String text(JsonNode node, String field, String path) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw invalid(path, "must not be blank");
        }
        return value.asText();
    }

    /**
     * An optional list field: the array, or no elements when it is absent or null. Anything else is refused rather than
     * read by index, where an object answers {@code get(i)} with null and a string has no elements at all.
     */
    static JsonNode array(JsonNode node, String field, String path) {
        JsonNode value = node.path(field);
        if (!value.isArray() && !value.isMissingNode() && !value.isNull()) {
            throw invalid(path, "must be an array");
        }
        return value;
    }

    /** A required currency field, in any case ({@code "sek"} as Stripe writes it). */
    static Currency currency(JsonNode node, String field, String path) {
        return currencyCode(text(node, field, path).toUpperCase(Locale.ROOT), path);
    }

    /** An ISO 4217 code exactly as given; {@code field} names it in the error. */
    static Currency currencyCode(String code, String field) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw invalid(field, "is not an ISO 4217 currency code");
        }
    }

    /** An ISO date ({@code 2026-11-28}); {@code field} names it in the error. */
    static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be a date such as 2026-11-28");
        }
    }

    /**
     * A decimal amount written as text ({@code "121.00"}); {@code field} names it in the error, {@code what} says what
     * it must be. Also refused before any arithmetic: what no currency's amount can be ({@link AmountsFitCurrency.Validator#plausible}).
     */
    static BigDecimal amount(String text, String field, String what) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw invalid(field, what);
        }
        return plausible(amount, field);
    }

    /**
     * A required amount written as a JSON number ({@code 1210.00}, as Xero writes them), refused as
     * {@link #amount(String, String, String)} refuses; absent, or anything but a number, it is no amount, not zero.
     */
    static BigDecimal amount(JsonNode node, String field, String path) {
        JsonNode value = node.path(field);
        if (!value.isNumber()) {
            throw invalid(path, "must be a number");
        }
        return plausible(value.decimalValue(), path);
    }

    private static BigDecimal plausible(BigDecimal amount, String field) {
        if (!AmountsFitCurrency.Validator.plausible(amount)) {
            throw invalid(field, "must be below " + AmountsFitCurrency.LIMIT_TEXT + " with at most "
                    + AmountsFitCurrency.MOST_MINOR_UNITS + " decimals");
        }
        return amount;
    }

    /** A field the payload has but that cannot be used (422). */
    static InvalidInputException invalid(String field, String message) {
        return InvalidInputException.invalid(FieldError.at(field, message));
    }
}
