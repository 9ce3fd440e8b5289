package io.creditguard.http;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.creditguard.json.Json;
import io.creditguard.money.Money;
import io.creditguard.validation.CountryCode;
import io.creditguard.validation.LanguageCode;
import io.creditguard.validation.SingleLine;

/**
 * JSON Schemas (2020-12, as OpenAPI 3.1 uses) of the records the API reads and writes, derived from
 * the records themselves: their components as Jackson names them ({@code @JsonUnwrapped} parts
 * flattened, {@code @JsonIgnoreProperties} honoured), their types, and the Jakarta constraints on
 * them (required, sizes, bounds, patterns). The OpenAPI document's schemas are these, so the contract
 * cannot drift from the code without {@code OpenApiDocumentTest} saying so.
 */
final class OpenApiSchemas {

    private final Map<String, ObjectNode> schemas = new TreeMap<>();
    private final Map<String, Class<?>> named = new HashMap<>();

    Map<String, ObjectNode> schemas() {
        return schemas;
    }

    /** A {@code $ref} to the schema of {@code type}, generating it (and what it refers to) once. */
    ObjectNode ref(Class<?> type) {
        return ref(type, Set.of());
    }

    private ObjectNode ref(Class<?> type, Set<String> ignored) {
        String name = name(type) + (ignored.isEmpty() ? "" : "Item");
        Class<?> before = named.putIfAbsent(name, type);
        if (before != null && before != type) {
            throw new IllegalStateException(name + " names both " + before + " and " + type);
        }
        if (!schemas.containsKey(name)) {
            schemas.put(name, Json.MAPPER.createObjectNode()); // a placeholder against recursion
            schemas.put(name, type.isEnum() ? enumSchema(type) : recordSchema(type, ignored));
        }
        return Json.MAPPER.createObjectNode().put("$ref", "#/components/schemas/" + name);
    }

