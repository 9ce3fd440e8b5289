package io.creditguard.money;

import java.util.Currency;

/**
 * Two amounts combined or compared that are in different currencies: a fault of the caller, which must convert
 * one of them at a rate it names first. An {@link IllegalArgumentException}, so code that refuses bad arguments
 * as such keeps doing so.
 */
public final class CurrencyMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Currency first;
    private final transient Currency second;

    /**
     * @param first the currency of the amount the operation was called on, not null
     * @param second the currency of the amount passed to it, not null
     */
    public CurrencyMismatchException(Currency first, Currency second) {
        super("currency mismatch: " + first.getCurrencyCode() + " and " + second.getCurrencyCode());
        this.first = first;
        this.second = second;
    }

    /** The currency of the amount the operation was called on. */
    public Currency first() {
        return first;
    }

    /** The currency of the amount passed to it. */
    public Currency second() {
        return second;
    }
}
