package io.creditguard.reference;

import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The laws creditguard has late-payment rules for ({@code reference/jurisdictions.txt}), each with
 * its currency and the order it applies a part payment in. A contract's governing law must be one of
 * them; the rule tables are checked against this list when they load.
 */
public final class Jurisdictions {

    /** How a part payment is applied to one debt when the debtor names nothing else. */
    public enum Allocation {
        /** First to the costs due, then to the interest accrued, last to the principal. */
        COSTS_INTEREST_PRINCIPAL,
        /** To the principal: where no order is verified, the one that charges the debtor least. */
        PRINCIPAL_FIRST
    }

    /**
     * One law: ISO 3166 country, its currency, the languages a letter under it may be written in (its legal
     * bases are cited in each), its allocation order and what that order rests on.
     */
    public record Law(String country, Currency currency, Set<Language> letterLanguages, Allocation allocation,
            String allocationBasis, Evidence evidence) {
    }

    private static final Jurisdictions STANDARD = from(ReferenceTable.load("jurisdictions.txt"));

    private final Map<String, Law> laws;

    private Jurisdictions(Map<String, Law> laws) {
        this.laws = laws;
    }

    /** The laws of the shipped table, loaded once. */
    public static Jurisdictions standard() {
        return STANDARD;
    }

    /**
     * @throws IllegalStateException naming the row when a cell is not what the column holds
     */
    public static Jurisdictions from(ReferenceTable table) {
        return new Jurisdictions(table.rows().stream().collect(Collectors.toUnmodifiableMap(r -> r.text("law"),
                r -> new Law(r.text("law"), currency(r), letterLanguages(r), r.enumValue("allocation", Allocation.class),
                        r.text("allocationBasis"), r.enumValue("evidence", Evidence.class)))));
    }

    private static Set<Language> letterLanguages(ReferenceTable.Row row) {
        Set<Language> languages = EnumSet.noneOf(Language.class);
        for (String code : row.text("letterLanguages").split("\\s+")) {
            languages.add(Language.parse(code).orElseThrow(() -> row.fault("letterLanguages", "column letterLanguages names '"
                    + code + "', not one of " + Texts.LANGUAGES)));
        }
        return Collections.unmodifiableSet(languages);
    }

    private static Currency currency(ReferenceTable.Row row) {
        try {
            return Currency.getInstance(row.text("currency"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(row.location() + ": currency is not an ISO 4217 code", e);
        }
    }

    public Optional<Law> law(String country) {
        return Optional.ofNullable(laws.get(country));
    }

    public boolean covers(String country) {
        return laws.containsKey(country);
    }

    public Set<String> countries() {
        return laws.keySet();
    }

    /**
     * @throws IllegalStateException when {@code location} names a law this table lacks: a rule table
     *     for an unlisted law is a data fault, found when it loads
     */
    public String require(String country, String location) {
        if (!covers(country)) {
            throw new IllegalStateException(location + ": law " + country + " is not in jurisdictions.txt");
        }
        return country;
    }
}
