package io.creditguard.rates;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.creditguard.money.ExchangeRates;
import io.creditguard.outbound.HttpFetcher;
import io.creditguard.reference.Evidence;

/**
 * The ECB's euro foreign exchange reference rates (14:15 CET), series {@code EXR/D.<currency>.EUR.SP00.A}
 * of the ECB Data Portal, the currencies joined with {@code +} in one request, for the last ten days:
 * units of each currency per euro, for converting a statutory fixed amount set in another currency.
 * A day without a rate (a discontinued series publishes {@code NaN}) is skipped. {@link #fetch(HttpFetcher,
 * List, LocalDate, LocalDate, Instant)} reads any window, as the backfill does ({@link ExchangeBackfill}).
 */
final class EcbExchangeFeed implements RateFeed {

    private final URI base;
    private final List<Currency> currencies;

    EcbExchangeFeed(URI base, List<Currency> currencies) {
        this.base = base;
        this.currencies = List.copyOf(currencies);
    }

    @Override
    public String name() {
        return "ecb-exchange-rates";
    }

    List<Currency> currencies() {
        return currencies;
    }

    @Override
    public Fetched fetch(HttpFetcher http, LocalDate asOf, Instant now) throws HttpFetcher.FetchException, FeedException {
        return fetch(http, currencies, asOf.minusDays(10), asOf, now);
    }

    /** The rates of {@code wanted} from {@code from} to {@code asOf}, in one request. */
    Fetched fetch(HttpFetcher http, List<Currency> wanted, LocalDate from, LocalDate asOf, Instant now)
            throws HttpFetcher.FetchException, FeedException {
        String codes = wanted.stream().map(Currency::getCurrencyCode).collect(Collectors.joining("+"));
        URI uri = HttpFetcher.under(base, "/data/EXR/D." + codes + ".EUR.SP00.A?startPeriod="
                + from + "&endPeriod=" + asOf + "&format=csvdata&detail=dataonly");
        HttpFetcher.Response response = http.get(uri, "text/csv");
        String sha256 = RateFeed.sha256(response);
        List<RateRow> rows = new ArrayList<>();
        for (Map<String, String> row : Csv.parse(RateFeed.body(response, uri), ',')) {
            String code = row.get("CURRENCY");
            String period = row.get("TIME_PERIOD");
            String value = row.get("OBS_VALUE");
            if (code == null || period == null || value == null) {
                throw new FeedException(uri + " answered CSV without CURRENCY, TIME_PERIOD and OBS_VALUE columns");
            }
            if (value.isEmpty() || value.equalsIgnoreCase("NaN")) {
                continue;
            }
            Currency currency = wanted.stream().filter(c -> c.getCurrencyCode().equals(code)).findFirst()
                    .orElseThrow(() -> new FeedException(uri + " answered a currency not asked for: " + code));
            LocalDate day;
            BigDecimal perEuro;
            try {
                day = LocalDate.parse(period);
                perEuro = new BigDecimal(value);
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new FeedException(uri + ": the row " + code + " " + period + " " + value + " is malformed");
            }
            if (!ExchangeRates.plausible(perEuro)) {
                throw new FeedException(uri + ": " + value + " " + code + " per euro on " + period + " is not plausible");
            }
            rows.add(new RateRow.Exchange(currency, RateFeed.observed(day, asOf, uri.toString()), perEuro, Evidence.PRIMARY,
                    now, sha256, "ECB euro reference rate, EXR.D." + code + ".EUR.SP00.A"));
        }
        if (rows.isEmpty()) {
            throw new FeedException(uri + " answered no rates for " + from + " to " + asOf);
        }
        return new Fetched(rows, List.of());
    }
}
