package io.ogsm.connector.source.erp;

import io.ogsm.connector.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WatermarkStoreTest {

    @TempDir
    Path dir;

    @Test
    void aWatermarkOutlivesTheStoreThatWroteIt() throws Exception {
        Path folder = dir.resolve("state/erp");
        new WatermarkStore(folder, new MutableClock()).write("finance-erp", "modified_since", "2026-11-02T11:00:00Z");
        WatermarkStore afterRestart = new WatermarkStore(folder, new MutableClock());
        assertEquals(Optional.of("2026-11-02T11:00:00Z"), afterRestart.read("finance-erp"));
        assertEquals(Optional.empty(), afterRestart.read("other"));
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count(), "no temp file left behind");
        }
    }

    @Test
    void aDamagedFileIsAnErrorNotAFreshStart() throws Exception {
        Path folder = dir.resolve("state/erp");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("x.json"), "{not json");
        assertThrows(java.io.UncheckedIOException.class, () -> new WatermarkStore(folder, new MutableClock()).read("x"));
    }
}
