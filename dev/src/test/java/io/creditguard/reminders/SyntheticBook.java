package io.creditguard.reminders;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

import io.creditguard.Standalone;

/**
 * A seeded generator of receivables books for load runs: a realistic mix of countries, currencies,
 * business and consumer debtors, due dates up to a year back, payments (in full or in part, on a day
 * around the due date), disputes and pauses.
 * The same seed, size and state always give the same file.
 */
final class SyntheticBook {

    /** What earlier runs have already done to the book. */
    enum State {
        /**
         * As the daily run finds it: every letter the default policy called for before today was
         * sent and recorded, and overdue debts were reported to the insurer; one invoice in twenty
         * missed its last letter or report (a paused or failed day) and catches up today.
         */
        DAILY,
        /** A book no run has seen: every overdue invoice is due its first letter at once. */
        FIRST_RUN
    }

    /** The default policy's levels (days after due) and its insurer reporting day, which the daily book follows. */
    private static final int[] LEVEL_DAYS = Standalone.reminders().policies().defaultPolicy().levels().stream()
            .mapToInt(ReminderPolicy.Level::daysAfterDue).toArray();
    private static final int NOTIFY_AFTER_DAYS = Standalone.reminders().policies().defaultPolicy().insurer().notifyAfterDays();

    private static final String[][] MARKETS = {
            {"SE", "SEK", "sv"}, {"SE", "SEK", "sv"}, {"SE", "SEK", "sv"}, {"NL", "EUR", "nl"}, {"NL", "EUR", "nl"},
            {"DE", "EUR", "en"}, {"FR", "EUR", "en"}, {"FI", "EUR", "en"}, {"PL", "PLN", "en"}, {"NO", "NOK", "en"}};

    private SyntheticBook() {
    }

    /** Writes {@code invoices} lines to {@code file}, due dates spread over the year before {@code asOf}. */
    static void write(Path file, int invoices, long seed, LocalDate asOf, State state) throws IOException {
        Random random = new Random(seed);
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < invoices; i++) {
                String[] market = MARKETS[random.nextInt(MARKETS.length)];
                boolean consumer = random.nextInt(5) == 0;
                int customer = random.nextInt(Math.max(1, invoices / 10));
                LocalDate due = asOf.minusDays(random.nextInt(400) - 30);
                LocalDate issue = due.minusDays(consumer ? 14 : 30);
                long cents = 5_000 + (long) (Math.abs(random.nextGaussian()) * 2_000_000);
                long open = random.nextInt(4) == 0 ? 0 : random.nextInt(10) == 0 ? cents / 2 : cents;
                StringBuilder line = new StringBuilder(400);
                line.append("{\"invoiceId\":\"syn-").append(i).append("\",\"invoiceNumber\":\"S").append(100000 + i)
                        .append("\",\"currency\":\"").append(market[1]).append("\",\"issueDate\":\"").append(issue)
                        .append("\",\"dueDate\":\"").append(due).append("\",\"amount\":").append(money(cents))
                        .append(",\"openAmount\":").append(money(open))
                        .append(",\"customer\":{\"id\":\"cust-").append(customer)
                        .append("\",\"name\":\"Customer ").append(customer).append("\",\"type\":\"")
                        .append(consumer ? "CONSUMER" : "BUSINESS").append("\",\"country\":\"").append(market[0])
                        .append("\",\"language\":\"").append(market[2]).append("\"},\"reminderFeeAgreed\":")
                        .append(random.nextBoolean()).append(",\"disputed\":").append(random.nextInt(50) == 0);
                if (open < cents && !issue.isAfter(asOf)) {
                    // What was paid, on a day around the due date (late as often as real books are), never after asOf.
                    LocalDate paidOn = due.plusDays(random.nextInt(50) - 10);
                    paidOn = paidOn.isAfter(asOf) ? asOf : paidOn.isBefore(issue) ? issue : paidOn;
                    line.append(",\"payments\":[{\"id\":\"pay-").append(i).append("\",\"date\":\"").append(paidOn)
                            .append("\",\"amount\":").append(money(cents - open)).append("}]");
                }
                long overdue = java.time.temporal.ChronoUnit.DAYS.between(due, asOf);
                if (state == State.FIRST_RUN) {
                    if (overdue > 20 && random.nextBoolean()) {
                        line.append(",\"remindersSent\":[{\"level\":1,\"sentOn\":\"").append(due.plusDays(6)).append("\"}]");
                    }
                } else {
                    boolean catchingUp = random.nextInt(20) == 0;
                    int sent = 0;
                    while (sent < LEVEL_DAYS.length && LEVEL_DAYS[sent] < overdue) {
                        sent++;
                    }
                    sent = catchingUp ? Math.max(0, sent - 1) : sent;
                    if (sent > 0) {
                        line.append(",\"remindersSent\":[");
                        for (int level = 1; level <= sent; level++) {
                            line.append(level > 1 ? "," : "").append("{\"level\":").append(level).append(",\"sentOn\":\"")
                                    .append(due.plusDays(LEVEL_DAYS[level - 1])).append("\"}");
                        }
                        line.append(']');
                    }
                    if (overdue > NOTIFY_AFTER_DAYS && !catchingUp) {
                        line.append(",\"insurerNotifiedOn\":\"").append(due.plusDays(NOTIFY_AFTER_DAYS)).append('"');
                    }
                }
                if (random.nextInt(40) == 0) {
                    line.append(",\"pausedUntil\":\"").append(asOf.plusDays(10)).append('"');
                }
                out.write(line.append('}').toString());
                out.write('\n');
            }
        }
    }

    private static String money(long cents) {
        return cents / 100 + "." + String.format("%02d", cents % 100);
    }
}
