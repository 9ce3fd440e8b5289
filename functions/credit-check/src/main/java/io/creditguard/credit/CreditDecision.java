package io.creditguard.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.creditguard.credit.CreditTexts.Text;
import io.creditguard.credit.Scorecard.Factor;
import io.creditguard.credit.SectorBenchmarks.RatioName;
import io.creditguard.money.Money;
import io.creditguard.money.Rates;
import io.creditguard.validation.CompanyIds;

/**
 * The credit check: ratios, Altman score, payment behaviour, rating, register and filing signals weighed
 * by the scorecard into a score, a risk class, a limit, terms, conditions and the reasons for each, every
 * text in the caller's {@link Language}. Pure: no clock, no I/O.
 *
 * <p>Order of work: each factor the input allows is scored (what cannot be assessed is listed in
 * {@code notAssessed}, never guessed); the score picks the risk class, whose row gives the decision, the
 * longest terms and the limit's share of equity and revenue; then the overrides (a bankruptcy petition,
 * payment remarks, a company deregistered, in bankruptcy, liquidation or reconstruction, equity below
 * half the share capital) and the exposure against the limit can only make the decision stricter.
 * Reasons list the overrides first, then the factors by the size of their effect.
 */
public final class CreditDecision {

    /** Ordered from most to least favourable: a stricter rule never loosens a decision. */
    public enum Decision {
        APPROVE,
        APPROVE_WITH_CONDITIONS,
        REFER,
        DECLINE;

        Decision atLeast(Decision other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }

    /** The facts that cap a decision, as {@code reference/credit-overrides.txt} names them. */
    public enum OverrideRule {
        /** The payment record says a petition was filed. */
        BANKRUPTCY_PETITION,
        /** Registered payment remarks (betalningsanmärkningar), counted. */
        PAYMENT_REMARKS,
        /** The register removed the company (avregistrerad). */
        DEREGISTERED,
        /** Konkurs under way. */
        BANKRUPTCY,
        /** Likvidation under way. */
        LIQUIDATION,
        /** Företagsrekonstruktion or an ackord under way. */
        RECONSTRUCTION,
        /**
         * Equity below half the registered share capital, when the board must draw up a control balance
         * sheet (aktiebolagslagen 25 kap. 13 §); the half is the law's, the decision the data's. Swedish
         * companies only: the law is theirs.
         */
        EQUITY_BELOW_HALF_SHARE_CAPITAL
    }

    public record Company(String country, CompanyIds.Checked id, String name, Optional<Character> naceSection,
            LocalDate foundedOn) {
    }

    /** Where a year's figures came from. */
    public enum SourceType {
        /** Typed by the caller. */
        REQUEST,
        /** Read from the digitally filed annual report Bolagsverket serves. */
        BOLAGSVERKET,
        /** Read from an annual report the caller uploaded. */
        UPLOAD,
        /** KvK's open data of a filed jaarrekening. */
        KVK
    }

    /**
     * @param document the registry's document id, or the uploaded file's name, with the report inside it
     * @param filedOn when the registry registered the document
     * @param elements per figure (the request's field names), the element it was read from
     */
    public record Source(SourceType type, String document, LocalDate filedOn, Map<String, String> elements) {

        public static final Source REQUEST = new Source(SourceType.REQUEST, null, null, null);
    }

    /**
     * One financial year, amounts in the request's currency. Figures a filed report may lack (revenue, EBIT,
     * current assets and liabilities, retained earnings) and the optional ones may be {@code null}; period end,
     * total assets, total liabilities and equity never are.
     */
    public record Financials(LocalDate periodEnd, BigDecimal revenue, BigDecimal ebit, BigDecimal netIncome,
            BigDecimal interestExpense, BigDecimal totalAssets, BigDecimal currentAssets, BigDecimal inventory,
            BigDecimal cash, BigDecimal currentLiabilities, BigDecimal totalLiabilities, BigDecimal equity,
            BigDecimal retainedEarnings, BigDecimal shareCapital, Source source) {
    }

    /** @param averageDaysLate null when not given: unknown, not none */
    public record PaymentBehaviour(int invoicesPaid, int invoicesPaidLate, BigDecimal averageDaysLate,
            int maxDaysLate, BigDecimal openOverdueAmount, int paymentRemarks, boolean bankruptcyPetition) {
    }

    /** A provider's score on its own scale. */
    public record ExternalRating(String provider, BigDecimal score, BigDecimal scaleMin, BigDecimal scaleMax,
            boolean higherIsBetter) {

        BigDecimal normalised() {
            BigDecimal share = score.subtract(scaleMin).divide(scaleMax.subtract(scaleMin), Rates.RATIO);
            return (higherIsBetter ? share : BigDecimal.ONE.subtract(share)).multiply(BigDecimal.valueOf(100));
        }
    }

