package io.ogsm.connector.e2e;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connector killed with SIGKILL in the middle of delivering, then started again on the same data dir: every
 * measurement it had accepted reaches the OGSM API exactly once. The API is a second process (the packaged app in
 * sandbox mode), so it outlives the connector, and it drops some connections after storing, as a flaky network does.
 */
class CrashRecoveryIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int COUNT = 600;

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void aKilledConnectorRestartedOnItsDataLosesAndDuplicatesNothing() throws Exception {
        try (PackagedApp api = PackagedApp.start(Map.of(
                "OGSM_SANDBOX_FAULTS_LATENCY", "40ms",
                "OGSM_SANDBOX_FAULTS_DROP_AFTER_COMMIT_RATE", "0.05",
                "OGSM_SANDBOX_FAULTS_SERVER_ERROR_RATE", "0.05",
                "OGSM_SANDBOX_FAULTS_SEED", "11"))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> api.isReady());
            Map<String, String> connectorEnv = Map.of(
                    "OGSM_API_BASE_URL", "http://localhost:" + api.port + "/sandbox",
                    "OGSM_API_USERNAME", "demo",
                    "OGSM_API_PASSWORD", "demo",
                    "OGSM_PUSH_ANONYMOUS", "true",
                    "OGSM_DELIVERY_INITIAL_BACKOFF", "20ms",
                    "OGSM_DELIVERY_MAX_BACKOFF", "200ms");
            Path data = Files.createTempDirectory("ogsm-crash-data");
            String run = "crash-" + System.nanoTime();
            String batch = IntStream.range(0, COUNT)
                    .mapToObj(i -> "{\"type\":\"kpi\",\"id\":31,\"at\":\"2026-09-30\",\"value\":" + i
                            + ",\"description\":\"" + run + "-" + i + "\"}")
                    .collect(Collectors.joining(",", "[", "]"));

            PackagedApp first = PackagedApp.start(connectorEnv, data);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> first.isReady());
                HttpResponse<String> accepted = send(HttpRequest.newBuilder(URI.create(first.url("/api/measurements")))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(batch)));
                assertEquals(202, accepted.statusCode(), accepted.body());
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                        .until(() -> api.storedKpiMeasurements(run).size() >= COUNT / 6);
            } finally {
                first.kill();
            }
            int atKill = api.storedKpiMeasurements(run).size();
            assertTrue(atKill < COUNT, "the kill came before the end (" + atKill + " of " + COUNT + " stored)");

            try (PackagedApp second = PackagedApp.start(connectorEnv, data)) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                        .until(() -> api.storedKpiMeasurements(run).size() == COUNT);
                await().atMost(Duration.ofSeconds(30)).until(() -> isEmpty(data.resolve("queue")));
                Map<String, Long> counts = api.storedKpiMeasurements(run);
                assertEquals(COUNT, counts.size());
                assertTrue(counts.values().stream().allMatch(c -> c == 1), () -> "stored twice: "
                        + counts.entrySet().stream().filter(e -> e.getValue() > 1).toList());
                assertTrue(isEmpty(data.resolve("deadletter")), "nothing was dead-lettered");
            }
        }
    }

    private static boolean isEmpty(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.findAny().isEmpty();
        }
    }
}
