package io.creditguard.filings;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.filings.AnnualAccounts.Figure;
import io.creditguard.filings.AnnualAccounts.Filed;
import io.creditguard.filings.AnnualAccounts.ReportKind;
import io.creditguard.filings.AnnualAccounts.Year;
import io.creditguard.filings.RegistryException.Kind;
import io.creditguard.json.Json;
import io.creditguard.outbound.HttpFetcher;
import io.creditguard.reference.ReferenceTable;
import io.creditguard.validation.AmountsFitCurrency;

/**
 * KvK's open data of filed annual accounts: {@code GET <api>/api/v1/hvds/jaarrekeningen/kvknummer/{kvkNummer}},
 * free, no key, one request a minute (so never retried here: a 429 is reported, not waited out), CC BY 4.0.
 * The answer is a tree of {@code opendataFields} (key, value, nested fields) per filed year; the keys read are
 * those of {@code reference/kvk-open-data-fields.txt}.
 *
 * <p>What it lacks, said plainly to whoever reads the figures: the company's name, address and status
 * (the dataset is anonymised and has no register events such as a bankruptcy), the financial year's dates
 * (only its number: taken as the calendar year), and, for the small companies that file an abridged
 * balance sheet, every figure of the income statement.
 */
public final class KvkOpenData {

    static final Currency EURO = Currency.getInstance("EUR");
    /** Sixteen digits, a point and four decimals, with room for a sign and leading zeros. */
    private static final int MOST_CHARACTERS = 40;

    private record Key(Figure figure, String key) {
    }

    private final URI api;
    private final HttpFetcher http;
    private static final List<Key> KEYS = ReferenceTable.load("kvk-open-data-fields.txt").rows().stream()
            .filter(ReferenceTable.Row::usable).map(r -> new Key(r.enumValue("figure", Figure.class), r.text("key"))).toList();

    public KvkOpenData(URI api, HttpFetcher http) {
        this.api = api;
        this.http = http;
    }

    /** The latest two filed years, or empty when KvK has no filed accounts of {@code kvkNummer} (a 404). */
    public Optional<AnnualAccounts> accounts(String kvkNummer) throws RegistryException {
        String path = "/api/v1/hvds/jaarrekeningen/kvknummer/" + kvkNummer;
        HttpFetcher.Response response;
        try {
            response = http.get(HttpFetcher.under(api, path), "application/json");
        } catch (HttpFetcher.FetchException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw new RegistryException(e.status() == 429 ? Kind.UNAVAILABLE : e.status() == 401 || e.status() == 403
                    ? Kind.REFUSED : Kind.UNAVAILABLE, "KvK open data " + path + ": " + (e.status() == 0 ? e.getMessage()
                            : "HTTP " + e.status() + (e.status() == 429 ? " (KvK allows one request a minute)" : "")));
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new RegistryException(Kind.BAD_ANSWER, "KvK open data answered something that is not JSON");
        }
        return read(kvkNummer, body);
    }

    /** The answer's years, latest first, two at most. Pure. */
    Optional<AnnualAccounts> read(String kvkNummer, JsonNode body) throws RegistryException {
        List<JsonNode> filings = new ArrayList<>();
        if (body != null && body.isArray()) {
            body.forEach(filings::add);
        } else if (body != null && body.isObject()) {
            filings.add(body);
        }
        List<Year> years = new ArrayList<>();
        record Filing(int year, Map<String, String> fields) {
        }
        List<Filing> parsed = new ArrayList<>();
        for (JsonNode filing : filings) {
            Map<String, String> fields = new LinkedHashMap<>();
            flatten(filing.path("opendataFields"), fields);
            String year = fields.get("FinancialYear");
            if (year != null && year.strip().matches("\\d{4}")) {
                parsed.add(new Filing(Integer.parseInt(year.strip()), fields));
            }
        }
        parsed.sort(Comparator.comparingInt(Filing::year).reversed());
        for (Filing f : parsed.stream().limit(2).toList()) {
            LocalDate start = LocalDate.of(f.year(), 1, 1);
            LocalDate end = LocalDate.of(f.year(), 12, 31);
            List<Filed> figures = new ArrayList<>();
            for (Figure figure : Figure.values()) {
                KEYS.stream().filter(k -> k.figure() == figure).map(k -> number(f.fields().get(k.key()))
                        .map(v -> new Filed(figure, v, "KvK opendataField " + k.key(), "FinancialYear " + f.year())))
                        .flatMap(Optional::stream).findFirst().ifPresent(figures::add);
            }
            if (figures.isEmpty()) {
                continue;
            }
            Map<Figure, BigDecimal> v = new LinkedHashMap<>();
            figures.forEach(x -> v.put(x.figure(), x.value()));
            BigDecimal assets = v.get(Figure.TOTAL_ASSETS);
            BigDecimal equity = v.get(Figure.EQUITY);
            years.add(new Year(start, end, figures, null, assets != null && equity != null ? assets.subtract(equity) : null));
        }
        if (years.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AnnualAccounts("opendata.kvk.nl jaarrekeningen/kvknummer/" + kvkNummer + ", FinancialYear "
                + years.get(0).end().getYear(), ReportKind.KVK_OPEN_DATA, kvkNummer, EURO, years, List.of()));
    }

    /** Every key with a value, depth first; the first of a key wins. */
    private static void flatten(JsonNode fields, Map<String, String> out) {
        for (JsonNode field : fields) {
            String key = field.path("key").asText("");
            JsonNode value = field.path("value");
            if (!key.isEmpty() && (value.isTextual() || value.isNumber())) {
                out.putIfAbsent(key, value.asText());
            }
            if (field.has("opendataFields")) {
                flatten(field.path("opendataFields"), out);
            }
        }
    }

    /**
     * A figure written as a plain decimal, within what any amount can be ({@link AmountsFitCurrency.Validator#plausible});
     * empty otherwise, and the figure is then one the check lacks. A value is a JSON string of up to 5 MiB, and
     * BigDecimal's parse grows with the square of the digits: text longer than any amount is not parsed.
     */
    private static Optional<BigDecimal> number(String text) {
        String plain = text == null ? "" : text.strip();
        if (plain.length() > MOST_CHARACTERS || !plain.matches("-?\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(plain);
        return AmountsFitCurrency.Validator.plausible(value) ? Optional.of(value) : Optional.empty();
    }
}
