package io.creditguard.rates;

/**
 * A publisher answered, but not with what its documentation describes (HTML, an empty series, a
 * malformed or implausible figure): nothing of that answer is used.
 */
final class FeedException extends Exception {
    private static final long serialVersionUID = 1L;

    FeedException(String message) {
        super(message);
    }
}
