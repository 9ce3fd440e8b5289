package io.creditguard.reminders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import io.creditguard.money.ExchangeRates;
import io.creditguard.money.Money;
import io.creditguard.receivables.Invoice.CustomerType;
import io.creditguard.reference.Jurisdictions;
import io.creditguard.reference.Language;
import io.creditguard.reference.ReferenceRates;
import io.creditguard.reference.ReferenceTable;
import io.creditguard.reference.Validity;

/**
 * The late-payment law the reminder engine applies, read from the dated data files under
 * {@code reference/}: by the law governing the contract ({@link Jurisdictions}) and the debtor's type,
 * which interest rule and which fees apply on a day, when a debtor is in default, the Dutch staffel, the
 * reference and exchange rates. A law without rows has no statutory figures here, which callers report rather than guess:
 * there is no fallback from one country to another. Every name the files share with the code (laws,
 * schemes, fee codes, triggers) is checked when they load, and so is that every interest and fee rule
 * has its legal basis written in every language a letter is written in ({@code legal-bases.txt}).
 */
public final class StatutoryRules {

    public enum Debtor {
        BUSINESS, CONSUMER, ANY;

        boolean matches(CustomerType type) {
            return this == ANY || name().equals(type.name());
        }
    }

    /** When a fee falls due: see late-payment-fees.txt. */
    public enum FeeTrigger {
        REMINDER_LETTER, INKASSOKRAV, ON_DEFAULT, AFTER_NOTICE_PERIOD
    }

    /** When a fee may be charged, as late-payment-fees.txt's {@code condition} column names it. */
    public enum FeeCondition {
        /** Whenever the trigger occurs. */
        ALWAYS,
        /** Only if agreed at the latest when the debt arose (the Swedish reminder fee, 1981:739 2 §). */
        IF_AGREED
    }

    /** The {@code amount} column's word for a fee the staffel decides rather than a fixed sum. */
    enum FeeAmount {
        STAFFEL
    }

    /** A row of wik-staffel.txt: a band of the principal, or the bound the summed bands are held within. */
    enum StaffelKind {
        BAND, MINIMUM, MAXIMUM
    }

    record InterestRule(String law, Debtor debtor, LateInterest.Basis basis, Validity validity) {
    }

    /**
     * A fee rule.
     *
     * @param amount the fixed sum in the law's {@code currency}; empty means the staffel decides
     * @param covers fees this one stands in for up to its own amount (only their excess is charged)
     */
    public record FeeRule(String law, Debtor debtor, FeeCode code, Optional<BigDecimal> amount, Currency currency,
            FeeTrigger trigger, boolean onlyIfAgreed, Set<FeeCode> covers, OptionalInt maxCharges,
            OptionalInt minDaysBetween, String legalBasis, Validity validity) {

        boolean inForce(LocalDate on) {
            return validity.contains(on);
        }
    }

    /** A fee the law sets for a period whose amount no source could give (an UNVERIFIED row): charged none, said so. */
    private record Unsourced(String law, Debtor debtor, FeeCode code, FeeTrigger trigger, Validity validity) {
    }

    private record Band(BigDecimal over, Optional<BigDecimal> upTo, BigDecimal percent, Validity validity) {
    }

    private record Bound(StaffelKind kind, BigDecimal amount, Validity validity) {
    }

    /** What legal-bases.txt's {@code charge} names besides a {@link FeeCode}. */
    private enum Charge {
        /** Late-payment interest. */
        INTEREST,
        /** Default begun by the law's own period or a reminder. */
        DEFAULT,
        /** Default begun on the day after an agreed due date. */
        DEFAULT_AGREED
    }

    /** A legal basis as letters state it: {@code charge} is a {@link FeeCode} or a {@link Charge}. */
    private record BasisKey(String law, Debtor debtor, Enum<?> charge) {
    }

