package io.creditguard.rates;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.creditguard.calendar.HalfYear;
import io.creditguard.outbound.HttpFetcher;
import io.creditguard.reference.Evidence;
import io.creditguard.reference.ReferenceRates.Scheme;

/**
 * Danmarks Nationalbank's official lending rate (udlånsrenten) as Statistics Denmark's StatBank API
 * republishes it (no key; https://www.dst.dk/da/Statistik/hjaelp-til-statistikbanken/api): table
 * {@code DNRENTD}, {@code INSTRUMENT=OIRNAA}, {@code LAND=DK}, {@code OPGOER=E}, days named as
 * {@code Tid=2026M07D01}, answered as semicolon CSV with a {@code TID} and an {@code INDHOLD} column
 * ({@code ..} for a day without a value). Renteloven § 5 takes the rate "pr. den 1. januar og den 1.
 * juli": the value of that day, or the last before it when the day has none (a holiday).
 */
final class StatbankFeed implements RateFeed {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu'M'MM'D'dd");
    /** Days asked for before each half-year's first day, to find the rate carried into it. */
    private static final int DAYS_BEFORE = 10;

    private final URI base;

    StatbankFeed(URI base) {
        this.base = base;
    }

    @Override
    public String name() {
        return "statbank";
    }

    @Override
    public Fetched fetch(HttpFetcher http, LocalDate asOf, Instant now) throws HttpFetcher.FetchException, FeedException {
        List<HalfYear> begun = RateFeed.window(asOf);
        String days = begun.stream().flatMap(h -> Stream.iterate(h.start().minusDays(DAYS_BEFORE), d -> !d.isAfter(h.start()),
                d -> d.plusDays(1))).filter(d -> !d.isAfter(asOf)).map(DAY::format).collect(Collectors.joining(","));
        URI uri = HttpFetcher.under(base, "/data/DNRENTD/CSV?lang=en&valuePresentation=Code"
                + "&INSTRUMENT=OIRNAA&LAND=DK&OPGOER=E&Tid=" + days);
        HttpFetcher.Response response = http.get(uri, "text/csv");
        TreeMap<LocalDate, BigDecimal> values = new TreeMap<>();
        for (Map<String, String> row : Csv.parse(RateFeed.body(response, uri), ';')) {
            String day = row.get("TID");
            String value = row.get("INDHOLD");
            if (day == null || value == null) {
                throw new FeedException(uri + " answered CSV without TID and INDHOLD columns");
            }
            if (value.isEmpty() || value.equals("..")) {
                continue;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(day, DAY);
            } catch (DateTimeParseException e) {
                throw new FeedException(uri + ": '" + day + "' is not a day such as 2026M07D01");
            }
            values.put(RateFeed.observed(date, asOf, uri.toString()), RateFeed.percent(value, uri + " on " + date));
        }
        if (values.isEmpty()) {
            throw new FeedException(uri + " answered an empty series");
        }
        String sha256 = RateFeed.sha256(response);
        List<RateRow> rows = new ArrayList<>();
        for (HalfYear half : begun) {
            var inForce = values.floorEntry(half.start());
            if (inForce == null || inForce.getKey().isBefore(half.start().minusDays(DAYS_BEFORE))) {
                continue;
            }
            rows.add(new RateRow.Reference(Scheme.DK_UDLAANSRENTE, half.start(), half.end(), inForce.getValue(),
                    Evidence.PRIMARY, now, sha256, "Danmarks Nationalbank udlånsrente on " + inForce.getKey()
                            + ", Statistics Denmark DNRENTD INSTRUMENT=OIRNAA (renteloven § 5)"));
        }
        return new Fetched(rows, List.of());
    }
}