    /**
     * What the company register says, as far as the check weighs and shows it.
     *
     * @param registry who says it ({@code Bolagsverket})
     * @param limitedCompany an aktiebolag, to which the seven-month filing deadline applies
     * @param deregistrationCause the register's words for why, as it gives them
     * @param latestFiledYearEnd the last day of the latest year a digitally filed report covers, of the reports filed by
     *     the day checked; null when none
     */
    public record RegisterFacts(String registry, String legalForm, boolean limitedCompany, Boolean active,
            LocalDate registeredOn, LocalDate deregisteredOn, String deregistrationCause, List<Procedure> procedures,
            LocalDate latestFiledYearEnd) {

        public RegisterFacts {
            procedures = List.copyOf(procedures);
        }

        /** @param rule the override it triggers, or null for a procedure the check does not weigh (a merger) */
        public record Procedure(String code, String text, LocalDate from, OverrideRule rule) {
        }
    }

    /**
     * Financials are sorted by the check, the latest period end counting as "this year".
     *
     * @param register null when no register was read
     * @param gaps what the sources could not give, already worded in {@code language}; listed as not assessed
     */
    public record Input(Company company, List<Financials> financials, PaymentBehaviour payment, ExternalRating rating,
            Money requestedCredit, int requestedTermsDays, Money existingExposure, LocalDate asOf,
            Altman.Model altmanModel, Language language, RegisterFacts register, List<String> gaps) {
    }

    /** The reference data the check applies, all in force on the check's date. */
    public record Rules(Altman altman, Scorecard scorecard, List<RiskClass> riskClasses, SectorBenchmarks benchmarks,
            List<DecisionOverride> overrides, CreditTexts texts) {
    }

    /** A fact that caps the decision: at or above {@code threshold}, no better than {@code decision}. */
    public record DecisionOverride(OverrideRule rule, int threshold, Decision decision) {
    }

    /** {@code effect}: score points as {@code +15}/{@code -8}, or the decision a rule imposed. */
    public record Reason(String code, String message, String effect) {
    }

    public record Condition(String code, String message) {
    }

    /** How a ratio stands against its sector's benchmarks: at or beyond the good one, short of the weak one, or between. */
    public enum RatioVerdict {
        STRONG, ADEQUATE, WEAK
    }

    public record Ratio(String name, BigDecimal value, BigDecimal benchmarkGood, BigDecimal benchmarkWeak,
            RatioVerdict verdict, boolean indicative, String benchmarkSource) {
    }

    public record ProbabilityOfDefault(BigDecimal value, String horizon, String basis) {
    }

    public record Exposure(Money existing, Money requested, Money total, Money headroom) {
    }

    /** @param register what the register says, when it was read */
    public record CompanyView(String country, String registrationNumber, CompanyIds.Kind idType, String name,
            String naceSection, RegisterFacts register) {
    }

    /** @param financials the years the check weighed, latest first, each with where its figures came from */
    public record Result(Currency currency, LocalDate asOf, CompanyView company, Decision decision, int score,
            String riskClass, ProbabilityOfDefault probabilityOfDefault, Altman.Result altman, List<Ratio> ratios,
            Money creditLimit, int recommendedTermsDays, List<Condition> conditions, Exposure exposure,
            List<Reason> reasons, List<String> notAssessed, List<Financials> financials) {
    }

    private CreditDecision() {
    }

    /** The texts of one check: the table and the caller's language. */
    private record Words(CreditTexts texts, Language language) {

        String text(Text code, Map<String, String> values) {
            return texts.text(code, language, values);
        }

        String text(Text code) {
            return texts.text(code, language);
        }

        String number(BigDecimal value, int decimals) {
            return language.number(value, decimals);
        }

        String percent(BigDecimal fraction) {
            return text(Text.DETAIL_PERCENT, Map.of("percent", number(Rates.percent(fraction, 1), 1)));
        }

        String money(Money money) {
            return language.money(money);
        }
    }

    /**
     * What scoring one factor or a few found: the bands the company fell in, each with its points and the value as
     * shown, and what could not be assessed, both in the order found. Immutable; {@link #and} joins two in order.
     */
    private record Scoring(List<Scored> factors, List<String> notAssessed) {
        static final Scoring NONE = new Scoring(List.of(), List.of());

        Scoring and(Scoring next) {
            return new Scoring(Stream.concat(factors.stream(), next.factors.stream()).toList(),
                    Stream.concat(notAssessed.stream(), next.notAssessed.stream()).toList());
        }

