package io.creditguard.rates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.creditguard.LocalHttp;
import io.creditguard.json.Json;

/**
 * A local HTTP server answering as the four publishers do, from the files in {@code src/test/resources/feeds/}
 * (see its README), narrowed to the range each request asks for. {@link #fault} makes one publisher, or
 * all, fail in a given way, as a real outage or a broken answer would.
 */
public final class RecordedFeeds implements AutoCloseable {

    /** How a publisher misbehaves; {@code NONE} answers normally. */
    public enum Fault {
        NONE, OUTAGE, HTML, EMPTY, MALFORMED_NUMBER, IMPLAUSIBLE_RATE, FUTURE_DATE, NO_ANSWER,
        /** A figure short to write and endless to write out or compute with: {@code 1e400000000}. */
        ENDLESS_NUMBER
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    /** Holds the requests given no answer; opened by the next reset, so no test inherits them. */
    private volatile CountDownLatch release = new CountDownLatch(1);
    private volatile CountDownLatch together;
    private volatile Predicate<String> gated = uri -> false;
    private final Map<String, Integer> requests = new HashMap<>();
    private final List<String> uris = new java.util.ArrayList<>();
    private volatile String riksbankVariant = "";
    private volatile Fault fault = Fault.NONE;
    private volatile String faulty = "*";

    public RecordedFeeds() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/riksbank/", this::riksbank);
        server.createContext("/ecb/", this::ecb);
        server.createContext("/bundesbank/", this::bundesbank);
        server.createContext("/statbank/", this::statbank);
        server.setExecutor(executor);
        server.start();
    }

