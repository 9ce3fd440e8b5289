package io.creditguard.connections;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import io.creditguard.LocalHttp;
import io.creditguard.json.Json;

/**
 * A local Fortnox as its API description (Fortnox's OpenAPI description of API v3) and guides say it
 * behaves: OAuth at {@code /oauth-v1/auth}, {@code /token} (HTTP Basic, rotating single-use refresh tokens),
 * {@code /revoke}; {@code GET /3/invoices} filtered by {@code lastmodified} ({@code 2026-12-05 14:30}, read as
 * Stockholm time) with {@code page}, {@code limit} and {@code MetaInformation}, {@code /3/invoices/{n}},
 * {@code /3/customers/{n}}, {@code /3/invoicepayments}; 25 requests in any 5 seconds per access token, a 429 with
 * {@code Retry-After} beyond. {@link #fault} makes it fail as an outage or a broken answer would.
 */
final class FortnoxStandIn implements AutoCloseable {

    static final String CLIENT_ID = "fortnox-client";
    static final String CLIENT_SECRET = "fortnox-secret";

    enum Fault {
        NONE, OUTAGE, HTML, TRUNCATED,
        /** Answers after 3 seconds: later than the tests' read timeout of one. */
        SLOW
    }

    enum Meta {
        WHOLE, EMPTY, NONE
    }

    private record Stored(ObjectNode record, Instant modified) {
    }

    final OAuthStandIn oauth;
    private final Clock clock;
    // In number order where the document numbers are numbers, as Fortnox lists them.
    private final Map<String, Stored> invoices = Collections.synchronizedMap(new TreeMap<>(Comparator.comparingInt(String::length)
            .thenComparing(Comparator.naturalOrder())));
    private final Map<String, ObjectNode> customers = new ConcurrentHashMap<>();
    private final List<Stored> payments = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, ArrayDeque<Instant>> windows = new ConcurrentHashMap<>();
    final AtomicInteger apiRequests = new AtomicInteger();
    /** The API requests' paths as sent, percent-encoding and all. */
    final Queue<String> requested = new ConcurrentLinkedQueue<>();
    final AtomicInteger tooMany = new AtomicInteger();
    volatile Fault fault = Fault.NONE;
    /** Answer the next this many API requests with 429, to see them waited out. */
    final AtomicInteger throttleNext = new AtomicInteger();
    /** What {@code MetaInformation.@TotalPages} says instead of the pages there are, when set. */
    volatile Integer claimedPages;
    /** Serve the first page whichever {@code page} is asked for, as a server that ignores it would. */
    volatile boolean ignoresPage;
    /** Serve pages of this many records whatever {@code limit} asks, when set. */
    volatile Integer servedLimit;
    /** How the lists carry their {@code MetaInformation}: whole, as an empty object, or not at all. */
    volatile Meta meta = Meta.WHOLE;
    /** Answers served for these paths (as decoded) instead of the stand-in's own, as a server that changed its answers would. */
    final Map<String, String> served = new ConcurrentHashMap<>();
    private volatile int mostInWindow;

    FortnoxStandIn(Clock clock) {
        this.clock = clock;
        this.oauth = new OAuthStandIn(CLIENT_ID, CLIENT_SECRET, true, clock, Duration.ofHours(1));
        oauth.serve("/oauth-v1/auth", "/oauth-v1/token", "/oauth-v1/revoke", "/3/", this::api, 4);
    }

    URI base() {
        return oauth.base();
    }

    /** What a deployment sets to use this stand-in. */
    Map<String, String> config() {
        return oauth.config(Platform.FORTNOX);
    }

    /** The most API requests any 5 seconds saw. */
    int mostInAnyWindow() {
        return mostInWindow;
    }

    void customer(String number, String name, String type, String countryCode, String email) {
        ObjectNode c = Json.MAPPER.createObjectNode();
        c.put("CustomerNumber", number).put("Name", name).put("Type", type).put("CountryCode", countryCode).put("Email", email)
                .put("OrganisationNumber", "556036-0793");
        customers.put(number, c);
    }

