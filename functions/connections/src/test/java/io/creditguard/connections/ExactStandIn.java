package io.creditguard.connections;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import io.creditguard.LocalHttp;
import io.creditguard.json.Json;

/**
 * A local Exact Online: OAuth at {@code /api/oauth2/auth} and {@code /token} (the client in the form,
 * access tokens of ten minutes, refresh tokens that rotate), {@code /api/v1/current/Me}, and in a division
 * the sync endpoints ({@code sync/SalesInvoice/SalesInvoices}, {@code sync/Cashflow/PaymentTerms}) filtered on
 * {@code Timestamp gt …L}, a sales invoice and an account by key, accounts by a filter on their keys, answers in
 * OData's {@code {"d":{"results":…}}} with {@code /Date(ms)/} dates, and the day's allowance in
 * {@code X-RateLimit-Remaining}.
 */
final class ExactStandIn implements AutoCloseable {

    static final String CLIENT_ID = "exact-client";
    static final String CLIENT_SECRET = "exact-secret";
    static final int DIVISION = 2841947;
    private static final Pattern TIMESTAMP = Pattern.compile("Timestamp gt (\\d+)L");
    /** The filter on keys that Exact's Accounts endpoint takes, as one ID or several joined by {@code or}. */
    private static final Pattern ACCOUNT_KEYS = Pattern.compile("ID eq guid'[^']*'(?: or ID eq guid'[^']*')*");
    private static final Pattern ACCOUNT_KEY = Pattern.compile("ID eq guid'([^']*)'");
    /**
     * The records a standard (not sync or bulk) endpoint answers a call, the rest behind {@code d.__next}
     * (exactonline/exactonline-api-dotnet-client#50, picqer/exact-php-client#546).
     */
    private static final int STANDARD_PAGE = 60;

    final OAuthStandIn oauth;
    private final List<ObjectNode> invoices = new ArrayList<>();
    private final List<ObjectNode> terms = new ArrayList<>();
    private final Map<String, ObjectNode> accounts = new ConcurrentHashMap<>();
    private final AtomicLong timestamps = new AtomicLong(1000);
    final AtomicInteger apiRequests = new AtomicInteger();
    /** Calls to the Accounts endpoint, by key or by filter. */
    final AtomicInteger accountRequests = new AtomicInteger();
    /** The longest path and query asked for, as sent (encoded). */
    final AtomicInteger longestRequest = new AtomicInteger();
    volatile int remainingToday = 4800;
    /** What {@code X-RateLimit-Remaining} says instead of {@link #remainingToday}, when set. */
    volatile String remainingHeader;
    /** Answer every record of a sync endpoint whatever Timestamp the filter names, as a server ignoring it would. */
    volatile boolean ignoresFilter;
    /** Answers served for these paths (as decoded) instead of the stand-in's own, as a server that changed its answers would. */
    final Map<String, String> served = new ConcurrentHashMap<>();

    ExactStandIn(Clock clock) {
        this.oauth = new OAuthStandIn(CLIENT_ID, CLIENT_SECRET, false, clock, Duration.ofMinutes(10));
        oauth.serve("/api/oauth2/auth", "/api/oauth2/token", null, "/api/v1/", this::api, 2);
    }

    URI base() {
        return oauth.base();
    }

    Map<String, String> config() {
        return oauth.config(Platform.EXACT);
    }

    static String date(String iso) {
        return "/Date(" + LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + ")/";
    }

    void account(String id, String name, String country, String email) {
        ObjectNode a = Json.MAPPER.createObjectNode();
        a.put("ID", id).put("Name", name).put("Country", country).put("Email", email).put("Language", "NL")
                .put("AddressLine1", "Keizersgracht 1").put("Postcode", "1015 CJ").put("City", "Amsterdam");
        accounts.put(id, a);
    }

    /** A sales invoice header (as each of its lines repeats it on the sync endpoint), with a new Timestamp. */
    synchronized ObjectNode invoice(String guid, int number, String account, String date, String due, String amount, int type,
            int status) {
        ObjectNode i = Json.MAPPER.createObjectNode();
        i.put("Timestamp", timestamps.incrementAndGet()).put("InvoiceID", guid).put("InvoiceNumber", number)
                .put("InvoiceDate", date(date)).put("DueDate", date(due)).put("Currency", "EUR")
                .put("AmountFC", new java.math.BigDecimal(amount)).put("InvoiceTo", account).put("InvoiceToName", "Klant " + number)
                .put("PaymentReference", "3000" + number).put("Type", type).put("Status", status).put("Modified", date(date));
        invoices.removeIf(x -> x.path("InvoiceID").asText().equals(guid));
        invoices.add(i);
        return i;
    }

