package io.creditguard.reminders;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * A seeded generator of receivables books for load runs: a realistic mix of countries, currencies,
 * business and consumer debtors, due dates up to a year back, part payments, disputes, pauses and
 * reminders already sent. The same seed and size always give the same file.
 */
final class SyntheticBook {

    private static final String[][] MARKETS = {
            {"SE", "SEK", "sv"}, {"SE", "SEK", "sv"}, {"SE", "SEK", "sv"}, {"NL", "EUR", "nl"}, {"NL", "EUR", "nl"},
            {"DE", "EUR", "en"}, {"FR", "EUR", "en"}, {"FI", "EUR", "en"}, {"PL", "PLN", "en"}, {"NO", "NOK", "en"}};

    private SyntheticBook() {
    }

    /** Writes {@code invoices} lines to {@code file}, due dates spread over the year before {@code asOf}. */
    static void write(Path file, int invoices, long seed, LocalDate asOf) throws IOException {
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
                        .append("\",\"dueDate\":\"").append(due).append("\",\"amount\":").append(cents / 100).append('.')
                        .append(String.format("%02d", cents % 100)).append(",\"openAmount\":").append(open / 100).append('.')
                        .append(String.format("%02d", open % 100)).append(",\"customer\":{\"id\":\"cust-").append(customer)
                        .append("\",\"name\":\"Customer ").append(customer).append("\",\"type\":\"")
                        .append(consumer ? "CONSUMER" : "BUSINESS").append("\",\"country\":\"").append(market[0])
                        .append("\",\"language\":\"").append(market[2]).append("\"},\"reminderFeeAgreed\":")
                        .append(random.nextBoolean()).append(",\"disputed\":").append(random.nextInt(50) == 0);
                long overdue = java.time.temporal.ChronoUnit.DAYS.between(due, asOf);
                if (overdue > 20 && random.nextBoolean()) {
                    line.append(",\"remindersSent\":[{\"level\":1,\"sentOn\":\"").append(due.plusDays(6)).append("\"}]");
                }
                if (random.nextInt(40) == 0) {
                    line.append(",\"pausedUntil\":\"").append(asOf.plusDays(10)).append('"');
                }
                out.write(line.append('}').toString());
                out.write('\n');
            }
        }
    }
}