    public URI base(String publisher) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + publisher);
    }

    /** The configuration pointing the function at this server, patient enough for a test and no more. */
    public Map<String, String> config() {
        return Map.of("creditguard.rates.riksbank.url", base("riksbank").toString(),
                "creditguard.rates.ecb.url", base("ecb").toString(),
                "creditguard.rates.bundesbank.url", base("bundesbank").toString(),
                "creditguard.rates.statbank.url", base("statbank").toString(),
                "creditguard.rates.read-timeout", "1S", "creditguard.rates.attempts", "2",
                "creditguard.rates.backoff", "0S");
    }

    /** The Riksbank's referensränta as {@code riksbank-SECBREFEFF.<variant>.json}; empty for the default. */
    public void riksbank(String variant) {
        this.riksbankVariant = variant.isEmpty() ? "" : "." + variant;
    }

    /** @param publisher riksbank, ecb, bundesbank or statbank; {@code *} for all */
    public void fault(String publisher, Fault kind) {
        this.faulty = publisher;
        this.fault = kind;
    }

    /**
     * From now until the next reset, each request whose path and query {@code which} accepts is held until
     * {@code n} such have arrived, and refused with a 503 if they have not within 900 ms (under the client's
     * read timeout): a client that asks one after the other fails where one that asks all at once succeeds.
     */
    public void answerOnlyTogether(int n, Predicate<String> which) {
        together = new CountDownLatch(n);
        gated = which;
    }

    public void reset() {
        release.countDown();
        release = new CountDownLatch(1);
        together = null;
        riksbankVariant = "";
        fault = Fault.NONE;
        faulty = "*";
        synchronized (requests) {
            requests.clear();
            uris.clear();
        }
    }

    /** Requests received per publisher since the last reset. */
    public int requests(String publisher) {
        synchronized (requests) {
            return requests.getOrDefault(publisher, 0);
        }
    }

    /** The paths and queries of the requests received since the last reset, in order. */
    public List<String> uris() {
        synchronized (requests) {
            return List.copyOf(uris);
        }
    }

    private void riksbank(HttpExchange exchange) throws IOException {
        // /riksbank/Observations/{series}/{from}/{to}
        String[] parts = exchange.getRequestURI().getPath().split("/");
        String series = parts[3];
        LocalDate from = LocalDate.parse(parts[4]);
        LocalDate to = LocalDate.parse(parts[5]);
        String file = "riksbank-" + series + (series.equals("SECBREFEFF") ? riksbankVariant : "") + ".json";
        ArrayNode kept = Json.MAPPER.createArrayNode();
        for (JsonNode observation : Json.MAPPER.readTree(resource(file))) {
            LocalDate day = LocalDate.parse(observation.get("date").asText());
            if (!day.isBefore(from) && !day.isAfter(to)) {
                kept.add(observation);
            }
        }
        answer(exchange, "riksbank", "application/json", Json.write(kept), Map.of(
                Fault.MALFORMED_NUMBER, "[{\"date\":\"" + from + "\",\"value\":\"2,0\"}]",
                Fault.IMPLAUSIBLE_RATE, "[{\"date\":\"" + from + "\",\"value\":200.0}]",
                Fault.ENDLESS_NUMBER, "[{\"date\":\"" + from + "\",\"value\":1e400000000}]",
                Fault.FUTURE_DATE, "[{\"date\":\"2031-01-02\",\"value\":2.0}]",
                Fault.EMPTY, "[]"));
    }

    private void ecb(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI());
        LocalDate from = LocalDate.parse(query.get("startPeriod"));
        LocalDate to = LocalDate.parse(query.get("endPeriod"));
        String path = exchange.getRequestURI().getPath();
        boolean exr = path.contains("/data/EXR/");
        Set<String> currencies = exr ? Set.of(path.substring(path.indexOf("/D.") + 3, path.indexOf(".EUR.SP00.A")).split("\\+"))
                : Set.of();
        List<String> lines = resource(exr ? "ecb-exr.csv" : "ecb-mro.csv").lines().toList();
        String header = lines.get(0);
        int period = Arrays.asList(header.split(",")).indexOf("TIME_PERIOD");
        String body = header + "\n" + lines.stream().skip(1).filter(l -> {
            String[] cells = l.split(",");
            LocalDate day = LocalDate.parse(cells[period]);
            return !day.isBefore(from) && !day.isAfter(to) && (!exr || currencies.contains(cells[2]));
        }).collect(Collectors.joining("\n")) + "\n";
        String key = exr ? "EXR.D.SEK.EUR.SP00.A,D,SEK,EUR,SP00,A," : "FM.B.U2.EUR.4F.KR.MRR_FR.LEV,B,U2,EUR,4F,KR,MRR_FR,LEV,";
        answer(exchange, "ecb", "text/csv", body, Map.of(
                Fault.MALFORMED_NUMBER, header + "\n" + key + from + ",two\n",
                Fault.IMPLAUSIBLE_RATE, header + "\n" + key + from + (exr ? ",-3\n" : ",200\n"),
                Fault.ENDLESS_NUMBER, header + "\n" + key + from + ",1e400000000\n",
                Fault.FUTURE_DATE, header + "\n" + key + "2031-01-02,2.15\n",
                Fault.EMPTY, header + "\n"));
    }

    private void bundesbank(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI());
        YearMonth from = YearMonth.parse(query.get("startPeriod"));
        YearMonth to = YearMonth.parse(query.get("endPeriod"));
        List<String> lines = resource("bundesbank-basiszinssatz.csv").lines().toList();
        String header = lines.get(0);
        String body = header + "\n" + lines.stream().skip(1).filter(l -> {
            YearMonth month = YearMonth.parse(l.split(";")[7]);
            return !month.isBefore(from) && !month.isAfter(to);
        }).collect(Collectors.joining("\n")) + "\n";
        String row = "BBK:BBIN1(1.0);M;DE;BBK;BBKBAS2;EUR;ME;";
        answer(exchange, "bundesbank", "text/csv", body, Map.of(
                Fault.MALFORMED_NUMBER, header + "\n" + row + from + ";1,27\n",
                Fault.IMPLAUSIBLE_RATE, header + "\n" + row + from + ";200.00\n",
                Fault.ENDLESS_NUMBER, header + "\n" + row + from + ";1e400000000\n",
                Fault.FUTURE_DATE, header + "\n" + row + "2031-01;1.27\n",
                Fault.EMPTY, header + "\n"));
    }

    private void statbank(HttpExchange exchange) throws IOException {
        Set<String> days = Set.of(query(exchange.getRequestURI()).get("Tid").split(","));
        List<String> lines = resource("statbank-dnrentd.csv").lines().toList();
        String header = lines.get(0);
        String body = header + "\n" + lines.stream().skip(1).filter(l -> days.contains(l.split(";")[3]))
                .collect(Collectors.joining("\n")) + "\n";
        String first = days.stream().sorted().findFirst().orElseThrow();
        answer(exchange, "statbank", "text/csv", body, Map.of(
                Fault.MALFORMED_NUMBER, header + "\nOIRNAA;DK;E;" + first + ";1,75\n",
                Fault.IMPLAUSIBLE_RATE, header + "\nOIRNAA;DK;E;" + first + ";200.0000\n",
                Fault.ENDLESS_NUMBER, header + "\nOIRNAA;DK;E;" + first + ";1e400000000\n",
                Fault.FUTURE_DATE, header + "\nOIRNAA;DK;E;2031M01D02;1.7500\n",
                Fault.EMPTY, header + "\n"));
    }

    private void answer(HttpExchange exchange, String publisher, String type, String body, Map<Fault, String> broken)
            throws IOException {
        synchronized (requests) {
            requests.merge(publisher, 1, Integer::sum);
            uris.add(exchange.getRequestURI().toString());
        }
        CountDownLatch gate = together;
        if (gate != null && gated.test(exchange.getRequestURI().toString())) {
            gate.countDown();
            if (!await(gate, 900)) {
                LocalHttp.send(exchange, 503, "text/plain", "Service Unavailable: asked alone");
                return;
            }
        }
        Fault now = faulty.equals("*") || faulty.equals(publisher) ? fault : Fault.NONE;
        switch (now) {
            case OUTAGE -> LocalHttp.send(exchange, 503, "text/plain", "Service Unavailable");
            case HTML -> LocalHttp.send(exchange, 200, "text/html; charset=utf-8",
                    "<!DOCTYPE html><html><body><h1>Scheduled maintenance</h1></body></html>");
            case NO_ANSWER -> {
                await(release, 3000); // past the client's read timeout, until the next reset or the server closes
                exchange.close();
            }
            case NONE -> LocalHttp.send(exchange, 200, type, body);
            default -> LocalHttp.send(exchange, 200, type, broken.get(now));
        }
    }


    private static boolean await(CountDownLatch latch, long millis) {
        try {
            return latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RecordedFeeds.class.getClassLoader().getResourceAsStream("feeds/" + name)) {
            if (in == null) {
                throw new IOException("no fixture feeds/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