    /** An outstanding item: a receivable ({@code LineType} 20) of an invoice, matched ({@code Status} 50) when paid. */
    synchronized ObjectNode receivable(String id, int invoiceNumber, String amount, boolean paid, String lastPayment) {
        ObjectNode t = Json.MAPPER.createObjectNode();
        t.put("Timestamp", timestamps.incrementAndGet()).put("ID", id).put("LineType", 20).put("InvoiceNumber", invoiceNumber)
                .put("Currency", "EUR").put("AmountFC", new java.math.BigDecimal(amount)).put("Status", paid ? 50 : 20)
                .put("IsFullyPaid", paid);
        if (lastPayment != null) {
            t.put("LastPaymentDate", date(lastPayment));
        }
        terms.removeIf(x -> x.path("ID").asText().equals(id));
        terms.add(t);
        return t;
    }

    private void api(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!oauth.authorized(exchange)) {
                LocalHttp.send(exchange, 401, "application/json", "{\"error\":{\"message\":{\"value\":\"Unauthorized\"}}}");
                return;
            }
            apiRequests.incrementAndGet();
            remainingToday--;
            String query = exchange.getRequestURI().getRawQuery();
            longestRequest.accumulateAndGet(exchange.getRequestURI().getRawPath().length()
                    + (query == null ? 0 : 1 + query.length()), Math::max);
            String path = exchange.getRequestURI().getPath();
            if (served.containsKey(path)) {
                LocalHttp.send(exchange, 200, "application/json", served.get(path));
                return;
            }
            Map<String, String> q = LocalHttp.form(query);
            ArrayNode results = Json.MAPPER.createArrayNode();
            String next = null;
            String prefix = "/api/v1/" + DIVISION + "/";
            if (path.equals("/api/v1/current/Me")) {
                results.addObject().put("CurrentDivision", DIVISION);
            } else if (path.equals(prefix + "sync/SalesInvoice/SalesInvoices")) {
                since(invoices, q).forEach(results::add);
            } else if (path.equals(prefix + "sync/Cashflow/PaymentTerms")) {
                since(terms, q).forEach(results::add);
            } else if (path.startsWith(prefix + "salesinvoice/SalesInvoices(guid'")) {
                String guid = path.substring((prefix + "salesinvoice/SalesInvoices(guid'").length(), path.length() - 2);
                synchronized (this) {
                    invoices.stream().filter(i -> i.path("InvoiceID").asText().equals(guid)).forEach(results::add);
                }
            } else if (path.equals(prefix + "crm/Accounts")) {
                accountRequests.incrementAndGet();
                String filter = q.getOrDefault("$filter", "");
                if (!ACCOUNT_KEYS.matcher(filter).matches()) {
                    // Exact's mandatory filtering: a list of accounts must be filtered on a field that allows it.
                    LocalHttp.send(exchange, 400, "application/json",
                            "{\"error\":{\"message\":{\"value\":\"filter not supported\"}}}");
                    return;
                }
                List<ObjectNode> found = byKeys(filter, q.get("$select"));
                found.stream().limit(STANDARD_PAGE).forEach(results::add);
                if (found.size() > STANDARD_PAGE) {
                    next = base() + path + "?$skiptoken=" + STANDARD_PAGE;
                }
            } else {
                LocalHttp.send(exchange, 404, "application/json", "{\"error\":{\"message\":{\"value\":\"not found\"}}}");
                return;
            }
            ObjectNode answer = Json.MAPPER.createObjectNode();
            ObjectNode d = answer.putObject("d");
            d.set("results", results);
            if (next != null) {
                d.put("__next", next);
            }
            LocalHttp.send(exchange, 200, "application/json", Json.write(answer), Map.of("X-RateLimit-Limit", "5000",
                    "X-RateLimit-Remaining", remainingHeader != null ? remainingHeader : String.valueOf(remainingToday), "X-RateLimit-Minutely-Limit", "60"));
        }
    }

    /**
     * The accounts whose ID the filter names, its key compared as the Guid it is (whatever the letters' case), with
     * only the fields {@code $select} names when it names any.
     */
    private List<ObjectNode> byKeys(String filter, String select) {
        Set<String> keys = new HashSet<>();
        Matcher key = ACCOUNT_KEY.matcher(filter);
        while (key.find()) {
            keys.add(key.group(1).toLowerCase(Locale.ROOT));
        }
        return accounts.values().stream().filter(a -> keys.contains(a.path("ID").asText().toLowerCase(Locale.ROOT)))
                .map(a -> select == null ? a : a.deepCopy().retain(List.of(select.split(",")))).toList();
    }

    /** The records after the filter's Timestamp, in Timestamp order, at most 1 000. */
    private synchronized List<ObjectNode> since(List<ObjectNode> records, Map<String, String> q) {
        Matcher m = TIMESTAMP.matcher(q.getOrDefault("$filter", ""));
        long after = m.find() && !ignoresFilter ? Long.parseLong(m.group(1)) : Long.MIN_VALUE;
        return records.stream().filter(r -> r.path("Timestamp").asLong() > after)
                .sorted(Comparator.comparingLong(r -> r.path("Timestamp").asLong())).limit(1000).toList();
    }

    @Override
    public void close() {
        oauth.stop();
    }
}
