package io.creditguard.filings;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.filings.RegistryException.Kind;
import io.creditguard.json.Json;
import io.creditguard.outbound.HttpFetcher;
import io.creditguard.outbound.TokenEndpoint;

/**
 * Bolagsverket's Värdefulla datamängder API ({@code vardefulla-datamangder/v1}, OpenAPI description in
 * the team's shared reference): {@code POST /organisationer}, {@code POST /dokumentlista} and
 * {@code GET /dokument/{dokumentId}}, each with {@code X-Request-Id}, under an OAuth 2.0 client-credentials
 * token (scope {@code vardefulla-datamangder:read}) kept until a minute before it expires, and fetched
 * anew once when the API answers 401. Every request is bounded ({@link HttpFetcher}: timeouts, retries of
 * what may pass, a size limit). The client secret goes only into the token request's Basic header; no
 * message names it or the token.
 */
public final class Bolagsverket {

    static final String SCOPE = "vardefulla-datamangder:read";

    /** One entry of {@code POST /dokumentlista}: a digitally filed annual report. */
    public record FiledDocument(String documentId, String format, LocalDate periodEnd, LocalDate registeredOn) {
    }

    private record Token(String value, Instant renewAt) {
    }

    private final URI api;
    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final HttpFetcher http;
    private final Clock clock;
    private final Industries industries;
    private volatile Token token;

    public Bolagsverket(URI api, URI tokenUrl, String clientId, String clientSecret, HttpFetcher http, Clock clock,
            Industries industries) {
        this.api = api;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.http = http;
        this.clock = clock;
        this.industries = industries;
    }

    /**
     * The register's data on {@code organisationsnummer} (10 digits), or null when the register has no such
     * company: no organisation in the answer, or one whose parts all say {@code ORGANISATION_FINNS_EJ}.
     */
    public Register organisation(String organisationsnummer) throws RegistryException {
        JsonNode body = json(post("/organisationer", organisationsnummer), "/organisationer");
        JsonNode list = body.path("organisationer");
        if (!list.isArray() || list.isEmpty()) {
            return null;
        }
        JsonNode first = list.get(0);
        boolean unknown = first.path("organisationsidentitet").isMissingNode() || first.path("organisationsidentitet").isNull();
        for (JsonNode part : first) {
            unknown &= !part.isObject() || !part.path("fel").isObject()
                    || "ORGANISATION_FINNS_EJ".equals(part.path("fel").path("typ").asText());
        }
        return unknown ? null : register(organisationsnummer, first);
    }

    /** The digitally filed annual reports, as listed; empty when the company filed none digitally. */
    public List<FiledDocument> documents(String organisationsnummer) throws RegistryException {
        JsonNode body = json(post("/dokumentlista", organisationsnummer), "/dokumentlista");
        List<FiledDocument> documents = new ArrayList<>();
        for (JsonNode d : body.path("dokument")) {
            String id = d.path("dokumentId").asText("");
            if (id.isBlank()) {
                throw new RegistryException(Kind.BAD_ANSWER, "Bolagsverket listed a document without a dokumentId");
            }
            documents.add(new FiledDocument(id, d.path("filformat").asText(null), date(d.path("rapporteringsperiodTom")),
                    date(d.path("registreringstidpunkt"))));
        }
        return List.copyOf(documents);
    }

    /** The document itself: a zip of Inline XBRL, or null when Bolagsverket answers 404. */
    public byte[] document(String documentId) throws RegistryException {
        if (!documentId.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new RegistryException(Kind.BAD_ANSWER, "Bolagsverket listed a document id that is not a plain name");
        }
        HttpFetcher.Response response = call("GET", "/dokument/" + documentId, null, "application/zip");
        return response == null ? null : response.body();
    }

    private HttpFetcher.Response post(String path, String organisationsnummer) throws RegistryException {
        byte[] body = Json.write(Map.of("identitetsbeteckning", organisationsnummer)).getBytes(StandardCharsets.UTF_8);
        return call("POST", path, body, "application/json");
    }

    /** The answer, or null for a GET answered 404; a 401 fetches a new token and tries once more. */
    private HttpFetcher.Response call(String method, String path, byte[] body, String accept) throws RegistryException {
        for (int attempt = 1;; attempt++) {
            Map<String, String> headers = new HashMap<>(Map.of("Authorization", "Bearer " + token(),
                    "Accept", accept + ", application/problem+json", "X-Request-Id", UUID.randomUUID().toString()));
            if (body != null) {
                headers.put("Content-Type", "application/json");
            }
            try {
                return http.send(new HttpFetcher.Request(method, HttpFetcher.under(api, path), headers, body));
            } catch (HttpFetcher.FetchException e) {
                if (e.status() == 401 && attempt == 1) {
                    token = null;
                    continue;
                }
                if (e.status() == 404 && "GET".equals(method)) {
                    return null;
                }
                throw failure("Bolagsverket " + method + " " + path, e);
            }
        }
    }