    /** An invoice as Fortnox keeps it; {@link #put} stores it as changed now. */
    static ObjectNode invoice(String number, String customer, String date, String due, String total, String balance) {
        ObjectNode i = Json.MAPPER.createObjectNode();
        i.put("DocumentNumber", number).put("CustomerNumber", customer).put("CustomerName", "Kund " + customer)
                .put("InvoiceDate", date).put("DueDate", due).put("Currency", "SEK").put("Total", new java.math.BigDecimal(total))
                .put("Balance", new java.math.BigDecimal(balance)).put("Cancelled", false).put("Credit", "false")
                .put("CreditInvoiceReference", "0").put("OCR", "").put("Reminders", 0).put("Language", "SV")
                .put("Address1", "Storgatan 1").put("ZipCode", "111 22").put("City", "Stockholm").put("Country", "Sverige");
        return i;
    }

    /**
     * A small company's Fortnox: two customers (a company, a private person) and one overdue invoice with its OCR
     * number and a reminder Fortnox sent itself, one paid, one credited by a credit invoice, one cancelled, and
     * three that cannot be mapped (an unknown currency, a negative amount, neither a due date nor terms in days).
     */
    void sampleBook() {
        customer("10", "Byggmästarna AB", "COMPANY", "SE", "ekonomi@bygg.example");
        customer("11", "Eva Svensson", "PRIVATE", "SE", "eva@example.se");
        ObjectNode overdue = invoice("1001", "10", "2026-10-20", "2026-11-19", "12500", "12500");
        overdue.put("OCR", "100115").put("Reminders", 1).put("LastRemindDate", "2026-11-26");
        put(overdue);
        put(invoice("1002", "11", "2026-10-25", "2026-11-24", "8000", "0"));
        payment("501", "1002", "8000", "2026-11-20");
        put(invoice("1003", "10", "2026-10-28", "2026-11-27", "5000", "0"));
        put(invoice("1004", "10", "2026-11-02", "2026-12-02", "-5000", "0").put("Credit", "true")
                .put("CreditInvoiceReference", "1003"));
        put(invoice("1005", "10", "2026-10-01", "2026-11-01", "3000", "3000").put("Cancelled", true));
        put(invoice("1006", "10", "2026-11-01", "2026-12-01", "100", "100").put("Currency", "ZZZ"));
        put(invoice("1007", "10", "2026-11-01", "2026-12-01", "-100", "0"));
        ObjectNode undated = invoice("1008", "10", "2026-11-01", "2026-12-01", "100", "100");
        undated.remove("DueDate");
        put(undated.put("TermsOfPayment", "K"));
    }

    /** Empty again, answering normally: for the next test of a stand-in shared by a Quarkus test class. */
    void reset() {
        invoices.clear();
        customers.clear();
        payments.clear();
        fault = Fault.NONE;
        throttleNext.set(0);
        oauth.revoked = false;
    }

    void put(ObjectNode invoice) {
        invoices.put(invoice.path("DocumentNumber").asText(), new Stored(invoice.deepCopy(), clock.instant()));
    }

    void payment(String number, String invoiceNumber, String amount, String date) {
        ObjectNode p = Json.MAPPER.createObjectNode();
        p.put("Number", number).put("InvoiceNumber", Integer.parseInt(invoiceNumber)).put("Amount", new java.math.BigDecimal(amount))
                .put("Currency", "SEK").put("PaymentDate", date).put("Booked", true);
        payments.add(new Stored(p, clock.instant()));
    }

