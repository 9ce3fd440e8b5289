package io.creditguard.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import io.creditguard.breakeven.LossBreakeven;
import io.creditguard.claims.ClaimAssessment;
import io.creditguard.claims.ClaimRequest;
import io.creditguard.money.Money;
import io.creditguard.receivables.Invoice;
import io.creditguard.reminders.LateInterest;
import io.creditguard.reminders.StatutoryRules;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;

/** What must hold for every valid input, whatever the numbers. */
class CalculatorInvariantsTest {

    private static final Currency SEK = Currency.getInstance("SEK");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final StatutoryRules RULES = StatutoryRules.standard();

    @Property
    void requiredSalesTimesMarginIsTheLoss(@ForAll @BigRange(min = "1", max = "100000000") @Scale(2) BigDecimal loss,
            @ForAll @BigRange(min = "0.001", max = "1") @Scale(3) BigDecimal margin) {
        var result = LossBreakeven.calculate(new LossBreakeven.Input(Money.of(SEK, loss), margin, null));
        // requiredSales is rounded to öre, so sales × margin may differ from the loss by at most half an öre × margin.
        BigDecimal back = result.requiredSales().amount().multiply(margin);
        assertThat(back.subtract(loss).abs()).isLessThanOrEqualTo(new BigDecimal("0.005"));
    }

    @Property
    void indemnityNeverExceedsTheInsuredShareOrTheCapAndIsNeverNegative(
            @ForAll @BigRange(min = "0", max = "10000000") @Scale(2) BigDecimal open,
            @ForAll @BigRange(min = "0", max = "10000000") @Scale(2) BigDecimal limit,
            @ForAll @BigRange(min = "0.01", max = "1") @Scale(2) BigDecimal cover,
            @ForAll @BigRange(min = "0", max = "100000") @Scale(2) BigDecimal deductible,
            @ForAll @BigRange(min = "0", max = "10000000") @Scale(2) BigDecimal cap) {
        var terms = new ClaimAssessment.Terms("I", "P", Optional.empty(), SEK, cover, Money.of(SEK, deductible),
                Optional.empty(), Optional.of(Money.of(SEK, cap)),
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

    @Property
    void lateInterestIsNonNegativeAndGrowsWithEveryDay(
            @ForAll @BigRange(min = "0.01", max = "10000000") @Scale(2) BigDecimal principal,
            @ForAll @LongRange(min = 0, max = 1500) long dueDaysAfter2022, @ForAll @IntRange(min = 0, max = 400) int days,
            @ForAll boolean dutch) {
        LocalDate due = LocalDate.parse("2022-01-01").plusDays(dueDaysAfter2022);
        String country = dutch ? "NL" : "SE";
        Money amount = Money.of(dutch ? EUR : SEK, principal);
        LateInterest.Basis basis = RULES.interestBasis(country, Invoice.CustomerType.BUSINESS, due.plusDays(1)).orElseThrow();
        var shorter = LateInterest.accrue(amount, due, due.plusDays(days), basis, RULES.rates());
        var longer = LateInterest.accrue(amount, due, due.plusDays(days + 1L), basis, RULES.rates());
        assertThat(shorter.amount().isNegative()).isFalse();
        assertThat(longer.amount()).isGreaterThanOrEqualTo(shorter.amount());
    }

    @Property
    void wikCostsStayWithinTheStatutoryBoundsAndNeverFallAsTheDebtGrows(
            @ForAll @BigRange(min = "0.01", max = "5000000") @Scale(2) BigDecimal principal,
            @ForAll @BigRange(min = "0", max = "1000") @Scale(2) BigDecimal more) {
        Money costs = RULES.wikCosts(Money.of(EUR, principal), LocalDate.parse("2025-06-01"));
        Money costsOfMore = RULES.wikCosts(Money.of(EUR, principal.add(more)), LocalDate.parse("2025-06-01"));
        assertThat(costs.amount()).isBetween(new BigDecimal("40.00"), new BigDecimal("6775.00"));
        assertThat(costsOfMore).isGreaterThanOrEqualTo(costs);
    }
}
