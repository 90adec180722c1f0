package io.ogsm.connector.e2e;

import java.io.IOException;
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

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

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

    /**
     * Starts the app with extra JVM options, e.g. {@code -XX:+ExitOnOutOfMemoryError}; they come after the default
     * {@code -Xmx256m}, so an {@code -Xmx} among them wins.
     */
    static PackagedApp start(Map<String, String> environment, Path dataDir, List<String> jvmOptions)
            throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the tests with ./mvnw verify");
        }
        int port = freePort();
        Path output = Files.createTempFile(Path.of("target"), "packaged-app-", ".out");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-Dquarkus.http.port=" + port,
                "-Dogsm.data-dir=" + dataDir,
                "-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("OGSM_") || key.startsWith("QUARKUS_"));
        builder.environment().putAll(environment);
        return new PackagedApp(port, dataDir, output, builder.start());
    }

    String url(String path) {
        return "http://localhost:" + port + path;
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
