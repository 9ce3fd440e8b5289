package io.creditguard.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.creditguard.receivables.Invoice;

/**
 * The payment record's definitions (PaymentRecord, README "Customers: the ledger") on books worked by hand, as
 * of 2026-11-30: the 12 months run 2025-12-01 to 2026-11-30, the 90 days 2026-09-02 to 2026-11-30.
 */
class PaymentRecordTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-11-30");
    private static final Currency SEK = Currency.getInstance("SEK");

    /** One invoice: its due date, whether it is settled, and its payments as "date=amount". */
    private record Paid(String due, boolean settled, String... payments) {
    }

    private static Paid settled(String due, String... payments) {
        return new Paid(due, true, payments);
    }

    private static Paid open(String due, String... payments) {
        return new Paid(due, false, payments);
    }

    /**
     * The expected figures of one window: invoices paid, paid late, share late, payments, amount paid, average
     * days beyond terms, average days late, 90th percentile, most days; null where the record leaves it out.
     */
    private record Expected(int paid, int late, String share, int payments, String amount, String average,
            String averageLate, Integer p90, int max) {
    }

    private static Expected window(int paid, int late, String share, int payments, String amount, String average,
            String averageLate, Integer p90, int max) {
        return new Expected(paid, late, share, payments, amount, average, averageLate, p90, max);
    }

    static Stream<Arguments> books() {
        return Stream.of(
                Arguments.of("paid the day before the due date: on time", List.of(settled("2026-10-31", "2026-10-30=10000")),
                        window(1, 0, "0.0000", 1, "10000.00", "0.0", null, 0, 0),
                        window(1, 0, "0.0000", 1, "10000.00", "0.0", null, 0, 0), null, PaymentRecord.Trend.STEADY),
                Arguments.of("paid 20 days late", List.of(settled("2026-10-01", "2026-10-21=10000")),
                        window(1, 1, "1.0000", 1, "10000.00", "20.0", "20.0", 20, 20),
                        window(1, 1, "1.0000", 1, "10000.00", "20.0", "20.0", 20, 20), null, PaymentRecord.Trend.STEADY),
                // 4 000 on the due date (0 days), 6 000 thirty days later: (4 000 × 0 + 6 000 × 30) / 10 000 = 18.
                // 90 % of 10 000 is reached only with the late part: p90 = 30. The last payment was late.
                Arguments.of("part payments weigh by their amounts",
                        List.of(settled("2026-10-01", "2026-10-01=4000", "2026-10-31=6000")),
                        window(1, 1, "1.0000", 2, "10000.00", "18.0", "30.0", 30, 30),
                        window(1, 1, "1.0000", 2, "10000.00", "18.0", "30.0", 30, 30), null, PaymentRecord.Trend.STEADY),
                // Invoiced 10 000, credited 2 000, the 8 000 left paid 10 days late: only the 8 000 weighs; an invoice
                // settled by a credit note alone is neither paid nor late.
                Arguments.of("credit notes are not payments",
                        List.of(settled("2026-10-01", "2026-10-11=8000"), settled("2026-10-15")),
                        window(1, 1, "1.0000", 1, "8000.00", "10.0", "10.0", 10, 10),
                        window(1, 1, "1.0000", 1, "8000.00", "10.0", "10.0", 10, 10), null, PaymentRecord.Trend.STEADY),
                // Nine payments of 100 on time and one 60 days late: 90 % of 1 000 is paid at 0 days; the average is 6.
                Arguments.of("the 90th percentile by amount",
                        List.of(settled("2026-10-01", "2026-09-30=100", "2026-09-30=100", "2026-09-30=100",
                                "2026-09-30=100", "2026-09-30=100", "2026-09-30=100", "2026-09-30=100", "2026-09-30=100",
                                "2026-09-30=100", "2026-11-30=100")),
                        window(1, 1, "1.0000", 10, "1000.00", "6.0", "60.0", 0, 60),
                        window(1, 1, "1.0000", 10, "1000.00", "6.0", "60.0", 0, 60), null, PaymentRecord.Trend.STEADY),
                // 12 months: 4, 2, 20 and 14 days late, 1 000 each: 10.0. The 90 days (from 2026-09-02) hold the last
                // two: 17.0. Paying 7 days later lately.
                Arguments.of("the trend between the windows",
                        List.of(settled("2026-02-25", "2026-03-01=1000"), settled("2026-05-30", "2026-06-01=1000"),
                                settled("2026-09-11", "2026-10-01=1000"), settled("2026-10-18", "2026-11-01=1000")),
                        window(4, 4, "1.0000", 4, "4000.00", "10.0", "10.0", 20, 20),
                        window(2, 2, "1.0000", 2, "2000.00", "17.0", "17.0", 20, 20), "7.0", PaymentRecord.Trend.SLOWER),
                // Each window includes its first day and the run's day, and nothing after the run's day counts.
                Arguments.of("the windows' edges",
                        List.of(settled("2025-11-01", "2025-11-30=500"), settled("2025-11-01", "2025-12-01=700"),
                                settled("2026-09-01", "2026-09-01=300"), settled("2026-09-02", "2026-09-02=200"),
                                open("2026-11-30", "2026-12-01=900")),
                        window(3, 1, "0.3333", 3, "1200.00", "17.5", "30.0", 30, 30),
                        window(1, 0, "0.0000", 1, "200.00", "0.0", null, 0, 0), "-17.5", PaymentRecord.Trend.FASTER),
                // An open invoice's part payment counts as a payment; the invoice is not paid. An invoice settled by a
                // payment in the window counts though its first payment was before it: (250 × 10 + 100 × 15) / 350 = 11.4.
                Arguments.of("part-paid open invoices, and settling in the window",
                        List.of(open("2026-11-01", "2026-11-11=250"), settled("2025-11-20", "2025-11-20=100",
                                "2025-12-05=100")),
                        window(1, 1, "1.0000", 2, "350.00", "11.4", "11.4", 15, 15),
                        window(0, 0, null, 1, "250.00", "10.0", "10.0", 10, 10), "-1.4", PaymentRecord.Trend.FASTER),
                Arguments.of("no payments: nothing to average", List.of(open("2026-11-01")),
                        window(0, 0, null, 0, "0.00", null, null, null, 0),
                        window(0, 0, null, 0, "0.00", null, null, null, 0), null, PaymentRecord.Trend.UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("books")
    void workedExamples(String name, List<Paid> book, Expected year, Expected quarter, String trendDays,
            PaymentRecord.Trend trend) {
        PaymentRecord.Tally tally = new PaymentRecord.Tally(SEK, AS_OF);
        for (Paid invoice : book) {
            List<Invoice.Payment> payments = new ArrayList<>();
            Arrays.stream(invoice.payments()).map(p -> p.split("=")).forEach(p -> payments.add(
                    new Invoice.Payment(null, LocalDate.parse(p[0]), new BigDecimal(p[1]), SEK, null)));
            tally.add(LocalDate.parse(invoice.due()), invoice.settled(), payments);
        }
        PaymentRecord record = tally.result();
        assertWindow(record.last12Months(), year, "2025-12-01");
        assertWindow(record.last90Days(), quarter, "2026-09-02");
        assertThat(record.trendDays()).isEqualTo(trendDays == null ? (quarter.average() == null ? null : new BigDecimal(
                "0.0")) : new BigDecimal(trendDays));
        assertThat(record.trend()).isEqualTo(trend);
    }

    private static void assertWindow(PaymentRecord.Window actual, Expected expected, String from) {
        assertThat(actual.from()).isEqualTo(from);
        assertThat(actual.to()).isEqualTo(AS_OF);
        assertThat(actual.invoicesPaid()).as("invoices paid").isEqualTo(expected.paid());
        assertThat(actual.invoicesPaidLate()).as("paid late").isEqualTo(expected.late());
        assertThat(actual.shareLate()).as("share late").isEqualTo(expected.share() == null ? null : new BigDecimal(expected.share()));
        assertThat(actual.payments()).as("payments").isEqualTo(expected.payments());
        assertThat(actual.amountPaid()).as("amount paid").isEqualTo(new BigDecimal(expected.amount()));
        assertThat(actual.averageDaysBeyondTerms()).as("average days beyond terms")
                .isEqualTo(expected.average() == null ? null : new BigDecimal(expected.average()));
        assertThat(actual.averageDaysLate()).as("average days late")
                .isEqualTo(expected.averageLate() == null ? null : new BigDecimal(expected.averageLate()));
        assertThat(actual.p90DaysBeyondTerms()).as("p90").isEqualTo(expected.p90());
        assertThat(actual.maxDaysBeyondTerms()).as("most days").isEqualTo(expected.max());
    }
}