    private String token() throws RegistryException {
        Token current = token;
        if (current != null && clock.instant().isBefore(current.renewAt())) {
            return current.value();
        }
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        HttpFetcher.Response response;
        try {
            response = http.send(new HttpFetcher.Request("POST", tokenUrl, Map.of("Authorization", "Basic " + basic,
                    "Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json"),
                    ("grant_type=client_credentials&scope=" + URLEncoder.encode(SCOPE, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8)));
        } catch (HttpFetcher.FetchException e) {
            throw failure("Bolagsverket's token endpoint", e);
        }
        JsonNode answer = json(response, "the token request");
        String value = answer.path("access_token").asText("");
        if (value.isEmpty()) {
            throw new RegistryException(Kind.BAD_ANSWER, "Bolagsverket's token answer has no access_token");
        }
        // A minute early, so a token never expires between this check and Bolagsverket's.
        Token fresh = new Token(value, clock.instant().plus(TokenEndpoint.lifetime(answer.path("expires_in"))).minusSeconds(60));
        token = fresh;
        return fresh.value();
    }

    private static RegistryException failure(String what, HttpFetcher.FetchException e) {
        int status = e.status();
        Kind kind = status == 400 || status == 401 || status == 403 ? Kind.REFUSED : Kind.UNAVAILABLE;
        return new RegistryException(kind, what + ": " + (status == 0 ? e.getMessage() : "HTTP " + status));
    }

    private static JsonNode json(HttpFetcher.Response response, String what) throws RegistryException {
        try {
            JsonNode node = Json.MAPPER.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw new RegistryException(Kind.BAD_ANSWER, "Bolagsverket's answer to " + what + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new RegistryException(Kind.BAD_ANSWER, "Bolagsverket's answer to " + what + " is not JSON");
        }
    }

    private Register register(String organisationsnummer, JsonNode o) {
        List<String> unavailable = new ArrayList<>();
        o.fields().forEachRemaining(f -> {
            if (f.getValue().path("fel").isObject()) {
                unavailable.add(f.getKey() + ": " + f.getValue().path("fel").path("typ").asText("?"));
            }
        });
        String name = null;
        for (JsonNode n : o.path("organisationsnamn").path("organisationsnamnLista")) {
            boolean companyName = "FORETAGSNAMN".equals(n.path("organisationsnamntyp").path("kod").asText());
            if (name == null || companyName) {
                name = n.path("namn").asText(null);
            }
            if (companyName) {
                break;
            }
        }
        List<Register.Procedure> procedures = new ArrayList<>();
        // The description's schema spells it pagaende…, one of its examples pagande…: both are read.
        JsonNode ongoing = o.has("pagaendeAvvecklingsEllerOmstruktureringsforfarande")
                ? o.path("pagaendeAvvecklingsEllerOmstruktureringsforfarande")
                : o.path("pagandeAvvecklingsEllerOmstruktureringsforfarande");
        for (JsonNode p : ongoing.path("pagaendeAvvecklingsEllerOmstruktureringsforfarandeLista")) {
            procedures.add(new Register.Procedure(p.path("kod").asText(""), p.path("klartext").asText(null), date(p.path("fromDatum"))));
        }
        List<Register.Coded> sni = new ArrayList<>();
        for (JsonNode s : o.path("naringsgrenOrganisation").path("sni")) {
            if (s.isObject() && !s.path("kod").asText("").isBlank()) {
                sni.add(new Register.Coded(s.path("kod").asText(), s.path("klartext").asText(null)));
            }
        }
        JsonNode active = o.path("verksamOrganisation").path("kod");
        return new Register(organisationsnummer, name, coded(o.path("organisationsform")),
                active.isTextual() ? "JA".equals(active.asText()) : null, date(o.path("organisationsdatum").path("registreringsdatum")),
                date(o.path("avregistreradOrganisation").path("avregistreringsdatum")), coded(o.path("avregistreringsorsak")),
                procedures, sni, sni.isEmpty() ? null : industries.naceCode(sni.get(0).code()).orElse(null), unavailable);
    }

    private static Register.Coded coded(JsonNode node) {
        String code = node.path("kod").asText("");
        return code.isBlank() ? null : new Register.Coded(code, node.path("klartext").asText(null));
    }

    /** A date, or the date of a timestamp ({@code 2023-05-05T00:00:00.000+00:00}); null when absent or not a date. */
    private static LocalDate date(JsonNode node) {
        String text = node.asText("");
        if (text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
