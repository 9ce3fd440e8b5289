package io.creditguard.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.creditguard.receivables.Invoice.CustomerType;
import io.creditguard.reminders.ReminderEngine.DunningLetter;

/**
 * The day's dunning letters composed into the letters that go out, with the Dutch consumer's
 * collection costs reckoned over all the claims of one letter (BW 6:96 lid 7) and the staffel of the
 * Besluit vergoeding voor buitengerechtelijke incassokosten art. 2 (15 % of the first €2 500, at
 * least €40).
 */
class StatementsTest {

    private static final ReminderPolicy POLICY = TestPolicies.seller("SE");
    private static final ReminderEngine ENGINE = TestPolicies.engine(POLICY);

    private static List<Statements.Statement> compose(ReminderEngine engine, String asOf, TestInvoices... invoices) {
        LocalDate day = LocalDate.parse(asOf);
        List<DunningLetter> letters = java.util.Arrays.stream(invoices)
                .map(i -> engine.decide(i.build(), day).letter().orElseThrow()).toList();
        return Statements.compose(engine, letters, day);
    }

    private static TestInvoices dutchConsumer(String id, String open) {
        return TestInvoices.of("NL", CustomerType.CONSUMER, "EUR", open, "2025-03-17").id(id);
    }

    private static List<String> fees(Statements.Statement statement, FeeCode code) {
        return statement.invoices().stream().flatMap(l -> l.line().balance().fees().stream())
                .filter(f -> f.code() == code).map(f -> f.amount().amount().toPlainString()).toList();
    }

    @Test
    void twoSmallConsumerClaimsAreOneFourteenDayLetterWithTheCostsOverBoth() {
        // Lid 7: €100 + €100 = €200; 15 % is €30, so the €40 minimum, once, not €40 for each.
        // Sent 24 March, received 26 March, the 14 days end Wednesday 9 April.
        List<Statements.Statement> statements = compose(ENGINE, "2025-03-24", dutchConsumer("a", "100"),
                dutchConsumer("b", "100"));
        assertThat(statements).singleElement().satisfies(s -> {
            assertThat(s.invoices()).extracting(DunningLetter::invoiceId).containsExactly("a", "b");
            assertThat(s.collectionCostsIfUnpaid().amount()).isEqualByComparingTo("40.00");
            assertThat(s.noticeTermEnds()).isEqualTo(LocalDate.parse("2025-04-09"));
            assertThat(s.payBy()).isEqualTo(LocalDate.parse("2025-04-09"));
            assertThat(fees(s, FeeCode.COLLECTION_COSTS)).isEmpty();
        });
    }

    @Test
    void theFourteenDayLetterStatesTheCostsOnThePrincipalPaymentsLeft() {
        // €1 000 due Monday 2025-03-17, €600 paid on the 20th. Wettelijke rente 2025H1 6 %: the 18th to the 20th,
        // 1000 × 0.06 × 3 / 365 = 0.49, which the payment meets first (BW 6:44), then 599.51 of the principal,
        // leaving 400.49. The staffel on that: 15 % of 400.49 = 60.07 (not 15 % of the €1 000 invoiced, 150).
        List<Statements.Statement> statements = compose(ENGINE, "2025-03-24", dutchConsumer("a", "1000")
                .paid("2025-03-20", "600"));
        assertThat(statements).singleElement().satisfies(s -> {
            assertThat(s.invoices().get(0).line().balance().principal().amount()).isEqualByComparingTo("400.49");
            assertThat(s.collectionCostsIfUnpaid().amount()).isEqualByComparingTo("60.07");
        });
    }

