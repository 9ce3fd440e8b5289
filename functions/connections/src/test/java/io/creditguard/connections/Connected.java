package io.creditguard.connections;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import java.time.Clock;

import io.creditguard.LocalHttp;
import io.creditguard.VirtualTime;
import io.creditguard.outbound.Sleeper;
import io.creditguard.json.Json;
import io.creditguard.receivables.Invoice;
import io.creditguard.store.FileObjectStore;
import io.creditguard.validation.InputReader;
import io.creditguard.webhooks.IntakeStore;
import io.creditguard.webhooks.Normalizer;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The connections wired as in a Lambda but on a folder store and a {@link VirtualTime}, for the plain JUnit
 * tests of consent and sync against the platforms' stand-ins: the store, the token store, the intake, the
 * sync and the consents, and the book as the reminder run would read it.
 */
final class Connected {

    static final String REDIRECT_BASE = "https://creditguard.example";

    final Path root;
    final FileObjectStore store;
    final Settings settings;
    final ConnectionStore connections;
    final IntakeStore intake;
    final InputReader inputs;
    final Sync sync;
    final Consents consents;

    Connected(Path root, VirtualTime time, Map<String, String> config) {
        this(root, time, time, config, time);
    }

    /** @param lockWait how a caller waits for another's refresh (a real pause, where the test races two syncs) */
    Connected(Path root, VirtualTime time, Map<String, String> config, Sleeper lockWait) {
        this(root, time, time, config, lockWait);
    }

    /** On any clock: the wall clock and {@link Sleeper#SYSTEM} for a measurement. */
    Connected(Path root, Clock time, Sleeper sleeper, Map<String, String> config, Sleeper lockWait) {
        this.root = root;
        this.store = new FileObjectStore(root);
        Map<String, String> all = new HashMap<>(config);
        all.put("creditguard.connections.redirect-base", REDIRECT_BASE);
        all.put("creditguard.connections.backoff", "PT1S");
        // A platform that does not answer in time fails its sync after a second, not the 20 s deployed.
        all.putIfAbsent("creditguard.connections.read-timeout", "PT1S");
        try {
            // The shipped defaults (the vendors' scopes and URLs) under the stand-ins' addresses.
            this.settings = new Settings(new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(all, "test", 100),
                    new PropertiesConfigSource(Connected.class.getResource("/META-INF/microprofile-config.properties"), 50)).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.connections = new ConnectionStore(store, time, lockWait);
        this.inputs = InputReader.standalone(time);
        this.intake = new IntakeStore(store, inputs, time);
        this.sync = new Sync(settings, connections, intake, inputs, new Normalizer("SE"), time, sleeper);
        this.consents = new Consents(settings, connections, sync, time);
    }

    /** The consent given as an admin's browser gives it: begun, approved at the platform, completed with the cookie. */
    Consents.Outcome connect(Platform platform, OAuthStandIn oauth) throws Exception {
        Consents.Begun begun = consents.begin(platform, "anna@foretaget.example");
        Map<String, String> query = LocalHttp.form(begun.authorizeUrl().getRawQuery());
        String code = oauth.approve(query);
        return consents.complete(platform, Optional.of(code), Optional.of(query.get("state")), Optional.empty(),
                Optional.of(cookieValue(begun.cookie())));
    }

    static String cookieValue(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    static URI redirect(Platform platform) {
        return URI.create(REDIRECT_BASE + "/connections/" + platform.id() + "/callback");
    }

    /** The platform's invoices in the book, by invoice id. */
    Map<String, Invoice> book(Platform platform) {
        Path dir = root.resolve("receivables/webhooks/" + platform.id());
        Map<String, Invoice> book = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return book;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        Invoice invoice = inputs.read(line, Invoice.class);
                        book.put(invoice.invoiceId(), invoice);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return book;
    }

    /** The book's files exactly, to see that a failed sync changed nothing. */
    List<String> bookFiles() {
        Path dir = root.resolve("receivables");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().map(p -> {
                try {
                    return p + "\n" + Files.readString(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Connection connection(Platform platform) {
        try {
            return connections.read(platform).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(Object value) {
        return Json.write(value);
    }
}
