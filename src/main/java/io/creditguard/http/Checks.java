package io.creditguard.http;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The field rules of {@link Checked} values, each recording a {@link FieldErrors} entry under the
 * field's JSON path ({@code $.financials[0].revenue}) and going on, so a request learns every problem
 * at once. An absent value passes every rule but {@code required}, as in Bean Validation, whose
 * messages these keep ("must be greater than 0", "size must be between 0 and 100").
 *
 * <pre>{@code
 * checks.number("margin", margin).required().above(0).atMost(1).digits(1, 10);
 * checks.text("invoiceId", invoiceId).required().maxLength(100).singleLine();
 * checks.list("financials", financials, 0, 10);
 * }</pre>
 */
public final class Checks {

    /** A pragmatic address check: one @, no spaces, a dotless or dotted domain of letters, digits, hyphens. */
    private static final Pattern EMAIL = Pattern.compile(
            "[^@\\s\\p{Cntrl}]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private final FieldErrors errors;
    /** The enclosing value's checks, or null at the root; paths are built only when a rule fails. */
    private final Checks parent;
    private final String segment;

    public Checks(FieldErrors errors, String path) {
        this(errors, null, path);
    }

    private Checks(FieldErrors errors, Checks parent, String segment) {
        this.errors = errors;
        this.parent = parent;
        this.segment = segment;
    }

    private String path() {
        return parent == null ? segment : parent.path() + segment;
    }

    /** Runs {@code value}'s rules with its fields below {@code path}, adding what it breaks to {@code errors}. */
    public static void check(Checked value, String path, FieldErrors errors) {
        value.check(new Checks(errors, path));
    }

    /** Records {@code message} against {@code field}. */
    public void fail(String field, String message) {
        errors.add(path() + "." + field, message);
    }

    /** An amount that fits {@code currency}'s minor unit and the size limit of {@link FieldErrors#money}. */
    public void money(String field, Currency currency, BigDecimal amount) {
        String problem = amount == null ? null : FieldErrors.moneyProblem(currency, amount);
        if (problem != null) {
            fail(field, problem);
        }
    }

    /** A date of the era {@link FieldErrors#date} accepts. */
    public void date(String field, LocalDate date) {
        if (!FieldErrors.inEra(date)) {
            fail(field, FieldErrors.OUTSIDE_ERA);
        }
    }

    /** @return whether {@code value} is present; records "is required" when it is not */
    public boolean required(String field, Object value) {
        if (value == null) {
            fail(field, "is required");
            return false;
        }
        return true;
    }

    /** Checks {@code value}'s own rules, its fields below {@code field}, when it is present. */
    public void nested(String field, Checked value) {
        if (value != null) {
            value.check(new Checks(errors, this, "." + field));
        }
    }

    /**
     * A list of at most {@code max} elements (and at least {@code min} when present), none of them
     * null; elements that are {@link Checked} are checked at {@code field[i]}.
     */
    public void list(String field, List<?> list, int min, int max) {
        if (list == null) {
            return;
        }
        size(field, list, min, max);
        for (int i = 0; i < list.size(); i++) {
            Object element = list.get(i);
            if (element == null) {
                fail(field + "[" + i + "]", "must not be null");
            } else if (element instanceof Checked checked) {
                checked.check(new Checks(errors, this, "." + field + "[" + i + "]"));
            }
        }
    }

    /** Like {@link #list}, but an absent or empty list is an error with {@code message}. */
    public void nonEmptyList(String field, List<?> list, int max, String message) {
        if (list == null || list.isEmpty()) {
            fail(field, message);
            return;
        }
        list(field, list, 1, max);
    }

    /** A map of at most {@code max} entries whose values are present and at least zero. */
    public void amountsByKey(String field, Map<?, BigDecimal> map, int max) {
        if (map == null) {
            return;
        }
        size(field, map.values(), 0, max);
        map.forEach((key, amount) -> {
            String at = field + "." + key;
            if (amount == null) {
                fail(at, "must not be null");
            } else {
                number(at, amount).positiveOrZero();
            }
        });
    }

    private void size(String field, Collection<?> elements, int min, int max) {
        if (elements.size() < min || elements.size() > max) {
            fail(field, "size must be between " + min + " and " + max);
        }
    }

    public Numeric number(String field, BigDecimal value) {
        return new Numeric(field, value);
    }

    public Numeric number(String field, Integer value) {
        return new Numeric(field, value == null ? null : BigDecimal.valueOf(value));
    }

    public Text text(String field, String value) {
        return new Text(field, value);
    }

    /** Rules on one number; each is skipped when the number is absent. */
    public final class Numeric {
        private final String field;
        private final BigDecimal value;

        private Numeric(String field, BigDecimal value) {
            this.field = field;
            this.value = value;
        }

        public Numeric required() {
            Checks.this.required(field, value);
            return this;
        }

        public Numeric positive() {
            if (value != null && value.signum() <= 0) {
                fail(field, "must be greater than 0");
            }
            return this;
        }

        public Numeric positiveOrZero() {
            if (value != null && value.signum() < 0) {
                fail(field, "must be greater than or equal to 0");
            }
            return this;
        }

        public Numeric atLeast(long bound) {
            if (value != null && value.compareTo(BigDecimal.valueOf(bound)) < 0) {
                fail(field, "must be greater than or equal to " + bound);
            }
            return this;
        }

        /** Strictly greater than {@code bound}. */
        public Numeric above(long bound) {
            if (value != null && value.compareTo(BigDecimal.valueOf(bound)) <= 0) {
                fail(field, "must be greater than " + bound);
            }
            return this;
        }

        public Numeric atMost(long bound) {
            if (value != null && value.compareTo(BigDecimal.valueOf(bound)) > 0) {
                fail(field, "must be less than or equal to " + bound);
            }
            return this;
        }

        public Numeric atMost(long bound, String message) {
            if (value != null && value.compareTo(BigDecimal.valueOf(bound)) > 0) {
                fail(field, message);
            }
            return this;
        }

        /** At most {@code integer} digits before the decimal point and {@code fraction} after it. */
        public Numeric digits(int integer, int fraction) {
            if (value == null) {
                return this;
            }
            BigDecimal stripped = value.stripTrailingZeros();
            int integerDigits = stripped.precision() - stripped.scale();
            int fractionDigits = Math.max(stripped.scale(), 0);
            if (integerDigits > integer || fractionDigits > fraction) {
                fail(field, "numeric value out of bounds (<" + integer + " digits>.<" + fraction + " digits> expected)");
            }
            return this;
        }
    }

    /** Rules on one string; each but {@code required} is skipped when the string is absent. */
    public final class Text {
        private final String field;
        private final String value;

        private Text(String field, String value) {
            this.field = field;
            this.value = value;
        }

        /** Present and not blank. */
        public Text required() {
            return rule(value != null && !value.isBlank(), "is required");
        }

        /** Present, though it may be blank. */
        public Text present() {
            return rule(value != null, "is required");
        }

        public Text maxLength(int max) {
            if (value != null && value.length() > max) {
                fail(field, "size must be between 0 and " + max);
            }
            return this;
        }

        /** The whole string matches {@code pattern}. */
        public Text matches(Pattern pattern, String message) {
            return rule(value == null || pattern.matcher(value).matches(), message);
        }

        /** Exactly {@code length} ASCII letters, all capitals or all small: an ISO country or language code. */
        public Text isoCode(int length, boolean capitals, String message) {
            if (value == null) {
                return this;
            }
            boolean holds = value.length() == length;
            for (int i = 0; holds && i < length; i++) {
                char c = value.charAt(i);
                holds = capitals ? c >= 'A' && c <= 'Z' : c >= 'a' && c <= 'z';
            }
            return rule(holds, message);
        }

        /** Free text that ends up in letters: no control characters that could forge lines. */
        public Text singleLine() {
            return rule(value == null || value.chars().noneMatch(Character::isISOControl),
                    "must be a single line without control characters");
        }

        /** Line breaks allowed, other control characters not. */
        public Text lines() {
            return rule(value == null || value.chars().noneMatch(c -> c != '\n' && Character.isISOControl(c)),
                    "must not contain control characters");
        }

        /** An address a letter could go to; an empty string counts as none given. */
        public Text email() {
            return rule(value == null || value.isEmpty() || EMAIL.matcher(value).matches(),
                    "must be a well-formed email address");
        }

        private Text rule(boolean holds, String message) {
            if (!holds) {
                fail(field, message);
            }
            return this;
        }
    }
}
