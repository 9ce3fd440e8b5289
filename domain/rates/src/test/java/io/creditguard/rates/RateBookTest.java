package io.creditguard.rates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.creditguard.money.Money;
import io.creditguard.reference.ReferenceRates.Scheme;
import io.creditguard.store.FileObjectStore;

/** The merged table: an operator's rows over fetched ones over the shipped file, and what is left out. */
class RateBookTest {

    private static final String HEADER = "scheme | validFrom | validTo | ratePercent | evidence | fetchedAt | sha256 | source\n";
    private static final LocalDate H2 = LocalDate.parse("2026-07-01");

    @TempDir
    Path root;

    /** A clock a test moves by hand. */
    private static final class Hand extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-07-02T05:30:00Z"));

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration by) {
            now.updateAndGet(i -> i.plus(by));
        }
    }

    private final Hand clock = new Hand();

    private FileObjectStore store() {
        return new FileObjectStore(root);
    }

    private void write(String key, String content) throws IOException {
        store().write(key, content.getBytes(StandardCharsets.UTF_8), "text/plain");
    }

    private RateBook book() {
        return new RateBook(store(), clock, Duration.ofMinutes(5));
    }

    @Test
    void aFetchedRowFillsWhatTheShippedFileLacks() throws IOException {
        assertThat(book().current().reference().rateOn(Scheme.SE_REFERENSRANTA, H2)).isEmpty(); // shipped: UNVERIFIED
        write("rates/SE_REFERENSRANTA.txt", HEADER
                + "SE_REFERENSRANTA | 2026-07-01 | 2026-12-31 | 2.00 | PRIMARY | 2026-07-02T05:30:00Z | abc | Riksbank\n");
        assertThat(book().current().reference().rateOn(Scheme.SE_REFERENSRANTA, H2)).hasValue(new BigDecimal("2.00"));
    }

    @Test
    void theOperatorsRowWinsAndAContradictingFetchedRowIsLeftOut() throws IOException {
        write("rates/SE_REFERENSRANTA.txt", HEADER
                + "SE_REFERENSRANTA | 2025-07-01 | 2025-12-31 | 2.50 | PRIMARY | 2026-07-02T05:30:00Z | abc | a feed\n"
                + "SE_REFERENSRANTA | 2026-07-01 | 2026-12-31 | 2.00 | PRIMARY | 2026-07-02T05:30:00Z | abc | a feed\n");
        write("config/reference-rates.txt", HEADER
                + "SE_REFERENSRANTA | 2026-07-01 | 2026-12-31 | 2.25 | PRIMARY | - | - | the operator\n");
        RateBook.Snapshot snapshot = book().current();
        assertThat(snapshot.reference().rateOn(Scheme.SE_REFERENSRANTA, H2)).hasValue(new BigDecimal("2.25"));
        // The shipped 2025H2 row (2.00, secondary) stands; the fetched 2.50 is reported.
        assertThat(snapshot.reference().rateOn(Scheme.SE_REFERENSRANTA, LocalDate.parse("2025-09-01")))
                .hasValue(new BigDecimal("2.00"));
        assertThat(snapshot.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.what()).isEqualTo("SE_REFERENSRANTA");
            assertThat(c.fetched()).isEqualByComparingTo("2.50");
            assertThat(c.shipped()).isEqualByComparingTo("2.00");
            assertThat(c.message()).contains("config/reference-rates.txt overrides both");
        });
    }

    @Test
    void fetchedExchangeRatesConvertAFixedSum() throws IOException {
        write("rates/EXR.txt", "currency | date | perEuro | evidence | fetchedAt | sha256 | source\n"
                + "SEK | 2026-07-01 | 11.0000 | PRIMARY | 2026-07-02T05:30:00Z | abc | ECB\n");
        var converted = book().current().exchange().convert(Money.of(Currency.getInstance("SEK"), new BigDecimal("450")),
                Currency.getInstance("EUR"), LocalDate.parse("2026-07-03"));
        assertThat(converted).hasValueSatisfying(c -> assertThat(c.converted().amount()).isEqualByComparingTo("40.91"));
    }

    @Test
    void aBrokenFetchedFileIsSkippedAndSaid() throws IOException {
        write("rates/DE_BASISZINSSATZ.txt", HEADER + "DE_BASISZINSSATZ | 2026-07-01 | 2026-12-31 | one | PRIMARY | x | y | z\n");
        RateBook.Snapshot snapshot = book().current();
        assertThat(snapshot.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("rates/DE_BASISZINSSATZ.txt:2").contains("ratePercent is not a decimal number")
                .contains("the whole file is skipped"));
        assertThat(snapshot.reference().rateOn(Scheme.DE_BASISZINSSATZ, H2)).hasValue(new BigDecimal("1.52")); // shipped
    }

    @Test
    void aBrokenOperatorRowIsLeftOutNamingItsLineAndTheOthersAreUsed() throws IOException {
        write("config/reference-rates.txt", HEADER + "SE_REFERENSRATA | 2026-07-01 | 2026-12-31 | 2.00 | PRIMARY | - | - | x\n"
                + "DK_UDLAANSRENTE | 2026-07-01 | 2026-12-31 | 1.60 | PRIMARY | - | - | the operator\n"
                + "NO_FORSINKELSESRENTE | 2026-07-01 | 2026-12-31 | 12.25 | PRIMARY | - | - | the operator | extra\n");
        write("config/exchange-rates.txt", "currency | date | perEuro | evidence | source\n"
                + "SEK | 2026-07-01 | 11.0000 | PRIMARY | operator\nSEK | 2026-07-01 | 11.5000 | PRIMARY | operator\n");
        RateBook.Snapshot snapshot = book().current();
        assertThat(snapshot.operatorProblems()).extracting(p -> p.message()).containsExactly(
                "config/reference-rates.txt:4: 9 cells, the header has 8",
                "config/reference-rates.txt:2: column scheme is 'SE_REFERENSRATA', not one of " + java.util.Arrays.toString(Scheme.values()),
                "config/exchange-rates.txt:3: SEK on 2026-07-01 repeats line 2; line 2 is used");
        assertThat(snapshot.reference().rateOn(Scheme.DK_UDLAANSRENTE, H2)).hasValue(new BigDecimal("1.60"));
        var converted = snapshot.exchange().convert(Money.of(Currency.getInstance("SEK"), new BigDecimal("450")),
                Currency.getInstance("EUR"), LocalDate.parse("2026-07-01"));
        assertThat(converted).hasValueSatisfying(c -> assertThat(c.converted().amount()).isEqualByComparingTo("40.91"));
    }

    @Test
    void anOperatorFileWithoutAColumnItNeedsIsOneProblemOnItsHeader() throws IOException {
        write("config/reference-rates.txt", "scheme | validFrom | validTo | ratePercent | source\n"
                + "DK_UDLAANSRENTE | 2026-07-01 | 2026-12-31 | 1.60 | the operator\n");
        assertThat(book().checkOperatorFiles()).extracting(p -> p.message())
                .containsExactly("config/reference-rates.txt:1: the header has no column evidence");
    }

    @Test
    void theTableIsKeptForItsTtlAndReadAgainAfter() throws IOException {
        RateBook book = book();
        assertThat(book.current().reference().rateOn(Scheme.SE_REFERENSRANTA, H2)).isEmpty();
        write("rates/SE_REFERENSRANTA.txt", HEADER
                + "SE_REFERENSRANTA | 2026-07-01 | 2026-12-31 | 2.00 | PRIMARY | 2026-07-02T05:30:00Z | abc | Riksbank\n");
        clock.advance(Duration.ofMinutes(4));
        assertThat(book.current().reference().rateOn(Scheme.SE_REFERENSRANTA, H2)).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(book.current().reference().rateOn(Scheme.SE_REFERENSRANTA, H2)).isPresent();
    }

    @Test
    void gapsAreTheBegunHalfYearAndFromAFortnightBeforeTheComingOne() {
        var shipped = RateBook.shipped(clock).current().reference();
        assertThat(RateGaps.of(shipped, LocalDate.parse("2026-07-02"))).extracting(g -> g.scheme() + " " + g.stage())
                .contains("SE_REFERENSRANTA BEGUN").doesNotContain("ECB_MRO BEGUN").noneMatch(s -> s.endsWith("COMING"));
        assertThat(RateGaps.of(shipped, LocalDate.parse("2026-12-18"))).extracting(g -> g.scheme() + " " + g.stage())
                .contains("ECB_MRO COMING", "SE_REFERENSRANTA COMING");
        assertThat(RateGaps.of(shipped, LocalDate.parse("2026-12-17"))).noneMatch(g -> g.stage() == RateGaps.Stage.COMING);
    }
}
