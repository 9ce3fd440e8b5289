package io.creditguard.reminders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.creditguard.Standalone;
import io.creditguard.store.LatencyProxy;
import io.creditguard.store.S3ObjectStore;
import io.creditguard.store.S3ProxyServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The first run over a synthetic book in an S3-compatible store (S3Proxy) reached through a proxy
 * that adds 20 ms to every request, as a store across a network would: letters and records are
 * written {@code parallel} at a time. {@code bench/run.sh} runs it; the README reports the figures.
 *
 * <pre>java -cp … io.creditguard.reminders.ReminderRunOnS3Load 10000 16</pre>
 */
public final class ReminderRunOnS3Load {

    private ReminderRunOnS3Load() {
    }

    public static void main(String[] args) throws Exception {
        int invoices = Integer.parseInt(args[0]);
        int parallel = Integer.parseInt(args[1]);
        // HttpURLConnection keeps 5 idle connections per host unless told otherwise; the writers share more.
        System.setProperty("http.maxConnections", String.valueOf(Math.max(5, parallel * 2)));
        LocalDate asOf = LocalDate.parse("2026-11-30");
        Path local = Files.createTempDirectory("creditguard-s3-load");
        Path book = local.resolve("book.jsonl");
        SyntheticBook.write(book, invoices, 42L, asOf, SyntheticBook.State.FIRST_RUN);
        S3ProxyServer server = S3ProxyServer.started();
        try (LatencyProxy proxy = new LatencyProxy(server.endpoint(), Duration.ofMillis(20));
                S3Client client = S3Client.builder().endpointOverride(proxy.endpoint()).forcePathStyle(true)
                        .region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                                S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                        .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            S3ObjectStore store = new S3ObjectStore(client, S3ProxyServer.BUCKET, "load");
            store.write("receivables/synthetic.jsonl", Files.readAllBytes(book), "application/x-ndjson");
            long before = proxy.requests();
            ReminderRun run = new ReminderRun(store, Standalone.reminders(), Standalone.inputs(), Clock.systemUTC(), List.of(), io.creditguard.mail.LocalSmtp.noServer(),
                    parallel);
            long started = System.nanoTime();
            ReminderRun.Report report = run.run(Optional.of(asOf), false);
            double seconds = (System.nanoTime() - started) / 1e9;
            long requests = proxy.requests() - before;
            System.out.printf(Locale.ROOT, "s3 invoices=%d parallelWrites=%d seconds=%.1f requests=%d letters=%d "
                    + "insurerReports=%d failedWrites=%d sequentialEstimateSeconds=%.0f%n", report.invoicesRead(), parallel,
                    seconds, requests, report.letters(), report.insurerNotifications(), report.failedWrites(),
                    requests * 0.020);
        } finally {
            server.stop();
        }
    }
}
