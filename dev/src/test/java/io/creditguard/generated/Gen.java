package io.creditguard.generated;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Values for one generated case, drawn from one seeded random source, so a failing case is
 * reproduced exactly from its seed ({@link Cases}).
 */
public final class Gen {

    private final SplittableRandom random;

    Gen(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A whole number in [min, max]. */
    public int integer(int min, int max) {
        return (int) longBetween(min, max);
    }

    public long longBetween(long min, long max) {
        return min + (long) (random.nextDouble() * ((double) max - min + 1));
    }

    /** Any long, the edges included more often than chance would have them. */
    public long anyLong() {
        return chance(10) ? pick(List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 1L)) : random.nextLong();
    }

    /** True once in {@code n} draws. */
    public boolean chance(int n) {
        return random.nextInt(n) == 0;
    }

    public <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /**
     * A decimal in [min, max] with exactly {@code scale} decimals, the bounds themselves drawn now and
     * then (where rules break).
     */
    public BigDecimal decimal(String min, String max, int scale) {
        BigDecimal low = new BigDecimal(min).setScale(scale, RoundingMode.CEILING);
        BigDecimal high = new BigDecimal(max).setScale(scale, RoundingMode.FLOOR);
        if (chance(20)) {
            return chance(2) ? low : high;
        }
        BigInteger span = high.unscaledValue().subtract(low.unscaledValue());
        BigInteger offset = new BigInteger(span.bitLength() + 8, new java.util.Random(random.nextLong())).mod(span.add(BigInteger.ONE));
        return new BigDecimal(low.unscaledValue().add(offset), scale);
    }

    /**
     * A string of up to {@code maxLength} characters from all of Unicode's 16-bit range: control
     * characters, lone surrogates and private use included, short ones and empty ones often.
     */
    public String anyString(int maxLength) {
        int length = chance(4) ? random.nextInt(3) : random.nextInt(maxLength + 1);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(switch (random.nextInt(4)) {
                case 0 -> (char) random.nextInt(0x20, 0x7f);
                case 1 -> (char) random.nextInt(0x20);
                default -> (char) random.nextInt(Character.MAX_VALUE + 1);
            });
        }
        return out.toString();
    }
}
