package io.creditguard.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.creditguard.SampleDay;
import io.creditguard.reminders.ReminderRun;
import io.creditguard.reminders.StandaloneReminders;
import io.creditguard.store.FileObjectStore;
import io.creditguard.validation.Refusal;

/**
 * The ledger at the edges of what its routes and the book allow: the farthest page the listing takes, a book line
 * written by another JSON writer, the most broken promises a line keeps, sums beyond what the ledger counts, a book in
 * every currency.
 */
class LedgerEdgesTest {

    @TempDir
    Path root;

    private static String invoice(String id, String customer, String amount) {
        return """
                {"invoiceId":"%s","invoiceNumber":"N-%s","currency":"SEK","issueDate":"2026-10-15","dueDate":"2026-11-14",\
                "amount":%s,"openAmount":%s,"customer":{"id":"%s","name":"Kund %s","type":"BUSINESS","country":"SE"}}"""
                .formatted(id, id, amount, amount, customer, customer);
    }

    /** Not due on the run's day, so the run leaves its line as the book wrote it. */
    private static String notDue(String id) {
        return invoice(id, "c-1", "100.00").replace("2026-11-14", "2026-12-14");
    }

    private ReminderRun.Report run(List<String> lines) throws IOException {
        Files.createDirectories(root.resolve("receivables"));
        Files.writeString(root.resolve("receivables/book.jsonl"), String.join("\n", lines) + "\n");
        return new ReminderRun(new FileObjectStore(root), StandaloneReminders.reminders(), StandaloneReminders.inputs(),
                SampleDay.CLOCK).run(Optional.of(LocalDate.parse("2026-11-28")), false);
    }

    private CustomerService customers() {
        return StandaloneReminders.customers(new FileObjectStore(root));
    }

    /**
     * Pages past the end are empty, however far: page × size was counted in an int, so page 2^31 − 1 of 200 wrapped
     * to a negative start and the listing threw (a 500), and a page whose product wrapped to a small positive number
     * answered the first customers as if they were on it.
     */
    @Test
    void aPageFarPastTheEndIsEmpty() throws IOException {
        run(List.of(invoice("A", "c-1", "100.00"), invoice("B", "c-2", "200.00"), invoice("C", "c-3", "300.00")));
        // Page 536 870 913 starts after 536 870 912 × 200 = 25 × 2^32 customers, which an int holds as 0: it answered
        // c-3, c-2 and c-1.
        for (int page : new int[] {2, 536_870_913, Integer.MAX_VALUE}) {
            CustomerService.CustomerList list = customers().list(LedgerIndex.Sort.EXPOSURE, Optional.empty(),
                    Optional.empty(), page, 200);
            assertThat(list.total()).as("page %d", page).isEqualTo(3);
            assertThat(list.customers()).as("page %d", page).isEmpty();
        }
        assertThat(customers().list(LedgerIndex.Sort.EXPOSURE, Optional.empty(), Optional.empty(), 2, 2).customers())
                .extracting(LedgerIndex.Row::customerId).containsExactly("c-1");
    }

    /**
     * A decision finds its invoice on a line that escapes the id as JSON allows (PHP's json_encode writes every "/" as
     * "\/"): the lines were matched on the id's text first, so PATCH /invoices/2026%2F1001 on an open invoice the run
     * had located was a 404. A line that does not read, an escape in it, stays as it was.
     */
    @Test
    void aDecisionFindsItsInvoiceOnALineThatEscapesTheId() throws IOException {
        String broken = "{\"invoiceId\":\"2026\\/1001\", \"amount\": 12 oops";
        run(List.of(notDue("2026\\/1001"), notDue("F\\u00e9-7"), notDue("A\\\"B"), broken));
        CustomerService.Who who = new CustomerService.Who("ekonomi", "PATCH /invoices/{invoiceId}", null);
        for (String id : List.of("2026/1001", "F\u00e9-7", "A\"B")) {
            CustomerService.InvoiceDecisions decided = customers().decide(id, new InvoicePatch(true, "wrong grade", null,
                    null), Set.of("disputed", "disputeReason"), who);
            assertThat(decided.disputed()).as(id).isTrue();
            assertThat(decided.customerId()).as(id).isEqualTo("c-1");
        }
        List<String> book = Files.readAllLines(root.resolve("receivables/book.jsonl"));
        assertThat(book.subList(0, 3)).allSatisfy(line -> assertThat(line).contains("\"disputeReason\":\"wrong grade\""));
        assertThat(book.get(3)).isEqualTo(broken);
    }

