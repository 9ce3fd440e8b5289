package io.creditguard.lambda;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Lambda Runtime API as the Lambda service serves it to a function's runtime: {@code GET
 * …/invocation/next} hands out the next event (holding the poll until there is one),
 * {@code POST …/invocation/<id>/response} or {@code …/error} carries the answer back. Events are
 * handed out one at a time, in order, as Lambda does for one execution environment.
 *
 * <p>A raw HTTP/1.1 server rather than the JDK's: the runtime interface client's native part matches
 * header names as Lambda writes them, and the JDK server rewrites their case.
 */
public final class LambdaRuntimeApi implements AutoCloseable {

    /** What the function answered for one event; {@code error} when it reported through {@code /error}. */
    public record Answer(String body, boolean error, long answeredAtNanos) {
    }

    private record Pending(String requestId, byte[] event) {
    }

    private final ServerSocket server;
    private final BlockingQueue<Pending> events = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Answer>> answers = new ConcurrentHashMap<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lambda-runtime-api");
        t.setDaemon(true);
        return t;
    });

    public LambdaRuntimeApi() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connections.submit(this::accept);
    }

    /** The value of {@code AWS_LAMBDA_RUNTIME_API} for the function's process. */
    public String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** Queues an event; the answer completes when the function posts it. */
    public CompletableFuture<Answer> submit(String event) {
        String requestId = UUID.randomUUID().toString();
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        answers.put(requestId, answer);
        events.add(new Pending(requestId, event.getBytes(StandardCharsets.UTF_8)));
        return answer;
    }

    /** Queues an event and waits for its answer. */
    public Answer invoke(String event, Duration timeout) {
        try {
            return submit(event).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the function did not answer within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket socket : open) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            connections.shutdownNow();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                connections.submit(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream()) {
            for (String requestLine = line(in); requestLine != null && !requestLine.isEmpty(); requestLine = line(in)) {
                int length = 0;
                for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                    if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(header.substring("content-length:".length()).trim());
                    }
                }
                byte[] body = in.readNBytes(length);
                String path = requestLine.split(" ")[1];
                if (path.endsWith("/invocation/next")) {
                    Pending next = events.take();
                    String head = "HTTP/1.1 200 OK\r\n"
                            + "Content-Type: application/json\r\n"
                            + "Lambda-Runtime-Aws-Request-Id: " + next.requestId() + "\r\n"
                            + "Lambda-Runtime-Deadline-Ms: " + (System.currentTimeMillis() + 300_000) + "\r\n"
                            + "Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:eu-north-1:123456789012:function:creditguard\r\n"
                            + "Lambda-Runtime-Trace-Id: Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1\r\n"
                            + "Content-Length: " + next.event().length + "\r\n\r\n";
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    out.write(next.event());
                } else {
                    // …/invocation/<id>/response, …/invocation/<id>/error or …/init/error
                    String[] parts = path.split("/");
                    boolean error = path.endsWith("/error");
                    String requestId = parts.length >= 2 ? parts[parts.length - 2] : "";
                    Answer answer = new Answer(new String(body, StandardCharsets.UTF_8), error, System.nanoTime());
                    CompletableFuture<Answer> waiting = answers.remove(requestId);
                    if (waiting != null) {
                        waiting.complete(answer);
                    } else if (path.contains("/init/error")) {
                        answers.values().forEach(f -> f.complete(answer));
                    }
                    out.write("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            }
        } catch (IOException e) {
            // the function's process was stopped
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') {
                return text.toString().stripTrailing();
            }
            text.append((char) c);
        }
        return text.length() == 0 ? null : text.toString();
    }
}
