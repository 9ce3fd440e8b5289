package io.creditguard.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Rates are plain fractions ({@code 0.05} is 5 %). Intermediate ratio arithmetic keeps
 * {@link #RATIO} precision; results are rounded only where they are reported.
 */
public final class Rates {

    /** Precision for intermediate ratios: far beyond any amount a receivables book holds. */
    public static final MathContext RATIO = new MathContext(20, RoundingMode.HALF_EVEN);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Rates() {
    }

    /** {@code 0.105} as {@code 10.50} percent, HALF_EVEN. */
    public static BigDecimal percent(BigDecimal fraction, int scale) {
        return fraction.multiply(HUNDRED).setScale(scale, RoundingMode.HALF_EVEN);
    }

    /** {@code 10.5} percent as the fraction {@code 0.105}. */
    public static BigDecimal fractionOfPercent(BigDecimal percent) {
        return percent.divide(HUNDRED, RATIO);
    }

    /** {@code numerator / denominator} rounded HALF_EVEN to {@code scale} decimals. */
    public static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator, int scale) {
        return numerator.divide(denominator, scale, RoundingMode.HALF_EVEN);
    }
}
