package io.creditguard.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.creditguard.claims.ClaimAssessment.DeadlineStatus;
import io.creditguard.claims.ClaimAssessment.Exclusion;
import io.creditguard.claims.ClaimAssessment.Status;
import io.creditguard.claims.ClaimAssessment.Trigger;
import io.creditguard.claims.ClaimRequest.DocumentType;
import io.creditguard.claims.ClaimRequest.EventType;
import io.creditguard.money.Money;
import io.creditguard.receivables.Invoice;

/**
 * Worked cases of the indemnity formula and the policy rules. Policy shape after Coface,
 * "Så skyddar du kassaflödet med kreditförsäkring", 2026-01-05: a limit per buyer, 60-day maximum credit, report overdue within 60 days, file within 90, wait 90
 * days for protracted default, paid 30 days after validation.
 */
class ClaimAssessmentTest {

    private static final Currency SEK = Currency.getInstance("SEK");
    private static final LocalDate LIMIT_APPROVED = LocalDate.parse("2025-01-15");

    private static Money sek(String amount) {
        return Money.of(SEK, new BigDecimal(amount));
    }

    /** A case built one change at a time from a covered, protracted-default claim. */
    private record Case(String percent, String deductible, String limit, String cap, String minimum,
            List<ClaimAssessment.DebtInput> debts, List<ClaimAssessment.EventInput> events, List<DocumentType> documents,
            String asOf, String filedOn, String paidOn, ClaimAssessment.DeductibleOrder order,
            List<ClaimAssessment.Limit> limits) {

        static Case standard() {
            return new Case("0.90", "10000", "300000", null, null,
                    List.of(debt("F-1", "2025-03-01", "2025-03-01", "2025-03-31", "200000")),
                    List.of(event(EventType.OVERDUE_NOTIFIED, "2025-05-10"), event(EventType.COLLECTION_STARTED, "2025-05-12")),
                    List.of(DocumentType.values()), "2025-08-08", null, null,
                    ClaimAssessment.DeductibleOrder.AFTER_COVER, null);
        }

        Case terms(String percent, String deductible, String limit, String cap, String minimum) {
            return new Case(percent, deductible, limit, cap, minimum, debts, events, documents, asOf, filedOn, paidOn, order, limits);
        }

        Case debts(ClaimAssessment.DebtInput... list) {
            return new Case(percent, deductible, limit, cap, minimum, List.of(list), events, documents, asOf, filedOn, paidOn, order, limits);
        }

        Case events(ClaimAssessment.EventInput... list) {
            return new Case(percent, deductible, limit, cap, minimum, debts, List.of(list), documents, asOf, filedOn, paidOn, order, limits);
        }

        Case documents(DocumentType... list) {
            return new Case(percent, deductible, limit, cap, minimum, debts, events, List.of(list), asOf, filedOn, paidOn, order, limits);
        }

        Case on(String day) {
            return new Case(percent, deductible, limit, cap, minimum, debts, events, documents, day, filedOn, paidOn, order, limits);
        }

        Case filed(String day, String paid) {
            return new Case(percent, deductible, limit, cap, minimum, debts, events, documents, asOf, day, paid, order, limits);
        }

        Case deductible(ClaimAssessment.DeductibleOrder deductibleOrder) {
            return new Case(percent, deductible, limit, cap, minimum, debts, events, documents, asOf, filedOn, paidOn,
                    deductibleOrder, limits);
        }

        /** The buyer's limits as approved over time, in place of the one {@code limit}. */
        Case limits(ClaimAssessment.Limit... approved) {
            return new Case(percent, deductible, limit, cap, minimum, debts, events, documents, asOf, filedOn, paidOn,
                    order, List.of(approved));
        }

        ClaimAssessment.Result assess() {
            List<ClaimAssessment.Limit> limits = this.limits != null ? this.limits : limit == null ? List.of()
                    : List.of(new ClaimAssessment.Limit("B-1", sek(limit), LIMIT_APPROVED));
            var terms = new ClaimAssessment.Terms("Kreditförsäkring AB", "P-123", Optional.of("Säljaren AB"), SEK, new BigDecimal(percent), sek(deductible), order,
                    Optional.ofNullable(minimum).map(ClaimAssessmentTest::sek), Optional.ofNullable(cap).map(ClaimAssessmentTest::sek),
                    limits, Optional.empty(), 60, 60, 90, 90, 30);
            return ClaimAssessment.assess(new ClaimAssessment.Input(terms,
                    new ClaimRequest.Buyer("B-1", "Köparen AB", "SE", "556036-0793"), debts, events, documents,
                    LocalDate.parse(asOf), Optional.ofNullable(filedOn).map(LocalDate::parse),
                    Optional.ofNullable(paidOn).map(LocalDate::parse)));
        }
    }

