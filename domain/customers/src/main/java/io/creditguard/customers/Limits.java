package io.creditguard.customers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.creditguard.money.ExchangeRates;
import io.creditguard.money.Money;

/**
 * A customer's credit limit: which one is in force on a day, and the customer's exposure against it.
 * Pure: no clock, no I/O.
 *
 * <p>The limit in force is the first that exists of: one set by hand ({@code PUT /customers/{id}/limit}),
 * unless its {@code validUntil} has passed; the last saved credit check's; the credit insurer's limit for
 * the buyer in the claims policy configuration (an insurer's limit of zero is a cancelled cover, not a
 * limit). Every change is kept with who made it, when and through what, so the limit in force on any past
 * day can be told: only the changes in force from that day or before count.
 */
public final class Limits {

    private Limits() {
    }

    /** Where a limit came from, in the order they take precedence. */
    public enum Source {
        MANUAL, CREDIT_CHECK, INSURER
    }

    /**
     * One change of a customer's limit.
     *
     * @param validFrom the first day it is in force
     * @param validUntil the last day a limit set by hand is in force, if it ends
     * @param by who made the change (the signed-in caller's subject), absent for the insurer's configuration
     * @param at when it was made
     * @param via through what: the route ({@code PUT /customers/{id}/limit}) or the file it was read from
     * @param requestId the request that made it, to find in the logs
     */
    public record Change(Source source, BigDecimal amount, Currency currency, LocalDate validFrom, LocalDate validUntil,
            String note, String by, Instant at, String via, String requestId) {
    }

    /** The limit in force on a day, and since when. */
    public record InForce(BigDecimal amount, Currency currency, Source source, LocalDate since, LocalDate validUntil,
            String note) {
    }

    /**
     * The customer's open amounts in the limit's currency.
     *
     * @param amount what could be converted, in the limit's currency
     * @param conversions each other currency converted, at the euro reference rate of the day (or the week before)
     * @param notConverted currencies with no rate: their amounts are not in {@code amount}
     */
    public record Exposure(BigDecimal amount, Currency currency, List<Conversion> conversions,
            List<Currency> notConverted) {
    }

    /** An open amount in another currency, converted: {@code rate} units of the limit's currency per unit of its own. */
    public record Conversion(Currency from, BigDecimal amount, BigDecimal converted, BigDecimal rate, LocalDate rateDate,
            String source) {
    }

    /**
     * The limit in force on {@code day}.
     *
     * @param changes the customer's own changes (by hand and from credit checks), in any order
     * @param insurer the insurer's limits for the customer, each from its approval day
     */
    public static Optional<InForce> inForce(List<Change> changes, List<Change> insurer, LocalDate day) {
        if (changes.isEmpty() && insurer.isEmpty()) {
            return Optional.empty(); // most customers: the run asks once for each
        }
        Optional<Change> manual = latest(changes, Source.MANUAL, day);
        if (manual.isPresent() && (manual.get().validUntil() == null || !manual.get().validUntil().isBefore(day))) {
            return manual.map(Limits::inForce);
        }
        Optional<Change> checked = latest(changes, Source.CREDIT_CHECK, day);
        if (checked.isPresent()) {
            return checked.map(Limits::inForce);
        }
        return latest(insurer, Source.INSURER, day).filter(c -> c.amount().signum() > 0).map(Limits::inForce);
    }

    private static InForce inForce(Change change) {
        return new InForce(change.amount(), change.currency(), change.source(), change.validFrom(), change.validUntil(),
                change.note());
    }

    /** The change of {@code source} in force on {@code day}: the latest to take effect, the last made among equals. */
    private static Optional<Change> latest(List<Change> changes, Source source, LocalDate day) {
        return changes.stream().filter(c -> c.source() == source && !c.validFrom().isAfter(day)).max(LATEST);
    }

    private static final Comparator<Change> LATEST = Comparator.comparing(Change::validFrom).thenComparing(Change::at,
            Comparator.nullsFirst(Comparator.naturalOrder()));

    /**
     * {@code open} amounts by currency in {@code currency}, each other currency converted at the rate of
     * {@code day}.
     */
    public static Exposure exposure(Map<Currency, BigDecimal> open, Currency currency, ExchangeRates rates, LocalDate day) {
        Money total = Money.zero(currency);
        List<Conversion> conversions = new ArrayList<>();
        List<Currency> notConverted = new ArrayList<>();
        for (Map.Entry<Currency, BigDecimal> entry : open.entrySet()) {
            if (entry.getValue().signum() == 0) {
                continue;
            }
            Money amount = Money.of(entry.getKey(), entry.getValue());
            Optional<ExchangeRates.Conversion> converted = rates.convert(amount, currency, day);
            if (converted.isEmpty()) {
                notConverted.add(entry.getKey());
            } else {
                total = total.plus(converted.get().converted());
                if (!entry.getKey().equals(currency)) {
                    ExchangeRates.Conversion c = converted.get();
                    conversions.add(new Conversion(entry.getKey(), c.original().amount(), c.converted().amount(), c.rate(),
                            c.rateDate(), c.source()));
                }
            }
        }
        notConverted.sort(Comparator.comparing(Currency::getCurrencyCode));
        return new Exposure(total.amount(), currency, List.copyOf(conversions), List.copyOf(notConverted));
    }

    /** What is left under the limit: negative when the exposure is above it. */
    public static BigDecimal headroom(InForce limit, Exposure exposure) {
        return limit.amount().subtract(exposure.amount());
    }

    /** Exposure ÷ limit, 4 decimals HALF_EVEN; absent for a limit of zero. */
    public static BigDecimal utilisation(InForce limit, Exposure exposure) {
        return limit.amount().signum() == 0 ? null : exposure.amount().divide(limit.amount(), 4, RoundingMode.HALF_EVEN);
    }
}
