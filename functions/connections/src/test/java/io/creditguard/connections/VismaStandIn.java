package io.creditguard.connections;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import io.creditguard.LocalHttp;
import io.creditguard.json.Json;

/**
 * A local Visma eAccounting: its identity server at {@code /connect/authorize}, {@code /connect/token}
 * (HTTP Basic, PKCE, refresh tokens that cannot be used twice), {@code /connect/revocation}; and
 * {@code GET /v2/customerinvoices} with {@code $filter=ModifiedUtc ge …}, {@code $orderby=ModifiedUtc},
 * {@code $page}, {@code $pagesize} and the {@code Meta} of every paginated answer.
 */
final class VismaStandIn implements AutoCloseable {

    static final String CLIENT_ID = "visma-client";
    static final String CLIENT_SECRET = "visma-secret";

    enum Meta {
        WHOLE, EMPTY, NONE
    }

    final OAuthStandIn oauth;
    private final Clock clock;
    private final Map<String, ObjectNode> invoices = new ConcurrentHashMap<>();
    final AtomicInteger apiRequests = new AtomicInteger();
    /** What {@code Meta.ServerTimeUtc} says instead of the clock, when set. */
    volatile String serverTime;
    /** What {@code Meta.TotalNumberOfPages} says instead of the pages there are, when set. */
    volatile Integer claimedPages;
    /** Serve the first page whichever {@code $page} is asked for, as a server that ignores it would. */
    volatile boolean ignoresPage;
    /** How the answers carry their {@code Meta}: whole, as an empty object, or not at all. */
    volatile Meta meta = Meta.WHOLE;
    /** Answers served for these paths (as decoded) instead of the stand-in's own, as a server that changed its answers would. */
    final Map<String, String> served = new ConcurrentHashMap<>();

    VismaStandIn(Clock clock) {
        this.clock = clock;
        this.oauth = new OAuthStandIn(CLIENT_ID, CLIENT_SECRET, true, clock, Duration.ofHours(1));
        oauth.serve("/connect/authorize", "/connect/token", "/connect/revocation", "/v2/", this::api, 2);
    }

    URI base() {
        return oauth.base();
    }

    Map<String, String> config() {
        return oauth.config(Platform.VISMA);
    }

    /** A customer invoice as the API answers it; {@link #put} stamps its ModifiedUtc. */
    static ObjectNode invoice(String id, int number, String date, String due, String total, String remaining) {
        ObjectNode i = Json.MAPPER.createObjectNode();
        i.put("Id", id).put("InvoiceNumber", number).put("CustomerId", "c-" + number).put("CustomerNumber", "K" + number)
                .put("InvoiceCustomerName", "Kund " + number).put("CustomerIsPrivatePerson", false)
                .put("CustomerEmail", "kund" + number + "@example.se").put("InvoiceAddress1", "Kungsgatan 2")
                .put("InvoicePostalCode", "411 19").put("InvoiceCity", "Göteborg").put("InvoiceCountryCode", "SE")
                .put("CurrencyCode", "SEK").put("InvoiceDate", date + "T00:00:00").put("DueDate", due + "T00:00:00")
                .put("TotalAmountInvoiceCurrency", new java.math.BigDecimal(total))
                .put("RemainingAmountInvoiceCurrency", new java.math.BigDecimal(remaining)).put("IsCreditInvoice", false)
                .put("PaymentReminderIssued", false);
        return i;
    }

    void put(ObjectNode invoice) {
        put(invoice, clock.instant().toString());
    }

    /** The invoice as changed at {@code modifiedUtc}, whatever the clock says. */
    void put(ObjectNode invoice, String modifiedUtc) {
        ObjectNode stored = invoice.deepCopy();
        stored.put("ModifiedUtc", modifiedUtc);
        invoices.put(invoice.path("Id").asText(), stored);
    }

    private void api(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!oauth.authorized(exchange)) {
                LocalHttp.send(exchange, 401, "application/json", "{\"Message\":\"Authorization has been denied\"}");
                return;
            }
            apiRequests.incrementAndGet();
            if (served.containsKey(exchange.getRequestURI().getPath())) {
                LocalHttp.send(exchange, 200, "application/json", served.get(exchange.getRequestURI().getPath()));
                return;
            }
            if (!exchange.getRequestURI().getPath().equals("/v2/customerinvoices")) {
                LocalHttp.send(exchange, 404, "application/json", "{\"Message\":\"not found\"}");
                return;
            }
            Map<String, String> q = LocalHttp.form(exchange.getRequestURI().getRawQuery());
            Instant since = q.containsKey("$filter") ? Instant.parse(q.get("$filter").replace("ModifiedUtc ge ", "").strip())
                    : Instant.EPOCH;
            List<ObjectNode> matching = new ArrayList<>(invoices.values().stream()
                    .filter(i -> !Instant.parse(i.path("ModifiedUtc").asText()).isBefore(since))
                    .sorted(Comparator.comparing(i -> i.path("ModifiedUtc").asText())).toList());
            int size = Integer.parseInt(q.getOrDefault("$pagesize", "50"));
            int page = ignoresPage ? 1 : Integer.parseInt(q.getOrDefault("$page", "1"));
            ObjectNode answer = Json.MAPPER.createObjectNode();
            if (meta != Meta.NONE) {
                ObjectNode m = answer.putObject("Meta");
                if (meta == Meta.WHOLE) {
                    m.put("CurrentPage", page).put("PageSize", size)
                            .put("TotalNumberOfPages", claimedPages != null ? claimedPages : Math.max(1, (matching.size() + size - 1) / size))
                            .put("TotalNumberOfResults", matching.size()).put("ServerTimeUtc", serverTime != null ? serverTime : clock.instant().toString());
                }
            }
            ArrayNode data = answer.putArray("Data");
            matching.stream().skip((long) (page - 1) * size).limit(size).forEach(data::add);
            LocalHttp.send(exchange, 200, "application/json; charset=utf-8", Json.write(answer));
        }
    }

    @Override
    public void close() {
        oauth.stop();
    }
}
