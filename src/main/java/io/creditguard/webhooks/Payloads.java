package io.creditguard.webhooks;

import java.io.IOException;
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

    static Currency currency(JsonNode node, String field, String path) {
        String code = text(node, field, path).toUpperCase(Locale.ROOT);
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw Normalizer.invalid(path, "is not an ISO 4217 currency code");
        }
    }
}
