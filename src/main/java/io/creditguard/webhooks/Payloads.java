package io.creditguard.webhooks;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.http.HttpRequest;
import io.creditguard.http.Json;
import io.creditguard.http.Problem;
import io.creditguard.http.ProblemException;
import io.creditguard.http.ProblemType;

/** Reading the platforms' JSON: the raw body as a tree, and required fields with their JSON path in errors. */
final class Payloads {

    private Payloads() {
    }

    /**
     * @throws ProblemException 400 when the body is not one JSON object
     */
    static JsonNode json(HttpRequest request) {
        try {
            JsonNode tree = Json.MAPPER.readTree(request.bodyText());
            if (tree == null || !tree.isObject()) {
                throw new ProblemException(ProblemType.INVALID_BODY, "The body must be a JSON object.");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The body is not valid JSON: "
                    + e.getOriginalMessage().split("\n")[0]);
        } catch (IOException e) {
            throw new IllegalStateException("reading an in-memory string failed", e);
        }
    }

    /** A required, non-blank text field. */
    static String text(JsonNode node, String field, String path) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, path + " is required",
                    List.of(new Problem.FieldError(path, "is required"))));
        }
        return value.asText();
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
            throw Normalizer.invalid(field, "is not an ISO 4217 currency code");
        }
    }

    /** An ISO date ({@code 2026-11-28}); {@code field} names it in the error. */
    static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Normalizer.invalid(field, "must be a date such as 2026-11-28");
        }
    }
}
