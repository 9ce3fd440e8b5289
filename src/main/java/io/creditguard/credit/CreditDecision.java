package io.creditguard.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import io.creditguard.money.Money;
import io.creditguard.money.Rates;
import io.creditguard.validation.CompanyIds;

/**
 * The credit check: ratios, Altman score, payment behaviour and rating weighed by the scorecard
 * into a score, a risk class, a limit, terms, conditions and the reasons for each.
 *
 * <p>Order of work: each factor the request allows is scored (a missing block is listed in
 * {@code notAssessed}, never guessed); the score picks the risk class, whose row gives the
 * decision, the longest terms and the limit's share of equity and revenue; then the overrides
 * (bankruptcy petition, payment remarks) and the exposure against the limit can only make the
 * decision stricter. Reasons list the overrides first, then the factors by the size of their effect.
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

    public record Company(String country, CompanyIds.Checked id, String name, Optional<Character> naceSection,
            LocalDate foundedOn) {
    }

    /** One financial year, amounts in the request's currency. Optional figures may be {@code null}. */
    public record Financials(LocalDate periodEnd, BigDecimal revenue, BigDecimal ebit, BigDecimal netIncome,
            BigDecimal interestExpense, BigDecimal totalAssets, BigDecimal currentAssets, BigDecimal inventory,
            BigDecimal cash, BigDecimal currentLiabilities, BigDecimal totalLiabilities, BigDecimal equity,
            BigDecimal retainedEarnings) {
    }

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

    /** Financials are sorted by the caller or not: the latest period end counts as "this year". */
    public record Input(Company company, List<Financials> financials, PaymentBehaviour payment, ExternalRating rating,
            Money requestedCredit, int requestedTermsDays, Money existingExposure, LocalDate asOf,
            Altman.Model altmanModel) {
    }

    /** The reference data the check applies, all in force on the check's date. */
    public record Rules(Altman altman, Scorecard scorecard, List<RiskClass> riskClasses, SectorBenchmarks benchmarks,
            List<DecisionOverride> overrides) {
    }

    /** A fact that caps the decision: at or above {@code threshold}, no better than {@code decision}. */
    public record DecisionOverride(String rule, int threshold, Decision decision) {
    }

    /** {@code effect}: score points as {@code +15}/{@code -8}, or the decision a rule imposed. */
    public record Reason(String code, String message, String effect) {
    }

    public record Condition(String code, String message) {
    }

    public record Ratio(String name, BigDecimal value, BigDecimal benchmarkGood, BigDecimal benchmarkWeak,
            String verdict, boolean indicative, String benchmarkSource) {
    }

    public record ProbabilityOfDefault(BigDecimal value, String horizon, String basis) {
    }

    public record Exposure(Money existing, Money requested, Money total, Money headroom) {
    }

    public record CompanyView(String country, String registrationNumber, CompanyIds.Kind idType, String name,
            String naceSection) {
    }

    public record Result(Currency currency, LocalDate asOf, CompanyView company, Decision decision, int score,
            String riskClass, ProbabilityOfDefault probabilityOfDefault, Altman.Result altman, List<Ratio> ratios,
            Money creditLimit, int recommendedTermsDays, List<Condition> conditions, Exposure exposure,
            List<Reason> reasons, List<String> notAssessed) {
    }

    private CreditDecision() {
    }

    public static Result assess(Input in, Rules rules) {
        Currency currency = in.requestedCredit().currency();
        List<Scored> factorReasons = new ArrayList<>();
        List<Reason> overrideReasons = new ArrayList<>();
        List<String> notAssessed = new ArrayList<>();
        int points = rules.scorecard().base();

        List<Financials> years = in.financials().stream()
                .sorted(Comparator.comparing(Financials::periodEnd).reversed()).toList();
        Financials latest = years.isEmpty() ? null : years.get(0);
        Altman.Result altman = null;
        List<Ratio> ratios = List.of();
        if (latest == null) {
            notAssessed.add("financial strength, liquidity and Altman score: no financials given");
        } else {
            Altman.Model model = in.altmanModel() != null ? in.altmanModel()
                    : rules.altman().modelFor(in.company().naceSection());
            altman = rules.altman().score(model, new Altman.Figures(latest.currentAssets(),
                    latest.currentLiabilities(), latest.totalAssets(), latest.retainedEarnings(), latest.ebit(),
                    latest.equity(), latest.totalLiabilities(), latest.revenue()));
            points += score(rules, factorReasons, "ALTMAN_ZONE", altman.zone().name(),
                    "Z = " + altman.zScore().toPlainString() + ", " + model);
            ratios = ratios(latest, in.company().naceSection(), rules.benchmarks());
            BigDecimal equityRatio = latest.equity().divide(latest.totalAssets(), Rates.RATIO);
            points += score(rules, factorReasons, "EQUITY_RATIO", equityRatio, percent(equityRatio));
            if (latest.currentLiabilities().signum() > 0) {
                BigDecimal current = latest.currentAssets().divide(latest.currentLiabilities(), Rates.RATIO);
                points += score(rules, factorReasons, "CURRENT_RATIO", current, decimal(current));
            }
            if (latest.revenue().signum() > 0) {
                BigDecimal margin = latest.ebit().divide(latest.revenue(), Rates.RATIO);
                points += score(rules, factorReasons, "EBIT_MARGIN", margin, percent(margin));
            }
            if (years.size() > 1) {
                points += trends(rules, factorReasons, latest, years.get(1));
            } else {
                notAssessed.add("trends: only one financial year given");
            }
        }

        PaymentBehaviour pay = in.payment();
        if (pay == null) {
            notAssessed.add("payment behaviour: no payment record given");
        } else {
            if (pay.invoicesPaid() > 0) {
                BigDecimal share = BigDecimal.valueOf(pay.invoicesPaidLate())
                        .divide(BigDecimal.valueOf(pay.invoicesPaid()), Rates.RATIO);
                points += score(rules, factorReasons, "SHARE_PAID_LATE", share,
                        pay.invoicesPaidLate() + " of " + pay.invoicesPaid());
                if (pay.invoicesPaidLate() > 0) {
                    points += score(rules, factorReasons, "AVERAGE_DAYS_LATE", pay.averageDaysLate(),
                            decimal(pay.averageDaysLate()) + " days");
                }
            } else {
                notAssessed.add("share paid late: no paid invoices on record");
            }
            points += score(rules, factorReasons, "MAX_DAYS_LATE", BigDecimal.valueOf(pay.maxDaysLate()),
                    pay.maxDaysLate() + " days");
            points += score(rules, factorReasons, "OPEN_OVERDUE", pay.openOverdueAmount(),
                    Money.rounded(currency, pay.openOverdueAmount(), RoundingMode.HALF_EVEN).toString());
            points += score(rules, factorReasons, "PAYMENT_REMARKS", BigDecimal.valueOf(pay.paymentRemarks()),
                    String.valueOf(pay.paymentRemarks()));
        }
        if (in.rating() == null) {
            notAssessed.add("external rating: none given");
        } else {
            BigDecimal normalised = in.rating().normalised();
            points += score(rules, factorReasons, "EXTERNAL_RATING", normalised, in.rating().provider() + " "
                    + decimal(in.rating().score()) + " on " + decimal(in.rating().scaleMin()) + "-"
                    + decimal(in.rating().scaleMax()) + ", " + normalised.setScale(0, RoundingMode.HALF_EVEN)
                    + "/100");
        }
        if (in.company().foundedOn() == null) {
            notAssessed.add("company age: foundedOn not given");
        } else {
            long age = ChronoUnit.YEARS.between(in.company().foundedOn(), in.asOf());
            points += score(rules, factorReasons, "COMPANY_AGE", BigDecimal.valueOf(age), age + " years");
        }

        int score = Math.max(1, Math.min(100, points));
        RiskClass riskClass = RiskClass.of(score, rules.riskClasses());
        Decision decision = riskClass.decision();

        for (DecisionOverride o : rules.overrides()) {
            int count = pay == null ? 0 : o.rule().equals("BANKRUPTCY_PETITION") ? (pay.bankruptcyPetition() ? 1 : 0)
                    : o.rule().equals("PAYMENT_REMARKS") ? pay.paymentRemarks() : 0;
            if (count >= o.threshold() && decision.compareTo(o.decision()) < 0) {
                decision = o.decision();
                overrideReasons.add(new Reason(o.rule(), o.rule().equals("BANKRUPTCY_PETITION")
                        ? "A bankruptcy petition has been filed against the company"
                        : count + " registered payment remark(s): unpaid defaults outweigh the ratios",
                        "decision " + o.decision()));
            }
        }

        Money zero = Money.zero(currency);
        Money existing = in.existingExposure() == null ? zero : in.existingExposure();
        Money total = existing.plus(in.requestedCredit());
        List<Condition> conditions = new ArrayList<>();
        Money limit;
        if (riskClass.maxTermsDays() == 0) {
            limit = zero;
        } else if (latest == null) {
            limit = total;
            decision = decision.atLeast(Decision.APPROVE_WITH_CONDITIONS);
            conditions.add(new Condition("FINANCIALS_REQUIRED", "The limit rests on the payment record alone:"
                    + " obtain the latest annual accounts and review the limit"));
            overrideReasons.add(new Reason("NO_FINANCIALS", "No financial statements: approval at most with"
                    + " conditions", "decision at least APPROVE_WITH_CONDITIONS"));
        } else {
            BigDecimal byEquity = latest.equity().max(BigDecimal.ZERO).multiply(riskClass.limitEquityShare());
            BigDecimal byRevenue = latest.revenue().max(BigDecimal.ZERO).multiply(riskClass.limitRevenueShare());
            // Whole currency units, rounded down: a limit is a ceiling.
            limit = Money.rounded(currency, byEquity.min(byRevenue).setScale(0, RoundingMode.FLOOR),
                    RoundingMode.UNNECESSARY);
        }
        Money headroom = limit.minus(total);
        if (headroom.isNegative() && riskClass.maxTermsDays() > 0) {
            decision = decision.atLeast(Decision.APPROVE_WITH_CONDITIONS);
            conditions.add(new Condition("REDUCE_EXPOSURE_OR_SECURE", "Total exposure " + total
                    + " exceeds the limit " + limit + ": grant up to the limit, or secure the excess of "
                    + zero.minus(headroom) + " (guarantee, credit insurance, prepayment)"));
            overrideReasons.add(new Reason("EXPOSURE_OVER_LIMIT", "Requested plus existing exposure exceeds the"
                    + " limit by " + zero.minus(headroom), "decision at least APPROVE_WITH_CONDITIONS"));
        }

        int terms = Math.min(in.requestedTermsDays(), riskClass.maxTermsDays());
        if (riskClass.maxTermsDays() == 0) {
            conditions.add(new Condition("PREPAYMENT", "Deliver only against prepayment"));
        } else if (terms < in.requestedTermsDays()) {
            conditions.add(new Condition("SHORTER_TERMS", "Payment terms of at most " + terms + " days (risk class "
                    + riskClass.name() + "), not the " + in.requestedTermsDays() + " requested"));
        }
        if (riskClass.name().equals("C")) {
            conditions.add(new Condition("CREDIT_INSURANCE_COVER", "Cover the exposure with credit insurance"));
        } else if (riskClass.name().equals("D")) {
            conditions.add(new Condition("GUARANTEE", "Require a bank or parent-company guarantee"));
        }

        factorReasons.sort(Comparator.comparingInt((Scored s) -> -Math.abs(s.band().points())));
        List<Reason> reasons = new ArrayList<>(overrideReasons);
        factorReasons.forEach(s -> reasons.add(s.toReason()));
        CompanyView company = new CompanyView(in.company().country(), in.company().id().normalized(),
                in.company().id().kind(), in.company().name(),
                in.company().naceSection().map(String::valueOf).orElse(null));
        return new Result(currency, in.asOf(), company, decision, score, riskClass.name(),
                new ProbabilityOfDefault(riskClass.pd(), "12 months",
                        "model estimate of creditguard scorecard v1 for risk class " + riskClass.name()
                                + ", not a calibrated statistic"),
                altman, ratios, limit, terms, List.copyOf(conditions), new Exposure(existing, in.requestedCredit(),
                        total, headroom), List.copyOf(reasons), List.copyOf(notAssessed));
    }

    /** A band the company fell in, with the value as shown; becomes a {@link Reason} once sorted. */
    private record Scored(Scorecard.Band band, String shown) {
        Reason toReason() {
            return new Reason(band.code(), band.message() + " (" + shown + ")",
                    (band.points() >= 0 ? "+" : "") + band.points());
        }
    }

    private static int trends(Rules rules, List<Scored> reasons, Financials latest, Financials previous) {
        int points = 0;
        if (previous.revenue().signum() > 0) {
            BigDecimal growth = latest.revenue().subtract(previous.revenue()).divide(previous.revenue(), Rates.RATIO);
            points += score(rules, reasons, "REVENUE_TREND", growth, percent(growth) + " on "
                    + previous.periodEnd());
        }
        BigDecimal equityChange = latest.equity().subtract(previous.equity());
        points += score(rules, reasons, "EQUITY_TREND", equityChange.signum() < 0 ? BigDecimal.ONE.negate()
                : BigDecimal.ZERO, "from " + decimal(previous.equity()) + " to " + decimal(latest.equity()));
        return points;
    }

    private static int score(Rules rules, List<Scored> reasons, String factor, BigDecimal value, String shown) {
        return rules.scorecard().band(factor, value).map(b -> add(reasons, b, shown)).orElse(0);
    }

    private static int score(Rules rules, List<Scored> reasons, String factor, String symbol, String shown) {
        return rules.scorecard().band(factor, symbol).map(b -> add(reasons, b, shown)).orElse(0);
    }

    private static int add(List<Scored> reasons, Scorecard.Band band, String shown) {
        reasons.add(new Scored(band, shown));
        return band.points();
    }

    private static List<Ratio> ratios(Financials f, Optional<Character> section, SectorBenchmarks benchmarks) {
        List<Ratio> out = new ArrayList<>();
        if (f.currentLiabilities().signum() > 0) {
            out.add(ratio("currentRatio", f.currentAssets().divide(f.currentLiabilities(), Rates.RATIO), true,
                    section, benchmarks));
            BigDecimal inventory = f.inventory() == null ? BigDecimal.ZERO : f.inventory();
            out.add(ratio("quickRatio", f.currentAssets().subtract(inventory).divide(f.currentLiabilities(),
                    Rates.RATIO), true, section, benchmarks));
            if (f.cash() != null) {
                out.add(ratio("cashRatio", f.cash().divide(f.currentLiabilities(), Rates.RATIO), true, section,
                        benchmarks));
            }
        }
        out.add(ratio("equityRatio", f.equity().divide(f.totalAssets(), Rates.RATIO), true, section, benchmarks));
        if (f.equity().signum() > 0) {
            out.add(ratio("debtToEquity", f.totalLiabilities().divide(f.equity(), Rates.RATIO), false, section,
                    benchmarks));
        }
        if (f.revenue().signum() > 0) {
            out.add(ratio("ebitMargin", f.ebit().divide(f.revenue(), Rates.RATIO), true, section, benchmarks));
            if (f.netIncome() != null) {
                out.add(ratio("netMargin", f.netIncome().divide(f.revenue(), Rates.RATIO), true, section, benchmarks));
            }
        }
        if (f.interestExpense() != null && f.interestExpense().signum() > 0) {
            out.add(ratio("interestCoverage", f.ebit().divide(f.interestExpense(), Rates.RATIO), true, section,
                    benchmarks));
        }
        return List.copyOf(out);
    }

    private static Ratio ratio(String name, BigDecimal value, boolean higherIsBetter, Optional<Character> section,
            SectorBenchmarks benchmarks) {
        BigDecimal shown = value.setScale(4, RoundingMode.HALF_EVEN);
        return benchmarks.find(section, name).map(b -> {
            int vsGood = value.compareTo(b.good()) * (higherIsBetter ? 1 : -1);
            int vsWeak = value.compareTo(b.weak()) * (higherIsBetter ? 1 : -1);
            String verdict = vsGood >= 0 ? "STRONG" : vsWeak < 0 ? "WEAK" : "ADEQUATE";
            return new Ratio(name, shown, b.good(), b.weak(), verdict, !b.sourced(), b.source());
        }).orElse(new Ratio(name, shown, null, null, null, true, null));
    }

    private static String percent(BigDecimal fraction) {
        return Rates.percent(fraction, 1).toPlainString() + " %";
    }

    private static String decimal(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
