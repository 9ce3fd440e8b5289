package io.creditguard.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * What the fetcher makes of a server that answers slowly or at length, against one on a loopback port: the read
 * timeout bounds the whole answer, its body included, and the size limit refuses a body as it passes it. A server
 * that sends its headers at once and then its body a byte at a time is how a stalled or hostile server holds a
 * client that times out the headers only.
 */
@Timeout(60) // a guard: a fetch the timeout does not bound would hold the build
class HttpFetcherTest {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(800);
    private static final int MAX_BYTES = 1_000;

    private static HttpServer server;
    private static ExecutorService handlers;

    @BeforeAll
    static void aServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        handlers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "slow-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(handlers);
        server.createContext("/", HttpFetcherTest::answer);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        handlers.shutdownNow();
    }

    /**
     * {@code /<bytes>/<pause ms between them>/<pause ms before the headers>}: a 200 whose body is that many bytes, each
     * after that pause (the server's, simulating its pace), the headers after theirs.
     */
    private static void answer(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().substring(1).split("/");
        int bytes = Integer.parseInt(parts[0]);
        long between = Long.parseLong(parts[1]);
        try {
            Thread.sleep(Long.parseLong(parts[2]));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0); // chunked: the length is not said, as a streaming server does
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < bytes; i++) {
                    out.write('7');
                    out.flush();
                    Thread.sleep(between);
                }
            }
        } catch (InterruptedException | IOException e) {
            exchange.close(); // the client went away, or the server is stopping
        }
    }

    private static HttpFetcher fetcher() {
        return new HttpFetcher(new HttpFetcher.Limits(Duration.ofSeconds(2), READ_TIMEOUT, 1, Duration.ofMillis(10), MAX_BYTES),
                Sleeper.SYSTEM, Optional.empty());
    }

    private static URI at(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # the answer                                                       | path
            3 bytes at once                                                    | /3/0/0
            1 000 bytes, the limit                                             | /1000/0/0
            """)
    void anAnswerWithinTheLimitsIsRead(String answer, String path) throws IOException {
        assertThat(fetcher().get(at(path), "application/json").body()).hasSize(Integer.parseInt(path.split("/")[1]));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # the answer                                                       | path         | why it fails
            its headers at once, then 100 bytes one every 100 ms               | /100/100/0   | no answer within 800 ms after 1 attempt(s)
            its headers at once, then 3 bytes one every 2 s                    | /3/2000/0    | no answer within 800 ms after 1 attempt(s)
            its headers after 5 s                                              | /3/0/5000    | no answer within 800 ms after 1 attempt(s)
            1 001 bytes at once                                                | /1001/0/0    | the answer is larger than 1000 bytes
            a million bytes at once                                            | /1000000/0/0 | the answer is larger than 1000 bytes
            """)
    void aSlowOrLongAnswerFailsTheFetch(String answer, String path, String why) {
        assertThatThrownBy(() -> fetcher().get(at(path), "application/json"))
                .isInstanceOf(HttpFetcher.FetchException.class)
                .hasMessage(at(path) + ": " + why);
    }
}