    static ClaimAssessment.DebtInput debt(String id, String issued, String delivered, String due, String open) {
        return new ClaimAssessment.DebtInput(id, LocalDate.parse(issued), LocalDate.parse(delivered), LocalDate.parse(due),
                sek(open), sek(open), false, false, List.of(new Invoice.SentReminder(1, LocalDate.parse(due).plusDays(7))));
    }

    static ClaimAssessment.EventInput event(EventType type, String date) {
        return new ClaimAssessment.EventInput(type, LocalDate.parse(date), null);
    }

    static ClaimAssessment.EventInput payment(String date, String amount) {
        return new ClaimAssessment.EventInput(EventType.PAYMENT_RECEIVED, LocalDate.parse(date), sek(amount));
    }

    @ParameterizedTest(name = "{6}")
    @CsvSource(nullValues = "-", value = {
            "500000, 0.90, 10000, 300000, -,      260000.00, limit binds: 300 000 × 90 % − 10 000",
            "200000, 0.85, 5000,  300000, -,      165000.00, claim below the limit: 200 000 × 85 % − 5 000",
            "1000000,0.90, 0,     2000000,500000, 500000.00, capped by the maximum indemnity",
            "10000,  0.90, 20000, 300000, -,      0.00,      the deductible absorbs the insured share, never below zero",
            "333333, 0.75, 0,     400000, -,      249999.75, 75 % cover, exact to the öre"})
    void indemnityFormula(String open, String percent, String deductible, String limit, String cap, String expected,
            String why) {
        var result = Case.standard().terms(percent, deductible, limit, cap, null)
                .debts(debt("F-1", "2025-03-01", "2025-03-01", "2025-03-31", open)).assess();
        assertThat(result.indemnity().amount().amount()).as(why).isEqualByComparingTo(expected);
        assertThat(result.uninsuredLoss()).isEqualTo(sek(open).minus(result.indemnity().amount()));
    }

    @Test
    void nothingPaidIsIneligible() {
        var result = Case.standard().terms("0.90", "20000", "300000", null, null)
                .debts(debt("F-1", "2025-03-01", "2025-03-01", "2025-03-31", "10000")).assess();
        assertThat(result.status()).isEqualTo(Status.INELIGIBLE);
        assertThat(result.worthFiling()).isFalse();
    }

    @Test
    void belowTheMinimumClaimIsNotWorthFiling() {
        var result = Case.standard().terms("0.90", "0", "300000", null, "5000")
                .debts(debt("F-1", "2025-03-01", "2025-03-01", "2025-03-31", "3000")).assess();
        assertThat(result.worthFiling()).isFalse();
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("below the policy's minimum claim"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "DISPUTED,                        2025-03-01, 2025-03-01, 2025-03-31, true",
            "BEYOND_CREDIT_PERIOD,            2025-03-01, 2025-03-01, 2025-05-15, false",
            "DELIVERED_BEFORE_LIMIT_APPROVED, 2025-01-20, 2025-01-10, 2025-02-19, false",
            "DELIVERED_AFTER_INSOLVENCY,      2025-06-10, 2025-06-10, 2025-07-10, false"})
    void eachExclusion(Exclusion expected, String issued, String delivered, String due, boolean disputed) {
        var bad = new ClaimAssessment.DebtInput("F-2", LocalDate.parse(issued), LocalDate.parse(delivered),
                LocalDate.parse(due), sek("50000"), sek("50000"), false, disputed, List.of());
        var result = Case.standard().debts(debt("F-1", "2025-03-01", "2025-03-01", "2025-03-31", "100000"), bad)
                .events(event(EventType.OVERDUE_NOTIFIED, "2025-05-10"), event(EventType.BANKRUPTCY, "2025-06-01"))
                .assess();
        var view = result.debts().stream().filter(d -> d.invoiceId().equals("F-2")).findFirst().orElseThrow();
        assertThat(view.insured()).isFalse();
        assertThat(view.reasons()).extracting(ClaimAssessment.Reason::code).contains(expected);
        assertThat(result.claimableAmount()).isEqualTo(sek("100000"));
    }

