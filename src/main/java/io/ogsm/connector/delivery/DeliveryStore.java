package io.ogsm.connector.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.ogsm.OgsmJson;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.jboss.logging.Logger;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * What the delivery route remembers across restarts, in a RocksDB database in {@code <data-dir>/state/delivery}:
 * <ul>
 *   <li>{@code delivered}: idempotency key to OGSM id and time, so a measurement is posted once;</li>
 *   <li>{@code in-flight}: keys whose POST was started but not settled, recorded <em>before</em> the POST, so that
 *       after a crash or an ambiguous failure the API's list is checked before posting again;</li>
 *   <li>{@code tracking}: the state of measurements pushed over HTTP, by the key their submitter got.</li>
 * </ul>
 * Every change is in RocksDB's write-ahead log when its call returns: handed to the operating system, so it survives
 * the process being killed (not a power loss of the machine: the log is not synced per change). Settling a POST
 * (delivered mark, tracking state, in-flight mark dropped) is one atomic write. Delivered keys and tracking entries
 * older than the retention, or beyond the key limit (oldest first), are pruned by {@link #prune()}.
 * <p>
 * Delivery state written by earlier versions (an H2 MVStore file, {@code state/delivery.mv.db}) is imported once, at
 * the first start, and the file renamed to {@code delivery.mv.db.imported}.
 */
public class DeliveryStore implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DeliveryStore.class);
    /** The folder of the database, under the state folder. */
    static final String FOLDER = "delivery";
    /** The file earlier versions kept their state in, under the state folder. */
    static final String MVSTORE_FILE = "delivery.mv.db";
    private static final String DELIVERED = "delivered";
    private static final String IN_FLIGHT = "in-flight";
    private static final String TRACKING = "tracking";

    /** A delivered measurement: its OGSM id (null when the API's answer was unreadable) and when. */
    public record Delivered(Long ogsmId, Instant at) {
    }

    /** A POST under way or of unknown outcome. */
    public record InFlight(String key, Measurement measurement, Instant since) {
    }

    /** The state of a pushed measurement: {@code queued}, {@code delivered} or {@code dead_lettered}. */
    public record Tracking(String state, String deliveryKey, Long ogsmId, String reason, Instant at) {
    }

    static {
        RocksDB.loadLibrary();
    }

    /** Options, cache and filter: closed after the database. */
    private final List<AutoCloseable> resources = new ArrayList<>();
    /** Column family handles: closed before the database. */
    private final List<ColumnFamilyHandle> handles = new ArrayList<>();
    private final RocksDB db;
    private final ColumnFamilyHandle delivered;
    private final ColumnFamilyHandle inFlight;
    private final ColumnFamilyHandle tracking;
    private final WriteOptions writeOptions;
    private final Duration retention;
    private final long maxKeys;
    private final Clock clock;

    public DeliveryStore(Path stateDir, Duration retention, long maxKeys, Clock clock) {
        Path folder = stateDir.resolve(FOLDER);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the state folder " + folder, e);
        }
        this.retention = retention;
        this.maxKeys = maxKeys;
        this.clock = clock;
        LRUCache cache = keep(new LRUCache(8L << 20));
        BloomFilter bloom = keep(new BloomFilter(10));
        ColumnFamilyOptions columns = keep(new ColumnFamilyOptions()
                // bounded memory: at most two 4 MB memtables per column family before they are flushed to disk
                .setWriteBufferSize(4L << 20)
                .setMaxWriteBufferNumber(2)
                // LZ4 rather than the default Snappy: a sixth less CPU per measurement for flushes and compactions
                // (keys are hashes, values short JSON; files written before stay readable)
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(bloom)));
        DBOptions options = keep(new DBOptions()
                .setCreateIfMissing(true)
                .setCreateMissingColumnFamilies(true)
                // RocksDB's own log (LOG files in the folder): problems only, two files at most
                .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
                .setKeepLogFileNum(2)
                .setMaxTotalWalSize(64L << 20));
        this.writeOptions = keep(new WriteOptions());
        List<ColumnFamilyDescriptor> descriptors = List.of(
                new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, columns),
                new ColumnFamilyDescriptor(bytes(DELIVERED), columns),
                new ColumnFamilyDescriptor(bytes(IN_FLIGHT), columns),
                new ColumnFamilyDescriptor(bytes(TRACKING), columns));
        try {
            this.db = RocksDB.open(options, folder.toString(), descriptors, handles);
        } catch (RocksDBException e) {
            closeResources();
            throw new IllegalStateException("cannot open the delivery state in " + folder + ": " + e.getMessage(), e);
        }
        this.delivered = handles.get(1);
        this.inFlight = handles.get(2);
        this.tracking = handles.get(3);
        importMvStore(stateDir.resolve(MVSTORE_FILE));
    }

    public Optional<Delivered> delivered(String key) {
        return get(delivered, key).map(json -> read(json, Delivered.class));
    }

    /** In the log before this returns: the POST that follows may store the measurement. */
    public void markInFlight(String key, Measurement measurement) {
        put(inFlight, key, StateJson.of(new InFlight(key, measurement, clock.instant())));
    }

    public Optional<InFlight> inFlight(String key) {
        return get(inFlight, key).map(json -> read(json, InFlight.class));
    }

    /** Every POST whose outcome is unknown, e.g. after a crash: to verify against the API. */
    public List<InFlight> allInFlight() {
        List<InFlight> all = new ArrayList<>();
        forEach(inFlight, (key, json) -> all.add(read(json, InFlight.class)));
        return all;
    }

    /** The POST surely stored nothing (the API answered an error): no lookup needed next time. */
    public void clearInFlight(String key) {
        try {
            db.delete(inFlight, writeOptions, bytes(key));
        } catch (RocksDBException e) {
            throw failed(e);
        }
    }

    public void markDelivered(String key, Long ogsmId) {
        markDelivered(key, ogsmId, null, null);
    }

    /**
     * Delivered, the pushed measurement's tracking state with it (when trackingKey is set), and the in-flight mark
     * dropped: one atomic write, in the log when this returns.
     */
    public void markDelivered(String key, Long ogsmId, String trackingKey, Tracking state) {
        writeAtomically(batch -> {
            batch.put(delivered, bytes(key), StateJson.of(new Delivered(ogsmId, clock.instant())));
            if (trackingKey != null) {
                batch.put(tracking, bytes(trackingKey), StateJson.of(state));
            }
            batch.delete(inFlight, bytes(key));
        });
    }

    /** A pushed measurement's state. */
    public void track(String trackingKey, Tracking state) {
        put(tracking, trackingKey, StateJson.of(state));
    }

    /** Several pushed measurements' states, in one write. */
    public void trackAll(Map<String, Tracking> states) {
        writeAtomically(batch -> {
            for (Map.Entry<String, Tracking> e : states.entrySet()) {
                batch.put(tracking, bytes(e.getKey()), StateJson.of(e.getValue()));
            }
        });
    }

    public Optional<Tracking> tracking(String trackingKey) {
        return get(tracking, trackingKey).map(json -> read(json, Tracking.class));
    }

    /** How many delivered keys are kept (counts them: for tests and diagnostics, not for every measurement). */
    public long deliveredCount() {
        long[] count = {0};
        forEach(delivered, (key, json) -> count[0]++);
        return count[0];
    }

    /**
     * Drops delivered keys, tracking entries and in-flight marks past the retention (a mark whose measurement never
     * came again), then the oldest delivered keys beyond the key limit.
     */
    public synchronized int prune() {
        Instant cutoff = clock.instant().minus(retention);
        int removed = pruneOlderThan(delivered, cutoff, json -> read(json, Delivered.class).at())
                + pruneOlderThan(tracking, cutoff, json -> read(json, Tracking.class).at())
                + pruneOlderThan(inFlight, cutoff, json -> read(json, InFlight.class).since());
        long excess = deliveredCount() - maxKeys;
        if (excess > 0) {
            // beyond the key limit (rare): a second pass to find the oldest
            List<Map.Entry<String, Instant>> byAge = new ArrayList<>();
            forEach(delivered, (key, json) -> byAge.add(Map.entry(key, read(json, Delivered.class).at())));
            byAge.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
            removeAll(delivered, byAge.subList(0, (int) Math.min(excess, byAge.size())).stream()
                    .map(Map.Entry::getKey).toList());
            removed += (int) Math.min(excess, byAge.size());
        }
        return removed;
    }

    /** Removes the entries older than the cutoff, in one write. */
    private int pruneOlderThan(ColumnFamilyHandle column, Instant cutoff, Function<byte[], Instant> at) {
        List<String> old = new ArrayList<>();
        forEach(column, (key, json) -> {
            if (at.apply(json).isBefore(cutoff)) {
                old.add(key);
            }
        });
        removeAll(column, old);
        return old.size();
    }

    private void removeAll(ColumnFamilyHandle column, List<String> keys) {
        writeAtomically(batch -> {
            for (String key : keys) {
                batch.delete(column, bytes(key));
            }
        });
    }

    /** Changes filled into one batch: all of them are in the log, or none. */
    private interface Changes {
        void fill(WriteBatch batch) throws RocksDBException;
    }

    private void writeAtomically(Changes changes) {
        try (WriteBatch batch = new WriteBatch()) {
            changes.fill(batch);
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw failed(e);
        }
    }

    /**
     * State an earlier version kept in an H2 MVStore file: copied in one write (keys already here win), then the file
     * is renamed so it is imported once.
     */
    private void importMvStore(Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        int[] count = {0};
        MVStore old = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            writeAtomically(batch -> {
                for (Map.Entry<String, ColumnFamilyHandle> column : Map.of(DELIVERED, delivered, IN_FLIGHT, inFlight,
                        TRACKING, tracking).entrySet()) {
                    if (!old.hasMap(column.getKey())) {
                        continue;
                    }
                    MVMap<String, String> map = old.openMap(column.getKey());
                    for (Map.Entry<String, String> e : map.entrySet()) {
                        if (get(column.getValue(), e.getKey()).isEmpty()) {
                            batch.put(column.getValue(), bytes(e.getKey()), bytes(e.getValue()));
                            count[0]++;
                        }
                    }
                }
            });
        } finally {
            old.close();
        }
        try {
            db.flushWal(true);
            Files.move(file, file.resolveSibling(MVSTORE_FILE + ".imported"));
        } catch (RocksDBException e) {
            throw failed(e);
        } catch (IOException e) {
            throw new UncheckedIOException("imported the delivery state of " + file + " but cannot rename it", e);
        }
        LOG.infof("Imported %d delivery state entries from %s (renamed to %s.imported)", count[0], file, MVSTORE_FILE);
    }

    private void put(ColumnFamilyHandle column, String key, byte[] value) {
        try {
            db.put(column, writeOptions, bytes(key), value);
        } catch (RocksDBException e) {
            throw failed(e);
        }
    }

    private Optional<byte[]> get(ColumnFamilyHandle column, String key) {
        try {
            return Optional.ofNullable(db.get(column, bytes(key)));
        } catch (RocksDBException e) {
            throw failed(e);
        }
    }

    private void forEach(ColumnFamilyHandle column, BiConsumer<String, byte[]> action) {
        try (RocksIterator it = db.newIterator(column)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                action.accept(new String(it.key(), StandardCharsets.UTF_8), it.value());
            }
            it.status();
        } catch (RocksDBException e) {
            throw failed(e);
        }
    }

    private static IllegalStateException failed(RocksDBException e) {
        return new IllegalStateException("delivery state: " + e.getMessage(), e);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static <T> T read(byte[] json, Class<T> type) {
        try {
            return OgsmJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable delivery state: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable delivery state", e);
        }
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.add(resource);
        return resource;
    }

    private void closeResources() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.debugf("closing delivery state: %s", e.getMessage());
            }
        }
        resources.clear();
    }

    /** Syncs the log, then closes the column families, the database and its options, in that order. */
    @Override
    public synchronized void close() {
        if (handles.isEmpty()) {
            return;
        }
        try {
            db.flushWal(true);
        } catch (RocksDBException e) {
            LOG.warnf("Delivery state: could not sync the log on close: %s", e.getMessage());
        }
        handles.forEach(ColumnFamilyHandle::close);
        handles.clear();
        db.close();
        closeResources();
    }

}