        int points() {
            return factors.stream().mapToInt(Scored::points).sum();
        }
    }

    /** Scores one factor at a time under the rules' scorecard, in the check's language; holds no result. */
    private record Scorer(Rules rules, Words words) {

        /** The band {@code value} falls in, shown as {@code shown}; nothing when the scorecard has none for it. */
        Scoring score(Factor factor, BigDecimal value, String shown) {
            return rules.scorecard().band(factor, value).map(b -> scored(b, shown)).orElse(Scoring.NONE);
        }

        /** The band beyond every number on the side of {@code sign}, shown as {@code shown}; nothing when none runs there. */
        Scoring beyond(Factor factor, int sign, String shown) {
            return rules.scorecard().beyond(factor, sign).map(b -> scored(b, shown)).orElse(Scoring.NONE);
        }

        Scoring score(Factor factor, String symbol, String shown) {
            return rules.scorecard().band(factor, symbol).map(b -> scored(b, shown)).orElse(Scoring.NONE);
        }

        Scoring notAssessed(Text text, Map<String, String> values) {
            return new Scoring(List.of(), List.of(words.text(text, values)));
        }

        private static Scoring scored(Scorecard.Band band, String shown) {
            return new Scoring(List.of(new Scored(band, shown)), List.of());
        }
    }

    /**
     * The check of {@code in} under {@code rules}: the factors scored, the risk class the score reaches, then the
     * steps that can only make its decision stricter (overrides, the limit against the exposure, the terms).
     */
    public static Result assess(Input in, Rules rules) {
        Currency currency = in.requestedCredit().currency();
        Words words = new Words(rules.texts(), in.language());
        List<Financials> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        in.financials().forEach(f -> unknownOn(in.asOf(), f, words).ifPresentOrElse(unknown::add, () -> known.add(f)));
        List<Financials> years = known.stream().sorted(Comparator.comparing(Financials::periodEnd).reversed()).toList();
        Financials latest = years.isEmpty() ? null : years.get(0);
        Financial financial = scoreFactors(in, years, new Scorer(rules, words));
        Scoring scoring = financial.scoring().and(new Scoring(List.of(), List.copyOf(unknown)))
                .and(new Scoring(List.of(), in.gaps()));

        int score = Math.max(1, Math.min(100, rules.scorecard().base() + scoring.points()));
        RiskClass riskClass = RiskClass.of(score, rules.riskClasses());
        Verdict verdict = new Verdict(riskClass.decision(), words);
        verdict.overrides(rules.overrides(), in, latest);
        Money existing = in.existingExposure() == null ? Money.zero(currency) : in.existingExposure();
        Money total = existing.plus(in.requestedCredit());
        Money limit = verdict.limit(riskClass, latest, total);
        Money headroom = limit.minus(total);
        verdict.exposure(riskClass, total, limit, headroom);
        int terms = verdict.terms(riskClass, in.requestedTermsDays());

        // the weightiest first; a stable sort, so factors of equal weight keep the order they were scored in
        List<Reason> reasons = new ArrayList<>(verdict.reasons);
        scoring.factors().stream().sorted(Comparator.comparingInt((Scored s) -> -Math.abs(s.points())))
                .forEach(s -> reasons.add(s.toReason(in.language())));
        CompanyView company = new CompanyView(in.company().country(), in.company().id().normalized(),
                in.company().id().kind(), in.company().name(),
                in.company().naceSection().map(String::valueOf).orElse(null), in.register());
        return new Result(currency, in.asOf(), company, verdict.decision, score, riskClass.name(),
                new ProbabilityOfDefault(riskClass.pd(), words.text(Text.PD_HORIZON),
                        words.text(Text.PD_BASIS, Map.of("riskClass", riskClass.name()))),
                financial.altman(), financial.ratios(), limit, terms, List.copyOf(verdict.conditions),
                new Exposure(existing, in.requestedCredit(), total, headroom), List.copyOf(reasons),
                scoring.notAssessed(), years);
    }

    /**
     * Why {@code year} was not known on {@code asOf}, if it was not: a check as of a past day weighs what was filed
     * by then. A registry's report filed after it, or a year (of a report read or uploaded since) ending after it.
     */
    private static Optional<String> unknownOn(LocalDate asOf, Financials year, Words words) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("year", year.periodEnd().toString());
        values.put("asOf", asOf.toString());
        if (year.periodEnd().isAfter(asOf)) {
            return Optional.of(words.text(Text.NOT_ASSESSED_YEAR_AFTER_AS_OF, values));
        }
        LocalDate filedOn = year.source() == null ? null : year.source().filedOn();
        if (filedOn != null && filedOn.isAfter(asOf)) {
            values.put("filedOn", filedOn.toString());
            return Optional.of(words.text(Text.NOT_ASSESSED_FILED_AFTER_AS_OF, values));
        }
        return Optional.empty();
    }

