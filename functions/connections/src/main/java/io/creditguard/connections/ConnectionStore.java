package io.creditguard.connections;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.creditguard.digest.Sha256;
import io.creditguard.json.Json;
import io.creditguard.outbound.Sleeper;
import io.creditguard.outbound.TokenEndpoint;
import io.creditguard.store.ObjectStore;
import io.creditguard.store.Updates;

/**
 * The one token store of the OAuth connections: each platform's {@link Connection} at
 * {@code connections/<platform>.json}, every change a compare-and-set of that object, and the consents
 * under way at {@code connections/states/}.
 *
 * <p>The platforms' refresh tokens are single-use and rotate on every refresh (Fortnox, Exact, Visma): two
 * Lambdas refreshing with the same token would leave one of them holding a dead token, and the second
 * refresh would be refused ({@code invalid_grant}), losing the connection. So a refresh happens under a
 * lock that is itself a conditional write of the connection (a {@link Connection.Lease} of 30 seconds):
 * only the holder calls the token endpoint, and it writes the new pair before anyone uses the access
 * token; the others wait for the new pair and use it. A holder that died is taken over when its lease runs
 * out. A refused refresh marks the connection {@code NEEDS_CONSENT} and raises the alarm
 * ({@link ConnectionAlarms}).
 */
@ApplicationScoped
public class ConnectionStore {

    private static final Logger LOG = Logger.getLogger(ConnectionStore.class);
    static final Duration LEASE = Duration.ofSeconds(30);
    /** How often a waiting caller looks again for the pair another one is fetching. */
    static final Duration POLL = Duration.ofMillis(200);
    private static final String JSON = "application/json";

    /** The platform is not connected, or was disconnected meanwhile. */
    public static final class NotConnected extends IOException {
        private static final long serialVersionUID = 1L;

        NotConnected(Platform platform) {
            super(platform.title() + " is not connected");
        }
    }

    /** The platform refused the refresh token: only a new consent brings the connection back. */
    public static final class NeedsConsent extends IOException {
        private static final long serialVersionUID = 1L;

        NeedsConsent(Platform platform, String why) {
            super(platform.title() + " needs a new consent: " + why);
        }
    }

    /** A refresh token grant: the platform's new pair for the old refresh token. */
    @FunctionalInterface
    interface Refresh {
        TokenEndpoint.Tokens refresh(String refreshToken) throws IOException;
    }

    private final ObjectStore store;
    private final Clock clock;
    private final Sleeper sleeper;

    @Inject
    public ConnectionStore(ObjectStore store, Clock clock) {
        this(store, clock, Sleeper.SYSTEM);
    }

