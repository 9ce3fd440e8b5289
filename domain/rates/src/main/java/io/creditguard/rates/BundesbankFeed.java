package io.creditguard.rates;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.creditguard.calendar.HalfYear;
import io.creditguard.outbound.HttpFetcher;
import io.creditguard.reference.Evidence;
import io.creditguard.reference.ReferenceRates.Scheme;

/**
 * The Deutsche Bundesbank's SDMX web service (no key;
 * https://www.bundesbank.de/en/statistics/time-series-databases/help-for-sdmx-web-service/web-service-interface-data),
 * series {@code BBIN1/M.DE.BBK.BBKBAS2.EUR.ME}, "Basiszinssatz gemäß BGB / Stand am Monatsende"
 * (§ 247 BGB), asked for as SDMX-CSV ({@code Accept: text/csv}: semicolons, a decimal point, {@code .}
 * for a missing month). The rate of a half-year is its January or July value; every month of the
 * half-year must agree with it, as the rate changes only on 1 January and 1 July.
 */
final class BundesbankFeed implements RateFeed {

    static final String SERIES = "BBIN1/M.DE.BBK.BBKBAS2.EUR.ME";

    private final URI base;

    BundesbankFeed(URI base) {
        this.base = base;
    }

    @Override
    public String name() {
        return "bundesbank";
    }

    @Override
    public Fetched fetch(HttpFetcher http, LocalDate asOf, Instant now) throws HttpFetcher.FetchException, FeedException {
        List<HalfYear> window = RateFeed.window(asOf);
        URI uri = HttpFetcher.under(base, "/data/" + SERIES + "?startPeriod="
                + YearMonth.from(window.get(0).start()) + "&endPeriod=" + YearMonth.from(asOf));
        HttpFetcher.Response response = http.get(uri, "text/csv");
        TreeMap<YearMonth, BigDecimal> months = new TreeMap<>();
        for (Map<String, String> row : Csv.parse(RateFeed.body(response, uri), ';')) {
            String period = row.get("TIME_PERIOD");
            String value = row.get("OBS_VALUE");
            if (period == null || value == null) {
                throw new FeedException(uri + " answered CSV without TIME_PERIOD and OBS_VALUE columns");
            }
            if (value.isEmpty() || value.equals(".")) {
                continue;
            }
            YearMonth month;
            try {
                month = YearMonth.parse(period);
            } catch (DateTimeParseException e) {
                throw new FeedException(uri + ": '" + period + "' is not a month YYYY-MM");
            }
            RateFeed.observed(month.atDay(1), asOf, uri.toString());
            months.put(month, RateFeed.percent(value, uri + " for " + month));
        }
        if (months.isEmpty()) {
            throw new FeedException(uri + " answered an empty series");
        }
        String sha256 = RateFeed.sha256(response);
        List<RateRow> rows = new ArrayList<>();
        for (HalfYear half : window) {
            BigDecimal rate = months.get(YearMonth.from(half.start()));
            if (rate == null) {
                continue;
            }
            for (var month : months.subMap(YearMonth.from(half.start()), true, YearMonth.from(half.end()), true).entrySet()) {
                if (month.getValue().compareTo(rate) != 0) {
                    throw new FeedException(uri + ": the Basiszinssatz changes within " + half + " (" + month.getKey() + ")");
                }
            }
            rows.add(new RateRow.Reference(Scheme.DE_BASISZINSSATZ, half.start(), half.end(), rate, Evidence.PRIMARY, now,
                    sha256, "Deutsche Bundesbank, " + SERIES + " (§ 247 BGB)"));
        }
        return new Fetched(rows, List.of());
    }
}