    /** The factors scored, and what the latest year's figures gave beyond points: the Altman result and the ratios shown. */
    private record Financial(Altman.Result altman, List<Ratio> ratios, Scoring scoring) {
    }

    /** The Altman result of the latest year, if its figures allowed one, and the financial-strength factors scored. */
    private record Strength(Altman.Result altman, Scoring scoring) {
    }

    /** Every factor the input allows, scored in a fixed order, with what cannot be assessed. */
    private static Financial scoreFactors(Input in, List<Financials> years, Scorer scorer) {
        Altman.Result altman = null;
        List<Ratio> ratios = List.of();
        Scoring scoring;
        if (years.isEmpty()) {
            scoring = scorer.notAssessed(Text.NOT_ASSESSED_FINANCIALS, Map.of());
        } else {
            Financials latest = years.get(0);
            Strength strength = financialStrength(in, latest, scorer);
            altman = strength.altman();
            ratios = ratios(latest, in.company().naceSection(), scorer.rules().benchmarks());
            scoring = strength.scoring().and(years.size() > 1 ? trends(latest, years.get(1), scorer)
                    : scorer.notAssessed(Text.NOT_ASSESSED_TRENDS, Map.of()));
        }
        scoring = scoring.and(payment(in, in.requestedCredit().currency(), scorer)).and(rating(in, scorer))
                .and(age(in, scorer)).and(filing(in, scorer));
        return new Financial(altman, ratios, scoring);
    }

    /**
     * The decision as the steps after the score make it, each only ever stricter, with the reasons and conditions
     * they add in the order they add them.
     */
    private static final class Verdict {
        final Words words;
        final List<Reason> reasons = new ArrayList<>();
        final List<Condition> conditions = new ArrayList<>();
        Decision decision;

        Verdict(Decision decision, Words words) {
            this.decision = decision;
            this.words = words;
        }

        /** Each override whose fact reaches its threshold caps the decision; equity below half asks a control balance sheet. */
        void overrides(List<DecisionOverride> overrides, Input in, Financials latest) {
            for (DecisionOverride o : overrides) {
                Optional<Map<String, String>> fact = fact(o.rule(), in, latest, words);
                int count = fact.map(f -> Integer.parseInt(f.getOrDefault("count", "1"))).orElse(0);
                if (count >= o.threshold() && decision.compareTo(o.decision()) < 0) {
                    decision = o.decision();
                    reasons.add(new Reason(o.rule().name(), words.text(reasonText(o.rule()), fact.get()),
                            words.text(Text.EFFECT_DECISION, Map.of("decision", o.decision().name()))));
                }
            }
            if (fact(OverrideRule.EQUITY_BELOW_HALF_SHARE_CAPITAL, in, latest, words).isPresent()
                    && decision != Decision.DECLINE) {
                conditions.add(condition(words, "CONTROL_BALANCE_SHEET", Text.CONDITION_CONTROL_BALANCE_SHEET, Map.of()));
            }
        }

        /**
         * The credit limit: none for a class without terms; without financials the total asked for, on condition of
         * financials; else the class's shares of equity and revenue, the lower, in whole units rounded down.
         */
        Money limit(RiskClass riskClass, Financials latest, Money total) {
            Currency currency = total.currency();
            if (riskClass.maxTermsDays() == 0) {
                return Money.zero(currency);
            }
            if (latest == null) {
                atLeastConditional();
                conditions.add(condition(words, "FINANCIALS_REQUIRED", Text.CONDITION_FINANCIALS_REQUIRED, Map.of()));
                reasons.add(new Reason("NO_FINANCIALS", words.text(Text.REASON_NO_FINANCIALS), atLeastConditionalEffect()));
                return total;
            }
            BigDecimal byEquity = latest.equity().max(BigDecimal.ZERO).multiply(riskClass.limitEquityShare());
            // A filed balance sheet without an income statement limits by equity alone.
            BigDecimal byRevenue = latest.revenue() == null ? byEquity
                    : latest.revenue().max(BigDecimal.ZERO).multiply(riskClass.limitRevenueShare());
            // Whole currency units, rounded down: a limit is a ceiling.
            return Money.rounded(currency, byEquity.min(byRevenue).setScale(0, RoundingMode.FLOOR), RoundingMode.UNNECESSARY);
        }

