package io.creditguard.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.creditguard.SampleDay;
import io.creditguard.store.FileObjectStore;

/**
 * Customers naming their own reminder policy in the run: a gentler one for key accounts kept in the
 * store's config/policies/, one that is not there, one that is not valid. Invoices due 10 November
 * 2026, a Tuesday; the run is on 30 November, 20 days later.
 */
class CustomerPolicyRunTest {

    private static final String GENTLE = """
            {"name": "key accounts", "levels": [{"level": 1, "daysAfterDue": 30, "kind": "PAYMENT_REMINDER"}],
             "creditor": {"name": "Stålhandel Norr AB", "country": "SE", "paymentInstructions": "bankgiro 5050-1055",
               "disputeContact": "reskontra@stalhandel.example"}}""";

    @TempDir
    Path root;

    @Test
    void eachCustomerIsDunnedByThePolicyItNamesAndOneWhosePolicyCannotBeHadIsNotDunnedAtAll() throws IOException {
        Files.createDirectories(root.resolve("receivables"));
        Files.createDirectories(root.resolve("config/policies"));
        Files.writeString(root.resolve("config/policies/key-accounts.json"), GENTLE);
        Files.writeString(root.resolve("config/policies/broken.json"), "{\"name\": \"broken\", \"levels\": []}");
        Files.writeString(root.resolve("receivables/book.jsonl"), String.join("\n",
                ReminderRunDeliveryTest.invoice("inv-1", "2026-1001", "1000.00", "c-1", "Vanlig Kund AB", null, null),
                ReminderRunDeliveryTest.invoice("inv-2", "2026-1002", "1000.00", "c-2", "Nyckelkund AB", null, "key-accounts"),
                ReminderRunDeliveryTest.invoice("inv-3", "2026-1003", "1000.00", "c-3", "Okänd Policy AB", null, "vip"),
                ReminderRunDeliveryTest.invoice("inv-4", "2026-1004", "1000.00", "c-4", "Trasig Policy AB", null, "broken"))
                + "\n");

        ReminderRun.Report report = new ReminderRun(new FileObjectStore(root), StandaloneReminders.reminders(), StandaloneReminders.inputs(),
                SampleDay.CLOCK).run(Optional.of(LocalDate.parse("2026-11-30")), false);

        // The default policy: level 1 at 5 days, so inv-1 is reminded; key accounts wait until 10 December.
        assertThat(report.letters()).isEqualTo(1);
        assertThat(report.skipped()).containsEntry(ReminderEngine.SkipReason.NEXT_LEVEL_NOT_DUE, 1L)
                .containsEntry(ReminderEngine.SkipReason.POLICY_UNAVAILABLE, 2L);
        assertThat(report.customerPolicies()).containsExactlyInAnyOrder("key-accounts", "vip (unavailable)",
                "broken (unavailable)");
        assertThat(report.errors()).extracting(ReminderRun.LineError::invoiceId).containsExactlyInAnyOrder("inv-3", "inv-4");
        assertThat(report.errors()).anySatisfy(e -> assertThat(e.message()).contains("config/policies/vip.json is not there"))
                .anySatisfy(e -> assertThat(e.message()).contains("broken.json is not a valid reminder policy")
                        .contains("$.levels"));
        String book = Files.readString(root.resolve("receivables/book.jsonl"));
        assertThat(book.lines().filter(l -> l.contains("remindersSent"))).singleElement()
                .satisfies(l -> assertThat(l).contains("inv-1"));
    }
}
