package io.creditguard.connections;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.creditguard.outbound.Sleeper;

/**
 * One first sync of a Fortnox company with {@code n} invoices (and a customer for every ten) against the local
 * Fortnox, on the wall clock and at Fortnox's pace: the figure README's Performance gives, with the requests
 * Fortnox answered, the most it saw in any 5 seconds (its limit is 25) and its 429s. {@code bench/run.sh} step 5:
 * {@code java -cp … io.creditguard.connections.FortnoxSyncLoad <dir> 1000}.
 */
public final class FortnoxSyncLoad {

    private FortnoxSyncLoad() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "target/bench/fortnox-sync");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Files.createDirectories(root);
        try (FortnoxStandIn fortnox = new FortnoxStandIn(Clock.systemUTC())) {
            int customers = (n + 9) / 10;
            for (int c = 0; c < customers; c++) {
                fortnox.customer(String.valueOf(100 + c), "Kund " + c + " AB", "COMPANY", "SE", "ekonomi" + c + "@kund.example");
            }
            for (int i = 1; i <= n; i++) {
                fortnox.put(FortnoxStandIn.invoice(String.valueOf(10000 + i), String.valueOf(100 + (i - 1) / 10), "2026-11-01",
                        "2026-12-01", "1250", i % 3 == 0 ? "0" : "1250"));
            }
            Map<String, String> config = new HashMap<>(fortnox.config());
            config.put("creditguard.connections.read-timeout", "PT20S");
            Connected c = new Connected(root, Clock.systemUTC(), Sleeper.SYSTEM, config, Sleeper.SYSTEM);
            if (!(c.connect(Platform.FORTNOX, fortnox.oauth) instanceof Consents.Connected)) {
                throw new IllegalStateException("the consent failed");
            }
            long began = System.nanoTime();
            SyncReport report = c.sync.sync(Platform.FORTNOX, Duration.ofMinutes(14));
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            System.out.printf("fortnox invoices=%d customers=%d status=%s stored=%d requests=%d seconds=%.1f "
                    + "requests-per-second=%.2f most-in-any-5s=%d tooMany=%d%n", n, customers, report.status(),
                    c.book(Platform.FORTNOX).size(), fortnox.apiRequests.get(), took.toMillis() / 1000.0,
                    fortnox.apiRequests.get() / (took.toMillis() / 1000.0), fortnox.mostInAnyWindow(), fortnox.tooMany.get());
        }
    }
}
