package io.creditguard.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.creditguard.outbound.HttpFetcher;
import io.creditguard.reference.Evidence;

/**
 * Each publisher's feed against a local server answering in the publisher's documented format
 * ({@link RecordedFeeds}): the rows it reads, and every way an answer can be wrong, each refused whole.
 */
class RateFeedsTest {

    private static final RecordedFeeds SERVER = new RecordedFeeds();
    private static final HttpFetcher HTTP = new HttpFetcher(new HttpFetcher.Limits(Duration.ofSeconds(2),
            Duration.ofSeconds(1), 2, Duration.ZERO, 1 << 20));
    private static final Instant NOW = Instant.parse("2026-12-01T05:30:00Z");
    private static final List<Currency> CURRENCIES = List.of("SEK", "NOK", "DKK", "PLN", "GBP", "USD", "CHF").stream()
            .map(Currency::getInstance).toList();

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @BeforeEach
    void reset() {
        SERVER.reset();
    }

    private static RateFeed feed(String name) {
        return switch (name) {
            case "riksbank" -> new RiksbankFeed(SERVER.base("riksbank"));
            case "ecb" -> new EcbFeed(SERVER.base("ecb"));
            case "ecb-exchange-rates" -> new EcbExchangeFeed(SERVER.base("ecb"), CURRENCIES);
            case "bundesbank" -> new BundesbankFeed(SERVER.base("bundesbank"));
            case "statbank" -> new StatbankFeed(SERVER.base("statbank"));
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static List<String> rows(RateFeed.Fetched fetched) {
        return fetched.rows().stream().map(r -> {
            RateRow.Reference rate = (RateRow.Reference) r;
            return rate.scheme() + " " + rate.validFrom() + " " + rate.ratePercent().toPlainString() + " " + rate.evidence();
        }).toList();
    }

    @Test
    void theRiksbankReferenceRatePerHalfYearAgreesWithThePolicyRate() throws Exception {
        // Räntelagen 9 §: the policy rate at 30 June 2025 (2.00), 31 December 2025 and 30 June 2026 (1.75)
        // rounded up to the next half point give 2.00 each, as published.
        var fetched = feed("riksbank").fetch(HTTP, LocalDate.parse("2026-12-01"), NOW);
        assertThat(rows(fetched)).containsExactly("SE_REFERENSRANTA 2025-07-01 2.00 PRIMARY",
                "SE_REFERENSRANTA 2026-01-01 2.00 PRIMARY", "SE_REFERENSRANTA 2026-07-01 2.00 PRIMARY");
        assertThat(fetched.notes()).isEmpty();
        assertThat(((RateRow.Reference) fetched.rows().get(0)).sha256()).hasSize(64);
        // 31 December 2024: the policy rate was still 2.75 (the cut to 2.50 applied from January), so 3.00.
        assertThat(rows(feed("riksbank").fetch(HTTP, LocalDate.parse("2025-03-01"), NOW)))
                .contains("SE_REFERENSRANTA 2025-01-01 3.00 PRIMARY");
    }

    @Test
    void aPublishedRateTheDerivationDoesNotGiveIsKeptAndNoted() throws Exception {
        SERVER.riksbank("conflict");
        var fetched = feed("riksbank").fetch(HTTP, LocalDate.parse("2026-12-01"), NOW);
        assertThat(rows(fetched)).contains("SE_REFERENSRANTA 2025-07-01 2.50 PRIMARY");
        assertThat(fetched.notes()).singleElement().satisfies(n -> assertThat(n)
                .contains("policy rate 2.00 % on 2025-06-30 gives a referensränta of 2.00 % for 2025H2")
                .contains("publishes 2.50 %, which is kept"));
    }

    @Test
    void theEcbRateOfTheLastOperationBeforeEachHalfYearAndFinlandsViitekorko() throws Exception {
        // BW 6:120 lid 2: 2.15 since 11 June 2025 for 2025H2 and 2026H1; 2.40 since 17 June 2026 for 2026H2.
        // Korkolaki 12 §: rounded up to the next half point, 2.50 each.
        var fetched = feed("ecb").fetch(HTTP, LocalDate.parse("2026-07-02"), NOW);
        assertThat(rows(fetched)).containsExactly(
                "ECB_MRO 2025-07-01 2.15 PRIMARY", "FI_VIITEKORKO 2025-07-01 2.50 DERIVED",
                "ECB_MRO 2026-01-01 2.15 PRIMARY", "FI_VIITEKORKO 2026-01-01 2.50 DERIVED",
                "ECB_MRO 2026-07-01 2.40 PRIMARY", "FI_VIITEKORKO 2026-07-01 2.50 DERIVED");
    }

    @Test
    void euroReferenceRatesOfTheLastTenDays() throws Exception {
        // 22 June to 2 July 2026: nine TARGET days, seven currencies.
        var fetched = feed("ecb-exchange-rates").fetch(HTTP, LocalDate.parse("2026-07-02"), NOW);
        assertThat(fetched.rows()).hasSize(63).allSatisfy(r -> {
            RateRow.Exchange rate = (RateRow.Exchange) r;
            assertThat(rate.date()).isBetween(LocalDate.parse("2026-06-22"), LocalDate.parse("2026-07-02"));
            assertThat(rate.evidence()).isEqualTo(Evidence.PRIMARY);
        });
        assertThat(fetched.rows().stream().map(r -> ((RateRow.Exchange) r).currency()).distinct()).hasSize(7);
    }

    @Test
    void theBasiszinssatzOfJanuaryAndJuly() throws Exception {
        assertThat(rows(feed("bundesbank").fetch(HTTP, LocalDate.parse("2026-12-01"), NOW))).containsExactly(
                "DE_BASISZINSSATZ 2025-07-01 1.27 PRIMARY", "DE_BASISZINSSATZ 2026-01-01 1.27 PRIMARY",
                "DE_BASISZINSSATZ 2026-07-01 1.52 PRIMARY");
    }

    @Test
    void theUdlaansrenteOnTheFirstDayOrTheLastBefore() throws Exception {
        // 1 January 2026 has no value (a holiday): the rate of 30 December carries into it.
        var fetched = feed("statbank").fetch(HTTP, LocalDate.parse("2026-07-02"), NOW);
        assertThat(rows(fetched)).containsExactly("DK_UDLAANSRENTE 2025-07-01 1.75 PRIMARY",
                "DK_UDLAANSRENTE 2026-01-01 1.75 PRIMARY", "DK_UDLAANSRENTE 2026-07-01 1.75 PRIMARY");
        assertThat(((RateRow.Reference) fetched.rows().get(1)).source()).contains("on 2025-12-30");
    }

    @ParameterizedTest(name = "{0}, {1}: {2}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "riksbank; OUTAGE; HTTP 503 after 2 attempt(s)",
            "riksbank; HTML; answered an HTML page, not data",
            "riksbank; EMPTY; answered an empty series",
            "riksbank; MALFORMED_NUMBER; an observation without a date and a numeric value",
            "riksbank; IMPLAUSIBLE_RATE; 200 % is not a plausible rate",
            "riksbank; FUTURE_DATE; an observation dated 2031-01-02, after 2026-12-01",
            "riksbank; NO_ANSWER; no answer within 1000 ms after 2 attempt(s)",
            "ecb; OUTAGE; HTTP 503",
            "ecb; HTML; answered an HTML page",
            "ecb; EMPTY; answered an empty series",
            "ecb; MALFORMED_NUMBER; 'two' is not a number",
            "ecb; IMPLAUSIBLE_RATE; 200 % is not a plausible rate",
            "ecb; FUTURE_DATE; an observation dated 2031-01-02",
            "ecb-exchange-rates; EMPTY; answered no rates",
            "ecb-exchange-rates; IMPLAUSIBLE_RATE; -3 SEK per euro",
            "ecb-exchange-rates; MALFORMED_NUMBER; is malformed",
            "bundesbank; HTML; answered an HTML page",
            "bundesbank; EMPTY; answered an empty series",
            "bundesbank; MALFORMED_NUMBER; '1,27' is not a number",
            "bundesbank; IMPLAUSIBLE_RATE; 200.00 % is not a plausible rate",
            "bundesbank; FUTURE_DATE; an observation dated 2031-01-01",
            "statbank; OUTAGE; HTTP 503",
            "statbank; EMPTY; answered an empty series",
            "statbank; MALFORMED_NUMBER; '1,75' is not a number",
            "statbank; IMPLAUSIBLE_RATE; 200.0000 % is not a plausible rate",
            "statbank; FUTURE_DATE; an observation dated 2031-01-02",
            // written out, 1e400000000 is 400 million digits: refused as it is compared, not once written out
            "riksbank; ENDLESS_NUMBER; 1E+400000000 % is not a plausible rate",
            "ecb; ENDLESS_NUMBER; 1E+400000000 % is not a plausible rate",
            "ecb-exchange-rates; ENDLESS_NUMBER; 1e400000000 SEK per euro",
            "bundesbank; ENDLESS_NUMBER; 1E+400000000 % is not a plausible rate",
            "statbank; ENDLESS_NUMBER; 1E+400000000 % is not a plausible rate"})
    void aBrokenAnswerIsRefusedWhole(String name, RecordedFeeds.Fault fault, String message) {
        SERVER.fault(name.startsWith("ecb") ? "ecb" : name, fault);
        // On a thread of its own, so a figure that would take minutes fails the test instead of holding the build.
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(
                () -> feed(name).fetch(HTTP, LocalDate.parse("2026-12-01"), NOW)).hasMessageContaining(message));
    }

