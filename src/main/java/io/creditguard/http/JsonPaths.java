package io.creditguard.http;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Field paths and plain-word type expectations for Jackson's mapping errors. */
final class JsonPaths {

    private JsonPaths() {
    }

    /** {@code $.options[0].costRate} for Jackson's reference path. */
    static String of(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder("$");
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                out.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
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
