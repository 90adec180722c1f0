package io.ogsm.connector.status;

import io.ogsm.connector.ogsm.OgsmResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotStoreTest {

    @TempDir
    Path dir;

    @Test
    void keepsEachListsSnapshotAcrossCloseAndReopen() {
        try (SnapshotStore store = new SnapshotStore(dir)) {
            assertFalse(store.isInitialized(OgsmResource.GOALS));
            store.apply(OgsmResource.GOALS, Map.of(1L, "{\"id\":1}", 2L, "{\"id\":2}"), List.of());
            store.apply(OgsmResource.GOALS, Map.of(2L, "{\"id\":2,\"name\":\"b\"}"), List.of(1L));
            store.apply(OgsmResource.KPIS, Map.of(), List.of());
            store.apply(OgsmResource.GOAL_MEASUREMENTS, Map.of(7L, "{\"id\":7}"), List.of());
        }

        try (SnapshotStore store = new SnapshotStore(dir)) {
            assertTrue(store.isInitialized(OgsmResource.GOALS));
            assertTrue(store.isInitialized(OgsmResource.KPIS), "an empty list's snapshot is taken too");
            assertFalse(store.isInitialized(OgsmResource.ACTIONS));
            assertEquals(List.of(2L), store.ids(OgsmResource.GOALS));
            assertEquals("{\"id\":2,\"name\":\"b\"}", store.entry(OgsmResource.GOALS, 2));
            assertNull(store.entry(OgsmResource.GOALS, 1));
            assertEquals(List.of(), store.ids(OgsmResource.KPIS));
            assertEquals(List.of(7L), store.ids(OgsmResource.GOAL_MEASUREMENTS));
        }
    }

    @Test
    void aFreshStoreForTheSandboxForgetsTheLastStartsSnapshot() {
        try (SnapshotStore store = new SnapshotStore(dir)) {
            store.apply(OgsmResource.GOALS, Map.of(1L, "{\"id\":1}"), List.of());
        }

        try (SnapshotStore store = new SnapshotStore(dir, true)) {
            assertFalse(store.isInitialized(OgsmResource.GOALS));
            assertEquals(List.of(), store.ids(OgsmResource.GOALS));
        }
    }

    @Test
    void opensNothingUntilFirstUsed() {
        new SnapshotStore(dir).close();

        assertFalse(dir.resolve(SnapshotStore.FOLDER).toFile().exists());
    }
}
