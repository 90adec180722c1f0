package io.ogsm.connector.status;

import io.ogsm.connector.ogsm.OgsmResource;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The last seen state of each list, as compact JSON per entity id, in an H2 MVStore file
 * ({@code <data-dir>/state/status.mv.db}). A list's snapshot changes only through {@link #apply}, called after the
 * poll's events were acknowledged by Kafka, so a restart emits nothing twice and misses nothing.
 */
public class SnapshotStore implements AutoCloseable {

    private final MVStore store;
    private final MVMap<String, Boolean> initialized;

    public SnapshotStore(Path stateDir) {
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the state folder " + stateDir, e);
        }
        this.store = new MVStore.Builder().fileName(stateDir.resolve("status.mv.db").toString())
                .autoCommitDisabled().open();
        this.initialized = store.openMap("initialized");
    }

    public boolean isInitialized(OgsmResource resource) {
        return Boolean.TRUE.equals(initialized.get(resource.key()));
    }

    /** The snapshot of one list: id to compact JSON. Read-only use, please: change it through {@link #apply}. */
    public MVMap<Long, String> snapshot(OgsmResource resource) {
        return store.openMap("snapshot." + resource.key());
    }

    /** Writes the poll's outcome for one list at once: new and changed entries, and the ids that are gone. */
    public synchronized void apply(OgsmResource resource, Map<Long, String> upserts, Iterable<Long> deletes) {
        MVMap<Long, String> map = snapshot(resource);
        map.putAll(upserts);
        deletes.forEach(map::remove);
        initialized.put(resource.key(), true);
        store.commit();
    }

    @Override
    public void close() {
        store.close();
    }
}
