package io.creditguard.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.creditguard.credit.CreditDecision.Decision;
import io.creditguard.credit.CreditDecision.Financials;
import io.creditguard.credit.CreditDecision.PaymentBehaviour;
import io.creditguard.money.Money;
import io.creditguard.validation.CompanyIds;
import io.creditguard.reference.ReferenceTable;

/**
 * Whole-company cases through the scorecard of reference/credit-scorecard.txt and the classes of
 * reference/credit-risk-classes.txt; each expected score is summed by hand in the comment.
 */
class CreditDecisionTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);
    private static final Currency SEK = Currency.getInstance("SEK");
    private static final CreditDecision.Rules RULES = CreditRules.on(AS_OF);

    private static BigDecimal d(long value) {
        return BigDecimal.valueOf(value);
    }

    private static Money sek(long amount) {
        return Money.of(SEK, d(amount));
    }

    private static final Financials HEALTHY_2025 = new Financials(LocalDate.of(2025, 12, 31), d(20_000_000),
            d(2_000_000), null, d(100_000), d(10_000_000), d(5_000_000), d(1_000_000), null, d(2_000_000), d(5_000_000),
            d(5_000_000), d(3_000_000), null, CreditDecision.Source.REQUEST);
    private static final Financials HEALTHY_2024 = new Financials(LocalDate.of(2024, 12, 31), d(18_000_000),
            d(1_700_000), null, d(100_000), d(9_500_000), d(4_600_000), d(1_000_000), null, d(2_000_000), d(5_000_000),
            d(4_500_000), d(2_600_000), null, CreditDecision.Source.REQUEST);
    private static final PaymentBehaviour PUNCTUAL = new PaymentBehaviour(120, 6, d(3), 10, d(0), 0, false);

    private static CreditDecision.Company company(String id, Character section, LocalDate founded) {
        return new CreditDecision.Company("SE", CompanyIds.registrationNumber("SE", id), null,
                Optional.ofNullable(section), founded);
    }

    private static CreditDecision.Result healthy(PaymentBehaviour payment, long requested) {
        return CreditDecision.assess(new CreditDecision.Input(company("556036-0793", 'G', LocalDate.of(2005, 3, 1)),
                List.of(HEALTHY_2024, HEALTHY_2025), payment, null, sek(requested), 45, sek(50_000), AS_OF, null, Language.EN, null, List.of()),
                RULES);
    }

    @Test
    void healthyCompanyIsApprovedAtTheRequestedTerms() {
        // 50 + Altman SAFE 15 (Z'' = 1.968 + 0.978 + 1.344 + 1.05 = 5.34) + equity 50 % 10 + current 2.5 5
        // + EBIT 10 % 5 + revenue +11 % 3 + 5 % late 10 + 3 days late 5 + 21 years 5 = 108 → 100, class A
        var result = healthy(PUNCTUAL, 200_000);
        assertThat(result.score()).isEqualTo(100);
        assertThat(result.riskClass()).isEqualTo("A");
        assertThat(result.decision()).isEqualTo(Decision.APPROVE);
        assertThat(result.altman().zScore()).isEqualByComparingTo("5.34");
        // min(5 000 000 × 20 %, 20 000 000 × 10 %) = 1 000 000; exposure 50 000 + 200 000
        assertThat(result.creditLimit().amount()).isEqualByComparingTo("1000000");
        assertThat(result.exposure().total().amount()).isEqualByComparingTo("250000");
        assertThat(result.exposure().headroom().amount()).isEqualByComparingTo("750000");
        assertThat(result.recommendedTermsDays()).isEqualTo(45);
        assertThat(result.conditions()).isEmpty();
        assertThat(result.reasons().get(0).code()).isEqualTo("ALTMAN_SAFE");
        assertThat(result.reasons().get(0).effect()).isEqualTo("+15");
        assertThat(result.notAssessed()).containsExactly("external rating: none given");
        assertThat(result.ratios()).extracting(CreditDecision.Ratio::name).containsExactly("currentRatio",
                "quickRatio", "equityRatio", "debtToEquity", "ebitMargin", "interestCoverage");
        assertThat(result.ratios()).allSatisfy(r -> assertThat(r.indicative()).isTrue());
    }

    @Test
    void cashAndNetIncomeGiveTheCashRatioAndNetMargin() {
        // cash 800 000 / current liabilities 2 000 000 = 0.40: between weak 0.2 and good 0.5, ADEQUATE;
        // net income 1 000 000 / revenue 20 000 000 = 0.05: at good 0.05, STRONG (sector-benchmarks.txt, '*' rows)
        var withCash = new Financials(LocalDate.of(2025, 12, 31), d(20_000_000), d(2_000_000), d(1_000_000), d(100_000),
                d(10_000_000), d(5_000_000), d(1_000_000), d(800_000), d(2_000_000), d(5_000_000), d(5_000_000),
                d(3_000_000), null, CreditDecision.Source.REQUEST);
        var result = CreditDecision.assess(new CreditDecision.Input(company("556036-0793", 'G', LocalDate.of(2005, 3, 1)),
                List.of(withCash), PUNCTUAL, null, sek(200_000), 45, null, AS_OF, null, Language.EN, null, List.of()), RULES);
        assertThat(result.ratios()).filteredOn(r -> r.name().equals("cashRatio")).singleElement()
                .satisfies(r -> {
                    assertThat(r.value()).isEqualByComparingTo("0.4000");
                    assertThat(r.verdict()).isEqualTo(CreditDecision.RatioVerdict.ADEQUATE);
                });
        assertThat(result.ratios()).filteredOn(r -> r.name().equals("netMargin")).singleElement()
                .satisfies(r -> {
                    assertThat(r.value()).isEqualByComparingTo("0.0500");
                    assertThat(r.verdict()).isEqualTo(CreditDecision.RatioVerdict.STRONG);
                });
    }

    @Test
    void greyCompanyGetsShorterTermsAndInsuranceCover() {
        // 50 + Altman GREY 0 (Z'' = 0.2624 + 0.326 + 0.2688 + 0.35 = 1.2072) + equity 25 % 5 + current 1.1 0
        // + EBIT 2 % 0 + 20 % late 3 + 10 days late 0 + 5 years 2 = 60, class C
        var grey = new Financials(LocalDate.of(2025, 12, 31), d(2_000_000), d(40_000), null, null, d(1_000_000),
                d(440_000), null, null, d(400_000), d(750_000), d(250_000), d(100_000), null, CreditDecision.Source.REQUEST);
        var result = CreditDecision.assess(new CreditDecision.Input(company("556703-7485", 'M', LocalDate.of(2021,
                6, 1)), List.of(grey), new PaymentBehaviour(50, 10, d(10), 20, d(0), 0, false), null, sek(20_000), 60,
                null, AS_OF, null, Language.EN, null, List.of()), RULES);
        assertThat(result.altman().zone()).isEqualTo(Altman.Zone.GREY);
        assertThat(result.score()).isEqualTo(60);
        assertThat(result.riskClass()).isEqualTo("C");
        assertThat(result.decision()).isEqualTo(Decision.APPROVE_WITH_CONDITIONS);
        assertThat(result.recommendedTermsDays()).isEqualTo(30);
        assertThat(result.conditions()).extracting(CreditDecision.Condition::code)
                .containsExactly("SHORTER_TERMS", "CREDIT_INSURANCE_COVER");
        // min(250 000 × 10 %, 2 000 000 × 5 %) = 25 000
        assertThat(result.creditLimit().amount()).isEqualByComparingTo("25000");
        assertThat(result.notAssessed()).contains("trends: only one financial year given");
    }

    /**
     * The grey company of the test above, paying 10 of 50 late without saying how late: the days are not assessed,
     * not taken as none (which would add 5 for "under 5 days" and make it 65, class B): 50 + 5 + 3 + 2 = 60, class C.
     */
    @Test
    void lateInvoicesWithoutTheirDaysLateAreNotAssessedAsPunctual() {
        var grey = new Financials(LocalDate.of(2025, 12, 31), d(2_000_000), d(40_000), null, null, d(1_000_000),
                d(440_000), null, null, d(400_000), d(750_000), d(250_000), d(100_000), null, CreditDecision.Source.REQUEST);
        var payment = new CreditCheckRequest.PaymentRequest(50, 10, null, 20, null, null, null).toInput();
        var result = CreditDecision.assess(new CreditDecision.Input(company("556703-7485", 'M', LocalDate.of(2021,
                6, 1)), List.of(grey), payment, null, sek(20_000), 60, null, AS_OF, null, Language.EN, null, List.of()),
                RULES);
        assertThat(result.score()).isEqualTo(60);
        assertThat(result.riskClass()).isEqualTo("C");
        assertThat(result.reasons()).extracting(CreditDecision.Reason::code).doesNotContain("LATE_BY_DAYS");
        assertThat(result.notAssessed()).contains("average days late: invoices paid late but no averageDaysLate given");
    }

    @Test
    void distressedCompanyIsDeclinedAndAskedForPrepayment() {
        // 50 − 25 (DISTRESS) − 20 (negative equity) − 8 (current 0.4) − 8 (operating loss) − 15 (60 % late)
        // − 15 (35 days) − 10 (120 days once) − 5 (open overdue) − 3 (2 years) = −59 → 1, class E
        var distressed = new Financials(LocalDate.of(2025, 12, 31), d(1_500_000), d(-100_000), null, null, d(1_000_000),
                d(200_000), null, null, d(500_000), d(1_050_000), d(-50_000), d(-300_000), null, CreditDecision.Source.REQUEST);
        var result = CreditDecision.assess(new CreditDecision.Input(company("556042-7220", null, LocalDate.of(2024,
                1, 10)), List.of(distressed), new PaymentBehaviour(50, 30, d(35), 120, d(80_000), 0, false), null,
                sek(100_000), 30, null, AS_OF, null, Language.EN, null, List.of()), RULES);
        assertThat(result.altman().zone()).isEqualTo(Altman.Zone.DISTRESS);
        assertThat(result.score()).isEqualTo(1);
        assertThat(result.riskClass()).isEqualTo("E");
        assertThat(result.decision()).isEqualTo(Decision.DECLINE);
        assertThat(result.creditLimit().isZero()).isTrue();
        assertThat(result.recommendedTermsDays()).isZero();
        assertThat(result.conditions()).extracting(CreditDecision.Condition::code).contains("PREPAYMENT");
        assertThat(result.ratios()).filteredOn(r -> r.name().equals("debtToEquity")).isEmpty();
    }

    @Test
    void goodPaymentRecordWithoutFinancialsIsApprovedWithConditions() {
        // 50 + 2 % late 10 + 2 days 5 + rating 80/100 10 + 12 years 5 = 80, class A, capped by missing accounts
        var result = CreditDecision.assess(new CreditDecision.Input(company("556016-0680", null, LocalDate.of(2014,
                2, 1)), List.of(), new PaymentBehaviour(200, 4, d(2), 8, d(0), 0, false),
                new CreditDecision.ExternalRating("UC", d(80), d(0), d(100), true), sek(50_000), 30, null, AS_OF,
                null, Language.EN, null, List.of()), RULES);
        assertThat(result.score()).isEqualTo(80);
        assertThat(result.decision()).isEqualTo(Decision.APPROVE_WITH_CONDITIONS);
        assertThat(result.altman()).isNull();
        assertThat(result.creditLimit().amount()).isEqualByComparingTo("50000");
        assertThat(result.conditions()).extracting(CreditDecision.Condition::code).contains("FINANCIALS_REQUIRED");
        assertThat(result.notAssessed()).anySatisfy(n -> assertThat(n).startsWith("financial strength"));
    }

    @Test
    void bankruptcyPetitionDeclinesRegardlessOfRatios() {
        var result = healthy(new PaymentBehaviour(120, 6, d(3), 10, d(0), 0, true), 200_000);
        assertThat(result.riskClass()).isEqualTo("A");
        assertThat(result.decision()).isEqualTo(Decision.DECLINE);
        assertThat(result.reasons().get(0).code()).isEqualTo("BANKRUPTCY_PETITION");
        assertThat(result.reasons().get(0).effect()).isEqualTo("decision DECLINE");
    }

    @ParameterizedTest(name = "{0} payment remark(s) → {1}")
    @CsvSource({"1, REFER", "2, DECLINE", "5, DECLINE"})
    void paymentRemarksReferOrDecline(int remarks, Decision decision) {
        var result = healthy(new PaymentBehaviour(120, 6, d(3), 10, d(0), remarks, false), 200_000);
        assertThat(result.decision()).isEqualTo(decision);
        assertThat(result.reasons()).extracting(CreditDecision.Reason::code).contains("PAYMENT_REMARKS");
    }

    @Test
    void exposureOverTheLimitNeedsSecurity() {
        // limit 1 000 000; 50 000 existing + 1 200 000 requested = 1 250 000 → headroom −250 000
        var result = healthy(PUNCTUAL, 1_200_000);
        assertThat(result.exposure().headroom().amount()).isEqualByComparingTo("-250000");
        assertThat(result.decision()).isEqualTo(Decision.APPROVE_WITH_CONDITIONS);
        assertThat(result.reasons().get(0).code()).isEqualTo("EXPOSURE_OVER_LIMIT");
        assertThat(result.conditions()).extracting(CreditDecision.Condition::code)
                .containsExactly("REDUCE_EXPOSURE_OR_SECURE");
    }

    /** Each factor's effect at its band edges (lower bounds inclusive), as reference/credit-scorecard.txt states. */
    @ParameterizedTest(name = "{0} = {1} → {2} points")
    @CsvSource({
            "SHARE_PAID_LATE, 0.0999, 10", "SHARE_PAID_LATE, 0.10, 3", "SHARE_PAID_LATE, 0.25, -8",
            "SHARE_PAID_LATE, 0.5, -15", "SHARE_PAID_LATE, 1, -15",
            "AVERAGE_DAYS_LATE, 4.9, 5", "AVERAGE_DAYS_LATE, 5, 0", "AVERAGE_DAYS_LATE, 15, -7",
            "AVERAGE_DAYS_LATE, 30, -15",
            "EQUITY_RATIO, 0.40, 10", "EQUITY_RATIO, 0.3999, 5", "EQUITY_RATIO, 0, -5", "EQUITY_RATIO, -0.01, -20",
            "CURRENT_RATIO, 2, 5", "CURRENT_RATIO, 1.2, 3", "CURRENT_RATIO, 1, 0", "CURRENT_RATIO, 0.99, -8",
            "EBIT_MARGIN, 0.10, 5", "EBIT_MARGIN, 0.03, 2", "EBIT_MARGIN, 0, 0", "EBIT_MARGIN, -0.001, -8",
            "EXTERNAL_RATING, 100, 10", "EXTERNAL_RATING, 80, 10", "EXTERNAL_RATING, 59.9, 0",
            "EXTERNAL_RATING, 0, -15",
            "COMPANY_AGE, 0, -8", "COMPANY_AGE, 1, -3", "COMPANY_AGE, 3, 2", "COMPANY_AGE, 10, 5",
            "REVENUE_TREND, 0.05, 3", "REVENUE_TREND, -0.05, 0", "REVENUE_TREND, -0.0501, -4", "REVENUE_TREND, -0.2, -4",
            "REVENUE_TREND, -0.21, -8", "PAYMENT_REMARKS, 1, -20", "MAX_DAYS_LATE, 90, -10",
            "OPEN_OVERDUE, 0.01, -5",
    })
    void eachFactorMovesTheScoreByItsBand(String factor, BigDecimal value, int points) {
        Scorecard scorecard = Scorecard.from(ReferenceTable.load("credit-scorecard.txt"));
        assertThat(scorecard.band(Scorecard.Factor.valueOf(factor), value)).hasValueSatisfying(b -> assertThat(b.points()).isEqualTo(points));
    }

    /**
     * A ratio over nothing: total assets 1 000 000, current assets 400 000, total liabilities 600 000, equity 400 000
     * (+10), retained earnings 100 000, Z'' = 6.56 X1 + 3.26 × 0.1 + 6.72 X3 + 1.05 × 2/3. Current assets over no
     * current liabilities are as liquid as can be (+5, as over 1 of them); an operating loss on no revenue is as poor a
     * margin as there is (−8, as on revenue of 1), a profit on none as rich (+5); only the figures are shown.
     */
    @ParameterizedTest(name = "current liabilities {0}, revenue {1}, EBIT {2} → {3}")
    @CsvSource(delimiter = ';', value = {
            // X1 0.4, X3 0.1: Z'' 2.624 + 0.326 + 0.672 + 0.7 = 4.322 SAFE +15; margin 5 % +2: 50 + 15 + 10 + 5 + 2 = 82
            "0; 2000000; 100000; 82; LIQUIDITY_STRONG; +5; Current assets at least twice current liabilities "
                    + "(current assets 400,000, no current liabilities)",
            "1; 2000000; 100000; 82; LIQUIDITY_STRONG; +5; Current assets at least twice current liabilities (400,000)",
            // X1 0.2, X3 −0.1: Z'' 1.312 + 0.326 − 0.672 + 0.7 = 1.666 GREY 0; current 2 +5: 50 + 10 + 5 − 8 = 57
            "200000; 0; -100000; 57; EARNINGS_LOSS; -8; Operating loss (EBIT -100,000 on no revenue)",
            "200000; 1; -100000; 57; EARNINGS_LOSS; -8; Operating loss (-10,000,000 %)",
            // X1 0.2, X3 0.1: Z'' 1.312 + 0.326 + 0.672 + 0.7 = 3.01 SAFE +15: 50 + 15 + 10 + 5 + 5 = 85
            "200000; 0; 100000; 85; EARNINGS_STRONG; +5; EBIT margin of 10 % or more (EBIT 100,000 on no revenue)",
    })
    void aRatioOverNothingLiesBeyondEveryBandOnItsNumeratorsSide(long currentLiabilities, long revenue, long ebit, int score,
            String code, String effect, String message) {
        var year = new Financials(LocalDate.of(2025, 12, 31), d(revenue), d(ebit), null, null, d(1_000_000), d(400_000),
                null, null, d(currentLiabilities), d(600_000), d(400_000), d(100_000), null, CreditDecision.Source.REQUEST);
        var result = CreditDecision.assess(new CreditDecision.Input(company("556036-0793", null, null), List.of(year), null,
                null, sek(10_000), 30, null, AS_OF, null, Language.EN, null, List.of()), RULES);
        assertThat(result.score()).isEqualTo(score);
        assertThat(result.reasons()).filteredOn(r -> r.code().equals(code)).singleElement().satisfies(r -> {
            assertThat(r.effect()).isEqualTo(effect);
            assertThat(r.message()).isEqualTo(message);
        });
    }

    /**
     * No current assets over no current liabilities, and no EBIT on no revenue, say nothing: not assessed, and said so.
     * Z'' = 0 + 0.326 + 0 + 0.7 = 1.026 DISTRESS −25, equity 40 % +10: 50 − 25 + 10 = 35.
     */
    @Test
    void zeroOverZeroIsNotAssessed() {
        var year = new Financials(LocalDate.of(2025, 12, 31), d(0), d(0), null, null, d(1_000_000), d(0), null, null, d(0),
                d(600_000), d(400_000), d(100_000), null, CreditDecision.Source.REQUEST);
        var result = CreditDecision.assess(new CreditDecision.Input(company("556036-0793", null, null), List.of(year), null,
                null, sek(10_000), 30, null, AS_OF, null, Language.EN, null, List.of()), RULES);
        assertThat(result.score()).isEqualTo(35);
        assertThat(result.reasons()).extracting(CreditDecision.Reason::code).doesNotContain("LIQUIDITY_STRONG",
                "LIQUIDITY_WEAK", "EARNINGS_LOSS", "EARNINGS_THIN", "EARNINGS_STRONG");
        assertThat(result.notAssessed()).contains("current ratio: neither current assets nor current liabilities (2025-12-31)",
                "EBIT margin: neither revenue nor an operating result (2025-12-31)");
        assertThat(result.ratios()).extracting(CreditDecision.Ratio::name).doesNotContain("currentRatio", "ebitMargin");
    }

    @ParameterizedTest(name = "{0} = {1} is not scored")
    @CsvSource({"PAYMENT_REMARKS, 0", "MAX_DAYS_LATE, 89", "OPEN_OVERDUE, 0", "EQUITY_TREND, 0"})
    void neutralValuesScoreNothing(String factor, BigDecimal value) {
        assertThat(Scorecard.from(ReferenceTable.load("credit-scorecard.txt")).band(Scorecard.Factor.valueOf(factor), value)).isEmpty();
    }

    @Test
    void aRatingWhereLowerIsBetterIsTurnedAround() {
        // 1 on a 1-5 scale where 1 is best → 100/100
        var rating = new CreditDecision.ExternalRating("Provider", d(1), d(1), d(5), false);
        assertThat(rating.normalised()).isEqualByComparingTo("100");
    }

    private static CreditDecision.RegisterFacts register(LocalDate registered, List<CreditDecision.RegisterFacts.Procedure> procedures,
            LocalDate latestFiled) {
        return new CreditDecision.RegisterFacts("Bolagsverket", "AB", true, true, registered, null, null, procedures, latestFiled);
    }

    private static CreditDecision.Result withRegister(Financials year, CreditDecision.RegisterFacts register, Language language) {
        return CreditDecision.assess(new CreditDecision.Input(company("556036-0793", 'G', null), List.of(year), PUNCTUAL,
                null, sek(200_000), 45, null, AS_OF, null, language, register, List.of()), RULES);
    }

    /**
     * Equity 20 000 against share capital 50 000: below half of it, so the board must draw up a control balance
     * sheet (aktiebolagslagen 25 kap. 13 §). The score alone would approve (50 + Altman SAFE 15 + EBIT 10 %
     * 5 + current 2.5 5 − equity ratio 0.2 % −5 + 5 % late 10 + 3 days 5 + registered 2005, 21 years 5
     * = 90, class A): the override refers it, with the condition to ask for that balance sheet.
     */
    @Test
    void equityBelowHalfTheShareCapitalIsReferred() {
        var thin = new Financials(LocalDate.of(2025, 12, 31), d(20_000_000), d(2_000_000), null, null, d(10_000_000),
                d(5_000_000), null, null, d(2_000_000), d(9_980_000), d(20_000), d(3_000_000), d(50_000),
                CreditDecision.Source.REQUEST);
        var result = withRegister(thin, register(LocalDate.of(2005, 3, 1), List.of(), LocalDate.of(2025, 12, 31)), Language.EN);
        assertThat(result.decision()).isEqualTo(Decision.REFER);
        assertThat(result.reasons().get(0).code()).isEqualTo("EQUITY_BELOW_HALF_SHARE_CAPITAL");
        assertThat(result.reasons().get(0).message()).isEqualTo("Equity 20,000 is below half the share capital 50,000 "
                + "(2025-12-31): the board must draw up a control balance sheet (aktiebolagslagen 25:13)");
        assertThat(result.conditions()).extracting(CreditDecision.Condition::code).contains("CONTROL_BALANCE_SHEET");
        // Exactly half is not below half.
        var half = new Financials(LocalDate.of(2025, 12, 31), d(20_000_000), d(2_000_000), null, null, d(10_000_000),
                d(5_000_000), null, null, d(2_000_000), d(9_975_000), d(25_000), d(3_000_000), d(50_000),
                CreditDecision.Source.REQUEST);
        assertThat(withRegister(half, null, Language.EN).reasons()).extracting(CreditDecision.Reason::code)
                .doesNotContain("EQUITY_BELOW_HALF_SHARE_CAPITAL");
    }

    /**
     * The thin equity above, of a Dutch company (share capital as KvK's CalledUpShareCapital gives it): aktiebolagslagen
     * is not its law, so nothing is referred. 50 + Altman SAFE 15 + EBIT 10 % 5 + current 2.5 5 − equity ratio 0.2 % −5
     * + 5 % late 10 + 3 days 5 = 85, class A; limit min(20 000 × 20 %, 20 000 000 × 10 %) = 4 000 over 2 000 asked.
     */
    @Test
    void equityBelowHalfTheShareCapitalOfADutchCompanyIsNoOverride() {
        var thin = new Financials(LocalDate.of(2025, 12, 31), d(20_000_000), d(2_000_000), null, null, d(10_000_000),
                d(5_000_000), null, null, d(2_000_000), d(9_980_000), d(20_000), d(3_000_000), d(50_000),
                CreditDecision.Source.REQUEST);
        var result = CreditDecision.assess(new CreditDecision.Input(new CreditDecision.Company("NL",
                CompanyIds.registrationNumber("NL", "12345678"), null, Optional.of('G'), null), List.of(thin), PUNCTUAL,
                null, Money.of(Currency.getInstance("EUR"), d(2_000)), 30, null, AS_OF, null, Language.EN, null, List.of()),
                RULES);
        assertThat(result.score()).isEqualTo(85);
        assertThat(result.decision()).isEqualTo(Decision.APPROVE);
        assertThat(result.reasons()).extracting(CreditDecision.Reason::code).doesNotContain("EQUITY_BELOW_HALF_SHARE_CAPITAL");
        assertThat(result.conditions()).extracting(CreditDecision.Condition::code).doesNotContain("CONTROL_BALANCE_SHEET");
    }

    @Test
    void aCompanyUnderReconstructionIsReferredAndItsAgeCountsFromRegistration() {
        var result = withRegister(HEALTHY_2025, register(LocalDate.of(2005, 3, 1), List.of(new CreditDecision.RegisterFacts
                .Procedure("FR", "Företagsrekonstruktion", LocalDate.of(2026, 9, 1),
                        CreditDecision.OverrideRule.RECONSTRUCTION)), LocalDate.of(2025, 12, 31)), Language.SV);
        assertThat(result.decision()).isEqualTo(Decision.REFER);
        assertThat(result.reasons().get(0).message()).isEqualTo(
                "Företaget är under rekonstruktion eller ackord sedan 2026-09-01 (Bolagsverket)");
        assertThat(result.reasons().get(0).effect()).isEqualTo("beslut REFER");
        // Registered 2005-03-01, checked 2026-11-28: 21 whole years, "established".
        assertThat(result.reasons()).filteredOn(r -> r.code().equals("ESTABLISHED")).singleElement()
                .satisfies(r -> assertThat(r.message()).isEqualTo("Verksamt i 10 år eller mer (21 år)"));
    }

    /** The year after the latest filed one ended 2025-12-31 (filed 2024-12-31): 2026-01-01 → 2026-11-28 is 10 months. */
    @Test
    void aMissingReportIsCountedInMonthsFromTheYearsEnd() {
        var result = withRegister(HEALTHY_2025, register(LocalDate.of(2005, 3, 1), List.of(), LocalDate.of(2024, 12, 31)),
                Language.EN);
        assertThat(result.reasons()).filteredOn(r -> r.code().equals("FILING_OVERDUE")).singleElement().satisfies(r -> {
            assertThat(r.effect()).isEqualTo("-10");
            assertThat(r.message()).isEqualTo("No annual report filed although the financial year ended more than seven "
                    + "months ago (the financial year ended 2025-12-31, 10 months ago)");
        });
        var enskild = new CreditDecision.RegisterFacts("Bolagsverket", "E", false, true, LocalDate.of(2005, 3, 1), null,
                null, List.of(), null);
        assertThat(withRegister(HEALTHY_2025, enskild, Language.EN).notAssessed())
                .contains("filing on time: the rule is for aktiebolag");
    }

    /**
     * Financial years are twelve calendar months (bokföringslagen 3 kap. 1 §): after one ending 28 February 2023 the
     * next ends 29 February 2024, and counted from 1 March its report is late from 1 October; after 29 February 2024,
     * 28 February 2025, late from 1 October 2025.
     */
    @ParameterizedTest(name = "latest filed year ended {0}, checked {1}: {2}")
    @CsvSource(nullValues = "-", value = {
            "2023-02-28, 2024-09-30, -",
            "2023-02-28, 2024-10-01, 'the financial year ended 2024-02-29, 7 months ago'",
            "2024-02-29, 2025-09-30, -",
            "2024-02-29, 2025-10-01, 'the financial year ended 2025-02-28, 7 months ago'",
    })
    void theYearAfterOneEndingInFebruaryEndsWithFebruary(LocalDate latestFiled, LocalDate asOf, String overdue) {
        var result = CreditDecision.assess(new CreditDecision.Input(company("556036-0793", 'G', null),
                List.of(HEALTHY_2024), PUNCTUAL, null, sek(200_000), 45, null, asOf, null, Language.EN,
                register(LocalDate.of(2005, 3, 1), List.of(), latestFiled), List.of()), CreditRules.on(asOf));
        var filing = assertThat(result.reasons()).filteredOn(r -> r.code().equals("FILING_OVERDUE"));
        if (overdue == null) {
            filing.isEmpty();
        } else {
            filing.singleElement().satisfies(r -> assertThat(r.message()).endsWith("(" + overdue + ")"));
        }
    }

    private static CreditDecision.Result backDated(LocalDate asOf, List<Financials> years, CreditDecision.RegisterFacts register) {
        return CreditDecision.assess(new CreditDecision.Input(company("556036-0793", 'G', null), years, PUNCTUAL, null,
                sek(200_000), 45, null, asOf, null, Language.EN, register, List.of()), CreditRules.on(asOf));
    }

    /**
     * The register's facts are today's; a check as of 2026-03-01 weighs those dated by then: a deregistration or a
     * bankruptcy dated the day after had not happened (the healthy year, 50 + 15 + 10 + 5 + 5 + 10 + 5, registered
     * 2005, 21 years, + 5, class A: APPROVE), one dated that day had.
     */
    @ParameterizedTest(name = "{0} on {1}, checked as of 2026-03-01 → {2}")
    @CsvSource({
            "DEREGISTERED, 2026-03-02, APPROVE", "DEREGISTERED, 2026-03-01, DECLINE",
            "BANKRUPTCY, 2026-03-02, APPROVE", "BANKRUPTCY, 2026-03-01, DECLINE",
    })
    void aRegisterFactDatedAfterTheDayCheckedIsNotWeighed(CreditDecision.OverrideRule rule, LocalDate on, Decision decision) {
        var register = rule == CreditDecision.OverrideRule.DEREGISTERED
                ? new CreditDecision.RegisterFacts("Bolagsverket", "AB", true, false, LocalDate.of(2005, 3, 1), on, "Konkurs",
                        List.of(), LocalDate.of(2024, 12, 31))
                : register(LocalDate.of(2005, 3, 1), List.of(new CreditDecision.RegisterFacts.Procedure("KK", "Konkurs", on,
                        rule)), LocalDate.of(2024, 12, 31));
        var result = backDated(LocalDate.of(2026, 3, 1), List.of(HEALTHY_2025), register);
        assertThat(result.decision()).isEqualTo(decision);
        assertThat(result.reasons().stream().anyMatch(r -> r.code().equals(rule.name())))
                .isEqualTo(decision == Decision.DECLINE);
    }

    /** A company the register dates after the day checked had no age then: not a start-up, nor a negative age left unsaid. */
    @ParameterizedTest(name = "registered {0}, checked as of {1}")
    @CsvSource({"2026-06-01, 2026-03-01", "2024-05-01, 2022-03-01"})
    void aCompanyRegisteredAfterTheDayCheckedHasNoAge(LocalDate registered, LocalDate asOf) {
        var result = backDated(asOf, List.of(), register(registered, List.of(), null));
        assertThat(result.reasons()).extracting(CreditDecision.Reason::code)
                .doesNotContain("START_UP", "YOUNG", "SETTLED", "ESTABLISHED");
        assertThat(result.notAssessed()).contains("company age: registered " + registered + ", after " + asOf
                + ", the day checked");
    }

    /**
     * A report Bolagsverket registered after the day checked was not filed then: its years are not weighed (no
     * financials: the limit rests on the payment record), and a year ending after that day (an upload read since) is not
     * either, the year before it is.
     */
    @Test
    void yearsNotKnownOnTheDayCheckedAreNotWeighed() {
        var filed = new CreditDecision.Source(CreditDecision.SourceType.BOLAGSVERKET, "doc-2025", LocalDate.of(2026, 6, 15),
                java.util.Map.of());
        var later = backDated(LocalDate.of(2026, 3, 1), List.of(withSource(HEALTHY_2025, filed),
                withSource(HEALTHY_2024, filed)), null);
        assertThat(later.financials()).isEmpty();
        assertThat(later.notAssessed()).contains(
                "2025-12-31: the report was filed on 2026-06-15, after 2026-03-01, the day checked, and was not weighed",
                "2024-12-31: the report was filed on 2026-06-15, after 2026-03-01, the day checked, and was not weighed");
        assertThat(later.conditions()).extracting(CreditDecision.Condition::code).contains("FINANCIALS_REQUIRED");

        var upload = new CreditDecision.Source(CreditDecision.SourceType.UPLOAD, "report.zip", null, java.util.Map.of());
        var ahead = backDated(LocalDate.of(2025, 10, 1), List.of(withSource(HEALTHY_2025, upload),
                withSource(HEALTHY_2024, upload)), null);
        assertThat(ahead.financials()).extracting(Financials::periodEnd).containsExactly(LocalDate.of(2024, 12, 31));
        assertThat(ahead.notAssessed()).contains(
                "2025-12-31: the financial year ends after 2025-10-01, the day checked, and was not weighed");
    }

    private static Financials withSource(Financials f, CreditDecision.Source source) {
        return new Financials(f.periodEnd(), f.revenue(), f.ebit(), f.netIncome(), f.interestExpense(), f.totalAssets(),
                f.currentAssets(), f.inventory(), f.cash(), f.currentLiabilities(), f.totalLiabilities(), f.equity(),
                f.retainedEarnings(), f.shareCapital(), source);
    }

    /**
     * The 2024 report, due 2025-07-31, registered only on 2025-10-15: as of 2025-09-01 the latest filed year ended
     * 2023-12-31, so the 2024 year's report was missing 8 months after its end (2025-01-01 → 2025-09-01), which the
     * report registered since must not hide.
     */
    @Test
    void aReportFiledAfterTheDayCheckedWasMissingThen() {
        var register = new io.creditguard.filings.Register("5560360793", "Exempel AB",
                new io.creditguard.filings.Register.Coded("AB", "Aktiebolag"), true, LocalDate.of(2005, 3, 1), null, null,
                List.of(), List.of(), null, List.of());
        var facts = CreditRules.SIGNALS.facts("Bolagsverket", register, List.of(
                new io.creditguard.filings.Bolagsverket.FiledDocument("d-2023", "ixbrl", LocalDate.of(2023, 12, 31),
                        LocalDate.of(2024, 6, 1)),
                new io.creditguard.filings.Bolagsverket.FiledDocument("d-2024", "ixbrl", LocalDate.of(2024, 12, 31),
                        LocalDate.of(2025, 10, 15))), LocalDate.of(2025, 9, 1));
        assertThat(facts.latestFiledYearEnd()).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(backDated(LocalDate.of(2025, 9, 1), List.of(HEALTHY_2024), facts).reasons())
                .filteredOn(r -> r.code().equals("FILING_OVERDUE")).singleElement()
                .satisfies(r -> assertThat(r.message()).endsWith("(the financial year ended 2024-12-31, 8 months ago)"));
    }

    /**
     * A balance sheet alone (KvK's open data of a small company): no Altman score and no margin; equity ratio
     * 275 698 / 428 763 = 64.3 % (+10), current ratio 36 869 / 153 065 = 0.24 (−8); score 50 + 10 − 8 + 5 % late
     * 10 + 3 days 5 = 67, class B; the limit by equity alone, 15 % of 275 698 = 41 354.
     */
    @Test
    void aBalanceSheetAloneIsWeighedAsFarAsItGoes() {
        var balance = new Financials(LocalDate.of(2024, 12, 31), null, null, null, null, d(428_763), d(36_869), null, null,
                d(153_065), d(153_065), d(275_698), null, d(18_000), CreditDecision.Source.REQUEST);
        var result = CreditDecision.assess(new CreditDecision.Input(new CreditDecision.Company("NL",
                CompanyIds.registrationNumber("NL", "12345678"), null, Optional.empty(), null), List.of(balance), PUNCTUAL,
                null, Money.of(Currency.getInstance("EUR"), d(20_000)), 30, null, AS_OF, null, Language.EN, null, List.of()),
                RULES);
        assertThat(result.altman()).isNull();
        assertThat(result.notAssessed()).contains("Altman score and the ratios that need retainedEarnings, ebit: "
                + "not in the accounts (2024-12-31)");
        assertThat(result.score()).isEqualTo(67);
        assertThat(result.riskClass()).isEqualTo("B");
        assertThat(result.creditLimit().amount()).isEqualByComparingTo("41354");
        assertThat(result.ratios()).extracting(CreditDecision.Ratio::name).containsExactly("currentRatio", "quickRatio",
                "equityRatio", "debtToEquity");
    }
}
