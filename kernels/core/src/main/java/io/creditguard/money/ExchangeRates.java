package io.creditguard.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.creditguard.reference.FileProblem;
import io.creditguard.reference.ReferenceTable;

/**
 * Dated euro reference rates (units of a currency per euro, as the ECB publishes them), for the rare
 * conversion the law asks for: a statutory fixed amount set in one currency owed on an invoice in
 * another. Two currencies other than the euro are crossed through it. A rate is the one of the day the
 * amount fell due, or the last published before it within {@value #MAX_DAYS_BACK} days (no rates on
 * weekends and TARGET holidays); older ones are not used.
 */
public final class ExchangeRates {

    /** How far back from a day its rate may have been published (weekends and TARGET holidays have none). */
    public static final int MAX_DAYS_BACK = 7;
    private static final Currency EUR = Currency.getInstance("EUR");

    /** One published rate: {@code perEuro} units of {@code currency} for one euro on {@code date}. */
    public record Rate(Currency currency, LocalDate date, BigDecimal perEuro, String source) {
    }

    /**
     * A conversion, with what it rests on, for the letter and the answer to state.
     *
     * @param rate units of {@code converted}'s currency per unit of {@code original}'s, as applied
     */
    public record Conversion(Money original, Money converted, BigDecimal rate, LocalDate rateDate, String source) {
    }

    /**
     * The range a rate per euro may plausibly have, and the most decimals it is written with (the ECB publishes at most
     * five significant digits): a row outside them is refused rather than used to convert a statutory amount.
     */
    public static final BigDecimal LEAST_PER_EURO = new BigDecimal("0.0001");
    public static final BigDecimal MOST_PER_EURO = new BigDecimal("1000000");
    public static final int MOST_DECIMALS = 6;

    private final List<Rate> rates;

    private ExchangeRates(List<Rate> rates) {
        this.rates = List.copyOf(rates);
    }

    /** Rates that take precedence in the order given: among the rows of one day the first decides. */
    public static ExchangeRates of(List<Rate> rates) {
        return new ExchangeRates(rates);
    }

    private static final List<String> COLUMNS = List.of("currency", "date", "perEuro", "evidence", "source");

    /**
     * The rows of {@code table} (the format of exchange-rates.txt) whose evidence lets them be used.
     *
     * @throws ReferenceTable.Fault naming the first row {@link #usableRows(ReferenceTable, List)} would leave out
     */
    public static List<Rate> usableRows(ReferenceTable table) {
        return ReferenceTable.strictly(problems -> usableRows(table, problems));
    }

    /**
     * The usable rows of {@code table}; a row with a malformed currency, date, rate or evidence, or a second
     * usable row of the same currency and day, is added to {@code problems} and left out.
     */
    public static List<Rate> usableRows(ReferenceTable table, List<FileProblem> problems) {
        Map<String, Integer> seen = new HashMap<>();
        return table.read(COLUMNS, problems, r -> {
            Currency currency;
            try {
                currency = Currency.getInstance(r.text("currency"));
            } catch (IllegalArgumentException e) {
                throw r.fault("currency", "column currency is '" + r.text("currency") + "', not an ISO 4217 code");
            }
            Rate rate = new Rate(currency, r.date("date"), r.decimal("perEuro"), r.text("source"));
            if (!plausible(rate.perEuro())) {
                throw r.fault("perEuro", "column perEuro is " + rate.perEuro() + ", not a rate from " + LEAST_PER_EURO
                        + " to " + MOST_PER_EURO + " with at most " + MOST_DECIMALS + " decimals");
            }
            if (!r.usable()) {
                return Optional.empty();
            }
            Integer earlier = seen.putIfAbsent(currency.getCurrencyCode() + " " + rate.date(), r.line());
            if (earlier != null) {
                throw r.fault("date", currency.getCurrencyCode() + " on " + rate.date() + " repeats line " + earlier
                        + "; line " + earlier + " is used");
            }
            return Optional.of(rate);
        });
    }


    /** Whether {@code perEuro} may be a rate; compared, never computed, so any figure is answered at once. */
    public static boolean plausible(BigDecimal perEuro) {
        return perEuro.compareTo(LEAST_PER_EURO) >= 0 && perEuro.compareTo(MOST_PER_EURO) <= 0
                && perEuro.stripTrailingZeros().scale() <= MOST_DECIMALS;
    }

    /** These rates with {@code overrides} taking precedence on the days they cover. */
    public ExchangeRates overlaidWith(List<Rate> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        List<Rate> all = new ArrayList<>(overrides);
        all.addAll(rates);
        return new ExchangeRates(all);
    }

    /**
     * {@code amount} in {@code target} at the rate of {@code on}, rounded HALF_EVEN to the target's
     * minor unit; the amount itself when the currencies are the same.
     *
     * @return empty when a currency has no rate on {@code on} or in the {@value #MAX_DAYS_BACK} days before
     */
    public Optional<Conversion> convert(Money amount, Currency target, LocalDate on) {
        if (amount.currency().equals(target)) {
            return Optional.of(new Conversion(amount, amount, BigDecimal.ONE, on, "same currency"));
        }
        Optional<Rate> from = perEuro(amount.currency(), on);
        Optional<Rate> to = perEuro(target, on);
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal rate = to.get().perEuro().divide(from.get().perEuro(), Rates.RATIO);
        LocalDate rateDate = from.get().date().isBefore(to.get().date()) ? from.get().date() : to.get().date();
        String source = amount.currency().equals(EUR) ? to.get().source()
                : target.equals(EUR) ? from.get().source() : from.get().source() + "; " + to.get().source();
        return Optional.of(new Conversion(amount, Money.rounded(target, amount.amount().multiply(rate), RoundingMode.HALF_EVEN),
                rate.setScale(6, RoundingMode.HALF_EVEN), rateDate, source));
    }

    /** The euro itself, or the latest rate of {@code currency} on or before {@code on}, within the window. */
    private Optional<Rate> perEuro(Currency currency, LocalDate on) {
        if (currency.equals(EUR)) {
            return Optional.of(new Rate(EUR, on, BigDecimal.ONE, "the euro"));
        }
        LocalDate earliest = on.minusDays(MAX_DAYS_BACK);
        Rate latest = null;
        for (Rate r : rates) { // overrides come first: among the rows of one day the first wins
            if (r.currency().equals(currency) && !r.date().isAfter(on) && !r.date().isBefore(earliest)
                    && (latest == null || r.date().isAfter(latest.date()))) {
                latest = r;
            }
        }
        return Optional.ofNullable(latest);
    }
}
