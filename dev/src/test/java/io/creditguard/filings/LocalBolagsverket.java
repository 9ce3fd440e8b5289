package io.creditguard.filings;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.creditguard.LocalHttp;
import io.creditguard.json.Json;

/**
 * A local Bolagsverket answering as its Värdefulla datamängder API describes (the OpenAPI description in the
 * team's shared reference): {@code POST /oauth2/token} (client credentials, Basic authentication, scope
 * {@code vardefulla-datamangder:read}; each token issued anew and good for {@link #TOKEN_LIFETIME} seconds),
 * and under {@code /vardefulla-datamangder/v1} with a valid bearer token: {@code POST /organisationer},
 * {@code POST /dokumentlista} and {@code GET /dokument/{dokumentId}}, errors as its RFC 7807
 * {@code ApiError}. Beside it, KvK's open data ({@code GET /kvk/api/v1/hvds/jaarrekeningen/kvknummer/{n}}).
 *
 * <p>The companies are fixtures: the real reports of domain/filings/src/test/resources/filings/ under their real
 * organisation numbers, with register data made up for the test (dates, SNI codes), and Bolagsverket's own
 * example company of its description, 5299999994, deregistered, in bankruptcy and in liquidation.
 */
public final class LocalBolagsverket implements AutoCloseable {

    public static final String CLIENT_ID = "creditguard-test-client";
    public static final String CLIENT_SECRET = "s3cr3t-of-the-test-only";

    /** How it misbehaves; {@code NONE} answers as documented. */
    public enum Fault {
        NONE,
        /** Every request answers 503 (the gateway's server.error). */
        DOWN,
        /** The token endpoint refuses the client (401 invalid_client), and the tokens it gave stop being accepted. */
        REFUSE_TOKEN,
        /** Tokens issued so far stop being accepted: the API answers 401 until a new one is fetched. */
        ROTATE_TOKENS
    }

    /** A company's register data and the documents listed for it. */
    public record Company(String orgnr, JsonNode organisation, List<Document> documents) {
    }

    /** @param file a zip of domain/filings/src/test/resources/filings/ ({@link Reports}) */
    public record Document(String id, String file, String periodEnd, String registered) {
    }

    private final HttpServer server;
    private final Map<String, Company> companies = new ConcurrentHashMap<>();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final Map<String, AtomicInteger> downloads = new ConcurrentHashMap<>();
    private final List<String> requestIds = new CopyOnWriteArrayList<>();
    private final List<String> kvkRequests = new CopyOnWriteArrayList<>();
    private volatile Fault fault = Fault.NONE;
    private volatile int kvkStatus = 200;
    private volatile String kvkBody = "";
    /** Seconds a token is good for, as the token answer's {@code expires_in} says. */
    private static final long TOKEN_LIFETIME = 3600;

    public LocalBolagsverket() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/oauth2/token", this::token);
        server.createContext("/vardefulla-datamangder/v1/", this::api);
        server.createContext("/kvk/", this::kvk);
        server.start();
        reset();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The configuration pointing the function here, patient enough for a test and no more. */
    public Map<String, String> config() {
        return Map.of("creditguard.bolagsverket.api-url", base() + "/vardefulla-datamangder/v1",
                "creditguard.bolagsverket.token-url", base() + "/oauth2/token",
                "BOLAGSVERKET_CLIENT_ID", CLIENT_ID, "BOLAGSVERKET_CLIENT_SECRET", CLIENT_SECRET,
                "creditguard.bolagsverket.read-timeout", "5S", "creditguard.bolagsverket.attempts", "2",
                "creditguard.bolagsverket.backoff", "0S", "creditguard.kvk.api-url", base() + "/kvk");
    }

    /** The fixtures as they were at the start, no fault, nothing counted; the tokens issued stay good. */
    public void reset() {
        fault = Fault.NONE;
        companies.clear();
        tokenRequests.set(0);
        downloads.clear();
        requestIds.clear();
        kvkRequests.clear();
        kvkStatus = 404;
        kvkBody = "";
        add(new Company("5590179924", aktiebolag("5590179924", "SecTrade Konsult AB", "2015-06-10", "70220",
                "Konsultverksamhet avseende företags organisation"), List.of(new Document("4eaa2201-7ad0-4de4-9b2d-1f5f952b74d9",
                        "5590179924_SecTrade_Konsult_AB_2020.zip", "2020-10-31", "2021-02-15"))));
        add(new Company("5569201998", aktiebolag("5569201998", "Modular Finance AB", "2013-03-04", "62010",
                "Dataprogrammering"), List.of(new Document("mf-2021", "5569201998_Modular_Finance_AB_2021.zip", "2021-12-31",
                        "2022-03-20"), new Document("mf-2020", "5569201998_Modular_Finance_AB_2021.zip", "2020-12-31",
                                "2021-03-22"))));
        add(new Company("5568022171", aktiebolag("5568022171", "BONESUPPORT HOLDING AB", "1999-08-25", "64200",
                "Holdingverksamhet i finansiella koncerner"), List.of(new Document("bone-2022",
                        "5568022171_BONESUPPORT_HOLDING_AB_2022.zip", "2022-12-31", "2023-05-30"))));
        // Filed digitally never: many companies file on paper.
        add(new Company("5560360793", aktiebolag("5560360793", "Verkstad Nord AB", "2005-03-01", "46690",
                "Partihandel med övriga maskiner och utrustning"), List.of()));
        // Lists a document that is another company's report.
        add(new Company("5566778899", aktiebolag("5566778899", "Blandat AB", "2010-01-01", "70220", "Konsult"),
                List.of(new Document("other-2020", "5590179924_SecTrade_Konsult_AB_2020.zip", "2020-10-31", "2021-02-15"))));
        add(new Company("5299999994", exampleCompany(), List.of()));
    }

