package io.creditguard.rates;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
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
 * The ECB Data Portal's SDMX REST API (no key; https://data.ecb.europa.eu/help/api/data), series
 * {@code FM/B.U2.EUR.4F.KR.MRR_FR.LEV}: the main refinancing operations rate, one observation per
 * change, dated the day it took effect, asked for as {@code format=csvdata&detail=dataonly} (columns
 * read by name: {@code TIME_PERIOD}, {@code OBS_VALUE}).
 *
 * <p>Per half-year it gives the rate of the last operation before its first day (BW 6:120 lid 2:
 * "de meest recente basisherfinancieringstransactie ... voor de eerste kalenderdag van het
 * betreffende halfjaar"), the ECB_MRO rows; and Finland's viitekorko as korkolaki 12 § defines it,
 * that rate rounded up to the next half point (rows marked DERIVED).
 */
final class EcbFeed implements RateFeed {

    static final String MRO = "FM/B.U2.EUR.4F.KR.MRR_FR.LEV";

    private final URI base;

    EcbFeed(URI base) {
        this.base = base;
    }

    @Override
    public String name() {
        return "ecb";
    }

    @Override
    public Fetched fetch(HttpFetcher http, LocalDate asOf, Instant now) throws HttpFetcher.FetchException, FeedException {
        List<HalfYear> window = RateFeed.window(asOf);
        // Three years back holds the change in force before the window's first half-year, however long ago.
        URI uri = HttpFetcher.under(base, "/data/" + MRO + "?startPeriod="
                + window.get(0).start().minusYears(3) + "&endPeriod=" + asOf + "&format=csvdata&detail=dataonly");
        HttpFetcher.Response response = http.get(uri, "text/csv");
        TreeMap<LocalDate, BigDecimal> changes = new TreeMap<>();
        for (Map<String, String> row : Csv.parse(RateFeed.body(response, uri), ',')) {
            String period = row.get("TIME_PERIOD");
            String value = row.get("OBS_VALUE");
            if (period == null || value == null) {
                throw new FeedException(uri + " answered CSV without TIME_PERIOD and OBS_VALUE columns");
            }
            LocalDate day;
            try {
                day = LocalDate.parse(period);
            } catch (DateTimeParseException e) {
                throw new FeedException(uri + ": '" + period + "' is not a date");
            }
            changes.put(RateFeed.observed(day, asOf, uri.toString()), RateFeed.percent(value, uri + " on " + day));
        }
        if (changes.isEmpty()) {
            throw new FeedException(uri + " answered an empty series");
        }
        String sha256 = RateFeed.sha256(response);
        List<RateRow> rows = new ArrayList<>();
        for (HalfYear half : window) {
            var before = changes.floorEntry(half.start().minusDays(1));
            if (before == null) {
                continue;
            }
            BigDecimal mro = before.getValue();
            String basis = "ECB Data Portal " + MRO + ": " + mro.toPlainString() + " % since " + before.getKey();
            rows.add(new RateRow.Reference(Scheme.ECB_MRO, half.start(), half.end(), mro, Evidence.PRIMARY, now, sha256,
                    basis + ", the last change before " + half.start()));
            rows.add(new RateRow.Reference(Scheme.FI_VIITEKORKO, half.start(), half.end(), RateFeed.upToHalfPoint(mro),
                    Evidence.DERIVED, now, sha256, "korkolaki 12 §: the ECB rate rounded up to the next half point; " + basis));
        }
        return new Fetched(rows, List.of());
    }
}
