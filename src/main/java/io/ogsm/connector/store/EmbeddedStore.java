package io.ogsm.connector.store;

import io.ogsm.connector.config.InvalidConfigException;
import io.ogsm.connector.files.DurableFiles;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The embedded key-value store of the service: a RocksDB database in one folder, its entries in named columns, keys
 * as text and values as bytes. Opening it takes RocksDB's lock on the folder, so a second process opening the same
 * folder fails until the first closes it or dies.
 * <p>
 * Every change is in RocksDB's write-ahead log when its call returns: handed to the operating system, so it survives
 * the process being killed (not a power loss of the machine: the log is not synced per change). The changes of one
 * {@link #write} are atomic. Memory is bounded: an 8 MB block cache and at most two 4 MB memtables per column.
 */
public final class EmbeddedStore implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedStore.class);

    /** A key space of its own in the store. */
    public static final class Column {
        private final ColumnFamilyHandle handle;

        private Column(ColumnFamilyHandle handle) {
            this.handle = handle;
        }
    }

    /** Changes written together by {@link #write}: all of them, or none. */
    public interface Batch {
        void put(Column column, String key, byte[] value);

        void delete(Column column, String key);
    }

    private final String what;
    /** Options, cache and filter: closed after the database. */
    private final List<AutoCloseable> resources = new ArrayList<>();
    /** Column family handles: closed before the database. */
    private final List<ColumnFamilyHandle> handles = new ArrayList<>();
    private final Map<String, Column> columns = new HashMap<>();
    private final RocksDB db;
    private final WriteOptions writeOptions;

    /**
     * Opens (creating them when missing) the database in the folder and its columns.
     *
     * @param what what the store holds, for messages: "delivery state", "status snapshot"
     */
    public EmbeddedStore(Path folder, String what, List<String> columnNames) {
        this.what = what;
        // beside the store's folder, e.g. <data-dir>/state/rocksdb-native/: unpacked once, reused by later starts
        NativeLibrary.load(folder.toAbsolutePath().getParent().resolve("rocksdb-native"));
        try {
            DurableFiles.createFolders(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of the " + what + ": " + folder, e);
        }
        LRUCache cache = keep(new LRUCache(8L << 20));
        BloomFilter bloom = keep(new BloomFilter(10));
        ColumnFamilyOptions columnOptions = keep(new ColumnFamilyOptions()
                // bounded memory: at most two 4 MB memtables per column before they are flushed to disk
                .setWriteBufferSize(4L << 20)
                .setMaxWriteBufferNumber(2)
                // LZ4 rather than the default Snappy: less CPU per change for flushes and compactions
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
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, columnOptions));
        for (String name : columnNames) {
            descriptors.add(new ColumnFamilyDescriptor(bytes(name), columnOptions));
        }
        try {
            this.db = RocksDB.open(options, folder.toString(), descriptors, handles);
        } catch (RocksDBException e) {
            closeResources();
            if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("lock")) {
                // another process (or this one) holds the store's LOCK: one line that says what to do
                throw new InvalidConfigException(List.of("the data dir is in use by another instance: the " + what
                        + " in " + folder.toAbsolutePath() + " is locked; stop that instance, or give this one its "
                        + "own ogsm.data-dir (OGSM_DATA_DIR)"));
            }
            throw new IllegalStateException("cannot open the " + what + " in " + folder + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < columnNames.size(); i++) {
            columns.put(columnNames.get(i), new Column(handles.get(i + 1)));
        }
    }

    /** One of the columns the store was opened with. */
    public Column column(String name) {
        Column column = columns.get(name);
        if (column == null) {
            throw new IllegalArgumentException("the " + what + " has no column " + name);
        }
        return column;
    }

    public Optional<byte[]> get(Column column, String key) {
        try {
            return Optional.ofNullable(db.get(column.handle, bytes(key)));
        } catch (RocksDBException e) {
            throw failed(e);
        }
    }

    /** In the log when this returns. */
    public void put(Column column, String key, byte[] value) {
        try {
            db.put(column.handle, writeOptions, bytes(key), value);
        } catch (RocksDBException e) {
            throw failed(e);
        }
    }

    /** In the log when this returns; a key that is not there is no error. */
    public void delete(Column column, String key) {
        try {
            db.delete(column.handle, writeOptions, bytes(key));
        } catch (RocksDBException e) {
            throw failed(e);
        }
    }

    /** Deletes every entry of the column at once (a range delete: no entry is read). */
    public void clear(Column column) {
        try {
            // keys are UTF-8 text: no byte of it is 0xFF, so [empty, 0xFF) holds them all
            db.deleteRange(column.handle, writeOptions, new byte[0], new byte[] {(byte) 0xFF});
        } catch (RocksDBException e) {
            throw failed(e);
        }
    }

    /** The changes the consumer fills in, written atomically: in the log when this returns. */
    public void write(Consumer<Batch> changes) {
        try (WriteBatch batch = new WriteBatch()) {
            changes.accept(new Batch() {
                @Override
                public void put(Column column, String key, byte[] value) {
                    try {
                        batch.put(column.handle, bytes(key), value);
                    } catch (RocksDBException e) {
                        throw failed(e);
                    }
                }

                @Override
                public void delete(Column column, String key) {
                    try {
                        batch.delete(column.handle, bytes(key));
                    } catch (RocksDBException e) {
                        throw failed(e);
                    }
                }
            });
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw failed(e);
        }
    }

    /** Every entry whose key starts with the prefix, with the key after the prefix. */
    public void forEach(Column column, String prefix, BiConsumer<String, byte[]> action) {
        scan(column, prefix, (key, it) -> action.accept(key, it.value()));
    }

    /** The keys (after the prefix) of the entries whose key starts with it; their values are not read. */
    public List<String> keys(Column column, String prefix) {
        List<String> keys = new ArrayList<>();
        scan(column, prefix, (key, it) -> keys.add(key));
        return keys;
    }

    /** How many entries the column holds (counts them: a scan of the keys). */
    public long count(Column column) {
        long[] count = {0};
        scan(column, "", (key, it) -> count[0]++);
        return count[0];
    }

    private void scan(Column column, String prefix, BiConsumer<String, RocksIterator> action) {
        byte[] start = bytes(prefix);
        try (RocksIterator it = db.newIterator(column.handle)) {
            for (it.seek(start); it.isValid(); it.next()) {
                byte[] key = it.key();
                if (key.length < start.length || !Arrays.equals(key, 0, start.length, start, 0, start.length)) {
                    break;
                }
                action.accept(new String(key, start.length, key.length - start.length, StandardCharsets.UTF_8), it);
            }
            it.status();
        } catch (RocksDBException e) {
            throw failed(e);
        }
    }

    private IllegalStateException failed(RocksDBException e) {
        return new IllegalStateException(what + ": " + e.getMessage(), e);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
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
                LOG.debugf("closing the %s: %s", what, e.getMessage());
            }
        }
        resources.clear();
    }

    /** Syncs the log, then closes the columns, the database and its options, in that order; then the lock is free. */
    @Override
    public synchronized void close() {
        if (handles.isEmpty()) {
            return;
        }
        try {
            db.flushWal(true);
        } catch (RocksDBException e) {
            LOG.warnf("The %s could not sync its log on close: %s", what, e.getMessage());
        }
        handles.forEach(ColumnFamilyHandle::close);
        handles.clear();
        db.close();
        closeResources();
    }
}