        /** An exposure over the limit asks for it to be reduced or secured. */
        void exposure(RiskClass riskClass, Money total, Money limit, Money headroom) {
            if (headroom.isNegative() && riskClass.maxTermsDays() > 0) {
                atLeastConditional();
                Money excess = Money.zero(total.currency()).minus(headroom);
                conditions.add(condition(words, "REDUCE_EXPOSURE_OR_SECURE", Text.CONDITION_REDUCE_EXPOSURE_OR_SECURE,
                        Map.of("total", words.money(total), "limit", words.money(limit), "excess", words.money(excess))));
                reasons.add(new Reason("EXPOSURE_OVER_LIMIT", words.text(Text.REASON_EXPOSURE_OVER_LIMIT,
                        Map.of("excess", words.money(excess))), atLeastConditionalEffect()));
            }
        }

        /** The terms the class allows, prepayment or shorter terms as a condition, and the class's own condition. */
        int terms(RiskClass riskClass, int requested) {
            int terms = Math.min(requested, riskClass.maxTermsDays());
            if (riskClass.maxTermsDays() == 0) {
                conditions.add(condition(words, "PREPAYMENT", Text.CONDITION_PREPAYMENT, Map.of()));
            } else if (terms < requested) {
                conditions.add(condition(words, "SHORTER_TERMS", Text.CONDITION_SHORTER_TERMS, Map.of("terms",
                        String.valueOf(terms), "riskClass", riskClass.name(), "requested", String.valueOf(requested))));
            }
            riskClass.condition().ifPresent(c -> conditions.add(condition(words, c.name(), c.text(), Map.of())));
            return terms;
        }

        private void atLeastConditional() {
            decision = decision.atLeast(Decision.APPROVE_WITH_CONDITIONS);
        }

        private String atLeastConditionalEffect() {
            return words.text(Text.EFFECT_AT_LEAST, Map.of("decision", Decision.APPROVE_WITH_CONDITIONS.name()));
        }
    }

    private static Condition condition(Words words, String code, Text text, Map<String, String> values) {
        return new Condition(code, words.text(text, values));
    }

    /** Altman, equity ratio, liquidity and margin of the latest year, as far as its figures go. */
    private static Strength financialStrength(Input in, Financials latest, Scorer scorer) {
        Words words = scorer.words();
        Altman.Model model = in.altmanModel() != null ? in.altmanModel()
                : scorer.rules().altman().modelFor(in.company().naceSection());
        Map<String, BigDecimal> needed = new LinkedHashMap<>();
        needed.put("currentAssets", latest.currentAssets());
        needed.put("currentLiabilities", latest.currentLiabilities());
        needed.put("retainedEarnings", latest.retainedEarnings());
        needed.put("ebit", latest.ebit());
        if (model == Altman.Model.Z_PRIME) {
            needed.put("revenue", latest.revenue());
        }
        List<String> absent = needed.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
        Altman.Result altman = null;
        Scoring scoring;
        if (absent.isEmpty()) {
            altman = scorer.rules().altman().score(model, new Altman.Figures(latest.currentAssets(),
                    latest.currentLiabilities(), latest.totalAssets(), latest.retainedEarnings(), latest.ebit(),
                    latest.equity(), latest.totalLiabilities(), latest.revenue()));
            scoring = scorer.score(Factor.ALTMAN_ZONE, altman.zone().name(), words.text(Text.DETAIL_ALTMAN,
                    Map.of("z", words.number(altman.zScore(), 4), "model", model.name())));
        } else {
            scoring = scorer.notAssessed(Text.NOT_ASSESSED_ALTMAN, Map.of("figures", String.join(", ", absent),
                    "year", latest.periodEnd().toString()));
        }
        BigDecimal equityRatio = latest.equity().divide(latest.totalAssets(), Rates.RATIO);
        scoring = scoring.and(scorer.score(Factor.EQUITY_RATIO, equityRatio, words.percent(equityRatio)));
        BigDecimal assets = latest.currentAssets();
        BigDecimal liabilities = latest.currentLiabilities();
        Map<String, String> year = Map.of("year", latest.periodEnd().toString());
        if (assets != null && liabilities != null && liabilities.signum() > 0) {
            BigDecimal current = assets.divide(liabilities, Rates.RATIO);
            scoring = scoring.and(scorer.score(Factor.CURRENT_RATIO, current,
                    words.text(Text.DETAIL_NUMBER, Map.of("value", words.number(current, 2)))));
        } else if (assets != null && liabilities != null && liabilities.signum() == 0) {
            // Over nothing the ratio has no value to show, but current assets owing nothing are as liquid as can be.
            scoring = scoring.and(assets.signum() == 0 ? scorer.notAssessed(Text.NOT_ASSESSED_CURRENT_RATIO, year)
                    : scorer.beyond(Factor.CURRENT_RATIO, assets.signum(), words.text(Text.DETAIL_NO_CURRENT_LIABILITIES,
                            Map.of("assets", words.number(assets, 2)))));
        }
        BigDecimal revenue = latest.revenue();
        BigDecimal ebit = latest.ebit();
        if (revenue != null && ebit != null && revenue.signum() > 0) {
            BigDecimal margin = ebit.divide(revenue, Rates.RATIO);
            scoring = scoring.and(scorer.score(Factor.EBIT_MARGIN, margin, words.percent(margin)));
        } else if (revenue != null && ebit != null && revenue.signum() == 0) {
            // An operating loss on no revenue is as poor a margin as there is; a profit on none as rich.
            scoring = scoring.and(ebit.signum() == 0 ? scorer.notAssessed(Text.NOT_ASSESSED_EBIT_MARGIN, year)
                    : scorer.beyond(Factor.EBIT_MARGIN, ebit.signum(), words.text(Text.DETAIL_NO_REVENUE,
                            Map.of("ebit", words.number(ebit, 2)))));
        }
        return new Strength(altman, scoring);
    }

