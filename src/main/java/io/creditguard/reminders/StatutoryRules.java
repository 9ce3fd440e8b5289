package io.creditguard.reminders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.creditguard.money.Money;
import io.creditguard.receivables.Invoice.CustomerType;
import io.creditguard.reference.ReferenceTable;

/**
 * The late-payment law the reminder run applies, read from the dated data files under
 * {@code reference/}: which interest rule and which fees apply to a debtor of a given country and
 * type on a given day, and the Dutch WIK staffel. A country with rows of its own uses them; any
 * other euro-area member falls back to the rows for {@code EURO_AREA} (Directive 2011/7/EU);
 * anything else has no statutory rule here, which callers report rather than guess.
 */
public final class StatutoryRules {

    static final String EURO_AREA = "EURO_AREA";

    public enum FeeTrigger {
        LEVEL, FIRST_LETTER, COLLECTION_HANDOFF, AFTER_NOTICE_PERIOD
    }

    record InterestRule(String country, String debtor, String scheme, BigDecimal addPoints,
            LateInterest.Compounding compounding, String legalBasis, LocalDate validFrom, Optional<LocalDate> validTo) {
    }

    /** A fee rule; {@code amount} empty means the WIK staffel decides the amount. */
    public record FeeRule(String country, String debtor, String code, Optional<BigDecimal> amount, Currency currency,
            FeeTrigger trigger, boolean onlyIfAgreed, Set<String> replaces, String legalBasis, LocalDate validFrom,
            Optional<LocalDate> validTo) {
    }

    private record Band(BigDecimal over, Optional<BigDecimal> upTo, BigDecimal percent) {
    }

    private record Membership(String country, LocalDate validFrom, Optional<LocalDate> validTo) {
    }

    private final List<InterestRule> interestRules;
    private final Set<String> interestCountries;
    private final List<FeeRule> feeRules;
    private final Set<String> feeCountries;
    private final List<Membership> euroArea;
    private final ReferenceTable wik;
    private final ReferenceRates rates;

    private StatutoryRules(List<InterestRule> interestRules, List<FeeRule> feeRules, ReferenceTable euroArea,
            ReferenceTable wik, ReferenceRates rates) {
        this.interestRules = interestRules;
        this.interestCountries = interestRules.stream().map(InterestRule::country).collect(Collectors.toUnmodifiableSet());
        this.feeRules = feeRules;
        this.feeCountries = feeRules.stream().map(FeeRule::country).collect(Collectors.toUnmodifiableSet());
        this.euroArea = euroArea.rows().stream()
                .map(r -> new Membership(r.text("country"), r.date("validFrom"), r.optionalDate("validTo"))).toList();
        this.wik = wik;
        this.rates = rates;
    }

    /** The rules of the shipped data files. */
    public static StatutoryRules standard() {
        List<InterestRule> interest = ReferenceTable.load("late-interest.txt").rows().stream()
                .map(r -> new InterestRule(r.text("country"), r.text("debtor"), r.text("scheme"), r.decimal("addPoints"),
                        LateInterest.Compounding.valueOf(r.text("compounding")), r.text("legalBasis"),
                        r.date("validFrom"), r.optionalDate("validTo")))
                .toList();
        List<FeeRule> fees = ReferenceTable.load("late-payment-fees.txt").rows().stream()
                .map(r -> new FeeRule(r.text("country"), r.text("debtor"), r.text("code"),
                        r.text("amount").equals("WIK") ? Optional.empty() : Optional.of(r.decimal("amount")),
                        Currency.getInstance(r.text("currency")), FeeTrigger.valueOf(r.text("trigger")),
                        r.text("condition").equals("IF_AGREED"),
                        r.optionalText("replaces").map(s -> Arrays.stream(s.split("\\s+")).collect(Collectors.toUnmodifiableSet()))
                                .orElse(Set.of()),
                        r.text("legalBasis"), r.date("validFrom"), r.optionalDate("validTo")))
                .toList();
        return new StatutoryRules(interest, fees, ReferenceTable.load("euro-area.txt"),
                ReferenceTable.load("wik-staffel.txt"), ReferenceRates.from(ReferenceTable.load("reference-rates.txt")));
    }

    public ReferenceRates rates() {
        return rates;
    }

    /** The statutory interest basis for a debtor, or empty when no rule here covers it. */
    public Optional<LateInterest.Basis> interestBasis(String country, CustomerType type, LocalDate on) {
        return jurisdiction(country, on, interestCountries)
                .flatMap(j -> interestRules.stream()
                        .filter(r -> r.country().equals(j) && matches(r.debtor(), type) && inForce(r.validFrom(), r.validTo(), on))
                        .findFirst())
                .map(r -> new LateInterest.Basis(Optional.of(r.scheme()), r.addPoints(), r.compounding(), r.legalBasis()));
    }

    /** The fee rules for a debtor on a day; empty when none apply (including countries not covered). */
    public List<FeeRule> feeRules(String country, CustomerType type, LocalDate on) {
        return jurisdiction(country, on, feeCountries)
                .map(j -> feeRules.stream()
                        .filter(r -> r.country().equals(j) && matches(r.debtor(), type) && inForce(r.validFrom(), r.validTo(), on))
                        .toList())
                .orElse(List.of());
    }

    /** Whether {@code country} has statutory rules here at all (its own or the euro-area default). */
    public boolean covers(String country, LocalDate on) {
        return jurisdiction(country, on, interestCountries).isPresent();
    }

    /**
     * The Dutch extrajudicial collection costs on {@code principal} by the WIK staffel in force on
     * {@code on}: the bands summed, then held between the minimum and maximum, HALF_EVEN to cents.
     */
    public Money wikCosts(Money principal, LocalDate on) {
        List<ReferenceTable.Row> rows = wik.effectiveOn(on);
        BigDecimal amount = principal.amount();
        BigDecimal costs = BigDecimal.ZERO;
        for (ReferenceTable.Row row : rows) {
            if (!row.text("kind").equals("BAND")) {
                continue;
            }
            Band band = new Band(row.decimal("over"), row.optionalDecimal("upTo"), row.decimal("percent"));
            BigDecimal top = band.upTo().map(amount::min).orElse(amount);
            if (top.compareTo(band.over()) > 0) {
                costs = costs.add(top.subtract(band.over()).multiply(band.percent()).movePointLeft(2));
            }
        }
        BigDecimal minimum = single(rows, "MINIMUM");
        BigDecimal maximum = single(rows, "MAXIMUM");
        BigDecimal held = costs.max(minimum).min(maximum);
        return Money.rounded(principal.currency(), held, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal single(List<ReferenceTable.Row> rows, String kind) {
        return rows.stream().filter(r -> r.text("kind").equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalStateException("wik-staffel.txt has no " + kind + " row in force"))
                .decimal("amount");
    }

    private Optional<String> jurisdiction(String country, LocalDate on, Set<String> countriesWithRows) {
        if (countriesWithRows.contains(country)) {
            return Optional.of(country);
        }
        boolean euroMember = euroArea.stream().anyMatch(m -> m.country().equals(country)
                && inForce(m.validFrom(), m.validTo(), on));
        return euroMember ? Optional.of(EURO_AREA) : Optional.empty();
    }

    private static boolean matches(String debtor, CustomerType type) {
        return debtor.equals("ANY") || debtor.equals(type.name());
    }

    private static boolean inForce(LocalDate from, Optional<LocalDate> to, LocalDate on) {
        return !on.isBefore(from) && to.map(t -> !on.isAfter(t)).orElse(true);
    }
}
