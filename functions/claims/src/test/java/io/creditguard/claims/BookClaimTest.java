package io.creditguard.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.creditguard.SampleDay;
import io.creditguard.customers.CustomerLedger;
import io.creditguard.receivables.AgingBucket;
import io.creditguard.receivables.Invoice;
import io.creditguard.validation.InputReader;

/** A claim's debts taken from the customer ledger: what is claimed, what is left out and said so. */
class BookClaimTest {

    private static final InputReader INPUTS = InputReader.standalone(SampleDay.CLOCK);
    private static final Currency SEK = Currency.getInstance("SEK");

    /** A claim as of 30 June 2026 on buyer c-norr under a policy in kronor, its debts to come from the book. */
    private static final String CLAIM = """
            {"asOf":"2026-06-30",
             "policy":{"insurer":"Nordisk Kreditförsäkring AB","policyNumber":"KF-1","currency":"SEK","insuredPercentage":0.9,
               "deductible":5000,"creditLimits":[{"buyerId":"c-norr","amount":200000,"approvedOn":"2026-01-01"}],
               "maxCreditPeriodDays":60,"overdueNotificationDays":60,"claimFilingDays":90,"waitingPeriodDays":90},
             "buyer":{"id":"c-norr","name":"Norrlands Metall & Svets AB","country":"SE"}}""";

    private static CustomerLedger.OpenInvoice open(String id, LocalDate issued, List<Invoice.SentReminder> sent) {
        return new CustomerLedger.OpenInvoice(id, id, SEK, issued, issued.plusDays(30), new BigDecimal("10000.00"),
                new BigDecimal("10000.00"), 0, AgingBucket.NOT_DUE, new CustomerLedger.Dunning(sent.size(), sent, null, null,
                        null, new CustomerLedger.Decisions(false, null, null, null, null, null, null)));
    }

    private static BookClaim.Built fromBook(CustomerLedger.OpenInvoice... invoices) {
        var customer = new Invoice.Customer("c-norr", "Norrlands Metall & Svets AB", Invoice.CustomerType.BUSINESS, "SE",
                null, null, null, null, null, null);
        var ledger = new CustomerLedger(customer, LocalDate.of(2026, 7, 20), "runs/2026-07-20/090000.000Z.json", List.of(),
                null, null, null, null, List.of(invoices), List.of(), List.of(), null, List.of());
        return BookClaim.of(INPUTS.read(CLAIM, ClaimRequest.class), ledger, Map.of(), (invoice, level) -> invoice + "/" + level);
    }

    /**
     * The run of 20 July holds an invoice issued on 5 July: the book has no delivery date, so its issue date would stand
     * in for one after the claim's day. It is not claimed, and said so; the claim is one the rules accept.
     */
    @Test
    void anInvoiceIssuedAfterTheClaimsDayIsNotClaimedAndSaidSo() {
        var built = fromBook(open("O1", LocalDate.of(2026, 3, 1), List.of()), open("O2", LocalDate.of(2026, 7, 5), List.of()));
        assertThat(built.request().debts()).extracting(ClaimRequest.Debt::invoiceId).containsExactly("O1");
        assertThat(built.fromBook().lacked()).filteredOn(l -> "O2".equals(l.invoiceId())).singleElement().satisfies(l -> {
            assertThat(l.field()).isEqualTo("issueDate");
            assertThat(l.message()).startsWith("issued 2026-07-05, after asOf 2026-06-30, and the book holds no delivery date");
        });
        INPUTS.check(built.request(), "$");
    }

    /** An invoice dunned as often as its book line allows: the claim names every reminder, and its rules accept it. */
    @Test
    void everyReminderTheBookKeepsIsClaimed() {
        List<Invoice.SentReminder> sent = new ArrayList<>();
        for (int level = 1; level <= 50; level++) {
            sent.add(new Invoice.SentReminder(level, LocalDate.of(2026, 4, 1).plusDays(level)));
        }
        var built = fromBook(open("O1", LocalDate.of(2026, 3, 1), sent));
        INPUTS.check(built.request(), "$");
        assertThat(built.request().debts()).singleElement().satisfies(d -> assertThat(d.remindersSent()).isEqualTo(sent));
    }
}
