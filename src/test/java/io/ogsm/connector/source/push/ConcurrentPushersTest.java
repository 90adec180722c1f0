package io.ogsm.connector.source.push;

import io.ogsm.connector.ogsm.OgsmResource;
import io.ogsm.connector.sandbox.Sandbox;
import io.ogsm.connector.testing.Api;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Twenty pushers at once for ten seconds: every key is delivered, the API holds each measurement once, and no ERROR
 * is logged (a queue file read again after another exchange deleted it used to give one stack trace per race).
 */
@QuarkusTest
class ConcurrentPushersTest {

    @Inject
    Sandbox sandbox;

    private static long created() {
        return Api.sandbox().get("/sandbox/_control/stats").jsonPath().getLong("created");
    }

    @Test
    void batchesOfAThousandAreDeliveredWhole() {
        Api.resetSandbox();
        int batches = 10;
        for (int b = 0; b < batches; b++) {
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < 1000; i++) {
                body.append(i == 0 ? "" : ",").append("{\"type\":\"kpi\",\"id\":31,\"at\":\"2026-07-01\",\"value\":")
                        .append(b * 1000 + i).append(".5}");
            }
            Api.push(body.append("]").toString()).statusCode(202);
        }
        // a queue file's items wait in the split's bounded executor; none may be lost there
        await().atMost(Duration.ofSeconds(60)).until(() -> created() >= batches * 1000L);
        await().atMost(Duration.ofSeconds(10)).until(() -> Api.metric("ogsm_push_queue_depth") == 0);
    }

    @Test
    void twentyConcurrentPushersLogNoErrorAndEachKeyIsDeliveredOnce() throws Exception {
        Api.resetSandbox();
        ConcurrentLinkedQueue<LogRecord> errors = new ConcurrentLinkedQueue<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        ConcurrentLinkedQueue<String> keys = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        HttpClient client = HttpClient.newHttpClient();
        ExecutorService pushers = Executors.newFixedThreadPool(20);
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try {
            for (int p = 0; p < 20; p++) {
                pushers.submit(() -> {
                    while (System.nanoTime() < end) {
                        int value = next.incrementAndGet();
                        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                                        URI.create("http://localhost:8081/api/measurements"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"kpi\",\"id\":31,"
                                        + "\"at\":\"2026-08-01\",\"value\":" + value + "}")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        assertEquals(202, answer.statusCode(), answer.body());
                        keys.add(answer.body().replaceAll(".*\"key\":\"([0-9a-f]+)\".*", "$1"));
                    }
                    return null;
                });
            }
            pushers.shutdown();
            assertTrue(pushers.awaitTermination(60, TimeUnit.SECONDS));
            await().atMost(Duration.ofSeconds(120)).until(() -> created() >= keys.size());
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
        assertEquals(keys.size(), created(), "each pushed measurement created once");
        // every value pushed is in the workspace exactly once
        List<String> values = StreamSupport.stream(sandbox.workspace().list(OgsmResource.KPI_MEASUREMENTS).spliterator(),
                        false).filter(m -> m.path("at").asText().equals("2026-08-01"))
                .map(m -> m.path("current_value").decimalValue().stripTrailingZeros().toPlainString()).sorted().toList();
        assertEquals(IntStream.rangeClosed(1, next.get()).mapToObj(Integer::toString).sorted().toList(), values);
        for (String key : keys.stream().limit(50).toList()) {
            assertEquals("delivered", given().get("/api/measurements/" + key).jsonPath().getString("status"));
        }
        assertEquals(List.of(), errors.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
    }
}