    @Test
    void paidAndAboveLimitDebts() {
        var paid = new ClaimAssessment.DebtInput("F-0", LocalDate.parse("2025-02-01"), LocalDate.parse("2025-02-01"),
                LocalDate.parse("2025-03-03"), sek("40000"), sek("0"), false, false, List.of());
        var result = Case.standard().debts(paid, debt("F-1", "2025-03-01", "2025-03-01", "2025-03-31", "250000"),
                debt("F-2", "2025-03-10", "2025-03-10", "2025-04-09", "100000")).assess();
        assertThat(result.debts().get(0).reasons()).extracting(ClaimAssessment.Reason::code).containsExactly(Exclusion.PAID);
        // Oldest first against the 300 000 limit: F-1 fully, F-2 for 50 000 of 100 000.
        assertThat(result.debts().get(2).insuredAmount()).isEqualTo(sek("50000"));
        assertThat(result.debts().get(2).insured()).isTrue();
        assertThat(result.debts().get(2).reasons()).extracting(ClaimAssessment.Reason::code).containsExactly(Exclusion.ABOVE_LIMIT);
        assertThat(result.indemnity().base()).isEqualTo(sek("300000"));
    }

    @Test
    void noCreditLimitMeansNothingIsInsured() {
        var result = Case.standard().terms("0.90", "0", null, null, null).assess();
        assertThat(result.status()).isEqualTo(Status.INELIGIBLE);
        assertThat(result.debts().get(0).reasons()).extracting(ClaimAssessment.Reason::code)
                .containsExactly(Exclusion.NO_CREDIT_LIMIT);
    }

    @ParameterizedTest(name = "notified {0}, assessed {1}: notify {2}, status {3}")
    @CsvSource(nullValues = "-", value = {
            // Oldest due 2025-03-31 + 60 days = 2025-05-30.
            "2025-05-10, 2025-08-08, MET,    CLAIMABLE",
            "2025-06-05, 2025-09-20, MISSED, FILED_LATE_RISK",
            "-,          2025-05-20, AHEAD,  NOT_YET_CLAIMABLE",
            "-,          2025-06-02, MISSED, FILED_LATE_RISK",
            "2025-05-10, 2025-06-20, MET,    NOT_YET_CLAIMABLE"})
    void overdueNotificationDeadline(String notified, String asOf, DeadlineStatus notify, Status status) {
        List<ClaimAssessment.EventInput> events = new ArrayList<>(List.of(event(EventType.COLLECTION_STARTED, "2025-05-12")));
        if (notified != null) {
            events.add(event(EventType.OVERDUE_NOTIFIED, notified));
        }
        var result = Case.standard().events(events.toArray(ClaimAssessment.EventInput[]::new)).on(asOf).assess();
        assertThat(result.deadlines().notifyOverdueBy().date()).isEqualTo(LocalDate.parse("2025-05-30"));
        assertThat(result.deadlines().notifyOverdueBy().status()).isEqualTo(notify);
        assertThat(result.status()).isEqualTo(status);
    }

    @ParameterizedTest(name = "filed {0}: {1}")
    @CsvSource(nullValues = "-", value = {"2025-08-01, MET", "2025-08-20, MISSED", "-, MISSED"})
    void claimFilingDeadlineAfterTheReport(String filed, DeadlineStatus expected) {
        // Reported 2025-05-10 + 90 days = 2025-08-08; assessed 2025-08-21.
        var result = Case.standard().on("2025-08-21").filed(filed, null).assess();
        assertThat(result.deadlines().fileClaimBy().date()).isEqualTo(LocalDate.parse("2025-08-08"));
        assertThat(result.deadlines().fileClaimBy().status()).isEqualTo(expected);
    }

