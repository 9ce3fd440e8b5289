package io.creditguard.connections;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.http.ApiGateway;
import io.creditguard.http.HttpFunction;
import io.creditguard.http.HttpRequest;
import io.creditguard.http.ProblemException;
import io.creditguard.http.ProblemType;
import io.creditguard.http.Route;
import io.creditguard.http.ScheduledFunction;
import io.creditguard.http.SignInSettings;
import io.creditguard.http.WebPage;
import io.creditguard.json.Json;
import io.creditguard.reference.ClassPathResource;
import io.quarkus.funqy.Funq;

/**
 * Lambda {@code connections}: the invoicing platforms a finance admin connects with one consent, and
 * their sync into the book. Its routes are the admin's ({@code creditguard/admin}): {@code GET /connections},
 * {@code GET /connections/{platform}/authorize}, {@code DELETE /connections/{platform}}; the platform's
 * callback and the Connections page are open (the {@code state} and its cookie are the callback's proof).
 * EventBridge Scheduler fires the same Lambda with {@code {}} to sync every connected platform.
 */
@ApplicationScoped
public class ConnectionsFunction extends HttpFunction implements ScheduledFunction {

    private static final Logger LOG = Logger.getLogger(ConnectionsFunction.class);
    /** The OAuth scope of the admin's routes, a scope of its own: connecting a platform is not for every user. */
    static final String SCOPE = "creditguard/admin";

    /** What the Connections page and {@code GET /connections} show of one platform. */
    public enum State {
        NOT_CONNECTED, CONNECTED, NEEDS_CONSENT
    }

    /**
     * One platform on this deployment.
     *
     * @param configured whether its client is configured here; {@code notConfigured} says what is missing
     * @param cursor where its next sync starts, in the platform's terms
     * @param unmapped its records that cannot become book invoices, each with why
     */
    public record PlatformView(Platform platform, String name, boolean configured, String notConfigured, State state,
            Instant connectedAt, String connectedBy, SyncReport lastSync, Map<String, String> cursor,
            List<SyncReport.Unmapped> unmapped) {
    }

    /** {@code GET /connections}. */
    public record Overview(List<PlatformView> platforms) {
    }

    /** {@code GET /connections/{platform}/authorize} asked for JSON: where the page sends the browser. */
    public record Authorization(Platform platform, URI authorizeUrl) {
    }

    /** {@code DELETE /connections/{platform}}. */
    public record Disconnected(Platform platform, Consents.Revocation revocation) {
    }

    /** A scheduled sync's answer. */
    public record Synced(List<SyncReport> syncs) {
    }

    @Inject
    Settings settings;
    @Inject
    ConnectionStore connections;
    @Inject
    Consents consents;
    @Inject
    Sync sync;

    @Inject
    SignInSettings signIn;

    private volatile WebPage page;
    private volatile WebPage result;

    @Override
    public String exportName() {
        return "connections";
    }

    @Override
    protected List<Route<?>> declareRoutes() {
        return List.of(Route.get("/connections", SCOPE, r -> overview()),
                Route.get("/connections/{platform}/authorize", SCOPE, this::authorize),
                Route.get("/connections/{platform}/callback", this::callback),
                Route.delete("/connections/{platform}", SCOPE, r -> disconnect(platform(r))),
                Route.get("/connect", r -> page().serve(r)));
    }

    /** One handler for both triggers: an API Gateway event (it has a routeKey) or the schedule's input. */
    @Funq("connections")
    public JsonNode connections(JsonNode event) {
        if (event != null && event.has("routeKey")) {
            return handle(event);
        }
        return fire(event);
    }

    /** The schedule: every connected platform synced, each within {@code creditguard.connections.sync-budget}. */
    @Override
    public JsonNode fire(JsonNode input) {
        if (input != null && !input.isNull() && !input.isObject()) {
            throw new IllegalArgumentException("The schedule input must be a JSON object such as {}, not " + input.getNodeType());
        }
        return Json.MAPPER.valueToTree(new Synced(sync.syncAll(settings.syncBudget()).stream()
                .filter(r -> r.status() != SyncReport.Status.NOT_CONNECTED).toList()));
    }

