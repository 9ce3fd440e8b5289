package io.creditguard.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one way an input is read: how far a bad one gets ({@link InvalidInputException.Kind}), the JSON
 * path and pointer of every field at fault, and the wording of the constraints, which keeps Bean
 * Validation's own ("must not be null", "size must be between 0 and 3").
 */
class InputReaderTest {

    private static final InputReader READER = InputReader.standalone(
            Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));

    record Line(@NotBlank String id, @PositiveOrZero BigDecimal quantity) {
    }

    @AmountsFitCurrency
    record Order(
            @NotNull @PaymentCurrency Currency currency,
            @Valid Line first,
            @NotNull @Size(min = 1, max = 2) List<@NotNull @Valid Line> lines,
            @Size(max = 2) Map<Currency, @NotNull @PositiveOrZero BigDecimal> minimums,
            BigDecimal total,
            @Size(max = 3) @SingleLine String note,
            @TextLines String address,
            @Email @SingleLine String email,
            @CountryCode String country,
            @LanguageCode String language,
            @InEra LocalDate shipped,
            @WithinYearsOfToday(before = 1, after = 1) LocalDate asOf,
            @TimeZoneId String zone) implements AmountsFitCurrency.MoneyFields {

        @Override
        public List<AmountsFitCurrency.Amount> amounts() {
            return List.of(new AmountsFitCurrency.Amount(currency, total, "total"));
        }
    }

    private static List<String> errors(String json) {
        try {
            READER.read(json, Order.class);
            return List.of();
        } catch (InvalidInputException e) {
            assertThat(e.kind()).isEqualTo(InvalidInputException.Kind.INVALID);
            return e.errors().stream().map(f -> f.field() + " " + f.message()).toList();
        }
    }

    @Test
    void aValidInputIsReadAsItsRecord() {
        Order order = READER.read("""
                {"currency":"SEK","lines":[{"id":"a","quantity":2}],"total":10.50,"note":"ok","address":"Storgatan 1\\n111 22 Stockholm",
                 "email":"finance@example.se","country":"SE","language":"sv","shipped":"2026-11-30","asOf":"2026-12-01",
                 "zone":"Europe/Stockholm"}""", Order.class);
        assertThat(order.lines()).containsExactly(new Line("a", BigDecimal.valueOf(2)));
        assertThat(order.total()).isEqualByComparingTo("10.50");
    }

    @Test
    void nestedRecordsListElementsAndMapValuesReportTheirJsonPath() {
        assertThat(errors("""
                {"currency":"SEK","first":{"id":" "},"lines":[{"id":"a"},null],"minimums":{"SEK":-1,"EUR":null}}"""))
                .containsExactly(
                        "$.first.id must not be blank",
                        "$.lines[1] must not be null",
                        "$.minimums.EUR must not be null",
                        "$.minimums.SEK must be greater than or equal to 0");
        assertThat(errors("""
                {"currency":"SEK","lines":[{"id":null},{"id":"b"},{"id":"c","quantity":-1}]}"""))
                .containsExactly(
                        "$.lines size must be between 1 and 2",
                        "$.lines[0].id must not be blank",
                        "$.lines[2].quantity must be greater than or equal to 0");
    }

    @Test
    void ourConstraintsSpeakInTheSameWords() {
        assertThat(errors("""
                {"currency":"SEK","lines":[{"id":"a"}],"note":"Pay to\\r\\nx","address":"Storgatan 1\\u0007",
                 "email":"a@b@example.se","country":"se","language":"swe","shipped":"2226-01-01","asOf":"2028-12-02",
                 "zone":"Europe/Sthlm"}"""))
                .containsExactly(
                        "$.address must not contain control characters",
                        "$.asOf must be within 1 years before and 1 years after today (2026-12-01)",
                        "$.country must be an ISO 3166 country code such as SE or NL",
                        "$.email must be a well-formed email address",
                        "$.language must be an ISO 639-1 language code such as sv, nl or en",
                        "$.note must be a single line without control characters",
                        "$.note size must be between 0 and 3",
                        "$.shipped must be a date between 1970 and 2199",
                        "$.zone must be a time-zone id such as Europe/Stockholm");
    }

    /** An amount is money in its currency: the currency's decimals at most, and below 10^15. */
    @ParameterizedTest(name = "{1} {0}: {2}")
    @CsvSource(nullValues = "OK", delimiter = '|', textBlock = """
            10.50                   | SEK | OK
            10.5000                 | SEK | OK
            1E+3                    | SEK | OK
            10.001                  | SEK | has more decimals than SEK allows (2)
            100.5                   | JPY | has more decimals than JPY allows (0)
            999999999999999.99      | SEK | OK
            1000000000000000        | SEK | must be less than 1000000000000000
            -1E+400                 | EUR | must be less than 1000000000000000
            """)
    void amountsFitTheirCurrency(String amount, String currency, String expected) {
        List<String> errors = errors("{\"currency\":\"" + currency + "\",\"lines\":[{\"id\":\"a\"}],\"total\":" + amount + "}");
        assertThat(errors).isEqualTo(expected == null ? List.of() : List.of("$.total " + expected));
    }

    @Test
    void aCurrencyWithoutMinorUnitIsNoCurrencyOfPayment() {
        assertThat(errors("{\"currency\":\"XAU\",\"lines\":[{\"id\":\"a\"}],\"total\":1.5}"))
                .containsExactly("$.currency must be an ISO 4217 currency of payment such as SEK or EUR");
    }

    @Test
    void eachErrorCarriesItsJsonPointer() {
        InvalidInputException e = catchInvalid("{\"currency\":\"SEK\",\"lines\":[{\"id\":\"a\"},{\"id\":\"\"}]}");
        assertThat(e.errors()).containsExactly(new FieldError("$.lines[1].id", "/lines/1/id", "must not be blank"));
        assertThat(FieldError.at("$", "x").pointer()).isEmpty();
        assertThat(FieldError.at("$.minimums.a/b~c", "x").pointer()).isEqualTo("/minimums/a~1b~0c");
        assertThat(FieldError.at("BT-9 cbc:DueDate", "x").pointer()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON                    | {"currency":                          | MALFORMED  |
            an array                    | []                                    | UNREADABLE |
            blank                       | '  '                                  | UNREADABLE |
            a string for a number       | {"currency":"SEK","total":"lots"}     | WRONG_TYPE | $.total must be a number
            an unknown currency         | {"currency":"SEKK"}                   | WRONG_TYPE | $.currency must be an ISO 4217 currency code such as SEK or EUR
            an object for a list        | {"currency":"SEK","lines":{"a":1}}    | WRONG_TYPE | $.lines must be an array
            a number for a list element | {"currency":"SEK","lines":[1]}        | WRONG_TYPE | $.lines[0] must be an object
            a power of ten no sum takes | {"currency":"SEK","total":1e400000000} | WRONG_TYPE | $.total must be a number with an exponent of at most ±1000
            a tiny one as well          | {"currency":"SEK","total":1e-1001}    | WRONG_TYPE | $.total must be a number with an exponent of at most ±1000
            """)
    void howFarABadInputGets(String what, String json, InvalidInputException.Kind kind, String error) {
        assertThatThrownBy(() -> READER.read(json, Order.class)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.errors().stream().map(f -> f.field() + " " + f.message()).toList())
                    .isEqualTo(error == null ? List.of() : List.of(error));
        });
    }

    record Count(int n) {
    }

    /** A fraction for a whole number is named as that, not as a number out of range. */
    @Test
    void aFractionForAWholeNumberSaysSo() {
        assertThatThrownBy(() -> READER.read("{\"n\":1.5}", Count.class)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().stream().map(f -> f.field() + " " + f.message()).toList())
                        .containsExactly("$.n must be a whole number"));
    }

    /** The longest string the parser takes is the most a body may carry (an annual report in base64). */
    @Test
    void aStringOverTheParsersLimitIsUnreadable() {
        String json = "{\"currency\":\"" + "S".repeat(io.creditguard.json.Json.MAX_STRING_LENGTH + 1) + "\"}";
        assertThatThrownBy(() -> READER.read(json, Order.class)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.kind()).isEqualTo(InvalidInputException.Kind.UNREADABLE));
    }

    @Test
    void aPartOfALargerPayloadIsNamedBelowItsPath() throws Exception {
        var tree = io.creditguard.json.Json.MAPPER.readTree("{\"data\":{\"id\":\"\"}}");
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> READER.read(tree.path("data"), Line.class, "$.data"));
        assertThat(e.summary()).isEqualTo("$.data.id must not be blank");
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> READER.read(tree.path("missing"), Line.class, "$.missing")).summary())
                .isEqualTo("$.missing must not be null");
    }

    private static InvalidInputException catchInvalid(String json) {
        return org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class, () -> READER.read(json, Order.class));
    }

    /** Bean Validation's own messages, as the answers show them. */
    record Bounds(@DecimalMax("1") BigDecimal rate) {
    }

    @Test
    void builtInConstraintsKeepTheirStandardWording() {
        assertThatThrownBy(() -> READER.read("{\"rate\":1.01}", Bounds.class)).hasMessage("$.rate must be less than or equal to 1");
    }
}
