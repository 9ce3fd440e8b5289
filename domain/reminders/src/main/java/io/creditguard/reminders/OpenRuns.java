package io.creditguard.reminders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.creditguard.json.Json;
import io.creditguard.store.ObjectStore;

/**
 * The markers, {@code runs/open/<started>-<random>.json}, of the runs that may not have recorded in the book all
 * they sent: a run writes its own before it reads the book and deletes it only once the book records everything it
 * sent, so one that died (a Lambda timeout, a store error) or left a book file unrecorded keeps it. Pass 2 reads the
 * reminder records ({@link ReminderRun}) only when another run's marker was seen: without one, the book records all
 * that was sent and a GET per reminder, on every run, would find nothing.
 *
 * <p>A run looks twice: after writing its own marker, before reading the book, and again before pass 2. Of two
 * overlapping runs the later to look sees the other's marker (each writes its own before looking), and a run that
 * rewrote the book while another read it is seen by that one: it was there at the first look, or it started after
 * it, saw this one's marker, and so keeps its own (below) for the second look to find.
 */
final class OpenRuns {

    private static final Logger LOG = Logger.getLogger(OpenRuns.class);
    static final String PREFIX = "runs/open/";
    /**
     * The longest a run lives: the function's timeout, 15 minutes, Lambda's maximum (infra/template.yaml). A marker
     * of a run that started longer ago than this is a dead run's; a younger one may be of a run still sending.
     */
    static final Duration LONGEST_RUN = Duration.ofMinutes(15);
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final ObjectStore store;
    private final String own;
    /** Other runs' markers seen at either look. */
    private final TreeSet<String> seen = new TreeSet<>();
    /** When the second look was taken: a marker older by {@link #LONGEST_RUN} was of a run dead before pass 2. */
    private Instant secondLook;

    private OpenRuns(ObjectStore store, String own) {
        this.store = store;
        this.own = own;
    }

    /** Writes this run's marker, then looks for others'. */
    static OpenRuns open(ObjectStore store, LocalDate asOf, Instant started, String reportKey) throws IOException {
        String key = PREFIX + STARTED.format(started) + "-" + UUID.randomUUID().toString().substring(0, 8) + ".json";
        Map<String, String> marker = new LinkedHashMap<>();
        marker.put("startedAt", started.toString());
        marker.put("asOf", asOf.toString());
        marker.put("report", reportKey);
        store.write(key, Json.write(marker).getBytes(StandardCharsets.UTF_8), "application/json");
        OpenRuns runs = new OpenRuns(store, key);
        runs.look();
        return runs;
    }

    /** The second look, once the book is read, before pass 2 decides what to send. */
    void lookAgain(Instant now) throws IOException {
        look();
        secondLook = now;
    }

    private void look() throws IOException {
        store.list(PREFIX).stream().filter(key -> !key.equals(own)).forEach(seen::add);
    }

    /** Whether pass 2 reads the reminder records: another run's marker was seen. */
    boolean readRecords() {
        return !seen.isEmpty();
    }

    /**
     * The book records all this run sent: the markers seen of runs dead before pass 2 go (this run read their
     * records and recorded what they sent), and its own, unless a run that may still be live was seen: that one may
     * have read the book while this run rewrote it, and its second look is to find this marker. A marker kept goes
     * with the first run to finish after it is {@link #LONGEST_RUN} old. A delete that fails leaves a marker for the
     * next run to read the records once more, so it is logged, not fatal.
     */
    void close() {
        boolean liveSeen = false;
        for (String key : seen) {
            // A name no run writes is no live run's.
            Optional<Instant> started = startedOf(key);
            if (started.isPresent() && !started.get().plus(LONGEST_RUN).isBefore(secondLook)) {
                liveSeen = true;
            } else {
                delete(key);
            }
        }
        if (!liveSeen) {
            delete(own);
        }
    }

    private void delete(String key) {
        try {
            store.delete(key);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("deleting %s failed; the next run reads the reminder records once more: %s", key, e.getMessage());
        }
    }

    private static Optional<Instant> startedOf(String key) {
        String name = key.substring(PREFIX.length());
        int dash = name.indexOf('-');
        try {
            return dash < 0 ? Optional.empty() : Optional.of(Instant.from(STARTED.parse(name.substring(0, dash))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
