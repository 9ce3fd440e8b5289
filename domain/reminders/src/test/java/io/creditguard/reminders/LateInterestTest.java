package io.creditguard.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.creditguard.money.Money;
import io.creditguard.receivables.Invoice.CustomerType;
import io.creditguard.reference.Jurisdictions.Allocation;
import io.creditguard.reference.ReferenceRates;

/**
 * Worked examples, each computed by hand from the rule it cites: amount × rate × days / 365 per
 * period, rounded to öre or cents per period.
 */
class LateInterestTest {

    private static final StatutoryRules RULES = StatutoryRules.standard();
    private static final Currency SEK = Currency.getInstance("SEK");
    private static final Currency EUR = Currency.getInstance("EUR");

    private static LateInterest.Result statutory(String country, CustomerType type, Money principal, String due, String asOf) {
        LocalDate dueDate = LocalDate.parse(due);
        LateInterest.Basis basis = RULES.interestBasis(country, type, dueDate.plusDays(1)).orElseThrow();
        return LateInterest.accrue(principal, dueDate.plusDays(1), LocalDate.parse(asOf), basis, RULES.rates(), List.of(),
                Allocation.COSTS_INTEREST_PRINCIPAL, List.of());
    }

    private static LateInterest.Result dutchWithPayment(Allocation allocation, List<LateInterest.Charge> charges) {
        LocalDate due = LocalDate.parse("2025-07-31");
        LateInterest.Basis basis = RULES.interestBasis("NL", CustomerType.BUSINESS, due.plusDays(1)).orElseThrow();
        return LateInterest.accrue(Money.of(EUR, new BigDecimal("1000")), due.plusDays(1), LocalDate.parse("2025-09-30"), basis,
                RULES.rates(), List.of(new LateInterest.Receipt(LocalDate.parse("2025-08-31"), Money.of(EUR, new BigDecimal("500")))),
                allocation, charges);
    }

    @Test
    void swedishInterestSplitsAtTheHalfYear() {
        // Räntelagen 6 §: referensränta + 8. 2024H1 and 2024H2 are both 4.00 % (so 12 %), each its own period.
        // 10 000 kr due 2024-05-31: 1-30 June = 30 days → 98.63; 1 July-15 August = 46 days → 151.23.
        var result = statutory("SE", CustomerType.BUSINESS, Money.of(SEK, new BigDecimal("10000")), "2024-05-31", "2024-08-15");
        assertThat(result.periods()).extracting(LateInterest.Period::days).containsExactly(30L, 46L);
        assertThat(result.periods()).extracting(p -> p.ratePercent().toPlainString()).containsExactly("12.00", "12.00");
        assertThat(result.periods()).extracting(p -> p.amount().amount().toPlainString()).containsExactly("98.63", "151.23");
        assertThat(result.interest().amount()).isEqualByComparingTo("249.86");
        assertThat(result.complete()).isTrue();
    }

    @Test
    void swedishRateChangesOnNewYear() {
        // 2024H2 12 %, 2025H1 11 % (referensränta 3.00, late-payment-rates.md): 16 days → 52.60, 31 days → 93.42.
        var result = statutory("SE", CustomerType.CONSUMER, Money.of(SEK, new BigDecimal("10000")), "2024-12-15", "2025-01-31");
        assertThat(result.periods()).extracting(p -> p.ratePercent().toPlainString()).containsExactly("12.00", "11.00");
        assertThat(result.interest().amount()).isEqualByComparingTo("146.02");
    }

    @Test
    void dutchCommercialInterestCompoundsAfterEachYear() {
        // BW 6:119a lid 2: after a year the year's interest joins the base. €1 000 due 2023-01-31:
        // 150 d at 10.50 % = 43.15; 184 d at 12.00 % = 60.49; 31 d at 12.50 % = 10.62;
        // from 2024-02-01 the base is 1 114.26: 60 d at 12.50 % = 22.90. Total 137.16.
        var result = statutory("NL", CustomerType.BUSINESS, Money.of(EUR, new BigDecimal("1000")), "2023-01-31", "2024-03-31");
        assertThat(result.periods()).extracting(p -> p.amount().amount().toPlainString())
                .containsExactly("43.15", "60.49", "10.62", "22.90");
        assertThat(result.periods().get(3).base().amount()).isEqualByComparingTo("1114.26");
        assertThat(result.interest().amount()).isEqualByComparingTo("137.16");
    }

    @Test
    void dutchConsumerInterestUsesTheStatutoryRateItself() {
        // BW 6:119: 7 % through 2024 (one row for the year, so no split at 1 July). €500 due 2024-03-31,
        // 1 April-30 September = 183 days: 500 × 7 % × 183 / 365 = 17.55.
        var result = statutory("NL", CustomerType.CONSUMER, Money.of(EUR, new BigDecimal("500")), "2024-03-31", "2024-09-30");
        assertThat(result.periods()).hasSize(1);
        assertThat(result.interest().amount()).isEqualByComparingTo("17.55");
    }

