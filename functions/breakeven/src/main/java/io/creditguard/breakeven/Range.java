package io.creditguard.breakeven;

import io.creditguard.money.Money;

/** A money range: {@code low} is the seller's best case, {@code high} its worst. */
public record Range(Money low, Money high) {

    Money midpoint() {
        return low.plus(high).dividedBy(java.math.BigDecimal.valueOf(2), java.math.RoundingMode.HALF_EVEN);
    }

    Range plus(Range other) {
        return new Range(low.plus(other.low), high.plus(other.high));
    }
}
