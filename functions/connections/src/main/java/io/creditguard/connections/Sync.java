package io.creditguard.connections;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.creditguard.outbound.HttpFetcher;
import io.creditguard.outbound.RateLimit;
import io.creditguard.outbound.Sleeper;
import io.creditguard.receivables.IntakeBacklog;
import io.creditguard.validation.InputReader;
import io.creditguard.validation.InvalidInputException;
import io.creditguard.webhooks.IntakeResult;
import io.creditguard.webhooks.IntakeStore;
import io.creditguard.webhooks.Normalizer;

/**
 * Brings each connected platform's changes into the receivables book, incrementally and idempotently: the
 * connections function on its schedule, and the reminder run before it reads the book (as an
 * {@link IntakeBacklog}, with a shorter time budget).
 *
 * <p>A sync reads a batch whole (a page of invoices with their customers, a page of payments), writes it
 * through {@link IntakeStore} (each platform invoice one book invoice, kept by source and id, so a re-sync
 * updates it in place; reminders, pauses and disputes creditguard recorded survive), and only then moves the
 * cursor past it. So an outage, an HTML page or a truncated answer in the middle of a batch fails the sync
 * ({@code FAILED}) with nothing of that batch stored and the cursor where it was; the other platforms go on.
 * A record that cannot be mapped is listed with its platform id and why, never stored half. A budget or
 * an allowance that runs out ends the sync early ({@code PARTIAL}); the next goes on from the cursor.
 */
@ApplicationScoped
public class Sync implements IntakeBacklog {

    private static final Logger LOG = Logger.getLogger(Sync.class);
    /** Records listed as unmappable on a connection, at most. */
    static final int MOST_UNMAPPED = 200;

    private final Settings settings;
    private final ConnectionStore connections;
    private final IntakeStore intake;
    private final InputReader inputs;
    private final Normalizer normalizer;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<Platform, HttpFetcher> unpaced = new EnumMap<>(Platform.class);
    private final Map<String, HttpFetcher> paced = new java.util.HashMap<>();

    @Inject
    Sync(Settings settings, ConnectionStore connections, IntakeStore intake, InputReader inputs, Normalizer normalizer,
            Clock clock) {
        this(settings, connections, intake, inputs, normalizer, clock, Sleeper.SYSTEM);
    }