    @Test
    void dutchCommercialRateIsTheEcbRatePlusEight() {
        // BW 6:120 lid 2: ECB MRO on 1 July 2025 (2.15) + 8 = 10.15 %. €8 000, 31 days: 68.96.
        var result = statutory("NL", CustomerType.BUSINESS, Money.of(EUR, new BigDecimal("8000")), "2025-07-31", "2025-08-31");
        assertThat(result.periods().get(0).ratePercent()).isEqualByComparingTo("10.15");
        assertThat(result.interest().amount()).isEqualByComparingTo("68.96");
    }

    @Test
    void aHalfYearWithoutAVerifiedRateIsListedAndLeftOut() {
        // 2026H2 has no verified referensränta (late-payment-rates.md): its days get no rate and no amount.
        var result = statutory("SE", CustomerType.BUSINESS, Money.of(SEK, new BigDecimal("10000")), "2026-06-15", "2026-07-10");
        assertThat(result.complete()).isFalse();
        assertThat(result.periods()).hasSize(2);
        assertThat(result.periods().get(0).amount().amount()).isEqualByComparingTo("41.10"); // 15 d at 10 %
        assertThat(result.periods().get(1).ratePercent()).isNull();
        assertThat(result.periods().get(1).from()).isEqualTo(LocalDate.parse("2026-07-01"));
        assertThat(result.interest().amount()).isEqualByComparingTo("41.10");
    }

    @Test
    void aRateSuppliedByTheCallerFillsTheGap() {
        var rates = RULES.rates().overlaidWith(List.of(new ReferenceRates.Rate(ReferenceRates.Scheme.SE_REFERENSRANTA,
                LocalDate.parse("2026-07-01"), LocalDate.parse("2026-12-31"), new BigDecimal("2.00"), "test")));
        var basis = RULES.interestBasis("SE", CustomerType.BUSINESS, LocalDate.parse("2026-06-16")).orElseThrow();
        var result = LateInterest.accrue(Money.of(SEK, new BigDecimal("10000")), LocalDate.parse("2026-06-16"),
                LocalDate.parse("2026-07-10"), basis, rates, List.of(), Allocation.PRINCIPAL_FIRST, List.of());
        assertThat(result.complete()).isTrue();
        assertThat(result.interest().amount()).isEqualByComparingTo("68.50"); // 41.10 + 10 days at 10 % = 27.40
    }

    @ParameterizedTest(name = "agreed {0} % on {1} for {2} days = {3}")
    @CsvSource({"10, 15500.00, 21, 89.18", "24, 1000.00, 365, 240.00", "0, 1000.00, 30, 0.00"})
    void agreedRateIsSimpleInterest(BigDecimal rate, BigDecimal principal, int days, BigDecimal expected) {
        LocalDate due = LocalDate.parse("2025-03-01");
        var result = LateInterest.accrue(Money.of(Currency.getInstance("DKK"), principal), due.plusDays(1), due.plusDays(days),
                LateInterest.Basis.agreed(rate), RULES.rates(), List.of(), Allocation.PRINCIPAL_FIRST, List.of());
        assertThat(result.interest().amount()).isEqualByComparingTo(expected);
        assertThat(result.legalBasis()).isEqualTo("agreed rate");
    }

    @Test
    void nothingAccruesOnOrBeforeTheDueDate() {
        var result = statutory("SE", CustomerType.BUSINESS, Money.of(SEK, new BigDecimal("10000")), "2025-03-14", "2025-03-14");
        assertThat(result.interest().isZero()).isTrue();
        assertThat(result.periods()).isEmpty();
    }

    @Test
    void aPaymentMeetsInterestBeforePrincipalUnderDutchLaw() {
        // BW 6:44 lid 1. €1 000 due 2025-07-31 at 10.15 %: August (31 days) accrues 8.62. €500 paid on 31 August
        // counts from 1 September (BW 6:119a lid 1): 8.62 to interest, 491.38 to principal, 508.62 left.
        // September, 30 days on 508.62: 508.62 × 10.15 % × 30 / 365 = 4.24.
        var result = dutchWithPayment(Allocation.COSTS_INTEREST_PRINCIPAL, List.of());
        assertThat(result.payments()).singleElement().satisfies(p -> {
            assertThat(p.toCosts().amount()).isEqualByComparingTo("0.00");
            assertThat(p.toInterest().amount()).isEqualByComparingTo("8.62");
            assertThat(p.toPrincipal().amount()).isEqualByComparingTo("491.38");
        });
        assertThat(result.periods()).extracting(p -> p.base().amount().toPlainString()).containsExactly("1000.00", "508.62");
        assertThat(result.periods()).extracting(p -> p.amount().amount().toPlainString()).containsExactly("8.62", "4.24");
        assertThat(result.interestPaid().amount()).isEqualByComparingTo("8.62");
        assertThat(result.interestOutstanding().amount()).isEqualByComparingTo("4.24");
        assertThat(result.principal().amount()).isEqualByComparingTo("508.62");
    }