    @Test
    void aRetryFollowsATransientFailureAndAnOversizedAnswerIsRefused() {
        SERVER.fault("riksbank", RecordedFeeds.Fault.OUTAGE);
        assertThatThrownBy(() -> feed("riksbank").fetch(HTTP, LocalDate.parse("2026-12-01"), NOW));
        assertThat(SERVER.requests("riksbank")).isEqualTo(2);
        HttpFetcher small = new HttpFetcher(new HttpFetcher.Limits(Duration.ofSeconds(2), Duration.ofSeconds(1), 1,
                Duration.ZERO, 100));
        SERVER.reset();
        assertThatThrownBy(() -> new BundesbankFeed(SERVER.base("bundesbank")).fetch(small, LocalDate.parse("2026-12-01"), NOW))
                .hasMessageContaining("larger than 100 bytes");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"1.75, 2.00", "2.00, 2.00", "2.01, 2.50", "2.40, 2.50", "2.65, 3.00", "0.00, 0.00", "-0.25, 0.00",
            "-0.60, -0.50"})
    void roundedUpToTheNextHalfPoint(BigDecimal rate, BigDecimal expected) {
        assertThat(RateFeed.upToHalfPoint(rate)).isEqualByComparingTo(expected);
    }

    @Test
    void csvCellsMayQuoteTheSeparatorAndQuotes() throws FeedException {
        var rows = Csv.parse("\uFEFFA;B;C\r\n1;\"x; \"\"y\"\"\";3\n\n4;5;6\n", ';');
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("A", "1").containsEntry("B", "x; \"y\"").containsEntry("C", "3");
        assertThatThrownBy(() -> Csv.parse("A\n\"open", ',')).isInstanceOf(FeedException.class);
    }
}
