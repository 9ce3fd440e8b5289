package io.creditguard.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.creditguard.SampleDay;
import io.creditguard.store.FileObjectStore;
import io.creditguard.store.ForwardingStore;
import io.creditguard.store.ObjectStore;

/** The run when the store fails under it: the failed invoice is reported, the others go on, a re-run repairs. */
class ReminderRunFaultsTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-11-30");

    @TempDir
    Path root;

    /** A real file store whose writes under letters/ fail once, on the given call. */
    private static final class FailingOnce extends ForwardingStore {
        private final int failOn;
        private final AtomicInteger letterWrites = new AtomicInteger();

        FailingOnce(ObjectStore store, int failOn) {
            super(store);
            this.failOn = failOn;
        }

        @Override
        public void write(String key, byte[] content, String contentType) throws IOException {
            fail(key);
            store.write(key, content, contentType);
        }

        private void fail(String key) throws IOException {
            if (key.startsWith("letters/") && letterWrites.incrementAndGet() == failOn) {
                throw new IOException("disk full (simulated)");
            }
        }

        @Override
        public void writeIf(String key, byte[] content, String contentType, String expectedVersion) throws IOException {
            fail(key);
            store.writeIf(key, content, contentType, expectedVersion);
        }
    }

    private static ReminderRun run(ObjectStore store) {
        return new ReminderRun(store, StandaloneReminders.reminders(), StandaloneReminders.inputs(), SampleDay.CLOCK);
    }

    private long files(String folder) throws IOException {
        try (var files = Files.list(root.resolve(folder))) {
            return files.count();
        }
    }

    @Test
    void fieldsTheRunDoesNotKnowSurviveItsRewrite() throws IOException {
        Files.createDirectories(root.resolve("receivables"));
        Files.writeString(root.resolve("receivables/erp.jsonl"), "{\"invoiceId\":\"erp-1\",\"invoiceNumber\":\"E-1\","
                + "\"currency\":\"SEK\",\"issueDate\":\"2026-10-01\",\"dueDate\":\"2026-10-31\",\"amount\":5000,"
                + "\"openAmount\":5000,\"erpReference\":\"X-77\",\"customer\":{\"id\":\"c\",\"name\":\"Kund AB\","
                + "\"type\":\"BUSINESS\",\"country\":\"SE\",\"costCentre\":\"42\"}}\n");
        ReminderRun.Report report = run(new FileObjectStore(root)).run(Optional.of(AS_OF), false);
        assertThat(report.letters()).isEqualTo(1);
        // Lag (1981:739) 4 a §: the 450 kr the first letter charged is recorded with the level.
        assertThat(Files.readString(root.resolve("receivables/erp.jsonl"))).contains("\"erpReference\":\"X-77\"")
                .contains("\"costCentre\":\"42\"").contains("\"remindersSent\":[{\"level\":1,\"sentOn\":\"2026-11-30\",")
                .contains("\"fees\":[{\"code\":\"FIXED_COMPENSATION\",\"amount\":450}]");
    }

    @Test
    void aFailedWriteIsReportedTheRestGoOnAndTheNextRunCompletesIt() throws IOException {
        Files.createDirectories(root.resolve("receivables"));
        Files.copy(Path.of("../../samples/receivables/sample-book.jsonl"), root.resolve("receivables/book.jsonl"));
        ObjectStore healthy = new FileObjectStore(root);

        ReminderRun.Report first = run(new FailingOnce(healthy, 7)).run(Optional.of(AS_OF), false);
        long decided = first.dunned().values().stream().mapToLong(Long::longValue).sum() + first.insurerNotifications();
        assertThat(first.failedWrites()).isEqualTo(1);
        assertThat(first.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("disk full (simulated)").contains("retried on the next run"));
        long writtenFirst = files("reminders");
        assertThat(writtenFirst).isLessThan(decided);

        ReminderRun.Report second = run(healthy).run(Optional.of(AS_OF), false);
        assertThat(second.letters() + second.insurerNotifications()).isEqualTo(1);
        assertThat(second.dunned().values().stream().mapToLong(Long::longValue).sum() + second.insurerNotifications())
                .isEqualTo(decided - writtenFirst);
        assertThat(second.failedWrites()).isZero();
        assertThat(files("reminders")).isEqualTo(decided);
        assertThat(files("letters")).isEqualTo(3 * (first.letters() + first.insurerNotifications() + 1));

        ReminderRun.Report third = run(healthy).run(Optional.of(AS_OF), false);
        assertThat(third.dunned()).isEmpty();
        assertThat(third.letters() + third.insurerNotifications()).isZero();
    }

    @Test
    void theReportNamesEveryHalfYearBegunWithoutARate() throws IOException {
        // The shipped file has no verified referensränta for 2026H2: interest after 30 June is left out, said here.
        Files.createDirectories(root.resolve("receivables"));
        Files.copy(Path.of("../../samples/receivables/sample-book.jsonl"), root.resolve("receivables/book.jsonl"));
        ReminderRun.Report report = run(new FileObjectStore(root)).run(Optional.of(AS_OF), true);
        assertThat(report.missingRates()).anySatisfy(m -> assertThat(m).startsWith("No SE_REFERENSRANTA rate is known for 2026H2"));
        assertThat(report.rateConflicts()).isEmpty();
    }
}