    @Test
    void costsDueBeforeAPaymentAreMetFirst() {
        // The €40 fixed compensation fell due on 1 August: of €500, 40 to costs, 8.62 to interest, 451.38 to
        // principal (548.62 left); September: 548.62 × 10.15 % × 30 / 365 = 4.58.
        var result = dutchWithPayment(Allocation.COSTS_INTEREST_PRINCIPAL,
                List.of(new LateInterest.Charge(LocalDate.parse("2025-08-01"), Money.of(EUR, new BigDecimal("40")))));
        assertThat(result.costsPaid().amount()).isEqualByComparingTo("40.00");
        assertThat(result.principal().amount()).isEqualByComparingTo("548.62");
        assertThat(result.periods().get(1).amount().amount()).isEqualByComparingTo("4.58");
    }

    @Test
    void costsFallingDueAfterThePaymentAreLeftForLater() {
        var result = dutchWithPayment(Allocation.COSTS_INTEREST_PRINCIPAL,
                List.of(new LateInterest.Charge(LocalDate.parse("2025-09-15"), Money.of(EUR, new BigDecimal("40")))));
        assertThat(result.costsPaid().amount()).isEqualByComparingTo("0.00");
        assertThat(result.principal().amount()).isEqualByComparingTo("508.62");
    }

    @Test
    void principalFirstLeavesTheInterestOwed() {
        // €500 all to principal; September on 500: 500 × 10.15 % × 30 / 365 = 4.17; 8.62 + 4.17 outstanding.
        var result = dutchWithPayment(Allocation.PRINCIPAL_FIRST, List.of());
        assertThat(result.principal().amount()).isEqualByComparingTo("500.00");
        assertThat(result.interestPaid().amount()).isEqualByComparingTo("0.00");
        assertThat(result.interestOutstanding().amount()).isEqualByComparingTo("12.79");
    }

    @Test
    void aPaymentOnOrBeforeTheDueDateMeetsThePrincipalOnly() {
        LocalDate due = LocalDate.parse("2025-07-31");
        var basis = RULES.interestBasis("NL", CustomerType.BUSINESS, due.plusDays(1)).orElseThrow();
        var result = LateInterest.accrue(Money.of(EUR, new BigDecimal("1000")), due.plusDays(1), LocalDate.parse("2025-08-31"), basis,
                RULES.rates(), List.of(new LateInterest.Receipt(due, Money.of(EUR, new BigDecimal("600")))),
                Allocation.COSTS_INTEREST_PRINCIPAL, List.of(new LateInterest.Charge(due.plusDays(1), Money.of(EUR, new BigDecimal("40")))));
        // 400 × 10.15 % × 31 / 365 = 3.45
        assertThat(result.payments().get(0).toPrincipal().amount()).isEqualByComparingTo("600.00");
        assertThat(result.interest().amount()).isEqualByComparingTo("3.45");
    }

    @Test
    void paymentsAfterTheDayAreNotCounted() {
        LocalDate due = LocalDate.parse("2025-07-31");
        var basis = RULES.interestBasis("NL", CustomerType.BUSINESS, due.plusDays(1)).orElseThrow();
        var result = LateInterest.accrue(Money.of(EUR, new BigDecimal("1000")), due.plusDays(1), LocalDate.parse("2025-08-31"), basis,
                RULES.rates(), List.of(new LateInterest.Receipt(LocalDate.parse("2025-09-01"), Money.of(EUR, new BigDecimal("600")))),
                Allocation.COSTS_INTEREST_PRINCIPAL, List.of());
        assertThat(result.payments()).isEmpty();
        assertThat(result.principal().amount()).isEqualByComparingTo("1000.00");
    }

    @Test
    void lawsWithoutARuleHaveNoStatutoryBasis() {
        assertThat(RULES.interestBasis("PL", CustomerType.BUSINESS, LocalDate.parse("2025-01-01"))).isEmpty();
        assertThat(RULES.interestBasis("BG", CustomerType.BUSINESS, LocalDate.parse("2026-01-01"))).isEmpty();
        assertThat(RULES.interestBasis("DE", CustomerType.CONSUMER, LocalDate.parse("2025-01-01")))
                .hasValueSatisfying(b -> {
                    assertThat(b.scheme()).contains(ReferenceRates.Scheme.DE_BASISZINSSATZ);
                    assertThat(b.addPoints()).isEqualByComparingTo("5");
                });
    }
}