    private final Jurisdictions jurisdictions;
    private final List<InterestRule> interestRules;
    private final List<FeeRule> feeRules;
    private final List<Unsourced> unsourced;
    private final List<DebtorDefault.Rule> defaultRules;
    private final List<Band> bands;
    private final List<Bound> bounds;
    private final ReferenceRates rates;
    private final ExchangeRates exchangeRates;
    private final Map<BasisKey, Map<String, String>> bases;

    private StatutoryRules(Jurisdictions jurisdictions, List<InterestRule> interestRules, List<FeeRule> feeRules,
            List<Unsourced> unsourced, List<DebtorDefault.Rule> defaultRules, List<Band> bands, List<Bound> bounds,
            ReferenceRates rates, ExchangeRates exchangeRates, Map<BasisKey, Map<String, String>> bases) {
        this.jurisdictions = jurisdictions;
        this.interestRules = interestRules;
        this.feeRules = feeRules;
        this.unsourced = unsourced;
        this.defaultRules = defaultRules;
        this.bands = bands;
        this.bounds = bounds;
        this.rates = rates;
        this.exchangeRates = exchangeRates;
        this.bases = bases;
    }

    /** The rules of the shipped data files. */
    public static StatutoryRules standard() {
        return from(Jurisdictions.standard(), ReferenceTable.load("late-interest.txt"),
                ReferenceTable.load("late-payment-fees.txt"), ReferenceTable.load("debtor-default.txt"),
                ReferenceTable.load("wik-staffel.txt"),
                ReferenceRates.from(ReferenceTable.load("reference-rates.txt")),
                ExchangeRates.of(ExchangeRates.usableRows(ReferenceTable.load("exchange-rates.txt"))),
                ReferenceTable.load("legal-bases.txt"));
    }

    /**
     * @throws IllegalStateException naming the file and line of the first row that names a law the
     *     jurisdictions lack, an unknown scheme, code or trigger, a fee in another currency than its law's, a
     *     debtor-default row under which default could never begin, or a rule without its legal basis in every
     *     language
     */
    static StatutoryRules from(Jurisdictions jurisdictions, ReferenceTable interest, ReferenceTable fees,
            ReferenceTable defaults, ReferenceTable staffel, ReferenceRates rates, ExchangeRates exchangeRates,
            ReferenceTable legalBases) {
        List<InterestRule> interestRules = interest.rows().stream().map(r -> new InterestRule(
                jurisdictions.require(r.text("law"), r.location()), r.enumValue("debtor", Debtor.class),
                new LateInterest.Basis(Optional.of(r.enumValue("scheme", ReferenceRates.Scheme.class)),
                        r.decimal("addPoints"), r.enumValue("compounding", LateInterest.Compounding.class),
                        r.text("legalBasis")),
                Validity.of(r))).toList();
        List<FeeRule> feeRules = new ArrayList<>();
        List<Unsourced> unsourced = new ArrayList<>();
        for (ReferenceTable.Row r : fees.rows()) {
            String law = jurisdictions.require(r.text("law"), r.location());
            Currency currency = Currency.getInstance(r.text("currency"));
            if (!jurisdictions.law(law).orElseThrow().currency().equals(currency)) {
                throw new IllegalStateException(r.location() + ": a " + law + " fee must be in " + law + "'s currency");
            }
            if (!r.usable()) {
                unsourced.add(new Unsourced(law, r.enumValue("debtor", Debtor.class), r.enumValue("code", FeeCode.class),
                        r.enumValue("trigger", FeeTrigger.class), Validity.of(r)));
                continue;
            }
            feeRules.add(new FeeRule(law, r.enumValue("debtor", Debtor.class), r.enumValue("code", FeeCode.class),
                    amount(r), currency, r.enumValue("trigger", FeeTrigger.class),
                    r.enumValue("condition", FeeCondition.class) == FeeCondition.IF_AGREED, covers(r),
                    optionalInt(r, "maxCharges"), optionalInt(r, "minDaysBetween"), r.text("legalBasis"),
                    Validity.of(r)));
        }
        List<Band> bands = new ArrayList<>();
        List<Bound> bounds = new ArrayList<>();
        for (ReferenceTable.Row r : staffel.rows()) {
            StaffelKind kind = r.enumValue("kind", StaffelKind.class);
            if (kind == StaffelKind.BAND) {
                bands.add(new Band(r.decimal("over"), r.optionalDecimal("upTo"), r.decimal("percent"), Validity.of(r)));
            } else {
                bounds.add(new Bound(kind, r.decimal("amount"), Validity.of(r)));
            }
        }
        Map<BasisKey, Map<String, String>> bases = bases(jurisdictions, legalBases);
        for (InterestRule rule : interestRules) {
            requireBasis(bases, rule.law(), rule.debtor(), Charge.INTEREST, interest.name());
        }
        for (FeeRule rule : feeRules) {
            requireBasis(bases, rule.law(), rule.debtor(), rule.code(), fees.name());
        }
        List<DebtorDefault.Rule> defaultRules = DebtorDefault.rules(defaults, jurisdictions);
        for (DebtorDefault.Rule rule : defaultRules) {
            requireBasis(bases, rule.law(), rule.debtor(), Charge.DEFAULT_AGREED, defaults.name());
            requireBasis(bases, rule.law(), rule.debtor(), Charge.DEFAULT, defaults.name());
        }
        return new StatutoryRules(jurisdictions, interestRules, List.copyOf(feeRules), List.copyOf(unsourced), defaultRules,
                bands, bounds, rates, exchangeRates, bases);
    }

