package io.creditguard.validation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.creditguard.json.Json;

/**
 * The one way an input becomes a value we compute with: parse the JSON, map it to its record, check
 * the record's constraints (Jakarta constraints on its components, class-level ones for the rules
 * between fields), and name every field at fault by its JSON path. The HTTP adapter, the reminder
 * run (each book line, the operator's policy), and webhook intake all read through here.
 *
 * @see InvalidInputException for how far a bad input got
 */
@ApplicationScoped
public class InputReader {

    private final Validator validator;

    public InputReader(Validator validator) {
        this.validator = validator;
    }

    /**
     * A reader with a validator of its own, for code that runs without the container (the load
     * harness, benchmarks, generated-input tests), set up as the container's is ({@link ValidatorSettings}).
     *
     * @param clock "today" for constraints that compare with it
     */
    public static InputReader standalone(Clock clock) {
        return new InputReader(Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator()).clockProvider(() -> clock)
                .propertyNodeNameProvider(new JsonPropertyNames()).buildValidatorFactory().getValidator());
    }

    /**
     * The JSON object {@code json} as a checked {@code type}.
     *
     * @throws InvalidInputException when it is not one JSON object, a field has the wrong type, or
     *     a constraint is broken
     */
    public <T> T read(String json, Class<T> type) {
        T value;
        try {
            // Straight to the record: the reminder run reads every line of a book this way. Whatever
            // fails is read again as a tree, slower, to say exactly what is wrong and where.
            value = Json.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            return read(tree(json), type, "$");
        }
        if (value == null) {
            return read(tree(json), type, "$");
        }
        return check(value, "$");
    }

    /**
     * {@code node}, found at {@code path} of a larger payload ({@code $.data}), as a checked {@code type}.
     *
     * @throws InvalidInputException naming fields below {@code path}
     */
    public <T> T read(JsonNode node, Class<T> type, String path) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw InvalidInputException.invalid(FieldError.at(path, "must not be null"));
        }
        if (!node.isObject()) {
            throw InvalidInputException.wrongType(FieldError.at(path, "must be an object"));
        }
        T value;
        try {
            value = Json.MAPPER.treeToValue(node, type);
        } catch (Json.ExponentOutOfRange e) {
            throw InvalidInputException.wrongType(FieldError.at(JsonPaths.of(path, e.getPath()),
                    "must be a number with an exponent of at most ±" + Json.MAX_EXPONENT));
        } catch (MismatchedInputException e) {
            throw InvalidInputException.wrongType(FieldError.at(JsonPaths.of(path, e.getPath()),
                    JsonPaths.expectation(e.getTargetType())));
        } catch (DatabindException e) {
            String field = e instanceof JsonMappingException m ? JsonPaths.of(path, m.getPath()) : path;
            throw InvalidInputException.wrongType(FieldError.at(field, "has an invalid value"));
        } catch (JsonProcessingException e) {
            throw InvalidInputException.unreadable(InvalidInputException.Kind.MALFORMED, "Not valid JSON.");
        }
        return check(value, path);
    }

    /**
     * {@code value}, if it keeps every constraint; field paths start at {@code path} ({@code $},
     * {@code $.data.object} for an invoice mapped from a platform's payload).
     *
     * @throws InvalidInputException listing every broken rule, sorted by field then message
     */
    public <T> T check(T value, String path) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (violations.isEmpty()) {
            return value;
        }
        List<FieldError> errors = new ArrayList<>(violations.size());
        for (ConstraintViolation<T> violation : violations) {
            errors.add(FieldError.at(JsonPaths.of(path, violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        throw InvalidInputException.invalid(errors);
    }

    /**
     * {@code json} as a tree, for payloads read field by field (webhooks).
     *
     * @throws InvalidInputException when it is empty, not JSON, not one object, or over a parser limit
     */
    public JsonNode tree(String json) {
        if (json.isBlank()) {
            throw InvalidInputException.unreadable(InvalidInputException.Kind.UNREADABLE, "The body is empty; send a JSON object.");
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(json);
        } catch (StreamConstraintsException e) {
            throw InvalidInputException.unreadable(InvalidInputException.Kind.UNREADABLE, "The document exceeds a parser limit: "
                    + "at most " + Json.MAX_NESTING_DEPTH + " levels of nesting, " + Json.MAX_NUMBER_LENGTH
                    + " characters per number and " + Json.MAX_STRING_LENGTH + " per string.");
        } catch (StreamReadException e) {
            throw InvalidInputException.unreadable(InvalidInputException.Kind.MALFORMED, "The document is not valid JSON: "
                    + e.getOriginalMessage().split("\n")[0] + location(e));
        } catch (JsonProcessingException e) {
            throw InvalidInputException.unreadable(InvalidInputException.Kind.MALFORMED, "The document is not one JSON document: "
                    + e.getOriginalMessage().split("\n")[0]);
        }
        if (tree == null || !tree.isObject()) {
            throw InvalidInputException.unreadable(InvalidInputException.Kind.UNREADABLE,
                    "The document must be a JSON object, not " + describe(tree) + ".");
        }
        return tree;
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        return node.isArray() ? "an array" : node.isTextual() ? "a string" : node.isNumber() ? "a number"
                : node.isBoolean() ? "a boolean" : "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String location(StreamReadException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }
}