    private Overview overview() throws IOException {
        List<PlatformView> views = new ArrayList<>();
        for (Platform p : Platform.values()) {
            Settings.Of s = settings.of(p);
            Optional<Connection> c = connections.read(p);
            State state = c.isEmpty() ? State.NOT_CONNECTED
                    : c.get().status() == Connection.Status.NEEDS_CONSENT ? State.NEEDS_CONSENT : State.CONNECTED;
            views.add(new PlatformView(p, p.title(), s.configured(), s.missing().orElse(null), state,
                    c.map(Connection::connectedAt).orElse(null), c.map(Connection::connectedBy).orElse(null),
                    c.map(Connection::lastSync).orElse(null), c.map(Connection::cursor).orElse(Map.of()),
                    c.map(Connection::unmapped).orElse(List.of())));
        }
        return new Overview(views);
    }

    private static Platform platform(HttpRequest request) {
        String id = request.pathParameter("platform").orElse("");
        return Platform.of(id).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no platform '"
                + id + "' to connect; creditguard connects fortnox, exact and visma."));
    }

    /** A 302 to the platform's consent page; with {@code Accept: application/json} (the page's fetch) its URL as JSON. */
    private APIGatewayV2HTTPResponse authorize(HttpRequest request) throws IOException {
        Platform platform = platform(request);
        String subject = request.caller().map(c -> c.subject()).orElse("local");
        Consents.Begun begun;
        try {
            begun = consents.begin(platform, subject);
        } catch (Consents.NotConfigured e) {
            throw new ProblemException(ProblemType.NOT_CONFIGURED, platform.title() + " cannot be connected: " + e.getMessage()
                    + ".");
        }
        boolean json = request.header("accept").orElse("").toLowerCase(Locale.ROOT).contains("application/json");
        APIGatewayV2HTTPResponse response = json ? ApiGateway.json(200, new Authorization(platform, begun.authorizeUrl()))
                : ApiGateway.redirect(begun.authorizeUrl().toString());
        return ApiGateway.withCookies(response, List.of(begun.cookie()));
    }

    /** The platform sends the browser back here; a small page says whether the connection works, and why not. */
    private APIGatewayV2HTTPResponse callback(HttpRequest request) throws IOException {
        Platform platform = platform(request);
        Consents.Outcome outcome = consents.complete(platform, request.queryParameter("code"), request.queryParameter("state"),
                request.queryParameter("error"), request.cookie(Consents.cookieName(platform)));
        boolean sv = WebPage.swedish(request);
        if (outcome instanceof Consents.Connected connected) {
            return ApiGateway.withCookies(result().serve(request, 200, Map.of("TITLE", sv
                    ? platform.title() + " är anslutet" : platform.title() + " is connected", "MESSAGE", sv
                    ? "Anslutningen fungerar. Fakturor, betalningar och krediteringar läses in var 30:e minut under vardagar "
                            + "och före varje påminnelsekörning."
                    : "The connection works. Invoices, payments and credit notes are read every 30 minutes on business days "
                            + "and before every reminder run.", "BACK", sv ? "Tillbaka till anslutningar" : "Back to connections")),
                    List.of(connected.clearCookie()));
        }
        Consents.Refused refused = (Consents.Refused) outcome;
        LOG.infof("%s: a callback was refused: %s", platform.id(), refused.reason());
        return ApiGateway.withCookies(result().serve(request, refused.outage() ? 502 : 400, Map.of("TITLE", sv
                ? platform.title() + " anslöts inte" : platform.title() + " was not connected", "MESSAGE", refused.reason(),
                "BACK", sv ? "Tillbaka till anslutningar" : "Back to connections")), List.of(refused.clearCookie()));
    }

    private Disconnected disconnect(Platform platform) throws IOException {
        return new Disconnected(platform, consents.disconnect(platform));
    }

    /** The Connections page, read and hashed on its first request. */
    private WebPage page() {
        WebPage loaded = page;
        if (loaded == null) {
            loaded = WebPage.of(ClassPathResource.text("web/connections.html"), List.of(ClassPathResource.text("web/sign-in.js"),
                    ClassPathResource.text("web/connections.js")), ClassPathResource.text("web/connections.css"),
                    signIn.forScope(SCOPE));
            page = loaded;
        }
        return loaded;
    }

    /** The page the callback answers with. */
    private WebPage result() {
        WebPage loaded = result;
        if (loaded == null) {
            loaded = WebPage.of(ClassPathResource.text("web/connection-result.html"), List.of(),
                    ClassPathResource.text("web/connections.css"), Optional.empty());
            result = loaded;
        }
        return loaded;
    }

}
