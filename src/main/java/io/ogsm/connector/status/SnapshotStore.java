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
 * The last seen state of each list, as compact JSON per entity id, in an H2 MVStore file {@code status.mv.db} in
 * the cluster folder ({@code ogsm.status.cluster-dir}), so that whichever instance leads polls from the same
 * snapshot. The file is opened on first use, which only the leader makes, and is locked while open. A list's
 * snapshot changes only through {@link #apply}, called after the poll's events were acknowledged by Kafka, so a
 * restart or a change of leader emits nothing twice and misses nothing.
 */
public class SnapshotStore implements AutoCloseable {

    private final Path folder;
    private MVStore store;

    public SnapshotStore(Path folder) {
        this.folder = folder;
    }

    private synchronized MVStore store() {
        if (store == null) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the folder " + folder, e);
            }
            store = new MVStore.Builder().fileName(folder.resolve("status.mv.db").toString())
                    .autoCommitDisabled().open();
        }
        return store;
    }

    public boolean isInitialized(OgsmResource resource) {
        MVMap<String, Boolean> initialized = store().openMap("initialized");
        return Boolean.TRUE.equals(initialized.get(resource.key()));
    }

    /** The snapshot of one list: id to compact JSON. Read-only use, please: change it through {@link #apply}. */
    public MVMap<Long, String> snapshot(OgsmResource resource) {
        return store().openMap("snapshot." + resource.key());
    }

    /** Writes the poll's outcome for one list at once: new and changed entries, and the ids that are gone. */
    public synchronized void apply(OgsmResource resource, Map<Long, String> upserts, Iterable<Long> deletes) {
        MVMap<Long, String> map = snapshot(resource);
        map.putAll(upserts);
        deletes.forEach(map::remove);
        store().<String, Boolean>openMap("initialized").put(resource.key(), true);
        store().commit();
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            store.close();
        }
    }
}