    private static Map<BasisKey, Map<String, String>> bases(Jurisdictions jurisdictions, ReferenceTable table) {
        Map<BasisKey, Map<String, String>> bases = new HashMap<>();
        for (ReferenceTable.Row r : table.rows()) {
            String law = jurisdictions.require(r.text("law"), r.location());
            Enum<?> charge = charge(r);
            Map<String, String> texts = new HashMap<>();
            // a law's bases are needed in the languages its letters may be written in (German for German law only)
            for (Language language : jurisdictions.law(law).orElseThrow().letterLanguages()) {
                texts.put(language.code(), r.text("citation") + " (" + r.text(language.code()) + ")");
            }
            if (bases.put(new BasisKey(law, r.enumValue("debtor", Debtor.class), charge), Map.copyOf(texts)) != null) {
                throw r.fault("charge", "the basis of " + law + " " + r.text("debtor") + " " + charge + " is there twice");
            }
        }
        return Map.copyOf(bases);
    }

    /**
     * The row's {@code charge}: a fee code or one of {@link Charge}.
     *
     * @throws ReferenceTable.Fault naming the row when it is neither
     */
    private static Enum<?> charge(ReferenceTable.Row r) {
        String cell = r.text("charge");
        return Arrays.stream(FeeCode.values()).filter(c -> c.name().equals(cell)).<Enum<?>>map(c -> c).findFirst()
                .or(() -> Arrays.stream(Charge.values()).filter(c -> c.name().equals(cell)).<Enum<?>>map(c -> c).findFirst())
                .orElseThrow(() -> r.fault("charge", "column charge is '" + cell + "', not one of "
                        + Arrays.toString(FeeCode.values()) + " nor " + Arrays.toString(Charge.values())));
    }

    private static void requireBasis(Map<BasisKey, Map<String, String>> bases, String law, Debtor debtor, Enum<?> charge,
            String file) {
        if (basisOf(bases, law, debtor, charge).isEmpty()) {
            throw new IllegalStateException("legal-bases.txt has no basis of " + law + " " + debtor + " " + charge
                    + ", a rule of " + file);
        }
    }