    @Test
    void protractedDefaultWaitsThenPaysThirtyDaysAfterValidation() {
        var result = Case.standard().on("2025-07-01").assess();
        assertThat(result.trigger()).isEqualTo(Trigger.PROTRACTED_DEFAULT);
        assertThat(result.deadlines().waitingPeriodEnds().date()).isEqualTo(LocalDate.parse("2025-08-08"));
        assertThat(result.deadlines().waitingPeriodEnds().status()).isEqualTo(DeadlineStatus.AHEAD);
        assertThat(result.deadlines().expectedPaymentBy().date()).isEqualTo(LocalDate.parse("2025-09-07"));
        assertThat(result.status()).isEqualTo(Status.NOT_YET_CLAIMABLE);
    }

    @Test
    void insolvencyIsClaimableAtOnceAndNeedsTheEstatePapers() {
        var result = Case.standard().events(event(EventType.OVERDUE_NOTIFIED, "2025-05-10"),
                event(EventType.BANKRUPTCY, "2025-05-20")).documents(DocumentType.INVOICE_COPIES).on("2025-06-01").assess();
        assertThat(result.trigger()).isEqualTo(Trigger.INSOLVENCY);
        assertThat(result.status()).isEqualTo(Status.CLAIMABLE);
        assertThat(result.deadlines().waitingPeriodEnds().status()).isEqualTo(DeadlineStatus.NOT_APPLICABLE);
        assertThat(result.deadlines().fileClaimBy().date()).isEqualTo(LocalDate.parse("2025-08-18"));
        assertThat(result.missingDocuments()).contains(DocumentType.PROOF_OF_INSOLVENCY, DocumentType.PROOF_OF_CLAIM_LODGED,
                DocumentType.PROOF_OF_DELIVERY).doesNotContain(DocumentType.INVOICE_COPIES);
    }

    @Test
    void aPaymentAfterFilingReducesTheClaim() {
        var result = Case.standard().events(event(EventType.OVERDUE_NOTIFIED, "2025-05-10"), payment("2025-08-15", "50000"))
                .filed("2025-08-10", null).on("2025-08-20").assess();
        assertThat(result.claimableAmount()).isEqualTo(sek("150000"));
        assertThat(result.indemnity().amount()).isEqualTo(sek("125000.00")); // 150 000 × 90 % − 10 000
    }