    ConnectionStore(ObjectStore store, Clock clock, Sleeper sleeper) {
        this.store = store;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    static String key(Platform platform) {
        return "connections/" + platform.id() + ".json";
    }

    public Optional<Connection> read(Platform platform) throws IOException {
        Optional<ObjectStore.Versioned> found = store.readVersioned(key(platform));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try (ObjectStore.Versioned v = found.get()) {
            return Optional.of(parse(v.bytes()));
        }
    }

    /**
     * Stores the pair a consent gave: a connection anew, or one that needed consent back in use, its cursor
     * and last sync kept (so a new consent does not read the whole platform again).
     */
    void connect(Platform platform, Connection.Tokens tokens, String connectedBy, java.util.Map<String, String> cursor)
            throws IOException {
        Instant now = clock.instant();
        Updates.update(store, key(platform), JSON, current -> {
            Optional<Connection> stored = current.map(ConnectionStore::parse);
            java.util.Map<String, String> merged = new java.util.HashMap<>(stored.map(Connection::cursor).orElse(java.util.Map.of()));
            merged.putAll(cursor);
            Connection next = new Connection(platform, Connection.Status.CONNECTED, now, connectedBy, tokens, null, merged,
                    stored.map(Connection::lastSync).orElse(null), stored.map(Connection::unmapped).orElse(null));
            return new Updates.Result<>(bytes(next), null);
        });
    }

    /** Forgets the connection, tokens, cursor and all. */
    boolean forget(Platform platform) throws IOException {
        return store.delete(key(platform));
    }

    /**
     * Changes the connection if there is one (a sync recording its cursor or report never brings back a
     * connection that was deleted meanwhile).
     *
     * @return the connection as written, or empty when there was none
     */
    Optional<Connection> update(Platform platform, UnaryOperator<Connection> change) throws IOException {
        return Updates.update(store, key(platform), JSON, current -> {
            if (current.isEmpty()) {
                return Updates.Result.unchanged(Optional.<Connection>empty());
            }
            Connection next = change.apply(parse(current.get()));
            return new Updates.Result<>(bytes(next), Optional.of(next));
        });
    }

    /**
     * An access token to call the platform with: the stored one while it has more than the platform's margin
     * to live (and is not the one the platform just refused), else a new one from a refresh under the lock.
     *
     * @param rejected the token the platform just answered 401 to, if any
     * @throws NotConnected when there is no connection
     * @throws NeedsConsent when it needs consent, or the platform refuses the refresh now
     */
    String accessToken(Platform platform, Refresh refresh, Optional<String> rejected) throws IOException {
        String me = UUID.randomUUID().toString();
        Instant waitingSince = clock.instant();
        while (true) {
            Optional<ObjectStore.Versioned> found = store.readVersioned(key(platform));
            if (found.isEmpty()) {
                throw new NotConnected(platform);
            }
            Connection connection;
            String version;
            try (ObjectStore.Versioned v = found.get()) {
                connection = parse(v.bytes());
                version = v.version();
            }
            if (connection.status() == Connection.Status.NEEDS_CONSENT || connection.tokens() == null) {
                throw new NeedsConsent(platform, "the platform refused the last refresh");
            }
            Instant now = clock.instant();
            Connection.Tokens tokens = connection.tokens();
            boolean refused = rejected.isPresent() && rejected.get().equals(tokens.accessToken());
            if (!refused && tokens.fresh(now, platform.refreshMargin())) {
                return tokens.accessToken();
            }
            Connection.Lease lease = connection.refreshing();
            if (lease != null && lease.until().isAfter(now)) {
                if (Duration.between(waitingSince, now).compareTo(LEASE.multipliedBy(2)) > 0) {
                    throw new IOException(platform.title() + ": another refresh has held the lock for a minute");
                }
                pause();
                continue;
            }
            try {
                store.writeIf(key(platform), bytes(connection.withLease(new Connection.Lease(me, now.plus(LEASE)))), JSON,
                        version);
            } catch (ObjectStore.VersionConflict e) {
                continue;
            }
            Optional<String> refreshed = refreshHolding(platform, connection.connectedAt(), tokens.refreshToken(), refresh, me);
            if (refreshed.isPresent()) {
                return refreshed.get();
            }
        }
    }

    /**
     * With the lock held: the grant, then the new pair written before it is used, or the refusal recorded. A consent
     * given meanwhile (a new {@code connectedAt}) wrote a pair of its own and dropped the lock: the old grant's answer,
     * a new pair or a refusal, is not the connection's any more and changes nothing; empty then, to read the new pair.
     */
    private Optional<String> refreshHolding(Platform platform, Instant connectedAt, String refreshToken, Refresh refresh,
            String me) throws IOException {
        TokenEndpoint.Tokens fresh;
        try {
            fresh = refresh.refresh(refreshToken);
        } catch (TokenEndpoint.Refused e) {
            Optional<Connection> marked = update(platform, c -> connectedAt.equals(c.connectedAt()) ? c.needingConsent() : c);
            if (marked.isPresent() && marked.get().status() != Connection.Status.NEEDS_CONSENT) {
                return Optional.empty();
            }
            ConnectionAlarms.needsConsent(platform, clock.instant());
            LOG.errorf("%s refused the refresh token (%s): the connection needs a new consent", platform.title(), e.error());
            throw new NeedsConsent(platform, "it refused the refresh token (" + e.error() + ")");
        } catch (IOException | RuntimeException e) {
            update(platform, c -> me.equals(c.refreshing() == null ? null : c.refreshing().owner()) ? c.withLease(null) : c);
            throw e;
        }
        Instant now = clock.instant();
        // Without a new refresh token the old one stays valid (RFC 6749 §6); with one, the old one is dead now.
        Connection.Tokens next = new Connection.Tokens(fresh.accessToken(), fresh.refreshToken().orElse(refreshToken),
                now.plus(fresh.expiresIn()), now);
        Optional<Connection> written = update(platform, c -> connectedAt.equals(c.connectedAt()) ? c.withTokens(next) : c);
        if (written.isEmpty()) {
            throw new NotConnected(platform);
        }
        return next.equals(written.get().tokens()) ? Optional.of(next.accessToken()) : Optional.empty();
    }

    private void pause() throws IOException {
        try {
            sleeper.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while another refresh held the lock");
        }
    }

    /**
     * A consent under way: who asked (the admin's subject), the browser it must come back to (the hash of a
     * cookie set on it), the PKCE verifier, and when it lapses. Kept under the hash of its {@code state}, so
     * the store never holds a state a callback could be forged from. {@code toString} leaves the verifier out.
     */
    record Pending(Platform platform, String subject, String browser, String verifier, Instant expiresAt, boolean used) {

        @Override
        public String toString() {
            return "consent to " + platform.id() + " by " + subject + " until " + expiresAt;
        }
    }

    /** Why a callback's {@code state} is refused: nothing is stored. */
    static final class StateRefused extends Exception {
        private static final long serialVersionUID = 1L;

        StateRefused(String message) {
            super(message, null, false, false);
        }
    }

    private static String stateKey(String state) {
        return "connections/states/" + Sha256.hex(state.getBytes(StandardCharsets.UTF_8)) + ".json";
    }

    /** Keeps a new consent's state, and clears consents that lapsed unanswered. */
    void begin(String state, Pending pending) throws IOException {
        Instant now = clock.instant();
        for (String key : store.list("connections/states/")) {
            try {
                readPending(key).filter(p -> p.expiresAt().isBefore(now)).ifPresent(p -> delete(key));
            } catch (IOException | RuntimeException e) {
                LOG.debugf("%s could not be read: %s", key, e.getMessage());
            }
        }
        if (!store.create(stateKey(state), Json.write(pending).getBytes(StandardCharsets.UTF_8), JSON)) {
            throw new IllegalStateException("a state was drawn twice");
        }
    }

    /**
     * Takes a consent's state, once: the first callback marks it used by a conditional write, so a second one
     * with the same state (a replay, a double click) is refused.
     *
     * @param browser the hash of the cookie the callback's browser sent, if any
     * @throws StateRefused when the state is unknown, used, lapsed, for another platform or another browser
     */
    Pending take(Platform platform, String state, Optional<String> browser) throws IOException, StateRefused {
        String key = stateKey(state);
        Optional<ObjectStore.Versioned> found = store.readVersioned(key);
        if (found.isEmpty()) {
            throw new StateRefused("This link to " + platform.title() + " is unknown or was used already. Start again from "
                    + "the Connections page.");
        }
        Pending pending;
        String version;
        try (ObjectStore.Versioned v = found.get()) {
            pending = Json.MAPPER.readValue(v.bytes(), Pending.class);
            version = v.version();
        }
        if (pending.used()) {
            throw new StateRefused("This link to " + platform.title() + " was used already. Start again from the "
                    + "Connections page.");
        }
        if (pending.expiresAt().isBefore(clock.instant())) {
            delete(key);
            throw new StateRefused("The consent to " + platform.title() + " took more than 10 minutes and lapsed. Start "
                    + "again from the Connections page.");
        }
        if (pending.platform() != platform || browser.isEmpty() || !browser.get().equals(pending.browser())) {
            throw new StateRefused("This consent was started for another platform or in another browser. Start again "
                    + "from the Connections page, in this browser.");
        }
        try {
            store.writeIf(key, Json.write(new Pending(pending.platform(), pending.subject(), pending.browser(),
                    pending.verifier(), pending.expiresAt(), true)).getBytes(StandardCharsets.UTF_8), JSON, version);
        } catch (ObjectStore.VersionConflict e) {
            throw new StateRefused("This link to " + platform.title() + " was used already. Start again from the "
                    + "Connections page.");
        }
        return pending;
    }

    /** A taken state is removed once its callback is done, whatever came of it. */
    void finish(String state) {
        delete(stateKey(state));
    }

    private Optional<Pending> readPending(String key) throws IOException {
        Optional<java.io.InputStream> in = store.read(key);
        if (in.isEmpty()) {
            return Optional.empty();
        }
        try (java.io.InputStream content = in.get()) {
            return Optional.of(Json.MAPPER.readValue(content, Pending.class));
        }
    }

    private void delete(String key) {
        try {
            store.delete(key);
        } catch (IOException e) {
            LOG.warnf("%s could not be removed: %s", key, e.getMessage());
        }
    }

    private static Connection parse(byte[] json) {
        try {
            return Json.MAPPER.readValue(json, Connection.class);
        } catch (IOException e) {
            throw new IllegalStateException("a stored connection is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(Connection connection) {
        return Json.write(connection).getBytes(StandardCharsets.UTF_8);
    }
}