    /** The basis of the debtor's own row, else of the row for ANY debtor. */
    private static Optional<Map<String, String>> basisOf(Map<BasisKey, Map<String, String>> bases, String law, Debtor debtor,
            Enum<?> charge) {
        return Optional.ofNullable(bases.get(new BasisKey(law, debtor, charge)))
                .or(() -> Optional.ofNullable(bases.get(new BasisKey(law, Debtor.ANY, charge))));
    }

    /** What the fee of {@code rule} rests on, as a letter in {@code language} states it; see {@link #basis(String,
     * CustomerType, Optional, String)}. */
    public String basis(FeeRule rule, String language) {
        return basisOf(bases, rule.law(), rule.debtor(), rule.code()).map(texts -> texts.get(language))
                .orElseThrow(() -> new IllegalArgumentException("no legal basis of " + rule + " in " + language));
    }

    /**
     * What the charge ({@code fee}, or interest when empty) under {@code law} rests on for a debtor of
     * {@code type}, as a letter in {@code language} states it: the statute's citation as cited and what it
     * provides in that language.
     *
     * @param language the code of one of {@code law}'s {@link Jurisdictions.Law#letterLanguages()}
     * @throws IllegalArgumentException for a charge without a rule (every rule has its basis, checked at load)
     */
    public String basis(String law, CustomerType type, Optional<FeeCode> fee, String language) {
        Enum<?> charge = fee.<Enum<?>>map(f -> f).orElse(Charge.INTEREST);
        return basisOf(bases, law, Debtor.valueOf(type.name()), charge).map(texts -> texts.get(language))
                .orElseThrow(() -> new IllegalArgumentException("no legal basis of " + law + " " + type + " " + charge
                        + " in " + language));
    }

    /** Whether {@code law} has a rule of {@code fee} for a debtor of {@code type}, so a letter can state its basis. */
    public boolean hasBasis(String law, CustomerType type, FeeCode fee) {
        return basisOf(bases, law, Debtor.valueOf(type.name()), fee).isPresent();
    }

    /**
     * Why a debtor of {@code type} is in default under {@code law}, in {@code language}: the provision on an
     * agreed due date, or the law's own (a period after the invoice, a reminder); empty for a law without a
     * rule of when default begins.
     */
    public Optional<String> defaultBasis(String law, CustomerType type, boolean agreed, String language) {
        return basisOf(bases, law, Debtor.valueOf(type.name()), agreed ? Charge.DEFAULT_AGREED : Charge.DEFAULT)
                .map(texts -> texts.get(language));
    }

    /** A fixed sum, or empty for {@link FeeAmount#STAFFEL}; any other word fails the load with the row's file:line. */
    private static Optional<BigDecimal> amount(ReferenceTable.Row row) {
        if (row.text("amount").chars().anyMatch(Character::isDigit)) {
            return Optional.of(row.decimal("amount"));
        }
        row.enumValue("amount", FeeAmount.class);
        return Optional.empty();
    }

