package io.ogsm.connector.testing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Every test run of the app gets a fresh, empty data dir: no delivered keys or dead letters from earlier runs. */
@QuarkusTestResource(value = TestDataDir.class, restrictToAnnotatedClass = false)
public class TestDataDir implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory(Path.of("target"), "test-data-");
            return Map.of("ogsm.data-dir", dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // left in target/ for a look after a failed run; mvn clean removes it
    }
}
