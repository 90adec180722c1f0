package io.ogsm.connector.e2e;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the build packages for deployment, checked statically (no Docker engine or cluster here): the Kubernetes
 * manifest wires probes to health, credentials to a Secret and the data dir to a volume; the Dockerfile copies what
 * the build produced and runs as a non-root user.
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
}
