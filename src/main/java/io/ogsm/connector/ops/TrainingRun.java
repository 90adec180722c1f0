package io.ogsm.connector.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.ogsm.connector.ogsm.OgsmJson;
import io.quarkus.runtime.Quarkus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * {@code --training-run}: starts the service on its built-in sandbox (a free local port, a data dir of its own, no
 * Kafka, no ERP sources, whatever the environment says), sends it what a first minute of work looks like (a push, a
 * CSV file, a bad push, the operator page, metrics), waits until both measurements are delivered, and stops. Run
 * under {@code -XX:ArchiveClassesAtExit=app-cds.jsa}, the classes it used are archived for the next starts
 * ({@code -XX:SharedArchiveFile=app-cds.jsa}): the build and the image do this, so a start loads its classes from the
 * archive instead of the jars. Nothing leaves the machine; the data dir is deleted at the end. Exit 0 when every step
 * answered as expected, 1 otherwise (with the step at fault).
 */
final class TrainingRun {

    static final String ARGUMENT = "--training-run";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Path data;
    private final int port;
    /** The pusher's and the operator's password for this run only. */
    private final String password = UUID.randomUUID().toString();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile String failure = "did not finish";

    private TrainingRun(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    /**
     * The settings of the run, as system properties, which outrank environment variables and configuration files:
     * the sandbox as the API (an empty base URL, its own credentials, no faults), no Kafka, no ERP sources, quick CSV
     * polls. An empty value hides whatever a lower source says.
     */
    static TrainingRun prepare() throws IOException {
        TrainingRun run = new TrainingRun(Files.createTempDirectory("ogsm-training-"), freePort());
        Map<String, String> settings = Map.ofEntries(
                Map.entry("quarkus.http.host", "127.0.0.1"),
                // the service logs as usual (so its logging is archived too); the console shows warnings only
                Map.entry("quarkus.log.console.level", "WARN"),
                Map.entry("quarkus.http.port", Integer.toString(run.port)),
                Map.entry("ogsm.data-dir", run.data.toString()),
                Map.entry("ogsm.routes-dir", ""),
                Map.entry("ogsm.api.base-url", ""),
                Map.entry("ogsm.api.username", ""),
                Map.entry("ogsm.api.password", ""),
                Map.entry("ogsm.sandbox.enabled", "true"),
                Map.entry("ogsm.sandbox.faults.server-error-rate", "0"),
                Map.entry("ogsm.sandbox.faults.rate-limit-rate", "0"),
                Map.entry("ogsm.sandbox.faults.drop-after-commit-rate", "0"),
                Map.entry("ogsm.sandbox.faults.latency", "0ms"),
                Map.entry("ogsm.kafka.brokers", ""),
                Map.entry("ogsm.erp.sources-file", ""),
                Map.entry("ogsm.push.anonymous", "false"),
                Map.entry("ogsm.push.username", "training"),
                Map.entry("ogsm.push.password", run.password),
                Map.entry("ogsm.admin.username", "training"),
                Map.entry("ogsm.admin.password", run.password),
                Map.entry("ogsm.csv.poll-interval", "100ms"),
                Map.entry("ogsm.csv.min-age", "100ms"),
                Map.entry("ogsm.csv.dry-run", "false"),
                // Camel reads environment variables itself where a placeholder has no value: not here, so the empty
                // values above hide OGSM_KAFKA_BROKERS and the like from the routes too
                Map.entry("camel.component.properties.environment-variable-mode", "0"));
        settings.forEach(System::setProperty);
        return run;
    }

    /** Drives the running service from a thread of its own, then asks Quarkus to stop. */
    void drive() {
        Thread driver = new Thread(() -> {
            try {
                steps();
                failure = null;
            } catch (Exception | AssertionError e) {
                failure = e.getMessage();
            }
            Quarkus.asyncExit(failure == null ? 0 : 1);
        }, "training-run");
        driver.setDaemon(true);
        driver.start();
    }

    /** Null when every step answered as expected, else what did not. */
    String failure() {
        return failure;
    }

    void deleteData() {
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("ogsm-connector " + ARGUMENT + ": could not delete " + data + ": " + e.getMessage());
        }
    }

    private void steps() throws Exception {
        waitFor("the service to report ready", () -> get("/q/health/ready", false).statusCode() == 200);
        JsonNode ready = OgsmJson.mapper().readTree(get("/q/health/ready", false).body());
        boolean sandbox = false;
        for (JsonNode check : ready.path("checks")) {
            sandbox |= check.path("data").path("sandbox").asBoolean(false);
        }
        check(sandbox, "the API is not the built-in sandbox; nothing was sent");

        HttpResponse<String> pushed = post("/api/measurements",
                "{\"type\":\"kpi\",\"title\":\"Cost per order, EUR\",\"at\":\"2026-11-30\",\"value\":6.42}");
        check(pushed.statusCode() == 202, "a push was answered " + pushed.statusCode());
        String key = OgsmJson.mapper().readTree(pushed.body()).path("items").path(0).path("key").asText();
        HttpResponse<String> refused = post("/api/measurements", "{\"type\":\"kpi\",\"title\":\"\"}");
        check(refused.statusCode() == 422, "a bad push was answered " + refused.statusCode());

        Path inbox = Files.createDirectories(data.resolve("inbox"));
        Path copy = Files.writeString(data.resolve("training.csv.part"), """
                type,title,at,value,target,description
                goal,"Revenue, net",2026-10-31,1250000.50,1400000,October close
                """, StandardCharsets.UTF_8);
        Files.move(copy, inbox.resolve("training.csv"), StandardCopyOption.ATOMIC_MOVE);

        waitFor("the pushed measurement to be delivered",
                () -> get("/api/measurements/" + key, true).body().contains("\"delivered\""));
        waitFor("the CSV file to reach done/", () -> Files.exists(data.resolve("done").resolve("training.csv")));
        for (String page : List.of("/ops", "/api/deadletters", "/q/metrics", "/q/health")) {
            int status = get(page, true).statusCode();
            check(status == 200, page + " answered " + status);
        }
    }

    private HttpResponse<String> get(String path, boolean signedIn) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
        if (signedIn) {
            request.header("Authorization", authorization());
        }
        return send(request.GET().build());
    }

    private HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).header("Authorization",
                authorization()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString(("training:" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Polls until the condition holds; the service's own timers decide when, so there is nothing to sleep for. */
    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (UncheckedIOException e) {
                // not listening yet
            }
            check(System.nanoTime() < deadline, "waited " + PATIENCE.toSeconds() + " s for " + what);
            Thread.sleep(50);
        }
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new AssertionError(failure);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