    public void add(Company company) {
        companies.put(company.orgnr(), company);
    }

    public void fault(Fault fault) {
        this.fault = fault;
        if (fault == Fault.ROTATE_TOKENS || fault == Fault.REFUSE_TOKEN) {
            validTokens.clear();
        }
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    public int downloads(String documentId) {
        return downloads.getOrDefault(documentId, new AtomicInteger()).get();
    }

    public List<String> requestIds() {
        return List.copyOf(requestIds);
    }

    /** KvK's next answers: a status and, for a 200, the body. */
    public void kvk(int status, String body) {
        kvkStatus = status;
        kvkBody = body;
    }

    public List<String> kvkRequests() {
        return List.copyOf(kvkRequests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (fault == Fault.DOWN) {
            LocalHttp.send(exchange, 503, "text/plain", "Service Unavailable");
        } else if (fault == Fault.REFUSE_TOKEN || !"POST".equals(exchange.getRequestMethod())
                || !basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            LocalHttp.send(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
        } else if (!"client_credentials".equals(form.get("grant_type")) || !"vardefulla-datamangder:read".equals(form.get("scope"))) {
            LocalHttp.send(exchange, 400, "application/json", "{\"error\":\"invalid_scope\"}");
        } else {
            String token = "at-" + java.util.UUID.randomUUID();
            validTokens.add(token);
            LocalHttp.send(exchange, 200, "application/json", Json.write(Map.of("access_token", token, "token_type", "Bearer",
                    "expires_in", TOKEN_LIFETIME, "scope", "vardefulla-datamangder:read")));
        }
    }

    private void api(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring("/vardefulla-datamangder/v1".length());
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
        if (requestId != null) {
            requestIds.add(requestId);
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (fault == Fault.DOWN) {
            error(exchange, 503, "server.error", "Internal Server Error", "Ett ohanterat fel har uppstått.");
            return;
        }
        if (authorization == null || !authorization.startsWith("Bearer ") || !validTokens.contains(authorization.substring(7))) {
            error(exchange, 401, "auth.error", "Unauthorized", "Anroparen saknar giltiga autentiseringsuppgifter.");
            return;
        }
        if (path.startsWith("/dokument/") && "GET".equals(exchange.getRequestMethod())) {
            String id = path.substring("/dokument/".length());
            Document document = companies.values().stream().flatMap(c -> c.documents().stream())
                    .filter(d -> d.id().equals(id)).findFirst().orElse(null);
            if (document == null) {
                error(exchange, 404, "not.found", "Not Found", "Dokument kunde inte hittas.");
                return;
            }
            downloads.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            byte[] zip = Reports.bytes(document.file());
            exchange.getResponseHeaders().set("Content-Type", "application/zip");
            exchange.sendResponseHeaders(200, zip.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(zip);
            }
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod()) || !(path.equals("/organisationer") || path.equals("/dokumentlista"))) {
            error(exchange, 404, "not.found", "Not Found", "Resursen finns inte.");
            return;
        }
        JsonNode request = Json.MAPPER.readTree(exchange.getRequestBody());
        String id = request == null ? "" : request.path("identitetsbeteckning").asText("");
        if (!id.matches("\\d{10}|\\d{12}")) {
            error(exchange, 400, "validation.client", "Bad Request", "Identitetsbeteckning har ogiltigt format.");
            return;
        }
        Company company = companies.get(id.length() == 12 ? id.substring(2) : id);
        ObjectNode answer = Json.MAPPER.createObjectNode();
        if (path.equals("/organisationer")) {
            ArrayNode list = answer.putArray("organisationer");
            list.add(company != null ? company.organisation() : unknown());
        } else {
            ArrayNode list = answer.putArray("dokument");
            if (company != null) {
                for (Document d : company.documents()) {
                    list.addObject().put("dokumentId", d.id()).put("filformat", "application/zip")
                            .put("rapporteringsperiodTom", d.periodEnd()).put("registreringstidpunkt", d.registered());
                }
            }
        }
        LocalHttp.send(exchange, 200, "application/json", Json.write(answer));
    }

    private void kvk(HttpExchange exchange) throws IOException {
        kvkRequests.add(exchange.getRequestURI().getPath());
        switch (kvkStatus) {
            case 200 -> LocalHttp.send(exchange, 200, "application/json", kvkBody);
            case 429 -> LocalHttp.send(exchange, 429, "application/json", "{\"fout\":[{\"code\":\"IPD1999\"}]}", Map.of("Retry-After", "60"));
            default -> LocalHttp.send(exchange, kvkStatus, "application/json", "{\"fout\":[{\"code\":\"IPD0004\",\"omschrijving\":\"Geen jaarrekening gevonden\"}]}");
        }
    }

    private static void error(HttpExchange exchange, int status, String instance, String title, String detail) throws IOException {
        LocalHttp.send(exchange, status, "application/json", Json.write(Map.of("type", "about:blank", "instance", instance,
                "status", status, "title", title, "detail", detail)));
    }

    /** An aktiebolag as the description's example "organisationer-aktiebolag-svar" has it, with these values. */
    public static JsonNode aktiebolag(String orgnr, String name, String registered, String sni, String sniText) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.putObject("organisationsidentitet").put("identitetsbeteckning", orgnr).putObject("typ")
                .put("kod", "ORGANISATIONSNUMMER").put("klartext", "Organisationsnummer");
        ObjectNode names = o.putObject("organisationsnamn");
        names.putArray("organisationsnamnLista").addObject().put("namn", name).put("registreringsdatum", registered)
                .putObject("organisationsnamntyp").put("kod", "FORETAGSNAMN").put("klartext", "Företagsnamn");
        names.put("dataproducent", "Bolagsverket").putNull("fel");
        o.putObject("organisationsform").put("kod", "AB").put("klartext", "Aktiebolag").put("dataproducent", "Bolagsverket");
        o.putObject("juridiskForm").put("kod", "49").put("klartext", "Övriga aktiebolag").put("dataproducent", "SCB");
        o.putObject("verksamOrganisation").put("kod", "JA").put("dataproducent", "SCB");
        o.putObject("organisationsdatum").put("registreringsdatum", registered).put("dataproducent", "Bolagsverket");
        ObjectNode naringsgren = o.putObject("naringsgrenOrganisation");
        naringsgren.putArray("sni").addObject().put("kod", sni).put("klartext", sniText);
        naringsgren.put("dataproducent", "SCB");
        o.putNull("avregistreradOrganisation");
        o.putNull("avregistreringsorsak");
        o.putNull("pagaendeAvvecklingsEllerOmstruktureringsforfarande");
        return o;
    }

    /** The description's own example company: deregistered (LIAV), in konkurs and likvidation. */
    private static JsonNode exampleCompany() {
        ObjectNode o = (ObjectNode) aktiebolag("5299999994", "Cykelbolaget AB", "2000-01-23", "47642",
                "Specialiserad butikshandel med cyklar");
        o.putObject("verksamOrganisation").put("kod", "NEJ").put("dataproducent", "SCB");
        o.putObject("avregistreradOrganisation").put("avregistreringsdatum", "2023-05-05T00:00:00.000+00:00")
                .put("dataproducent", "Bolagsverket");
        o.putObject("avregistreringsorsak").put("kod", "LIAV").put("klartext", "Likvidation").put("dataproducent", "Bolagsverket");
        ObjectNode ongoing = o.putObject("pagaendeAvvecklingsEllerOmstruktureringsforfarande");
        ArrayNode list = ongoing.putArray("pagaendeAvvecklingsEllerOmstruktureringsforfarandeLista");
        list.addObject().put("kod", "KK").put("klartext", "Konkurs").put("fromDatum", "2024-01-26T00:00:00.000+00:00");
        list.addObject().put("kod", "LI").put("klartext", "Likvidation").put("fromDatum", "2024-05-26T00:00:00.000+00:00");
        ongoing.put("dataproducent", "Bolagsverket");
        return o;
    }

    /** What the register answers for a number it does not hold: every part's fel ORGANISATION_FINNS_EJ. */
    private static JsonNode unknown() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        for (String part : List.of("organisationsnamn", "organisationsform", "organisationsdatum")) {
            o.putObject(part).put("dataproducent", "Bolagsverket").putObject("fel").put("typ", "ORGANISATION_FINNS_EJ")
                    .put("felBeskrivning", "Organisationen finns inte.");
        }
        return o;
    }
}
