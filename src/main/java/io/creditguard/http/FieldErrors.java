package io.creditguard.http;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import io.creditguard.money.Money;

/**
 * Collects field errors, those of {@link Checks} and those between fields (an amount's decimals
 * depend on its currency, one field's limit on another), so a request learns every problem at once.
 */
public final class FieldErrors {

    /** 10^15: above any receivable; stops 40-digit amounts from reaching the arithmetic. */
    private static final BigDecimal MAX_AMOUNT = BigDecimal.TEN.pow(15);

    private final List<Problem.FieldError> errors = new ArrayList<>();

    /** The amount as money in {@code currency}, or {@code null} (and an error) when it does not fit. */
    public Money money(String field, Currency currency, BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        String problem = moneyProblem(currency, amount);
        if (problem != null) {
            add(field, problem);
            return null;
        }
        return Money.of(currency, amount);
    }

    /** Why {@code amount} cannot be money in {@code currency} (too large, too many decimals), or null. */
    static String moneyProblem(Currency currency, BigDecimal amount) {
        if (amount.abs().compareTo(MAX_AMOUNT) >= 0) {
            return "must be less than 1000000000000000";
        }
        try {
            Money.of(currency, amount);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Dates of receivables are of this era; a year outside it is a typo that would wreck day counts. */
    public static final int EARLIEST_YEAR = 1970;
    public static final int LATEST_YEAR = 2199;
    static final String OUTSIDE_ERA = "must be a date between " + EARLIEST_YEAR + " and " + LATEST_YEAR;

    /** Records an error unless {@code date} is absent or between {@value #EARLIEST_YEAR} and {@value #LATEST_YEAR}. */
    public void date(String field, java.time.LocalDate date) {
        if (!inEra(date)) {
            add(field, OUTSIDE_ERA);
        }
    }

    static boolean inEra(java.time.LocalDate date) {
        return date == null || (date.getYear() >= EARLIEST_YEAR && date.getYear() <= LATEST_YEAR);
    }

    public void add(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** @throws ProblemException (422) listing every error collected so far */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED,
                    errors.size() == 1 ? errors.get(0).field() + " " + errors.get(0).message()
                            : errors.size() + " fields are invalid",
                    errors));
        }
    }
}
