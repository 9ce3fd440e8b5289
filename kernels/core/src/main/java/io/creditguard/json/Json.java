package io.creditguard.json;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.creditguard.money.Money;

/**
 * The one JSON configuration of every request and response body.
 *
 * <p>Requests: unknown fields are ignored (callers may send more than we read); numbers with a
 * fraction are read as {@link BigDecimal} so no amount ever passes through a double; a fraction for
 * an integer field, a null for a primitive and trailing content are errors. The parser limits
 * nesting, number length and string length deliberately, far below Jackson's defaults, and a decimal's
 * power of ten ({@link #MAX_EXPONENT}).
 * Responses: amounts as plain JSON numbers at the currency's scale ({@code 2000000.00}), dates as
 * ISO-8601 strings, absent optional values left out.
 */
public final class Json {

    /** Deeper than any request of ours; a deeper document is an attack or a bug. */
    public static final int MAX_NESTING_DEPTH = 32;
    /** Digits in one JSON number: 40-digit amounts are refused before they reach BigDecimal. */
    public static final int MAX_NUMBER_LENGTH = 32;
    /**
     * The largest power of ten a number may carry ({@code 1e1000}, {@code 1e-1000}): {@code 1e400000000} is eleven
     * characters, and exact arithmetic on it (a rule comparing two fields, a subtraction) writes out every digit
     * first, minutes of a processor, before any constraint could refuse it.
     */
    public static final int MAX_EXPONENT = 1000;
    /**
     * One string: an annual report uploaded as base64 inside a credit check (at most 5 MiB of body, the most
     * a route takes); every other body is 1 MiB at most, which bounds its strings first.
     */
    public static final int MAX_STRING_LENGTH = 5 * 1024 * 1024;

    public static final ObjectMapper MAPPER = build();

    private Json() {
    }

    private static ObjectMapper build() {
        SimpleModule money = new SimpleModule("creditguard-money");
        money.addSerializer(Money.class, new MoneySerializer());
        money.addDeserializer(BigDecimal.class, new BoundedDecimalDeserializer());
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(money)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .build());
        mapper.getFactory().disable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);
        return mapper;
    }

    /** A JSON text of {@code value}; our own response types always serialise. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("response type cannot be written as JSON: " + value.getClass(), e);
        }
    }

    /** A decimal refused as it is read for its power of ten ({@link #MAX_EXPONENT}); its path names the field. */
    public static final class ExponentOutOfRange extends InvalidFormatException {
        private static final long serialVersionUID = 1L;

        ExponentOutOfRange(JsonParser p, BigDecimal value) {
            super(p, "its exponent is beyond ±" + MAX_EXPONENT, value, BigDecimal.class);
        }
    }

    /** A decimal as Jackson reads it, refused when its exponent is beyond {@link #MAX_EXPONENT}. */
    private static final class BoundedDecimalDeserializer extends NumberDeserializers.BigDecimalDeserializer {
        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext context) throws IOException {
            BigDecimal value = super.deserialize(p, context);
            if (value != null && Math.abs((long) value.scale()) > MAX_EXPONENT) {
                throw new ExponentOutOfRange(p, value);
            }
            return value;
        }
    }

    private static final class MoneySerializer extends StdSerializer<Money> {
        MoneySerializer() {
            super(Money.class);
        }

        @Override
        public void serialize(Money value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(value.amount());
        }
    }
}