    private static Scoring payment(Input in, Currency currency, Scorer scorer) {
        Words words = scorer.words();
        PaymentBehaviour pay = in.payment();
        if (pay == null) {
            return scorer.notAssessed(Text.NOT_ASSESSED_PAYMENT, Map.of());
        }
        Scoring scoring;
        if (pay.invoicesPaid() > 0) {
            BigDecimal share = BigDecimal.valueOf(pay.invoicesPaidLate())
                    .divide(BigDecimal.valueOf(pay.invoicesPaid()), Rates.RATIO);
            scoring = scorer.score(Factor.SHARE_PAID_LATE, share, words.text(Text.DETAIL_SHARE_PAID_LATE,
                    Map.of("late", String.valueOf(pay.invoicesPaidLate()), "paid", String.valueOf(pay.invoicesPaid()))));
            if (pay.invoicesPaidLate() > 0 && pay.averageDaysLate() == null) {
                scoring = scoring.and(scorer.notAssessed(Text.NOT_ASSESSED_DAYS_LATE, Map.of()));
            } else if (pay.invoicesPaidLate() > 0) {
                scoring = scoring.and(scorer.score(Factor.AVERAGE_DAYS_LATE, pay.averageDaysLate(),
                        words.text(Text.DETAIL_DAYS, Map.of("days", words.number(pay.averageDaysLate(), 2)))));
            }
        } else {
            scoring = scorer.notAssessed(Text.NOT_ASSESSED_PAID_LATE, Map.of());
        }
        return scoring
                .and(scorer.score(Factor.MAX_DAYS_LATE, BigDecimal.valueOf(pay.maxDaysLate()), words.text(Text.DETAIL_DAYS,
                        Map.of("days", String.valueOf(pay.maxDaysLate())))))
                .and(scorer.score(Factor.OPEN_OVERDUE, pay.openOverdueAmount(), words.text(Text.DETAIL_NUMBER,
                        Map.of("value", words.money(Money.rounded(currency, pay.openOverdueAmount(), RoundingMode.HALF_EVEN))))))
                .and(scorer.score(Factor.PAYMENT_REMARKS, BigDecimal.valueOf(pay.paymentRemarks()),
                        words.text(Text.DETAIL_NUMBER, Map.of("value", String.valueOf(pay.paymentRemarks())))));
    }

    private static Scoring rating(Input in, Scorer scorer) {
        Words words = scorer.words();
        if (in.rating() == null) {
            return scorer.notAssessed(Text.NOT_ASSESSED_RATING, Map.of());
        }
        BigDecimal normalised = in.rating().normalised();
        return scorer.score(Factor.EXTERNAL_RATING, normalised, words.text(Text.DETAIL_RATING, Map.of("provider",
                in.rating().provider(), "score", words.number(in.rating().score(), 2), "min",
                words.number(in.rating().scaleMin(), 2), "max", words.number(in.rating().scaleMax(), 2), "normalised",
                normalised.setScale(0, RoundingMode.HALF_EVEN).toPlainString())));
    }

    /** From the founding date given, else the day the register registered the company. */
    private static Scoring age(Input in, Scorer scorer) {
        LocalDate founded = in.company().foundedOn() != null ? in.company().foundedOn()
                : in.register() != null ? in.register().registeredOn() : null;
        if (founded == null) {
            return scorer.notAssessed(Text.NOT_ASSESSED_AGE, Map.of());
        }
        // Only the register's date can be later (a foundedOn after asOf is refused): the company was not registered then.
        if (founded.isAfter(in.asOf())) {
            return scorer.notAssessed(Text.NOT_ASSESSED_AGE_AFTER_AS_OF, Map.of("date", founded.toString(),
                    "asOf", in.asOf().toString()));
        }
        long age = ChronoUnit.YEARS.between(founded, in.asOf());
        return scorer.score(Factor.COMPANY_AGE, BigDecimal.valueOf(age), scorer.words().text(Text.DETAIL_YEARS,
                Map.of("years", String.valueOf(age))));
    }

