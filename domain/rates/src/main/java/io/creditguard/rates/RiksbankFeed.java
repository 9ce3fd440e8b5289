package io.creditguard.rates;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.calendar.HalfYear;
import io.creditguard.json.Json;
import io.creditguard.outbound.HttpFetcher;
import io.creditguard.reference.Evidence;
import io.creditguard.reference.ReferenceRates.Scheme;

/**
 * Sveriges Riksbank's SWEA API (no key needed; https://www.riksbank.se/en-gb/statistics/interest-rates-and-exchange-rates/retrieving-interest-rates-and-exchange-rates-via-api/):
 * {@code GET /Observations/{seriesId}/{from}/{to}} answers a JSON array of {@code {"date":"YYYY-MM-DD",
 * "value":number}}, one per business day. The referensränta is series {@code SECBREFEFF}; it is read
 * per half-year and cross-checked against räntelagen 9 §: the policy rate ({@code SECBREPOEFF}) at the
 * end of the previous half-year, rounded up to the next half point. A disagreement is noted; the
 * published rate is the one that counts.
 */
final class RiksbankFeed implements RateFeed {

    static final String REFERENCE_RATE = "SECBREFEFF";
    static final String POLICY_RATE = "SECBREPOEFF";

    private final URI base;

    RiksbankFeed(URI base) {
        this.base = base;
    }

    @Override
    public String name() {
        return "riksbank";
    }

    @Override
    public Fetched fetch(HttpFetcher http, LocalDate asOf, Instant now) throws HttpFetcher.FetchException, FeedException {
        List<HalfYear> window = RateFeed.window(asOf);
        URI uri = observations(REFERENCE_RATE, window.get(0).start(), asOf);
        HttpFetcher.Response response = http.get(uri, "application/json");
        TreeMap<LocalDate, BigDecimal> published = series(response, uri, asOf);
        if (published.isEmpty()) {
            throw new FeedException(uri + " answered an empty series");
        }
        List<RateRow> rows = new ArrayList<>();
        String sha256 = RateFeed.sha256(response);
        for (HalfYear half : window) {
            var within = published.subMap(half.start(), true, half.end(), true);
            if (within.isEmpty()) {
                continue;
            }
            BigDecimal rate = within.firstEntry().getValue();
            for (var day : within.entrySet()) {
                if (day.getValue().compareTo(rate) != 0) {
                    throw new FeedException(uri + ": the referensränta changes within " + half + " (" + day.getKey() + ")");
                }
            }
            rows.add(new RateRow.Reference(Scheme.SE_REFERENSRANTA, half.start(), half.end(), rate, Evidence.PRIMARY, now,
                    sha256, "Sveriges Riksbank, SWEA series " + REFERENCE_RATE + " (räntelagen 9 §)"));
        }
        return new Fetched(rows, crossCheck(http, window, rows, asOf));
    }

    /** Räntelagen 9 §, worked from the policy rate, beside each published rate; only notes come of it. */
    private List<String> crossCheck(HttpFetcher http, List<HalfYear> window, List<RateRow> rows, LocalDate asOf) {
        List<String> notes = new ArrayList<>();
        URI uri = observations(POLICY_RATE, window.get(0).previous().start(), asOf);
        TreeMap<LocalDate, BigDecimal> policy;
        try {
            policy = series(http.get(uri, "application/json"), uri, asOf);
        } catch (HttpFetcher.FetchException | FeedException e) {
            notes.add("The policy rate for the räntelagen 9 § cross-check could not be read: " + e.getMessage());
            return notes;
        }
        for (RateRow row : rows) {
            RateRow.Reference rate = (RateRow.Reference) row;
            var before = policy.floorEntry(rate.validFrom().minusDays(1));
            if (before == null) {
                continue;
            }
            BigDecimal derived = RateFeed.upToHalfPoint(before.getValue());
            if (derived.compareTo(rate.ratePercent()) != 0) {
                notes.add("Cross-check: the policy rate " + before.getValue().toPlainString() + " % on " + before.getKey()
                        + " gives a referensränta of " + derived.toPlainString() + " % for " + HalfYear.of(rate.validFrom())
                        + "; the Riksbank publishes " + rate.ratePercent().toPlainString() + " %, which is kept.");
            }
        }
        return notes;
    }

    private URI observations(String series, LocalDate from, LocalDate to) {
        return HttpFetcher.under(base, "/Observations/" + series + "/" + from + "/" + to);
    }

    /** An empty body, 204 or {@code []} is a series without observations. */
    private static TreeMap<LocalDate, BigDecimal> series(HttpFetcher.Response response, URI uri, LocalDate asOf)
            throws FeedException {
        String text = RateFeed.body(response, uri);
        TreeMap<LocalDate, BigDecimal> values = new TreeMap<>();
        if (text.isBlank()) {
            return values;
        }
        JsonNode array;
        try {
            array = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new FeedException(uri + " did not answer JSON: " + e.getOriginalMessage());
        }
        if (!array.isArray()) {
            throw new FeedException(uri + " answered JSON that is not an array of observations");
        }
        for (JsonNode observation : array) {
            JsonNode date = observation.get("date");
            JsonNode value = observation.get("value");
            if (date == null || !date.isTextual() || value == null || !value.isNumber()) {
                throw new FeedException(uri + ": an observation without a date and a numeric value: " + observation);
            }
            LocalDate day;
            try {
                day = LocalDate.parse(date.asText());
            } catch (DateTimeParseException e) {
                throw new FeedException(uri + ": '" + date.asText() + "' is not a date");
            }
            values.put(RateFeed.observed(day, asOf, uri.toString()), RateFeed.percent(value.asText(),
                    uri + " on " + day));
        }
        return values;
    }
}
