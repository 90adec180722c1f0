package io.ogsm.connector.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the build packages for deployment, checked statically (no Docker engine or cluster here): the Kubernetes
 * manifest wires probes to health, credentials to a Secret and the data dir to a volume; the Dockerfile copies what
 * the build produced and runs as a non-root user; the class archive the build makes maps, and the training run that
 * makes it stays on its own sandbox whatever the environment says.
 */
class PackagingIT {

    @Test
    void theDockerfileCopiesWhatTheBuildMadeAndRunsAsNonRoot() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("docker", "Dockerfile"));
        for (String line : lines) {
            if (line.startsWith("COPY")) {
                String[] parts = line.split("\\s+");
                String source = parts[parts.length - 2].replace("*.jar", "quarkus-run.jar");
                assertTrue(Files.exists(Path.of(source)), () -> "the Dockerfile copies " + source + ", which the build did not make");
            }
        }
        // by number: Kubernetes checks runAsNonRoot only against a numeric user (KubernetesManifestIT: runAsUser 1001)
        assertTrue(lines.stream().anyMatch(l -> l.matches("USER\\s+1001")), "runs as user 1001, by number");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("VOLUME") && l.contains("/app/data")), "data is a volume");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("ENTRYPOINT") && l.contains("quarkus-run.jar")));
        // the tests and the benchmark run the packaged app with the image's collector
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("ENTRYPOINT") && l.contains("\"-XX:+UseSerialGC\"")
                && PackagedApp.JVM.contains("-XX:+UseSerialGC")), "the image and PackagedApp use the same collector");
    }

    @Test
    void theImageTrainsItsOwnClassArchiveAndStartsWithIt() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("docker", "Dockerfile"));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("RUN") && l.contains("-XX:ArchiveClassesAtExit=app-cds.jsa")
                && l.contains("quarkus-run.jar --training-run")), "the image makes the archive for its own Java");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("ENTRYPOINT")
                && l.contains("\"-XX:SharedArchiveFile=app-cds.jsa\"")), "and starts with it");
    }

    /** -Xshare:on: the JVM refuses to start unless the archive maps (same Java, same jars, run from its folder). */
    @Test
    void theBuildsClassArchiveMapsWhenStartedFromThePackageFolder() throws Exception {
        assertTrue(Files.size(PackagedApp.ARCHIVE) > 1_000_000, "the build wrote " + PackagedApp.ARCHIVE);
        Process help = java(List.of("-Xshare:on", "-XX:SharedArchiveFile=app-cds.jsa", "-jar", "quarkus-run.jar",
                "--help"), Map.of());
        assertTrue(help.waitFor(60, TimeUnit.SECONDS), "--help returns");
        assertEquals(0, help.exitValue(), "the archive maps");
    }

    /**
     * The training run, with a workspace, Kafka brokers and push credentials in the environment (as on a machine
     * that runs the connector): it trains on its own sandbox, connects to none of them, exits 0, leaves no data.
     */
    @Test
    void theTrainingRunStaysOnItsSandboxWhateverTheEnvironmentSays() throws Exception {
        try (ServerSocket workspace = new ServerSocket(0); ServerSocket broker = new ServerSocket(0)) {
            AtomicInteger connections = new AtomicInteger();
            accept(workspace, connections);
            accept(broker, connections);
            Path archive = Files.createTempDirectory("training-archive").resolve("trained.jsa");
            List<Path> before = trainingFolders();
            Process training = java(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=error", "-jar",
                    "quarkus-run.jar", "--training-run"), Map.of(
                    "OGSM_API_BASE_URL", "http://localhost:" + workspace.getLocalPort(),
                    "OGSM_API_USERNAME", "acme", "OGSM_API_PASSWORD", "s3cret",
                    "OGSM_KAFKA_BROKERS", "localhost:" + broker.getLocalPort(),
                    "OGSM_PUSH_USERNAME", "erp", "OGSM_PUSH_PASSWORD", "push-s3cret",
                    "OGSM_SANDBOX_FAULTS_SERVER_ERROR_RATE", "0.9"));
            assertTrue(training.waitFor(120, TimeUnit.SECONDS), "the training run ends by itself");
            assertEquals(0, training.exitValue(), "every step of the training run answered as expected");
            assertEquals(0, connections.get(), "nothing reached the workspace or the brokers of the environment");
            assertTrue(Files.size(archive) > 1_000_000, "the classes were archived");
            assertEquals(before, trainingFolders(), "the training run's data dir is gone");
        }
    }

    private static Process java(List<String> arguments, Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(PackagedApp.JVM);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(PackagedApp.JAR.getParent().toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(key -> key.startsWith("OGSM_") || key.startsWith("QUARKUS_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static void accept(ServerSocket server, AtomicInteger connections) {
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket ignored = server.accept()) {
                    connections.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    private static List<Path> trainingFolders() {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("ogsm-training-")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
