package io.ogsm.connector.ogsm;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The client's connection pool is bounded by ogsm.api.max-connections: however many threads call at once, the API
 * never sees more requests at a time than the pool holds. A local server holds every request until released and counts
 * how many it holds at once.
 */
class OgsmClientPoolTest {

    private final AtomicInteger held = new AtomicInteger();
    private final AtomicInteger mostHeld = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private ExecutorService serverThreads;
    private ExecutorService callers;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        serverThreads = Executors.newFixedThreadPool(16);
        server.setExecutor(serverThreads);
        server.createContext("/", exchange -> {
            mostHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            held.decrementAndGet();
            served.incrementAndGet();
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        callers = Executors.newFixedThreadPool(6);
    }

    @AfterEach
    void stop() {
        release.countDown();
        callers.shutdownNow();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void sixCallersThroughAPoolOfTwoAreServedTwoAtATime() throws Exception {
        int[] counts = callsAtOnce(2);
        assertEquals(2, counts[0], "requests the API saw at once");
        assertEquals(6, counts[1], "every call was served in the end");
    }

    @Test
    void aPoolAsLargeAsTheCallersLetsThemAllThrough() throws Exception {
        // the same server sees all six at once when the pool allows it: the bound above is the pool's
        int[] counts = callsAtOnce(6);
        assertEquals(6, counts[0]);
        assertEquals(6, counts[1]);
    }

    /** Six threads list goals at once through a pool of {@code maxConnections}: answers {most held, served}. */
    private int[] callsAtOnce(int maxConnections) throws Exception {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        try (OgsmClient client = new OgsmClient(base, new ApiCredentials("user", "pw"), Duration.ofSeconds(5),
                Duration.ofSeconds(30), maxConnections, 1024 * 1024)) {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(callers.submit(() -> client.goals().size()));
            }
            // the pool's worth of requests arrives, and no more while they are held
            await().atMost(Duration.ofSeconds(10)).until(() -> held.get() == maxConnections);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .until(() -> held.get() == maxConnections);
            release.countDown();
            for (Future<Integer> call : calls) {
                assertEquals(0, call.get(30, TimeUnit.SECONDS));
            }
            return new int[] {mostHeld.get(), served.get()};
        }
    }
}
