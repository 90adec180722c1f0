package io.ogsm.connector.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.ogsm.connector.ogsm.OgsmJson;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged app at its 256 MB heap against clients that send too much or send it wrong: 100 parallel 10 MiB bodies
 * that say their length, 20 that do not (chunked), and loose JSON. Each is refused, the process neither dies of an
 * OutOfMemoryError nor grows past its heap plus a fixed overhead, a normal push still gets through, and no client
 * error is logged at ERROR or with a stack trace (its log is read as JSON records, not as text).
 */
class HostileClientsIT {

    /** Heap limit plus what the JVM needs beside it (metaspace, code, threads, direct buffers). */
    private static final long MAX_RSS_KB = (256 + 256) * 1024;

    @Test
    void largeBodiesAndLooseJsonHurtNothing() throws Exception {
        Path data = Files.createTempDirectory("ogsm-hostile");
        try (PackagedApp app = PackagedApp.start(Map.of("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true"), data,
                List.of("-XX:+ExitOnOutOfMemoryError"))) {
            await().atMost(Duration.ofSeconds(60)).until(app::isReady);
            HttpClient client = HttpClient.newHttpClient();
            byte[] tenMiB = new byte[10 * 1024 * 1024];
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                HttpRequest.BodyPublisher body = i < 100 ? HttpRequest.BodyPublishers.ofByteArray(tenMiB)
                        : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tenMiB)); // chunked
                answers.add(client.sendAsync(HttpRequest.newBuilder(URI.create(app.url("/api/measurements")))
                                .header("Content-Type", "application/json").POST(body).build(),
                        HttpResponse.BodyHandlers.discarding())
                        .thenApply(HttpResponse::statusCode)
                        .exceptionally(closedWhileSending -> 413));
            }
            for (CompletableFuture<Integer> answer : answers) {
                assertEquals(413, answer.get());
            }
            for (String loose : List.of("{\"a\":1}{\"b\":2}", "{\"id\":31,\"id\":32}", "[".repeat(10_000),
                    "{\"value\":" + "9".repeat(1001) + "}", "{\"value\":1e9999999999}")) {
                assertEquals(400, client.send(HttpRequest.newBuilder(URI.create(app.url("/api/measurements")))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(loose))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode(), loose.substring(0, 10));
            }

            assertTrue(app.isAlive(), "no OutOfMemoryError ended the process");
            long peak = peakRssKb(app.pid());
            assertTrue(peak < MAX_RSS_KB, () -> "peak RSS " + peak / 1024 + " MB");
            assertEquals(202, client.send(HttpRequest.newBuilder(URI.create(app.url("/api/measurements")))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"type\":\"kpi\",\"id\":31,\"at\":\"2026-03-01\",\"value\":2}")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());

            List<String> errors = new ArrayList<>();
            for (String line : app.output().split("\n")) {
                if (!line.startsWith("{")) {
                    continue;
                }
                JsonNode record = OgsmJson.mapper().readTree(line);
                if (record.path("level").asText().equals("ERROR") || record.has("exception")) {
                    errors.add(record.path("loggerName").asText() + ": " + record.path("message").asText());
                }
            }
            assertEquals(List.of(), errors, "client errors logged at ERROR or with a stack trace");
        }
    }

    /** The process's peak resident set (VmHWM), in kB. */
    private static long peakRssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmHWM in /proc/" + pid + "/status");
    }
}
