package io.creditguard.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy that holds each HTTP request for a fixed time before passing it on, as a network
 * round trip to S3 would: the first bytes a client sends after the last answer (or on a new
 * connection) wait {@code delay}. For the benchmark of writes against a store with latency.
 */
public final class LatencyProxy implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "latency-proxy");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong requests = new AtomicLong();
    private final Duration delay;

    public LatencyProxy(URI target, Duration delay) throws IOException {
        this.delay = delay;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        threads.execute(() -> accept(target));
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Requests held so far. */
    public long requests() {
        return requests.get();
    }

    private void accept(URI target) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(target.getHost(), target.getPort());
                AtomicBoolean answered = new AtomicBoolean(true);
                threads.execute(() -> pump(client, upstream, answered, true));
                threads.execute(() -> pump(upstream, client, answered, false));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicBoolean answered, boolean request) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (request && answered.getAndSet(false)) {
                    requests.incrementAndGet();
                    Thread.sleep(delay.toMillis());
                } else if (!request) {
                    answered.set(true);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the other side closed
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
