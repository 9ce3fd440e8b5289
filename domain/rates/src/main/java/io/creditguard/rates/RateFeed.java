package io.creditguard.rates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.creditguard.calendar.HalfYear;
import io.creditguard.digest.Sha256;
import io.creditguard.outbound.HttpFetcher;
import io.creditguard.reference.ReferenceRates;

/**
 * One official publisher's open API, read for the rows it publishes. A feed either returns every row
 * of its answer, each checked, or fails as a whole ({@link FeedException}, {@link HttpFetcher.FetchException}):
 * a half-valid answer changes nothing.
 */
interface RateFeed {

    /** The source's name in the summary and the configuration ({@code creditguard.rates.<name>.url}). */
    String name();

    /**
     * @param asOf the day of the refresh: periods up to its half-year are read, observations after it
     *     are refused
     */
    Fetched fetch(HttpFetcher http, LocalDate asOf, Instant now) throws HttpFetcher.FetchException, FeedException;

    /** What a feed read: rows for the store, and notes for the summary (a cross-check that disagreed). */
    record Fetched(List<RateRow> rows, List<String> notes) {
    }

    /** The half-years a refresh reads: the current one and the two before it. */
    static List<HalfYear> window(LocalDate asOf) {
        HalfYear current = HalfYear.of(asOf);
        return List.of(current.previous().previous(), current.previous(), current);
    }

    /** The body as text, refusing an HTML page (a portal's error or maintenance page answers 200 too). */
    static String body(HttpFetcher.Response response, URI uri) throws FeedException {
        String text = response.text();
        String media = HttpFetcher.mediaType(response.contentType()).orElse("");
        String start = text.stripLeading().toLowerCase(java.util.Locale.ROOT);
        if (media.contains("html") || start.startsWith("<!doctype html") || start.startsWith("<html")) {
            throw new FeedException(uri + " answered an HTML page, not data");
        }
        return text;
    }

    static String sha256(HttpFetcher.Response response) {
        return Sha256.hex(response.body());
    }

    /** A figure from the answer, in percent, checked to be a number in the plausible range. */
    static BigDecimal percent(String cell, String what) throws FeedException {
        BigDecimal value;
        try {
            value = new BigDecimal(cell.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new FeedException(what + ": '" + cell + "' is not a number");
        }
        if (!ReferenceRates.plausible(value)) {
            // Written out unless that is long: 1e400000000 written out is 400 million digits.
            boolean longPlain = value.scale() > 20 || value.precision() - value.scale() > 20;
            throw new FeedException(what + ": " + (longPlain ? value.toString() : value.toPlainString())
                    + " % is not a plausible rate");
        }
        return value.setScale(Math.max(2, value.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY);
    }

    /** An observation's date, refused when it lies after the refresh's day. */
    static LocalDate observed(LocalDate date, LocalDate asOf, String what) throws FeedException {
        if (date.isAfter(asOf)) {
            throw new FeedException(what + ": an observation dated " + date + ", after " + asOf);
        }
        return date;
    }

    /** Räntelagen 9 § and korkolaki 12 §: rounded, where needed, up to the next half percentage point. */
    static BigDecimal upToHalfPoint(BigDecimal rate) {
        return rate.multiply(BigDecimal.valueOf(2)).setScale(0, RoundingMode.CEILING).divide(BigDecimal.valueOf(2))
                .setScale(2, RoundingMode.UNNECESSARY);
    }
}