    private static Set<FeeCode> covers(ReferenceTable.Row row) {
        Set<FeeCode> codes = EnumSet.noneOf(FeeCode.class);
        row.optionalText("covers").ifPresent(text -> Arrays.stream(text.split("\\s+")).forEach(name -> {
            try {
                codes.add(FeeCode.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(row.location() + ": covers names " + name + ", not a fee code");
            }
        }));
        return codes;
    }

    private static OptionalInt optionalInt(ReferenceTable.Row row, String column) {
        return row.optionalText(column).isPresent() ? OptionalInt.of(row.integer(column)) : OptionalInt.empty();
    }

    public Jurisdictions jurisdictions() {
        return jurisdictions;
    }

    public ReferenceRates rates() {
        return rates;
    }

    public ExchangeRates exchangeRates() {
        return exchangeRates;
    }

    /** These rules with other reference rates (the store's merged table) and exchange rates. */
    public StatutoryRules withRates(ReferenceRates referenceRates, ExchangeRates exchange) {
        return new StatutoryRules(jurisdictions, interestRules, feeRules, unsourced, defaultRules, bands, bounds, referenceRates,
                exchange, bases);
    }

    /** The statutory interest basis under {@code law} for a debtor of {@code type}, or empty when none is known. */
    public Optional<LateInterest.Basis> interestBasis(String law, CustomerType type, LocalDate on) {
        return interestRules.stream()
                .filter(r -> r.law().equals(law) && r.debtor().matches(type) && r.validity().contains(on))
                .map(InterestRule::basis).findFirst();
    }

    /** The fee rules under {@code law} for a debtor of {@code type} in force on {@code on}; empty when none apply. */
    public List<FeeRule> feeRules(String law, CustomerType type, LocalDate on) {
        return feeRules.stream().filter(r -> r.law().equals(law) && r.debtor().matches(type) && r.inForce(on)).toList();
    }

    /**
     * When a debtor of {@code type} is in default under {@code law} where the payment date was not agreed,
     * by the rule in force on {@code on}; empty when the data has no usable rule for them.
     */
    public Optional<DebtorDefault.Rule> defaultRule(String law, CustomerType type, LocalDate on) {
        return defaultRules.stream().filter(r -> r.appliesTo(law, type, on)).findFirst();
    }

    /**
     * The fee rules under {@code law} for a debtor of {@code type}, in their file's order: those in force on
     * {@code on}, except that those owed on default are the ones in force on {@code defaultOn}, the day they
     * fell due.
     */
    public List<FeeRule> feeRules(String law, CustomerType type, LocalDate on, LocalDate defaultOn) {
        return feeRules.stream().filter(r -> r.law().equals(law) && r.debtor().matches(type)
                && r.inForce(r.trigger() == FeeTrigger.ON_DEFAULT ? defaultOn : on)).toList();
    }

    /**
     * The fees under {@code law} for a debtor of {@code type} that the law set for the day {@link #feeRules} reads
     * them on ({@code defaultOn} for those owed on default) but whose amount no source gave: none is charged, and the
     * creditor is to be told rather than left to think the law has none.
     */
    public List<FeeCode> unsourcedFees(String law, CustomerType type, LocalDate on, LocalDate defaultOn) {
        return unsourced.stream().filter(u -> u.law().equals(law) && u.debtor().matches(type)
                && u.validity().contains(u.trigger() == FeeTrigger.ON_DEFAULT ? defaultOn : on)).map(Unsourced::code)
                .distinct().toList();
    }

    /** Whether {@code law} has any fee rule at all (in force or not), for saying why none applies. */
    public boolean hasFeeRules(String law) {
        return feeRules.stream().anyMatch(r -> r.law().equals(law));
    }

    /**
     * The Dutch extrajudicial collection costs on {@code principal} by the staffel in force on
     * {@code on} (Besluit vergoeding voor buitengerechtelijke incassokosten art. 2): the bands summed,
     * then held between the minimum and maximum, HALF_EVEN to cents.
     */
    public Money staffel(Money principal, LocalDate on) {
        BigDecimal amount = principal.amount();
        BigDecimal costs = BigDecimal.ZERO;
        for (Band band : bands) {
            if (!band.validity().contains(on)) {
                continue;
            }
            BigDecimal top = band.upTo().map(amount::min).orElse(amount);
            if (top.compareTo(band.over()) > 0) {
                costs = costs.add(top.subtract(band.over()).multiply(band.percent()).movePointLeft(2));
            }
        }
        BigDecimal held = costs.max(bound(StaffelKind.MINIMUM, on)).min(bound(StaffelKind.MAXIMUM, on));
        return Money.rounded(principal.currency(), held, RoundingMode.HALF_EVEN);
    }

    private BigDecimal bound(StaffelKind kind, LocalDate on) {
        return bounds.stream().filter(b -> b.kind() == kind && b.validity().contains(on)).findFirst()
                .orElseThrow(() -> new IllegalStateException("wik-staffel.txt has no " + kind + " row in force on " + on))
                .amount();
    }
}
