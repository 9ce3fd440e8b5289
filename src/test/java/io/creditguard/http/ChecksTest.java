package io.creditguard.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChecksTest {

    private static List<String> errorsOf(Consumer<Checks> rules) {
        FieldErrors errors = new FieldErrors();
        rules.accept(new Checks(errors, "$"));
        return errorsOf(errors);
    }

    private static List<String> errorsOf(FieldErrors errors) {
        try {
            errors.throwIfAny();
            return List.of();
        } catch (ProblemException e) {
            return e.problem().errors().stream().map(f -> f.field() + " " + f.message()).toList();
        }
    }

    /** Bounds and digits as Bean Validation's @DecimalMin, @DecimalMax, @Positive and @Digits define them. */
    @ParameterizedTest(name = "{0} under {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0.5     | 0 < x <= 1, 1.10 digits   |
            1       | 0 < x <= 1, 1.10 digits   |
            1.000   | 0 < x <= 1, 1.10 digits   |
            0       | 0 < x <= 1, 1.10 digits   | must be greater than 0
            1.01    | 0 < x <= 1, 1.10 digits   | must be less than or equal to 1
            0.12345678901 | 0 < x <= 1, 1.10 digits | numeric value out of bounds (<1 digits>.<10 digits> expected)
            3650    | 0 <= x <= 3650, 4.2 digits |
            3650.00 | 0 <= x <= 3650, 4.2 digits |
            -0.01   | 0 <= x <= 3650, 4.2 digits | must be greater than or equal to 0
            12.345  | 0 <= x <= 3650, 4.2 digits | numeric value out of bounds (<4 digits>.<2 digits> expected)
            1E+3    | 0 <= x <= 3650, 4.2 digits |
            """)
    void numbers(String value, String rule, String expected) {
        BigDecimal number = new BigDecimal(value);
        List<String> errors = errorsOf(c -> {
            if (rule.startsWith("0 < x")) {
                c.number("x", number).above(0).atMost(1).digits(1, 10);
            } else {
                c.number("x", number).positiveOrZero().atMost(3650).digits(4, 2);
            }
        });
        assertThat(errors).isEqualTo(expected == null ? List.of() : List.of("$.x " + expected));
    }

    @Test
    void absentValuesPassEveryRuleButRequired() {
        assertThat(errorsOf(c -> {
            c.number("a", (BigDecimal) null).positive().atMost(1).digits(1, 1);
            c.text("b", null).maxLength(1).singleLine().lines().email().isoCode(2, true, "no");
            c.list("c", null, 1, 2);
        })).isEmpty();
        assertThat(errorsOf(c -> {
            c.number("a", (Integer) null).required();
            c.text("b", "  ").required();
            c.text("c", null).present();
            c.required("d", null);
        })).containsExactly("$.a is required", "$.b is required", "$.c is required", "$.d is required");
    }

    @Test
    void textRules() {
        assertThat(errorsOf(c -> {
            c.text("long", "abcd").maxLength(3);
            c.text("forged", "Pay to\r\nother account").singleLine();
            c.text("address", "Storgatan 1\n111 22 Stockholm").lines();
            c.text("bell", "Storgatan 1\u0007").lines();
            c.text("mail", "finance@example.se").email();
            c.text("blankMail", "").email();
            c.text("noAt", "finance.example.se").email();
            c.text("twoAts", "a@b@example.se").email();
            c.text("country", "SE").isoCode(2, true, "must be a country code");
            c.text("lowerCountry", "se").isoCode(2, true, "must be a country code");
            c.text("longLanguage", "swe").isoCode(2, false, "must be a language code");
        })).containsExactly(
                "$.long size must be between 0 and 3",
                "$.forged must be a single line without control characters",
                "$.bell must not contain control characters",
                "$.noAt must be a well-formed email address",
                "$.twoAts must be a well-formed email address",
                "$.lowerCountry must be a country code",
                "$.longLanguage must be a language code");
    }

    record Line(String id) implements Checked {
        @Override
        public void check(Checks checks) {
            checks.text("id", id).required();
        }
    }

    record Order(Line first, List<Line> lines) implements Checked {
        @Override
        public void check(Checks checks) {
            checks.nested("first", first);
            checks.nonEmptyList("lines", lines, 2, "must list at least one line");
        }
    }

    @Test
    void nestedRecordsAndListElementsReportTheirJsonPath() {
        assertThat(errorsOf(c -> c.nested("order", new Order(new Line(""), Arrays.asList(new Line("a"), null)))))
                .containsExactly("$.order.first.id is required", "$.order.lines[1] must not be null");
        assertThat(errorsOf(c -> c.nested("order", new Order(null, List.of(new Line(null), new Line("b"), new Line("c"))))))
                .containsExactly("$.order.lines size must be between 1 and 2", "$.order.lines[0].id is required");
        assertThat(errorsOf(c -> c.nested("order", new Order(null, List.of()))))
                .containsExactly("$.order.lines must list at least one line");
    }

    @Test
    void amountsByKeyNeedAValueOfAtLeastZero() {
        Map<String, BigDecimal> minimums = new LinkedHashMap<>();
        minimums.put("SEK", new BigDecimal("-1"));
        minimums.put("EUR", null);
        minimums.put("NOK", BigDecimal.TEN);
        assertThat(errorsOf(c -> c.amountsByKey("minimumAmounts", minimums, 2))).containsExactly(
                "$.minimumAmounts size must be between 0 and 2",
                "$.minimumAmounts.SEK must be greater than or equal to 0",
                "$.minimumAmounts.EUR must not be null");
    }

    @Test
    void checkAddsToTheErrorsAlreadyFound() {
        FieldErrors errors = new FieldErrors();
        errors.add("$.elsewhere", "was wrong before");
        Checks.check(new Line("x"), "$.line", errors);
        Checks.check(new Line(" "), "$.line", errors);
        assertThat(errorsOf(errors)).containsExactly("$.elsewhere was wrong before", "$.line.id is required");
    }
}