    private void api(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!oauth.authorized(exchange)) {
                LocalHttp.send(exchange, 401, "application/json", "{\"ErrorInformation\":{\"message\":\"Unauthorized\"}}");
                return;
            }
            if (!paced(exchange.getRequestHeaders().getFirst("Authorization"))) {
                return429(exchange);
                return;
            }
            apiRequests.incrementAndGet();
            switch (fault) {
                case OUTAGE -> {
                    LocalHttp.send(exchange, 503, "text/html", "<html><body>Service Unavailable</body></html>");
                    return;
                }
                case HTML -> {
                    LocalHttp.send(exchange, 200, "text/html", "<html><body>Fortnox har underhåll</body></html>");
                    return;
                }
                case SLOW -> {
                    try {
                        Thread.sleep(3000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    LocalHttp.send(exchange, 503, "text/html", "<html><body>Gateway Timeout</body></html>");
                    return;
                }
                default -> {
                }
            }
            requested.add(exchange.getRequestURI().getRawPath());
            // A server's limit on its request line (414 URI Too Long, RFC 9110 §15.5.15).
            if (exchange.getRequestURI().getRawPath().length() > 2000) {
                LocalHttp.send(exchange, 414, "text/html", "<html><body>URI Too Long</body></html>");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (served.containsKey(path)) {
                LocalHttp.send(exchange, 200, "application/json", served.get(path));
                return;
            }
            Map<String, String> q = LocalHttp.form(exchange.getRequestURI().getRawQuery());
            String body;
            if (path.equals("/3/invoices")) {
                body = list("Invoices", new ArrayList<>(invoices.values()), q);
            } else if (path.startsWith("/3/invoices/")) {
                Stored s = invoices.get(path.substring("/3/invoices/".length()));
                body = s == null ? null : Json.write(Map.of("Invoice", s.record()));
            } else if (path.startsWith("/3/customers/")) {
                ObjectNode c = customers.get(path.substring("/3/customers/".length()));
                body = c == null ? null : Json.write(Map.of("Customer", c));
            } else if (path.equals("/3/invoicepayments")) {
                body = list("InvoicePayments", new ArrayList<>(payments), q);
            } else {
                body = null;
            }
            if (body == null) {
                LocalHttp.send(exchange, 404, "application/json", "{\"ErrorInformation\":{\"message\":\"Kan inte hitta\"}}");
                return;
            }
            if (fault == Fault.TRUNCATED) {
                body = body.substring(0, body.length() / 2);
            }
            LocalHttp.send(exchange, 200, "application/json", body);
        }
    }

    private String list(String name, List<Stored> all, Map<String, String> q) {
        Instant since = q.containsKey("lastmodified") ? LocalDateTime.parse(q.get("lastmodified"),
                FortnoxSource.LASTMODIFIED).atZone(FortnoxSource.STOCKHOLM).toInstant() : Instant.EPOCH;
        List<ObjectNode> matching = all.stream().filter(s -> !s.modified().isBefore(since)).map(Stored::record).toList();
        int limit = servedLimit != null ? servedLimit : Integer.parseInt(q.getOrDefault("limit", "100"));
        int page = ignoresPage ? 1 : Integer.parseInt(q.getOrDefault("page", "1"));
        int pages = claimedPages != null ? claimedPages : Math.max(1, (matching.size() + limit - 1) / limit);
        ObjectNode answer = Json.MAPPER.createObjectNode();
        if (meta != Meta.NONE) {
            ObjectNode m = answer.putObject("MetaInformation");
            if (meta == Meta.WHOLE) {
                m.put("@TotalResources", matching.size()).put("@TotalPages", pages).put("@CurrentPage", page);
            }
        }
        ArrayNode items = answer.putArray(name);
        matching.stream().skip((long) (page - 1) * limit).limit(limit).forEach(items::add);
        return Json.write(answer);
    }

    /** The sliding window Fortnox counts in: 25 requests in any 5 seconds, per access token. */
    private synchronized boolean paced(String token) {
        ArrayDeque<Instant> window = windows.computeIfAbsent(token, t -> new ArrayDeque<>());
        Instant now = clock.instant();
        while (!window.isEmpty() && !window.peekFirst().plusSeconds(5).isAfter(now)) {
            window.pollFirst();
        }
        if (throttleNext.get() > 0) {
            throttleNext.decrementAndGet();
            return false;
        }
        if (window.size() >= 25) {
            return false;
        }
        window.addLast(now);
        mostInWindow = Math.max(mostInWindow, window.size());
        return true;
    }

    private void return429(HttpExchange exchange) throws IOException {
        tooMany.incrementAndGet();
        LocalHttp.send(exchange, 429, "application/json", "{\"message\":\"Too Many Requests\"}", Map.of("Retry-After", "5"));
    }

    @Override
    public void close() {
        oauth.stop();
    }
}
