package io.creditguard.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one ISO 4217 currency, held at exactly the currency's minor-unit scale.
 *
 * <p>Immutable and thread-safe. Every operation that can produce more decimals than the currency has
 * takes the {@link RoundingMode} it rounds with, so each rounding is visible where it happens.
 * Arithmetic between two amounts requires the same currency; each method that combines two says so under
 * {@code @throws} ({@link CurrencyMismatchException}). There is no conversion of currencies
 * here: an exchange rate is business data and must be supplied by the caller.
 */
public final class Money implements Comparable<Money> {

    private final Currency currency;
    private final BigDecimal amount;

    private Money(Currency currency, BigDecimal amount) {
        this.currency = currency;
        this.amount = amount;
    }

    /**
     * The exact amount in the currency.
     *
     * @throws IllegalArgumentException if {@code amount} has more decimals than the currency's minor
     *     unit (0.001 SEK is not an amount of money), or the currency has no minor unit (e.g. XAU)
     */
    public static Money of(Currency currency, BigDecimal amount) {
        int scale = Currencies.minorUnits(currency);
        if (amount.scale() == scale) {
            return new Money(currency, amount);
        }
        if (amount.scale() > scale && amount.stripTrailingZeros().scale() > scale) {
            throw new IllegalArgumentException(
                    "has more decimals than " + currency.getCurrencyCode() + " allows (" + scale + ")");
        }
        return new Money(currency, amount.setScale(scale, RoundingMode.UNNECESSARY));
    }

    /** {@link #of}, or {@code null} for an absent amount (an optional field of a request). */
    public static Money ofNullable(Currency currency, BigDecimal amount) {
        return amount == null ? null : of(currency, amount);
    }

    /** The amount rounded to the currency's minor unit with {@code rounding}. */
    public static Money rounded(Currency currency, BigDecimal amount, RoundingMode rounding) {
        return new Money(currency, amount.setScale(Currencies.minorUnits(currency), rounding));
    }

    public static Money zero(Currency currency) {
        return rounded(currency, BigDecimal.ZERO, RoundingMode.UNNECESSARY);
    }

    public Currency currency() {
        return currency;
    }

    /** The amount at the currency's scale (e.g. {@code 2000000.00} for SEK). */
    public BigDecimal amount() {
        return amount;
    }

    /**
     * This amount plus {@code other}.
     *
     * @throws CurrencyMismatchException if {@code other} is in another currency, naming both
     */
    public Money plus(Money other) {
        return new Money(currency, amount.add(sameCurrency(other).amount));
    }

    /**
     * This amount less {@code other}; may be negative.
     *
     * @throws CurrencyMismatchException if {@code other} is in another currency, naming both
     */
    public Money minus(Money other) {
        return new Money(currency, amount.subtract(sameCurrency(other).amount));
    }

    /** This amount times {@code factor}, rounded to the minor unit with {@code rounding}. */
    public Money times(BigDecimal factor, RoundingMode rounding) {
        return rounded(currency, amount.multiply(factor), rounding);
    }

    /**
     * This amount divided by {@code divisor}, rounded to the minor unit with {@code rounding}.
     *
     * @throws ArithmeticException if {@code divisor} is zero
     */
    public Money dividedBy(BigDecimal divisor, RoundingMode rounding) {
        return new Money(currency, amount.divide(divisor, Currencies.minorUnits(currency), rounding));
    }

    /**
     * The plain ratio of two amounts in the same currency, to {@code scale} decimals.
     *
     * @throws CurrencyMismatchException if {@code other} is in another currency, naming both
     * @throws ArithmeticException if {@code other} is zero
     */
    public BigDecimal ratioTo(Money other, int scale, RoundingMode rounding) {
        return amount.divide(sameCurrency(other).amount, scale, rounding);
    }

    /**
     * The larger of this amount and {@code other} (this one when they are equal).
     *
     * @throws CurrencyMismatchException if {@code other} is in another currency, naming both
     */
    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /**
     * The smaller of this amount and {@code other} (this one when they are equal).
     *
     * @throws CurrencyMismatchException if {@code other} is in another currency, naming both
     */
    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /**
     * Orders amounts of one currency by value ({@code 1.0} and {@code 1.00} never differ: both are at the scale).
     *
     * @throws CurrencyMismatchException if {@code other} is in another currency, naming both
     */
    @Override
    public int compareTo(Money other) {
        return amount.compareTo(sameCurrency(other).amount);
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
        return other;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && currency.equals(m.currency) && amount.equals(m.amount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(currency, amount);
    }

    /** For logs and tests, e.g. {@code SEK 100000.00}; responses write the amount as a JSON number. */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }
}
