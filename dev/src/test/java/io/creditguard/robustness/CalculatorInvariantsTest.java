package io.creditguard.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.creditguard.breakeven.LossBreakeven;
import io.creditguard.claims.ClaimAssessment;
import io.creditguard.claims.ClaimRequest;
import io.creditguard.money.Money;
import io.creditguard.receivables.Invoice;
import io.creditguard.reference.Jurisdictions.Allocation;
import io.creditguard.reminders.LateInterest;
import io.creditguard.reminders.StatutoryRules;
import io.creditguard.generated.Cases;

/** What must hold for every valid input, whatever the numbers. */
class CalculatorInvariantsTest {

    private static final Currency SEK = Currency.getInstance("SEK");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final StatutoryRules RULES = StatutoryRules.standard();

    @TestFactory
    Stream<DynamicTest> requiredSalesTimesMarginIsTheLoss() {
        return Cases.of("required sales", gen -> requiredSalesTimesMarginIsTheLoss(gen.decimal("1", "100000000", 2),
                gen.decimal("0.001", "1", 3)));
    }

    private static void requiredSalesTimesMarginIsTheLoss(BigDecimal loss, BigDecimal margin) {
        var result = LossBreakeven.calculate(new LossBreakeven.Input(Money.of(SEK, loss), margin, null));
        // requiredSales is rounded to öre, so sales × margin may differ from the loss by at most half an öre × margin.
        BigDecimal back = result.requiredSales().amount().multiply(margin);
        assertThat(back.subtract(loss).abs()).isLessThanOrEqualTo(new BigDecimal("0.005"));
    }

    @TestFactory
    Stream<DynamicTest> indemnityNeverExceedsTheInsuredShareOrTheCapAndIsNeverNegative() {
        return Cases.of("indemnity", gen -> indemnityBounds(gen.decimal("0", "10000000", 2), gen.decimal("0", "10000000", 2),
                gen.decimal("0.01", "1", 2), gen.decimal("0", "100000", 2), gen.decimal("0", "10000000", 2)));
    }

    private static void indemnityBounds(BigDecimal open, BigDecimal limit, BigDecimal cover, BigDecimal deductible,
            BigDecimal cap) {
        var terms = new ClaimAssessment.Terms("I", "P", Optional.empty(), SEK, cover, Money.of(SEK, deductible),
                ClaimAssessment.DeductibleOrder.AFTER_COVER, Optional.empty(), Optional.of(Money.of(SEK, cap)),
                List.of(new ClaimAssessment.Limit("B", Money.of(SEK, limit), LocalDate.parse("2025-01-01"))),
                Optional.empty(), 60, 60, 90, 90, 30);
        var debt = new ClaimAssessment.DebtInput("F", LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-01"),
                LocalDate.parse("2025-03-31"), Money.of(SEK, open), Money.of(SEK, open), false, false,
                List.of(new Invoice.SentReminder(1, LocalDate.parse("2025-04-05"))));
        var result = ClaimAssessment.assess(new ClaimAssessment.Input(terms, new ClaimRequest.Buyer("B", "Buyer", "SE", null),
                List.of(debt), List.of(new ClaimAssessment.EventInput(ClaimRequest.EventType.BANKRUPTCY,
                        LocalDate.parse("2025-05-01"), null)), List.of(), LocalDate.parse("2025-05-10"), Optional.empty(),
                Optional.empty()));
        BigDecimal indemnity = result.indemnity().amount().amount();
        assertThat(indemnity).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(indemnity).isLessThanOrEqualTo(open.multiply(cover).setScale(2, RoundingMode.HALF_EVEN));
        assertThat(indemnity).isLessThanOrEqualTo(cap);
        assertThat(result.uninsuredLoss().amount().add(indemnity)).isEqualByComparingTo(open);
    }

    @TestFactory
    Stream<DynamicTest> lateInterestIsNonNegativeAndGrowsWithEveryDay() {
        return Cases.of("late interest", gen -> lateInterestGrows(gen.decimal("0.01", "10000000", 2),
                gen.longBetween(0, 1500), gen.integer(0, 400), gen.chance(2)));
    }

    private static void lateInterestGrows(BigDecimal principal, long dueDaysAfter2022, int days, boolean dutch) {
        LocalDate due = LocalDate.parse("2022-01-01").plusDays(dueDaysAfter2022);
        String country = dutch ? "NL" : "SE";
        Money amount = Money.of(dutch ? EUR : SEK, principal);
        LateInterest.Basis basis = RULES.interestBasis(country, Invoice.CustomerType.BUSINESS, due.plusDays(1)).orElseThrow();
        var shorter = LateInterest.accrue(amount, due.plusDays(1), due.plusDays(days), basis, RULES.rates(), List.of(),
                Allocation.COSTS_INTEREST_PRINCIPAL, List.of());
        var longer = LateInterest.accrue(amount, due.plusDays(1), due.plusDays(days + 1L), basis, RULES.rates(), List.of(),
                Allocation.COSTS_INTEREST_PRINCIPAL, List.of());
        assertThat(shorter.interest().isNegative()).isFalse();
        assertThat(longer.interest()).isGreaterThanOrEqualTo(shorter.interest());
    }

    @TestFactory
    Stream<DynamicTest> wikCostsStayWithinTheStatutoryBoundsAndNeverFallAsTheDebtGrows() {
        return Cases.of("WIK costs", gen -> wikBounds(gen.decimal("0.01", "5000000", 2), gen.decimal("0", "1000", 2)));
    }

    private static void wikBounds(BigDecimal principal, BigDecimal more) {
        Money costs = RULES.staffel(Money.of(EUR, principal), LocalDate.parse("2025-06-01"));
        Money costsOfMore = RULES.staffel(Money.of(EUR, principal.add(more)), LocalDate.parse("2025-06-01"));
        assertThat(costs.amount()).isBetween(new BigDecimal("40.00"), new BigDecimal("6775.00"));
        assertThat(costsOfMore).isGreaterThanOrEqualTo(costs);
    }
}
