package io.ogsm.connector.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.ogsm.connector.ogsm.OgsmJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged app ({@code target/quarkus-app/quarkus-run.jar}) run as a child process from the project folder, as an
 * operator would run it: on a free port, with its own data dir, with environment variables as configuration.
 */
final class PackagedApp implements AutoCloseable {

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    /** The sandbox's default credentials, demo/demo. */
    static final String SANDBOX_AUTH = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final int port;
    final Path dataDir;
    final Path output;
    private final Process process;

    private PackagedApp(int port, Path dataDir, Path output, Process process) {
        this.port = port;
        this.dataDir = dataDir;
        this.output = output;
        this.process = process;
    }

    static PackagedApp start(Map<String, String> environment) throws IOException {
        return start(environment, Files.createTempDirectory("ogsm-e2e-data"));
    }

    /** Starts the app on a free port with the given data dir (reuse one to restart "the same" instance). */
    static PackagedApp start(Map<String, String> environment, Path dataDir) throws IOException {
        return start(environment, dataDir, List.of());
    }

    /** The JVM's options: a 256 MB heap, and the collector docker/Dockerfile runs the app with (PackagingIT). */
    static final List<String> JVM = List.of("-Xmx256m", "-XX:+UseSerialGC");

    /**
     * Starts the app with extra JVM options, e.g. {@code -XX:+ExitOnOutOfMemoryError}; they come after the defaults
     * ({@link #JVM}), so an {@code -Xmx} among them wins.
     */
    static PackagedApp start(Map<String, String> environment, Path dataDir, List<String> jvmOptions)
            throws IOException {
        return start(environment, dataDir, jvmOptions, freePort());
    }

    /** Starts the app on the given port (one the test holds, to see what the app does when it is taken). */
    static PackagedApp start(Map<String, String> environment, Path dataDir, List<String> jvmOptions, int port)
            throws IOException {
        // from a folder of its own, as an operator would start it: nothing in the working folder is needed
        return launch(environment, dataDir, jvmOptions, port, Files.createTempDirectory("ogsm-e2e-cwd"), List.of(),
                JAR.toString());
    }

    /**
     * Starts the app as docker/Dockerfile's ENTRYPOINT does: from the package folder, with the class archive the build
     * made ({@code app-cds.jsa}, PackagingIT), on a free port.
     */
    static PackagedApp startAsTheImageDoes(Map<String, String> environment, Path dataDir, List<String> jvmOptions)
            throws IOException {
        return launch(environment, dataDir, jvmOptions, freePort(), JAR.getParent(),
                List.of("-XX:SharedArchiveFile=" + ARCHIVE.getFileName()), JAR.getFileName().toString());
    }

    /** The build's class archive, next to the jar. */
    static final Path ARCHIVE = JAR.resolveSibling("app-cds.jsa");

    private static PackagedApp launch(Map<String, String> environment, Path dataDir, List<String> jvmOptions, int port,
            Path folder, List<String> archive, String jar) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the tests with ./mvnw verify");
        }
        Path output = Files.createTempFile(Path.of("target").toAbsolutePath(), "packaged-app-", ".out");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JVM);
        command.addAll(archive);
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-Dquarkus.http.port=" + port,
                "-Dogsm.data-dir=" + dataDir.toAbsolutePath(),
                "-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).directory(folder.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("OGSM_") || key.startsWith("QUARKUS_"));
        builder.environment().putAll(environment);
        return new PackagedApp(port, dataDir, output, builder.start());
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** True when {@code /q/health/ready} answers 200; false while starting, down or unreachable. */
    boolean isReady() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url("/q/health/ready"))).timeout(Duration.ofSeconds(20))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * For an app in sandbox mode: how often each KPI measurement whose description starts with {@code prefix} is
     * stored, by description.
     */
    Map<String, Long> storedKpiMeasurements(String prefix) throws IOException, InterruptedException {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(url("/sandbox/api/v2/indicator_reports.json")))
                .header("Authorization", SANDBOX_AUTH).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        JsonNode list = OgsmJson.mapper().readTree(body);
        return StreamSupport.stream(list.spliterator(), false)
                .map(m -> m.path("description").asText(""))
                .filter(d -> d.startsWith(prefix))
                .collect(Collectors.groupingBy(d -> d, Collectors.counting()));
    }

    /** SIGKILL: no shutdown hook, no flush, as a crash or an OOM killer would end it. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself; its exit code. */
    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the app did not exit within " + seconds + " s");
        }
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.readString(output);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