    /**
     * Whether an aktiebolag's report is late: whole months from the day after the first financial year the
     * register holds no report for (the year after the latest one filed) to the check's day. Seven and more
     * is past årsredovisningslagen's deadline; the scorecard's band says so.
     */
    private static Scoring filing(Input in, Scorer scorer) {
        RegisterFacts register = in.register();
        if (register == null) {
            return Scoring.NONE;
        }
        if (!register.limitedCompany()) {
            return scorer.notAssessed(Text.NOT_ASSESSED_FILING,
                    Map.of("reason", scorer.words().text(Text.FILING_NOT_A_LIMITED_COMPANY)));
        }
        if (register.latestFiledYearEnd() == null) {
            return scorer.notAssessed(Text.NOT_ASSESSED_FILING, Map.of("reason", scorer.words().text(Text.FILING_NOTHING_FILED)));
        }
        // Twelve calendar months (bokföringslagen 3 kap. 1 §): a year after one ending 28 February ends on the 29th in a
        // leap year.
        LocalDate unreported = YearMonth.from(register.latestFiledYearEnd()).plusYears(1).atEndOfMonth();
        long months = ChronoUnit.MONTHS.between(unreported.plusDays(1), in.asOf());
        if (months < 0) {
            return Scoring.NONE;
        }
        return scorer.score(Factor.FILING_OVERDUE, BigDecimal.valueOf(months), scorer.words().text(Text.DETAIL_FILING_OVERDUE,
                Map.of("yearEnd", unreported.toString(), "months", String.valueOf(months))));
    }

    /**
     * Whether {@code rule}'s fact holds, and what its reason names; {@code count} for a rule that counts. A
     * rule absent from the data never fires; every rule the data names is decided here.
     */
    private static Optional<Map<String, String>> fact(OverrideRule rule, Input in, Financials latest, Words words) {
        PaymentBehaviour pay = in.payment();
        RegisterFacts register = in.register();
        return switch (rule) {
            case BANKRUPTCY_PETITION -> pay != null && pay.bankruptcyPetition() ? Optional.of(Map.of()) : Optional.empty();
            case PAYMENT_REMARKS -> pay == null || pay.paymentRemarks() == 0 ? Optional.empty()
                    : Optional.of(Map.of("count", String.valueOf(pay.paymentRemarks())));
            // The register's facts are today's: one dated after the day checked had not happened then.
            case DEREGISTERED -> register == null || register.deregisteredOn() == null
                    || register.deregisteredOn().isAfter(in.asOf()) ? Optional.empty()
                    : Optional.of(Map.of("date", register.deregisteredOn().toString(), "registry", register.registry(),
                            "cause", register.deregistrationCause() == null ? "–" : register.deregistrationCause()));
            case BANKRUPTCY, LIQUIDATION, RECONSTRUCTION -> register == null ? Optional.empty()
                    : register.procedures().stream().filter(p -> p.rule() == rule)
                            .filter(p -> p.from() == null || !p.from().isAfter(in.asOf())).findFirst()
                            .map(p -> Map.of("date", p.from() == null ? "–" : p.from().toString(), "registry", register.registry()));
            // Swedish company law: a Dutch company's share capital (KvK's CalledUpShareCapital) is held to no such rule.
            case EQUITY_BELOW_HALF_SHARE_CAPITAL -> !"SE".equals(in.company().country()) || latest == null
                    || latest.shareCapital() == null
                    || latest.equity().multiply(BigDecimal.valueOf(2)).compareTo(latest.shareCapital()) >= 0 ? Optional.empty()
                    : Optional.of(Map.of("equity", words.number(latest.equity(), 2), "shareCapital",
                            words.number(latest.shareCapital(), 2), "year", latest.periodEnd().toString()));
        };
    }

    private static Text reasonText(OverrideRule rule) {
        return switch (rule) {
            case BANKRUPTCY_PETITION -> Text.REASON_BANKRUPTCY_PETITION;
            case PAYMENT_REMARKS -> Text.REASON_PAYMENT_REMARKS;
            case DEREGISTERED -> Text.REASON_DEREGISTERED;
            case BANKRUPTCY -> Text.REASON_BANKRUPTCY;
            case LIQUIDATION -> Text.REASON_LIQUIDATION;
            case RECONSTRUCTION -> Text.REASON_RECONSTRUCTION;
            case EQUITY_BELOW_HALF_SHARE_CAPITAL -> Text.REASON_EQUITY_BELOW_HALF_SHARE_CAPITAL;
        };
    }

