package io.ogsm.connector.status;

import io.ogsm.connector.ogsm.OgsmResource;
import io.ogsm.connector.store.EmbeddedStore;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The last seen state of each list, as compact JSON per entity id, in an {@link EmbeddedStore} in the folder
 * {@code status-snapshot} of the cluster folder ({@code ogsm.status.cluster-dir}), so that whichever instance leads
 * polls from the same snapshot. The store is opened on first use, which only the leader makes, and is locked while
 * open. A list's snapshot changes only through {@link #apply}, called after the poll's events were acknowledged by
 * Kafka, so a restart or a change of leader emits nothing twice and misses nothing.
 */
public class SnapshotStore implements AutoCloseable {

    /** The store's folder, under the cluster folder. */
    static final String FOLDER = "status-snapshot";
    private static final String ENTRIES = "entries";
    private static final String INITIALIZED = "initialized";
    /** Per entity missing from the last good polls: how many in a row ({@link Absences}). */
    private static final String MISSING = "missing";

    private final Path folder;
    private EmbeddedStore store;

    private final boolean fresh;

    public SnapshotStore(Path clusterDir) {
        this(clusterDir, false);
    }

    /** @param fresh whether what the store held is forgotten when it opens (the sandbox's, whose workspace is new) */
    public SnapshotStore(Path clusterDir, boolean fresh) {
        this.folder = clusterDir.resolve(FOLDER);
        this.fresh = fresh;
    }

    private synchronized EmbeddedStore store() {
        if (store == null) {
            store = new EmbeddedStore(folder, "status snapshot", List.of(ENTRIES, INITIALIZED, MISSING));
            if (fresh) {
                store.clear(store.column(ENTRIES));
                store.clear(store.column(INITIALIZED));
                store.clear(store.column(MISSING));
            }
        }
        return store;
    }

    /** Whether the list was polled once, so its snapshot is taken (an empty one too). */
    public boolean isInitialized(OgsmResource resource) {
        return store().get(store().column(INITIALIZED), resource.key()).isPresent();
    }

    /** The entity's compact JSON as last seen, or null when it was not in the list. */
    public String entry(OgsmResource resource, long id) {
        return store().get(store().column(ENTRIES), key(resource, id))
                .map(json -> new String(json, StandardCharsets.UTF_8)).orElse(null);
    }

    /** The ids in the list's snapshot. */
    public List<Long> ids(OgsmResource resource) {
        return store().keys(store().column(ENTRIES), prefix(resource)).stream().map(Long::valueOf).toList();
    }

    /** The entities missing from the last good polls of the list, with how many polls in a row. */
    public Map<Long, Integer> missing(OgsmResource resource) {
        Map<Long, Integer> missing = new TreeMap<>();
        store().forEach(store().column(MISSING), prefix(resource), (id, count) ->
                missing.put(Long.valueOf(id), Integer.valueOf(new String(count, StandardCharsets.US_ASCII))));
        return missing;
    }

    /** Writes the poll's outcome for one list at once: new and changed entries, and the ids that are gone. */
    public void apply(OgsmResource resource, Map<Long, String> upserts, Iterable<Long> deletes) {
        apply(resource, upserts, deletes, Map.of());
    }

    /**
     * Writes the poll's outcome for one list at once: new and changed entries, the ids that are gone, and the entities
     * still missing (which replace the list's earlier missing counts).
     */
    public synchronized void apply(OgsmResource resource, Map<Long, String> upserts, Iterable<Long> deletes,
            Map<Long, Integer> missing) {
        EmbeddedStore.Column entries = store().column(ENTRIES);
        EmbeddedStore.Column counts = store().column(MISSING);
        Map<Long, Integer> before = missing(resource);
        store().write(batch -> {
            upserts.forEach((id, json) -> batch.put(entries, key(resource, id), json.getBytes(StandardCharsets.UTF_8)));
            deletes.forEach(id -> batch.delete(entries, key(resource, id)));
            before.keySet().stream().filter(id -> !missing.containsKey(id))
                    .forEach(id -> batch.delete(counts, key(resource, id)));
            missing.forEach((id, count) -> batch.put(counts, key(resource, id),
                    count.toString().getBytes(StandardCharsets.US_ASCII)));
            batch.put(store().column(INITIALIZED), resource.key(), new byte[0]);
        });
    }

    private static String prefix(OgsmResource resource) {
        return resource.key() + "/";
    }

    private static String key(OgsmResource resource, long id) {
        return prefix(resource) + id;
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            store.close();
        }
    }
}