    @Test
    void afterTheTermTheCostsAreChargedOnceInSharesOfThePrincipal() {
        // €100 and €200: the staffel on €300 is €45, borne 15 and 30. The total adds both shares.
        List<Statements.Statement> statements = compose(ENGINE, "2025-04-10",
                dutchConsumer("a", "100").sent("1:2025-03-24"), dutchConsumer("b", "200").sent("1:2025-03-24"));
        Statements.Statement statement = statements.get(0);
        assertThat(statements).hasSize(1);
        assertThat(fees(statement, FeeCode.COLLECTION_COSTS)).containsExactly("15.00", "30.00");
        assertThat(statement.collectionCostsIfUnpaid()).isNull();
        assertThat(statement.invoices().get(0).line().balance().fees().get(0).legalBasis())
                .contains("berekend over de 2 facturen van deze brief samen, EUR 300.00 in totaal (BW 6:96 lid 7)");
        var totals = statement.invoices().stream().map(l -> l.line().balance().total()).reduce(io.creditguard.money.Money::plus)
                .orElseThrow();
        assertThat(statement.total()).isEqualTo(totals);
        assertThat(statement.invoices().get(1).line().balance().total().minus(
                statement.invoices().get(1).line().balance().interest().outstanding()).amount())
                .isEqualByComparingTo("230.00");
    }

    @Test
    void sharesAddUpToTheCostsWhateverTheRounding() {
        // €100, €100 and €133.33: €333.33 × 15 % = €50.00 (49.9995); 100/333.33 of it is 15.0002 → 15.00 twice,
        // the last takes the 20.00 left.
        List<Statements.Statement> statements = compose(ENGINE, "2025-04-10",
                dutchConsumer("a", "100").sent("1:2025-03-24"), dutchConsumer("b", "100").sent("1:2025-03-24"),
                dutchConsumer("c", "133.33").sent("1:2025-03-24"));
        assertThat(fees(statements.get(0), FeeCode.COLLECTION_COSTS)).containsExactly("15.00", "15.00", "20.00");
    }

    @Test
    void aBusinessCustomersInvoicesShareOneStatementUnlessThePolicySaysPerInvoice() {
        TestInvoices first = TestInvoices.of("SE", CustomerType.BUSINESS, "SEK", "10000", "2025-03-17").id("a");
        TestInvoices second = TestInvoices.of("SE", CustomerType.BUSINESS, "SEK", "2000", "2025-03-31").id("b");
        assertThat(compose(ENGINE, "2025-04-16", first, second)).singleElement()
                .satisfies(s -> assertThat(s.payBy()).isEqualTo(LocalDate.parse("2025-04-28")));
        ReminderEngine perInvoice = TestPolicies.engine(TestPolicies.seller("SE", "{\"letters\": \"PER_INVOICE\"}"));
        assertThat(compose(perInvoice, "2025-04-16", first, second)).hasSize(2)
                .allSatisfy(s -> assertThat(s.invoices()).hasSize(1));
    }

    @Test
    void aDutchConsumersFourteenDayLetterCoversAllClaimsEvenPerInvoice() {
        ReminderEngine perInvoice = TestPolicies.engine(TestPolicies.seller("SE", "{\"letters\": \"PER_INVOICE\"}"));
        assertThat(compose(perInvoice, "2025-03-24", dutchConsumer("a", "100"), dutchConsumer("b", "100")))
                .singleElement().satisfies(s -> assertThat(s.collectionCostsIfUnpaid().amount()).isEqualByComparingTo("40.00"));
    }

    @Test
    void letterKindsCurrenciesAndCustomersAreSeparateLetters() {
        TestInvoices sek = TestInvoices.of("SE", CustomerType.BUSINESS, "SEK", "10000", "2025-03-17").id("a");
        TestInvoices eur = TestInvoices.of("SE", CustomerType.BUSINESS, "EUR", "1000", "2025-03-17").id("b");
        TestInvoices later = TestInvoices.of("SE", CustomerType.BUSINESS, "SEK", "5000", "2025-02-10").id("c")
                .sent("1:2025-02-17", "2:2025-03-04");
        List<Statements.Statement> statements = compose(ENGINE, "2025-04-16", sek, eur, later);
        assertThat(statements).extracting(s -> s.kind() + " " + s.currency())
                .containsExactlyInAnyOrder("PAYMENT_REMINDER SEK", "PAYMENT_REMINDER EUR", "INKASSOKRAV SEK");
    }

    @Test
    void theLetterIdIsTheSameOnARerun() {
        TestInvoices a = dutchConsumer("a", "100");
        TestInvoices b = dutchConsumer("b", "100");
        assertThat(compose(ENGINE, "2025-03-24", a, b).get(0).letterId())
                .isEqualTo(compose(ENGINE, "2025-03-24", b, a).get(0).letterId())
                .startsWith("let_");
    }
}