    /** A band the company fell in, with the value as shown; becomes a {@link Reason} once sorted. */
    private record Scored(Scorecard.Band band, String shown) {
        int points() {
            return band.points();
        }

        Reason toReason(Language language) {
            return new Reason(band.code(), band.message(language) + " (" + shown + ")",
                    (band.points() >= 0 ? "+" : "") + band.points());
        }
    }

    private static Scoring trends(Financials latest, Financials previous, Scorer scorer) {
        Words words = scorer.words();
        Scoring scoring = Scoring.NONE;
        if (latest.revenue() != null && previous.revenue() != null && previous.revenue().signum() > 0) {
            BigDecimal growth = latest.revenue().subtract(previous.revenue()).divide(previous.revenue(), Rates.RATIO);
            scoring = scorer.score(Factor.REVENUE_TREND, growth, words.text(Text.DETAIL_REVENUE_TREND, Map.of("percent",
                    words.number(Rates.percent(growth, 1), 1), "date", previous.periodEnd().toString())));
        }
        BigDecimal equityChange = latest.equity().subtract(previous.equity());
        return scoring.and(scorer.score(Factor.EQUITY_TREND, equityChange.signum() < 0 ? BigDecimal.ONE.negate() : BigDecimal.ZERO,
                words.text(Text.DETAIL_EQUITY_TREND, Map.of("from", words.number(previous.equity(), 2),
                        "to", words.number(latest.equity(), 2)))));
    }

    private static List<Ratio> ratios(Financials f, Optional<Character> section, SectorBenchmarks benchmarks) {
        List<Ratio> out = new ArrayList<>();
        if (f.currentAssets() != null && f.currentLiabilities() != null && f.currentLiabilities().signum() > 0) {
            out.add(ratio(RatioName.CURRENT_RATIO, f.currentAssets().divide(f.currentLiabilities(), Rates.RATIO), true,
                    section, benchmarks));
            BigDecimal inventory = f.inventory() == null ? BigDecimal.ZERO : f.inventory();
            out.add(ratio(RatioName.QUICK_RATIO, f.currentAssets().subtract(inventory).divide(f.currentLiabilities(),
                    Rates.RATIO), true, section, benchmarks));
            if (f.cash() != null) {
                out.add(ratio(RatioName.CASH_RATIO, f.cash().divide(f.currentLiabilities(), Rates.RATIO), true, section,
                        benchmarks));
            }
        }
        out.add(ratio(RatioName.EQUITY_RATIO, f.equity().divide(f.totalAssets(), Rates.RATIO), true, section, benchmarks));
        if (f.equity().signum() > 0) {
            out.add(ratio(RatioName.DEBT_TO_EQUITY, f.totalLiabilities().divide(f.equity(), Rates.RATIO), false, section,
                    benchmarks));
        }
        if (f.revenue() != null && f.revenue().signum() > 0) {
            if (f.ebit() != null) {
                out.add(ratio(RatioName.EBIT_MARGIN, f.ebit().divide(f.revenue(), Rates.RATIO), true, section, benchmarks));
            }
            if (f.netIncome() != null) {
                out.add(ratio(RatioName.NET_MARGIN, f.netIncome().divide(f.revenue(), Rates.RATIO), true, section, benchmarks));
            }
        }
        if (f.ebit() != null && f.interestExpense() != null && f.interestExpense().signum() > 0) {
            out.add(ratio(RatioName.INTEREST_COVERAGE, f.ebit().divide(f.interestExpense(), Rates.RATIO), true, section,
                    benchmarks));
        }
        return List.copyOf(out);
    }

    private static Ratio ratio(RatioName name, BigDecimal value, boolean higherIsBetter, Optional<Character> section,
            SectorBenchmarks benchmarks) {
        BigDecimal shown = value.setScale(4, RoundingMode.HALF_EVEN);
        return benchmarks.find(section, name).map(b -> {
            int vsGood = value.compareTo(b.good()) * (higherIsBetter ? 1 : -1);
            int vsWeak = value.compareTo(b.weak()) * (higherIsBetter ? 1 : -1);
            RatioVerdict verdict = vsGood >= 0 ? RatioVerdict.STRONG : vsWeak < 0 ? RatioVerdict.WEAK : RatioVerdict.ADEQUATE;
            return new Ratio(name.spelling(), shown, b.good(), b.weak(), verdict, !b.sourced(), b.source());
        }).orElse(new Ratio(name.spelling(), shown, null, null, null, true, null));
    }
}
