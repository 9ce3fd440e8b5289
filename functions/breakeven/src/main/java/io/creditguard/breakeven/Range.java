package io.creditguard.breakeven;

import io.creditguard.money.Money;

/** A money range: {@code low} is the seller's best case, {@code high} its worst. */
public record Range(Money low, Money high) {

    /**
     * Twice the midpoint, {@code low + high}: ranges order by it as by their midpoints, exactly. The midpoint rounded to
     * the minor unit would tie 1.5 and 2.5 öre (both 2) and leave a dearer option first on a later criterion.
     */
    Money twiceMidpoint() {
        return low.plus(high);
    }

    Range plus(Range other) {
        return new Range(low.plus(other.low), high.plus(other.high));
    }
}