    /**
     * An invoice line keeps 50 broken promises: a new promise while one of 20 November has passed unpaid records it
     * as the 50th, and as the 51st is refused (409 on promisedPaymentDate), the line as it was. It was written, read
     * back as no invoice and answered a 500.
     */
    @Test
    void aPromiseThatWouldBeTheFiftyFirstBrokenIsRefused() throws IOException {
        for (int kept : new int[] {49, 50}) {
            StringBuilder broken = new StringBuilder();
            for (int i = 0; i < kept; i++) {
                broken.append(i == 0 ? "" : ",").append('"').append(LocalDate.parse("2026-09-01").plusDays(i)).append('"');
            }
            String line = invoice("P", "c-1", "100.00").replaceFirst("}$", ",\"decided\":{\"promisedPaymentDate\":"
                    + "\"2026-11-20\",\"promisesBroken\":[" + broken + "],\"by\":\"ekonomi\",\"at\":\"2026-11-01T00:00:00Z\"}}");
            run(List.of(line));
            String before = Files.readString(root.resolve("receivables/book.jsonl"));
            InvoicePatch promise = new InvoicePatch(null, null, null, LocalDate.parse("2026-12-05"));
            CustomerService.Who who = new CustomerService.Who("ekonomi", "PATCH /invoices/{invoiceId}", null);
            if (kept == 49) {
                CustomerService.InvoiceDecisions decided = customers().decide("P", promise, Set.of("promisedPaymentDate"), who);
                assertThat(decided.promisesBroken()).hasSize(50).last().isEqualTo(LocalDate.parse("2026-11-20"));
                assertThat(decided.promisedPaymentDate()).isEqualTo(LocalDate.parse("2026-12-05"));
            } else {
                assertThatThrownBy(() -> customers().decide("P", promise, Set.of("promisedPaymentDate"), who))
                        .isInstanceOfSatisfying(Refusal.class, r -> {
                            assertThat(r.why()).isEqualTo(Refusal.Why.CONFLICT);
                            assertThat(r.error().field()).isEqualTo("$.promisedPaymentDate");
                            assertThat(r.error().message()).contains("keeps 50 broken promises")
                                    .contains("2026-11-20");
                        });
                assertThat(Files.readString(root.resolve("receivables/book.jsonl"))).isEqualTo(before);
            }
        }
    }

    /**
     * A customer whose amounts in a currency pass what a long holds in minor units (9 223 372 036 854 775 807 öre)
     * is reported and its ledger left as it was, the other customers built: 100 open invoices of 999 999 999 999 999.00
     * SEK (each under the book's 10^15) wrapped round to an open amount of −84 467 440 737 095 616.16, and 100 such
     * payments stopped the whole run with an ArithmeticException.
     */
    @Test
    void aCustomerWhoseSumsPassALongIsReportedAndTheRunGoesOn() throws IOException {
        String most = "999999999999999.00";
        List<String> lines = new ArrayList<>(List.of(invoice("A", "c-1", "100.00")));
        for (int i = 0; i < 100; i++) {
            lines.add(invoice("O" + i, "c-open", most));
            lines.add(invoice("P" + i, "c-paid", most).replace("\"openAmount\":" + most,
                    "\"openAmount\":0,\"payments\":[{\"date\":\"2026-11-20\",\"amount\":" + most + "}]"));
        }
        ReminderRun.Report report = run(lines);
        assertThat(report.customers().errors()).hasSize(2).allSatisfy(e -> assertThat(e)
                .contains("'s amounts in one currency exceed what the ledger sums").endsWith("its ledger is left as it was"));
        assertThat(report.customers().errors()).anySatisfy(e -> assertThat(e).startsWith("customer c-open's"))
                .anySatisfy(e -> assertThat(e).startsWith("customer c-paid's"));
        assertThat(customers().ledger("c-open")).isEmpty();
        assertThat(customers().ledger("c-paid")).isEmpty();
        assertThat(customers().ledger("c-1").orElseThrow().currencies().get(0).open()).isEqualByComparingTo("100.00");
    }

    /**
     * A book in every currency money is paid in (ISO 4217 with a minor unit, over 200) builds each customer's ledger
     * in its own currency: the spilled line numbered its currency in a byte, so the 129th came back as −128 and the
     * run stopped with an IndexOutOfBoundsException.
     */
    @Test
    void aBookInEveryCurrencyBuildsEachLedgerInItsOwn() throws IOException {
        List<Currency> paid = Currency.getAvailableCurrencies().stream().filter(c -> c.getDefaultFractionDigits() >= 0)
                .sorted(java.util.Comparator.comparing(Currency::getCurrencyCode)).toList();
        assertThat(paid).hasSizeGreaterThan(128);
        List<String> lines = new ArrayList<>();
        for (Currency c : paid) {
            // not due: the run writes no letters, only the ledger
            lines.add(invoice("I-" + c, "c-" + c, "100").replace("\"SEK\"", "\"" + c + "\"").replace("2026-11-14",
                    "2026-12-14"));
        }
        ReminderRun.Report report = run(lines);
        assertThat(report.customers().customers()).isEqualTo(paid.size());
        for (Currency c : paid) {
            CustomerLedger.CurrencyLedger only = customers().ledger("c-" + c).orElseThrow().currencies().get(0);
            assertThat(only.currency()).isEqualTo(c);
            assertThat(only.open()).isEqualByComparingTo("100");
        }
    }
}
