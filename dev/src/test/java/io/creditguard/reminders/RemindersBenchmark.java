package io.creditguard.reminders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import io.creditguard.calendar.BusinessCalendar;
import io.creditguard.Standalone;
import io.creditguard.json.Json;
import io.creditguard.money.Money;
import io.creditguard.receivables.Invoice;
import io.creditguard.receivables.Invoice.CustomerType;
import io.creditguard.reference.Jurisdictions.Allocation;

/**
 * Warm cost of the reminder hot paths: one interest accrual, one decision, one letter (rendered by
 * Qute's reflection resolver here, see {@link Standalone}); and of the steps of the run around a
 * decision: reading a book line, checking the invoice's constraints; the letter as PDF.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RemindersBenchmark {

    private final StatutoryRules rules = StatutoryRules.standard();
    private final ReminderPolicy policy = Standalone.reminders().policies().defaultPolicy();
    private final ReminderEngine engine = new ReminderEngine(policy, rules, BusinessCalendar.standard());
    private final Letters letters = new Letters(Standalone.templates());
    private final LateInterest.Basis dutch = rules.interestBasis("NL", CustomerType.BUSINESS, LocalDate.parse("2023-02-01"))
            .orElseThrow();
    private final Money principal = Money.of(Currency.getInstance("EUR"), new BigDecimal("1000.00"));
    private final Invoice invoice = TestInvoices.of("SE", CustomerType.BUSINESS, "SEK", "10000", "2025-03-17").build();
    private final LocalDate asOf = LocalDate.parse("2025-04-16");
    private final Statements.Statement statement = Statements
            .compose(engine, List.of(engine.decide(invoice, asOf).letter().orElseThrow()), asOf).get(0);

    /** NL commercial interest over 14 months: four periods and one compounding step. */
    @Benchmark
    public LateInterest.Result interestCompoundedOverFourPeriods() {
        return LateInterest.accrue(principal, LocalDate.parse("2023-02-01"), LocalDate.parse("2024-03-31"), dutch,
                rules.rates(), List.of(), Allocation.COSTS_INTEREST_PRINCIPAL, List.of());
    }

    private final String bookLine = Json.write(invoice);

    @Benchmark
    public Invoice parseOneBookLine() throws java.io.IOException {
        return Json.MAPPER.readValue(bookLine, Invoice.class);
    }

    @Benchmark
    public Invoice checkOneInvoice() {
        return Standalone.inputs().check(invoice, "$");
    }

    @Benchmark
    public ReminderEngine.Decision decideOneInvoice() {
        return engine.decide(invoice, asOf);
    }

    @Benchmark
    public Letters.Letter renderOneSwedishLetter() {
        return letters.render(statement, policy, asOf);
    }

    private final Letters.Letter rendered = letters.render(statement, policy, asOf);

    /** The letter laid out as PDF, fonts parsed once per thread and reused as in the run. */
    @Benchmark
    public byte[] layOutOneLetterAsPdf() {
        return letters.pdf(rendered, policy);
    }

    /** One letter as the run makes it: text, HTML and PDF. Its inverse is letters per second on one core. */
    @Benchmark
    public byte[] renderOneLetterAsTextHtmlAndPdf() {
        return letters.pdf(letters.render(statement, policy, asOf), policy);
    }
}
