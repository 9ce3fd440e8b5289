package io.creditguard.validation;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;

import io.creditguard.json.Json;

/**
 * Where a field sits, written the way every answer writes it: a JSON path below a root
 * ({@code $.options[0].costRate}) for Jackson's mapping errors and for Bean Validation's property
 * paths alike, and the same place as a JSON Pointer.
 */
final class JsonPaths {

    private JsonPaths() {
    }

    /** A place in a JSON text: 1-based line and character. */
    record Position(int line, int column) {
    }

    /**
     * Where the value at {@code pointer} begins in {@code json}; for a field that is absent, where the
     * nearest enclosing value present begins. Empty when the text cannot be read that far.
     */
    static Optional<Position> locate(String json, String pointer) {
        Map<String, Position> starts = new HashMap<>();
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(json)) {
            while (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                starts.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(),
                        new Position(at.getLineNr(), at.getColumnNr()));
            }
        } catch (IOException e) {
            // what was read so far still locates the fields before the fault
        }
        for (String p = pointer == null ? "" : pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
            Position found = starts.get(p);
            if (found != null || p.isEmpty()) {
                return Optional.ofNullable(found);
            }
        }
    }

    /** Where {@code json} stops being well-formed JSON, or empty when it is well-formed. */
    static Optional<Position> failure(String json) {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(json)) {
            while (parser.nextToken() != null) {
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (StreamReadException e) {
            return e.getLocation() == null ? Optional.empty()
                    : Optional.of(new Position(e.getLocation().getLineNr(), e.getLocation().getColumnNr()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code $.options[0].costRate} for Jackson's reference path below {@code root}. */
    static String of(String root, List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder(root);
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                out.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /**
     * {@code $.invoices[2].amount} for a property path below {@code root}. A node in a list carries
     * its index, one in a map its key ({@code $.minimumAmounts.SEK}); the synthetic names of
     * container elements ({@code <list element>}) and of class-level constraints are not fields.
     */
    static String of(String root, Path path) {
        StringBuilder out = new StringBuilder(root);
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                out.append('.').append(node.getKey());
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null && !node.getName().isEmpty()) {
                out.append('.').append(node.getName());
            }
        }
        return out.toString();
    }

    /**
     * The RFC 6901 pointer of a JSON path: {@code $} is the whole document ({@code ""}),
     * {@code $.a[2].b} is {@code /a/2/b}; {@code ~} and {@code /} in a name are escaped.
     */
    static String pointer(String jsonPath) {
        if (!jsonPath.startsWith("$")) {
            throw new IllegalArgumentException("not a JSON path: " + jsonPath);
        }
        StringBuilder out = new StringBuilder();
        StringBuilder name = new StringBuilder();
        for (int i = 1; i < jsonPath.length(); i++) {
            char c = jsonPath.charAt(i);
            if (c == '.' || c == '[') {
                flush(out, name);
            } else if (c != ']') {
                name.append(c);
            }
            if (c == '.' || c == '[') {
                out.append('/');
            }
        }
        flush(out, name);
        return out.toString();
    }

    private static void flush(StringBuilder out, StringBuilder name) {
        out.append(name.toString().replace("~", "~0").replace("/", "~1"));
        name.setLength(0);
    }

    /** What a field of {@code type} must hold, e.g. "must be a number". */
    static String expectation(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == BigDecimal.class || type == BigInteger.class || type == double.class || type == Double.class) {
            return "must be a number";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "must be a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type == LocalDate.class) {
            return "must be a date as YYYY-MM-DD";
        }
        if (type == Currency.class) {
            return "must be an ISO 4217 currency code such as SEK or EUR";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "must be an object";
        }
        return "has the wrong type";
    }
}