    @Test
    void recoveryAfterTheIndemnityIsSharedProRata() {
        // Indemnity 260 000 on a 500 000 loss (limit 300 000): the insurer bore 52 %, so of 50 000 recovered
        // it receives 26 000 and the seller keeps 24 000.
        var result = Case.standard().debts(debt("F-1", "2025-03-01", "2025-03-01", "2025-03-31", "500000"))
                .events(event(EventType.OVERDUE_NOTIFIED, "2025-05-10"), payment("2025-10-01", "50000"))
                .filed("2025-08-10", "2025-09-15").on("2025-10-05").assess();
        assertThat(result.indemnity().amount()).isEqualTo(sek("260000.00"));
        assertThat(result.recovery().insurerFraction()).isEqualByComparingTo("0.52");
        assertThat(result.recovery().insurerShare()).isEqualTo(sek("26000.00"));
        assertThat(result.recovery().sellerShare()).isEqualTo(sek("24000.00"));
        assertThat(result.recovery().explanation()).contains("in proportion to the loss each side bore");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            // 200 000 × 90 % − 10 000 = 170 000; (200 000 − 10 000) × 90 % = 171 000.
            "AFTER_COVER,  170000.00, 'insured SEK 200000.00 of claimable SEK 200000.00 × 90 % − deductible SEK 10000.00 = SEK 170000.00'",
            "BEFORE_COVER, 171000.00, '(insured SEK 200000.00 of claimable SEK 200000.00 − deductible SEK 10000.00) × 90 % = SEK 171000.00'"})
    void theDeductibleComesOffInThePolicysOrder(ClaimAssessment.DeductibleOrder order, String expected, String formula) {
        var indemnity = Case.standard().deductible(order).assess().indemnity();
        assertThat(indemnity.amount()).isEqualTo(sek(expected));
        assertThat(indemnity.deductibleOrder()).isEqualTo(order);
        assertThat(indemnity.formula()).isEqualTo(formula);
    }

    /** README: the indemnity comes "with the formula spelled out", so the percentage it shows is the one applied. */
    @ParameterizedTest(name = "insured percentage {0}")
    @CsvSource({
            // 200 000 × 87.654 % − 0 = 175 308.00 (87.65 % would give 175 300.00)
            "0.87654,      175308.00, 'insured SEK 200000.00 of claimable SEK 200000.00 × 87.654 % − deductible SEK 0.00 = SEK 175308.00'",
            // 200 000 × 0.00000001 % = 0.00002 → 0.00 HALF_EVEN; "× 0 %" would hide the figure applied
            "0.0000000001, 0.00,      'insured SEK 200000.00 of claimable SEK 200000.00 × 0.00000001 % − deductible SEK 0.00 = SEK 0.00'"})
    void theFormulaShowsThePercentageApplied(String percent, String expected, String formula) {
        var indemnity = Case.standard().terms(percent, "0", "300000", null, null).assess().indemnity();
        assertThat(indemnity.amount()).isEqualTo(sek(expected));
        assertThat(indemnity.formula()).isEqualTo(formula);
    }

    @Test
    void eachDebtCountsAgainstTheLimitInForceOnItsDelivery() {
        // 100 000 approved 15 January, raised to 250 000 on 1 April. F-1 (delivered 1 March) is insured up to
        // 100 000 of its 150 000; F-2 (delivered 10 April) has the raised limit less the 100 000 already
        // insured: 150 000 of its 200 000. Base 250 000 × 90 % − 10 000 = 215 000.
        var result = Case.standard()
                .limits(new ClaimAssessment.Limit("B-1", sek("100000"), LIMIT_APPROVED),
                        new ClaimAssessment.Limit("B-1", sek("250000"), LocalDate.parse("2025-04-01")))
                .debts(debt("F-1", "2025-03-01", "2025-03-01", "2025-03-31", "150000"),
                        debt("F-2", "2025-04-10", "2025-04-10", "2025-05-10", "200000"))
                .events(event(EventType.OVERDUE_NOTIFIED, "2025-05-10"), event(EventType.BANKRUPTCY, "2025-06-01"))
                .assess();
        assertThat(result.debts()).extracting(d -> d.insuredAmount().amount().toPlainString())
                .containsExactly("100000.00", "150000.00");
        assertThat(result.debts().get(0).reasons()).singleElement().satisfies(r -> assertThat(r.message())
                .contains("credit limit of SEK 100000.00 (approved 2025-01-15) in force on its delivery on 2025-03-01"));
        assertThat(result.indemnity().base()).isEqualTo(sek("250000"));
        assertThat(result.indemnity().amount()).isEqualTo(sek("215000.00"));
    }

    @Test
    void aLimitCancelledBeforeDeliveryInsuresNothing() {
        var result = Case.standard()
                .limits(new ClaimAssessment.Limit("B-1", sek("300000"), LIMIT_APPROVED),
                        new ClaimAssessment.Limit("B-1", sek("0"), LocalDate.parse("2025-02-20")))
                .assess();
        assertThat(result.debts().get(0).reasons()).extracting(ClaimAssessment.Reason::code)
                .containsExactly(Exclusion.NO_CREDIT_LIMIT);
        assertThat(result.indemnity().amount().isZero()).isTrue();
    }

    @Test
    void unresolvedDisputeAndMissingCollectionAreNoted() {
        var result = Case.standard().events(event(EventType.OVERDUE_NOTIFIED, "2025-05-10"),
                event(EventType.DISPUTE_RAISED, "2025-05-15")).assess();
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("dispute on 2025-05-15"));
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("No collection has been started"));
    }
}