    /** @param sleeper how waits (the pace, Retry-After, a lock) pass: the wall clock, or a test's clock */
    Sync(Settings settings, ConnectionStore connections, IntakeStore intake, InputReader inputs, Normalizer normalizer,
            Clock clock, Sleeper sleeper) {
        this.settings = settings;
        this.connections = connections;
        this.intake = intake;
        this.inputs = inputs;
        this.normalizer = normalizer;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** The platform's token endpoint: its OAuth server, which the API's rate limit does not count. */
    synchronized HttpFetcher fetcher(Platform platform) {
        return unpaced.computeIfAbsent(platform, p -> new HttpFetcher(settings.limits(), sleeper, Optional.empty()));
    }

    /**
     * The platform's API at its documented pace. The platforms count per client and tenant (Fortnox: per access
     * token), so one pace per connection (a new consent is a new one) and function instance, shared by its syncs.
     */
    private synchronized HttpFetcher api(Connection connection) {
        Platform p = connection.platform();
        return paced.computeIfAbsent(p.id() + "@" + connection.connectedAt(), k -> new HttpFetcher(settings.limits(), sleeper,
                Optional.of(new RateLimit(p.permits(), p.window(), clock, sleeper))));
    }

    /** Every platform, each within {@code budget}; one that fails does not keep the others from their sync. */
    public List<SyncReport> syncAll(Duration budget) {
        List<SyncReport> reports = new ArrayList<>();
        for (Platform platform : Platform.values()) {
            reports.add(sync(platform, budget));
        }
        return reports;
    }

    /** The reminder run's sync: the connected platforms, each within the run's budget. */
    @Override
    public List<Report> drain() {
        return syncAll(settings.runBudget()).stream().filter(r -> r.status() != SyncReport.Status.NOT_CONNECTED)
                .map(Sync::asIntake).toList();
    }

    private static Report asIntake(SyncReport r) {
        List<String> problems = new ArrayList<>();
        if (r.reason() != null) {
            problems.add(r.status() + ": " + r.reason());
        }
        r.unmapped().forEach(u -> problems.add("not stored, " + u.id() + ": " + u.reason()));
        r.pending().forEach(u -> problems.add("pending, " + u.id() + ": " + u.reason()));
        r.warnings().forEach(w -> problems.add("warning, " + w));
        Status status = switch (r.status()) {
            case OK, NOT_CONNECTED -> Status.OK;
            case PARTIAL -> Status.PARTIAL;
            case FAILED -> Status.FAILED;
            case NEEDS_CONSENT -> Status.NEEDS_CONSENT;
        };
        return new Report(r.platform().id(), status, r.read().invoices() + r.read().payments() + r.read().credits(), 0,
                List.copyOf(problems));
    }

    /** One platform's sync within {@code budget}; it never throws, what went wrong is in the report. */
    public SyncReport sync(Platform platform, Duration budget) {
        Instant started = clock.instant();
        Optional<Connection> connection;
        try {
            connection = connections.read(platform);
        } catch (IOException | RuntimeException e) {
            return new SyncReport(platform, SyncReport.Status.FAILED, started, clock.instant(),
                    "the connection could not be read: " + e.getMessage());
        }
        if (connection.isEmpty()) {
            return new SyncReport(platform, SyncReport.Status.NOT_CONNECTED, started, clock.instant(),
                    platform.title() + " is not connected");
        }
        Settings.Of s = settings.of(platform);
        if (connection.get().status() == Connection.Status.NEEDS_CONSENT) {
            return record(connection.get(), new SyncReport(platform, SyncReport.Status.NEEDS_CONSENT, started, clock.instant(),
                    platform.title() + " refused the refresh token; an admin must connect it again on the Connections page"),
                    Set.of());
        }
        if (s.client().isEmpty()) {
            return record(connection.get(), new SyncReport(platform, SyncReport.Status.FAILED, started, clock.instant(),
                    s.missing().orElseThrow()), Set.of());
        }
        PlatformClient api = new PlatformClient(s, connections, api(connection.get()), fetcher(platform), started.plus(budget),
                clock);
        Source source = switch (platform) {
            case FORTNOX -> new FortnoxSource(clock, inputs, normalizer);
            case EXACT -> new ExactSource(clock, inputs, normalizer, intake);
            case VISMA -> new VismaSource(clock, inputs, normalizer);
        };
        Map<String, String> cursor = connection.get().cursor();
        SyncReport.Counts read = SyncReport.Counts.NONE;
        List<SyncReport.Unmapped> stale = new ArrayList<>();
        List<SyncReport.Unmapped> pending = new ArrayList<>();
        List<SyncReport.Unmapped> unmapped = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> stored = new HashSet<>();
        SyncReport.Status status = SyncReport.Status.OK;
        String reason = null;
        try {
            while (true) {
                api.beginBatch();
                Optional<Source.Batch> batch = source.next(cursor, api);
                if (batch.isEmpty()) {
                    break;
                }
                read = read.plus(write(platform, batch.get(), stale, pending, unmapped, stored));
                for (String key : batch.get().done()) {
                    intake.dequeue(key);
                }
                warnings.addAll(batch.get().warnings());
                Map<String, String> moved = batch.get().cursor();
                if (connections.update(platform, c -> c.withCursor(moved)).isEmpty()) {
                    throw new ConnectionStore.NotConnected(platform);
                }
                cursor = moved;
            }
        } catch (PlatformClient.Stop e) {
            status = SyncReport.Status.PARTIAL;
            reason = e.getMessage();
        } catch (ConnectionStore.NeedsConsent e) {
            status = SyncReport.Status.NEEDS_CONSENT;
            reason = e.getMessage() + "; an admin must connect it again on the Connections page";
        } catch (ConnectionStore.NotConnected e) {
            status = SyncReport.Status.NOT_CONNECTED;
            reason = e.getMessage() + " any more: it was disconnected during the sync";
        } catch (IOException | RuntimeException e) {
            status = SyncReport.Status.FAILED;
            reason = e.getMessage() + "; nothing of the batch being read was stored, and the cursor stays";
        }
        SyncReport report = new SyncReport(platform, status, started, clock.instant(), api.requests(), read, stale, pending,
                unmapped, warnings, reason);
        LOG.infof("%s sync %s: %d requests, %s, %d stale, %d pending, %d not stored, %d warnings%s", platform.id(), status,
                api.requests(), read, stale.size(), pending.size(), unmapped.size(), warnings.size(),
                reason == null ? "" : " (" + reason + ")");
        return record(connection.get(), report, stored);
    }

    /**
     * Writes a batch: each record through the intake, idempotent by its platform id.
     *
     * @return what the book holds of it as the platform has it: stored, or found already recorded; what the intake kept
     *     out as older than the book's state is listed in {@code stale}, what waits for its invoice in {@code pending}
     */
    private SyncReport.Counts write(Platform platform, Source.Batch batch, List<SyncReport.Unmapped> stale,
            List<SyncReport.Unmapped> pending, List<SyncReport.Unmapped> unmapped, Set<String> stored) {
        int invoices = 0;
        int payments = 0;
        int credits = 0;
        String source = platform.id();
        for (Source.Change change : batch.changes()) {
            if (change instanceof Source.Unmappable u) {
                unmapped.add(new SyncReport.Unmapped(u.id(), u.reason()));
                continue;
            }
            IntakeResult result;
            try {
                if (change instanceof Source.Upsert u) {
                    result = intake.upsert(source, "sync:" + u.invoice().invoiceId() + ":" + u.invoice().updatedAt(), u.invoice(),
                            u.itemisesPayments());
                } else if (change instanceof Source.Payment p) {
                    result = intake.addPayment(source, "sync:" + p.payment().id(), p.invoiceId(), p.payment(), "$.payment");
                } else {
                    Source.Credit c = (Source.Credit) change;
                    result = intake.addCredit(source, "sync:" + c.credit().documentId(), c.invoiceId(), c.credit(), c.currency(),
                            "$.credit");
                }
            } catch (InvalidInputException e) {
                // A payment or credit note the invoice it names cannot take (another currency, more than the invoice).
                unmapped.add(new SyncReport.Unmapped(id(change), e.summary()));
                continue;
            }
            switch (result.status()) {
                case ACCEPTED, DUPLICATE -> {
                    stored.add(id(change));
                    if (change instanceof Source.Upsert) {
                        invoices++;
                    } else if (change instanceof Source.Payment) {
                        payments++;
                    } else {
                        credits++;
                    }
                }
                case STALE -> stale.add(new SyncReport.Unmapped(id(change), result.detail()));
                case PENDING -> pending.add(new SyncReport.Unmapped(id(change), result.detail()));
                case IGNORED, QUEUED -> throw new IllegalStateException("the intake answered " + result.status().id() + " to "
                        + id(change) + ", which is no notification");
            }
        }
        return new SyncReport.Counts(invoices, payments, credits);
    }

    private static String id(Source.Change change) {
        if (change instanceof Source.Upsert u) {
            return u.invoice().invoiceId();
        }
        if (change instanceof Source.Payment p) {
            return p.payment().id();
        }
        if (change instanceof Source.Credit c) {
            return c.credit().documentId();
        }
        return ((Source.Unmappable) change).id();
    }

    /** The report kept on the connection, with the records still unmappable: those listed before and not stored since, and this sync's. */
    private SyncReport record(Connection before, SyncReport report, Set<String> stored) {
        try {
            connections.update(before.platform(), c -> {
                Map<String, SyncReport.Unmapped> still = new LinkedHashMap<>();
                c.unmapped().stream().filter(u -> !stored.contains(u.id())).forEach(u -> still.put(u.id(), u));
                report.unmapped().forEach(u -> still.put(u.id(), u));
                return c.withSync(report, still.values().stream().limit(MOST_UNMAPPED).toList());
            });
        } catch (IOException | RuntimeException e) {
            LOG.errorf("%s: the sync's report could not be kept on the connection: %s", before.platform().id(), e.getMessage());
        }
        return report;
    }
}
