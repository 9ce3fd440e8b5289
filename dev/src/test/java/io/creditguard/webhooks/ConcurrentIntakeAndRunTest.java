package io.creditguard.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.creditguard.Standalone;
import io.creditguard.json.Json;
import io.creditguard.receivables.Invoice;
import io.creditguard.reminders.ReminderRun;
import io.creditguard.store.FileObjectStore;
import io.creditguard.store.ObjectStore;
import io.creditguard.store.StoreBusy;

/**
 * Webhook payments and the reminder run over the same invoices at the same time, on the file store:
 * afterwards every payment is in the book, every invoice has its level recorded once, and each
 * reminder record exists once.
 */
class ConcurrentIntakeAndRunTest {

    private static final int INVOICES = 20;
    private static final int PAYMENTS_EACH = 6;
    private static final LocalDate AS_OF = LocalDate.parse("2026-11-30");

    @TempDir
    Path root;

    private static Invoice invoice(int n) {
        return new Invoice("acme:INV-" + n, "INV-" + n, Currency.getInstance("SEK"), LocalDate.parse("2026-09-01"),
                LocalDate.parse("2026-10-01"), new BigDecimal("10000.00"), new BigDecimal("10000.00"),
                new Invoice.Customer("cust-" + n, "Kund " + n + " AB", Invoice.CustomerType.BUSINESS, "SE", "sv", null, null, null, null, null),
                Invoice.Terms.NONE, List.of(), List.of(), Invoice.Dunning.NONE, "acme", Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void paymentsArrivingDuringTheRunAreAllKeptAndNoReminderIsDuplicated() throws Exception {
        ObjectStore store = new FileObjectStore(root);
        IntakeStore intake = new IntakeStore(store, Standalone.inputs(), Standalone.CLOCK);
        for (int n = 0; n < INVOICES; n++) {
            intake.upsert("acme", "create-" + n, invoice(n), true);
        }
        ReminderRun run = new ReminderRun(store, Standalone.reminders(), Standalone.inputs(), Standalone.CLOCK, List.of(),
                io.creditguard.mail.LocalSmtp.noServer(), 4);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> all = new ArrayList<>();
            all.add(pool.submit((Callable<ReminderRun.Report>) () -> {
                go.await();
                return run.run(Optional.of(AS_OF), false);
            }));
            for (int w = 0; w < 4; w++) {
                int writer = w;
                all.add(pool.submit((Callable<Void>) () -> {
                    go.await();
                    for (int p = 0; p < PAYMENTS_EACH; p++) {
                        for (int n = writer; n < INVOICES; n += 4) {
                            Invoice.Payment payment = new Invoice.Payment("acme:pay-" + n + "-" + p, LocalDate.parse("2026-11-2" + p % 10),
                                    new BigDecimal("100.00"), null, null);
                            while (true) {
                                try {
                                    intake.addPayment("acme", "evt-" + n + "-" + p, "acme:INV-" + n, payment, "$.data.payment");
                                    break;
                                } catch (StoreBusy busy) {
                                    // 503: the platform sends the event again
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        ReminderRun.Report again = run.run(Optional.of(AS_OF), false);

        List<Invoice> book = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("receivables"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                book.add(Json.MAPPER.readValue(Files.readString(file), Invoice.class));
            }
        }
        assertThat(book).hasSize(INVOICES).allSatisfy(i -> {
            assertThat(i.payments()).as(i.invoiceId()).hasSize(PAYMENTS_EACH);
            assertThat(i.openAmount()).isEqualByComparingTo("9400.00");
            assertThat(i.remindersSent()).as(i.invoiceId()).extracting(Invoice.SentReminder::level).containsExactly(1);
            assertThat(i.dunning().insurerNotifiedOn()).isEqualTo(AS_OF);
        });
        // 60 days overdue: a first reminder and the report to the insurer (due at 45 days), one record each.
        try (Stream<Path> records = Files.list(root.resolve("reminders"))) {
            assertThat(records.count()).isEqualTo(2L * INVOICES);
        }
        assertThat(again.letters()).isZero();
    }
}