    /** {@code ReminderPolicy.Level} → {@code ReminderPolicyLevel}. */
    static String name(Class<?> type) {
        StringBuilder name = new StringBuilder(type.getSimpleName());
        for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
            name.insert(0, outer.getSimpleName());
        }
        return name.toString();
    }

    private static ObjectNode enumSchema(Class<?> type) {
        ObjectNode schema = Json.MAPPER.createObjectNode().put("type", "string");
        ArrayNode values = schema.putArray("enum");
        // As Jackson writes them: the name, or what @JsonValue says (a platform is "fortnox").
        Arrays.stream(type.getEnumConstants()).forEach(c -> values.add(Json.MAPPER.valueToTree(c).asText()));
        return schema;
    }

    private ObjectNode recordSchema(Class<?> type, Set<String> ignored) {
        if (!type.isRecord()) {
            throw new IllegalStateException(type + " crosses the API but is no record or enum");
        }
        ObjectNode schema = Json.MAPPER.createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = Json.MAPPER.createArrayNode();
        addComponents(type, ignored, properties, required);
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private void addComponents(Class<?> type, Set<String> ignored, ObjectNode properties, ArrayNode required) {
        for (RecordComponent component : type.getRecordComponents()) {
            Field field = field(type, component.getName());
            if (field.isAnnotationPresent(JsonUnwrapped.class) || component.isAnnotationPresent(JsonUnwrapped.class)) {
                addComponents(component.getType(), Set.of(), properties, required);
                continue;
            }
            if (ignored.contains(component.getName())) {
                continue;
            }
            Annotation[] annotations = concat(field.getAnnotations(), component.getAnnotations());
            boolean mandatory = component.getType().isPrimitive() || has(annotations, NotNull.class)
                    || has(annotations, NotBlank.class) || has(annotations, NotEmpty.class);
            JsonIgnoreProperties hide = field.getAnnotation(JsonIgnoreProperties.class);
            ObjectNode property = schema(component.getAnnotatedType(), annotations,
                    hide == null ? Set.of() : Set.of(hide.value()));
            if (mandatory) {
                required.add(component.getName());
            } else {
                property = nullable(property);
            }
            properties.set(component.getName(), property);
        }
    }

    private ObjectNode schema(AnnotatedType annotated, Annotation[] annotations, Set<String> ignored) {
        Type type = annotated.getType();
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        ObjectNode schema = Json.MAPPER.createObjectNode();
        if (raw == String.class) {
            schema.put("type", "string");
        } else if (raw == BigDecimal.class || raw == Money.class || raw == double.class || raw == Double.class) {
            schema.put("type", "number");
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            schema.put("type", "integer");
        } else if (raw == boolean.class || raw == Boolean.class) {
            schema.put("type", "boolean");
        } else if (raw == LocalDate.class) {
            schema.put("type", "string").put("format", "date");
        } else if (raw == byte[].class) {
            schema.put("type", "string").put("contentEncoding", "base64");
        } else if (raw == Instant.class) {
            schema.put("type", "string").put("format", "date-time");
        } else if (raw == java.net.URI.class) {
            schema.put("type", "string").put("format", "uri");
        } else if (raw == Currency.class) {
            schema.put("type", "string").put("pattern", "^[A-Z]{3}$");
        } else if (raw == JsonNode.class || raw == Object.class) {
            return schema;
        } else if (Collection.class.isAssignableFrom(raw)) {
            AnnotatedType element = ((AnnotatedParameterizedType) annotated).getAnnotatedActualTypeArguments()[0];
            schema.put("type", "array").set("items", schema(element, element.getAnnotations(), ignored));
            if (Set.class.isAssignableFrom(raw)) {
                schema.put("uniqueItems", true);
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            AnnotatedType value = ((AnnotatedParameterizedType) annotated).getAnnotatedActualTypeArguments()[1];
            schema.put("type", "object").set("additionalProperties", schema(value, value.getAnnotations(), Set.of()));
        } else if (raw.isEnum() || raw.isRecord()) {
            return constrain(ref(raw, ignored), annotations);
        } else {
            throw new IllegalStateException(type + " has no JSON Schema mapping");
        }
        return constrain(schema, annotations);
    }

    /** The constraints JSON Schema can say; the rest (a Luhn check, a ledger) stays in the API's answers. */
    private static ObjectNode constrain(ObjectNode schema, Annotation[] annotations) {
        boolean string = "string".equals(schema.path("type").asText());
        boolean array = "array".equals(schema.path("type").asText());
        boolean object = "object".equals(schema.path("type").asText());
        for (Annotation a : annotations) {
            if (a instanceof Size size) {
                String min = string ? "minLength" : array ? "minItems" : object ? "minProperties" : null;
                String max = string ? "maxLength" : array ? "maxItems" : object ? "maxProperties" : null;
                if (min != null && size.min() > 0) {
                    schema.put(min, size.min());
                }
                if (max != null && size.max() < Integer.MAX_VALUE) {
                    schema.put(max, size.max());
                }
            } else if (a instanceof NotBlank || a instanceof NotEmpty) {
                if (string) {
                    schema.put("minLength", 1);
                } else if (array) {
                    schema.put("minItems", 1);
                }
            } else if (a instanceof Min min) {
                schema.put("minimum", min.value());
            } else if (a instanceof Max max) {
                schema.put("maximum", max.value());
            } else if (a instanceof DecimalMin min) {
                schema.put(min.inclusive() ? "minimum" : "exclusiveMinimum", new BigDecimal(min.value()));
            } else if (a instanceof DecimalMax max) {
                schema.put(max.inclusive() ? "maximum" : "exclusiveMaximum", new BigDecimal(max.value()));
            } else if (a instanceof Positive) {
                schema.put("exclusiveMinimum", 0);
            } else if (a instanceof PositiveOrZero) {
                schema.put("minimum", 0);
            } else if (a instanceof Pattern pattern) {
                schema.put("pattern", "^(?:" + pattern.regexp() + ")$");
            } else if (a instanceof Email) {
                schema.put("format", "email");
            } else if (a instanceof CountryCode) {
                schema.put("pattern", "^[A-Z]{2}$");
            } else if (a instanceof LanguageCode) {
                schema.put("pattern", "^[a-z]{2}$");
            } else if (a instanceof SingleLine) {
                schema.put("pattern", "^[^\\r\\n]*$");
            }
        }
        return schema;
    }

    /** An optional property may also be sent as null, which Jackson reads as absent. */
    private static ObjectNode nullable(ObjectNode schema) {
        if (schema.has("$ref") || !schema.has("type")) {
            ObjectNode either = Json.MAPPER.createObjectNode();
            either.putArray("anyOf").add(schema).add(Json.MAPPER.createObjectNode().put("type", "null"));
            return either;
        }
        String type = schema.get("type").asText();
        ArrayNode types = schema.putArray("type");
        types.add(type).add("null");
        return schema;
    }

    private static Field field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean has(Annotation[] annotations, Class<? extends Annotation> type) {
        return Arrays.stream(annotations).anyMatch(type::isInstance);
    }

    private static Annotation[] concat(Annotation[] a, Annotation[] b) {
        List<Annotation> all = new java.util.ArrayList<>(Arrays.asList(a));
        Arrays.stream(b).filter(x -> all.stream().noneMatch(y -> y.annotationType() == x.annotationType())).forEach(all::add);
        return all.toArray(Annotation[]::new);
    }
}
