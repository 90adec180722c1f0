package io.ogsm.connector.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDB;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedStoreTest {

    @TempDir
    Path dir;

    @Test
    void theRocksDbJarCarriesTheNativeLibraryOfEveryPlatformWeRunOn() throws Exception {
        Path jar = Path.of(RocksDB.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> entries;
        try (JarFile file = new JarFile(jar.toFile())) {
            entries = Collections.list(file.entries()).stream().map(JarEntry::getName).toList();
        }

        for (String library : List.of("librocksdbjni-linux64.so", "librocksdbjni-linux-aarch64.so",
                "librocksdbjni-osx-x86_64.jnilib", "librocksdbjni-osx-arm64.jnilib", "librocksdbjni-win64.dll")) {
            assertTrue(entries.contains(library), jar.getFileName() + " lacks " + library);
        }
    }

    @Test
    void theNativeLibraryIsLoadedFromAFixedFolderBesideTheStoreNeverFromTheTempFolder() throws Exception {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = rocksDbFilesIn(temp);
        open().close();

        // loaded once per process, by the first store opened (another test's, maybe)
        Path loaded = NativeLibrary.load(dir.resolve("unused"));
        assertEquals("rocksdb-native", loaded.getParent().getParent().getFileName().toString(), loaded::toString);
        assertTrue(loaded.getParent().getFileName().toString().startsWith("rocksdbjni-"), loaded::toString);
        assertEquals(before, rocksDbFilesIn(temp), "nothing unpacked to " + temp);
    }

    @Test
    void theNativeLibraryIsUnpackedOnceAndACopyCutShortIsReplaced() throws Exception {
        String resource = "/" + org.rocksdb.util.Environment.getJniLibraryFileName("rocksdb");
        Path target = dir.resolve("native").resolve("lib.so");
        NativeLibrary.unpack(resource, target);
        long size = Files.size(target);
        assertTrue(size > 1_000_000, () -> target + " has " + size + " bytes");
        var modified = Files.getLastModifiedTime(target);

        NativeLibrary.unpack(resource, target);
        assertEquals(modified, Files.getLastModifiedTime(target), "a later start reuses it");

        Files.write(target, new byte[100]);
        NativeLibrary.unpack(resource, target);
        assertEquals(size, Files.size(target));
        try (var files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList(), "no temp copy left");
        }
    }

    private static long rocksDbFilesIn(Path folder) throws java.io.IOException {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("librocksdbjni")).count();
        }
    }

    @Test
    void keepsEachColumnsEntriesAcrossCloseAndReopen() {
        try (EmbeddedStore store = open()) {
            store.put(store.column("a"), "k1", bytes("one"));
            store.put(store.column("b"), "k1", bytes("other"));
            store.put(store.column("a"), "k2", bytes("two"));
            store.delete(store.column("a"), "k2");
            store.delete(store.column("a"), "never-there");
        }

        try (EmbeddedStore store = open()) {
            assertArrayEquals(bytes("one"), store.get(store.column("a"), "k1").orElseThrow());
            assertArrayEquals(bytes("other"), store.get(store.column("b"), "k1").orElseThrow());
            assertEquals(Optional.empty(), store.get(store.column("a"), "k2"));
            assertEquals(1, store.count(store.column("a")));
        }
    }

    @Test
    void readsTheEntriesOfAPrefixWithTheKeyAfterIt() {
        try (EmbeddedStore store = open()) {
            EmbeddedStore.Column a = store.column("a");
            for (String key : List.of("goal/1", "goal/22", "goal_measurement/3", "goals", "kpi/4")) {
                store.put(a, key, bytes(key));
            }

            List<String> seen = new ArrayList<>();
            store.forEach(a, "goal/", (key, value) -> seen.add(key + "=" + new String(value, StandardCharsets.UTF_8)));

            assertEquals(List.of("1=goal/1", "22=goal/22"), seen);
            assertEquals(List.of("4"), store.keys(a, "kpi/"));
            assertEquals(5, store.keys(a, "").size());
        }
    }

    @Test
    void writesABatchAllOrNothing() {
        try (EmbeddedStore store = open()) {
            EmbeddedStore.Column a = store.column("a");
            store.put(a, "old", bytes("x"));

            assertThrows(IllegalStateException.class, () -> store.write(batch -> {
                batch.put(a, "new", bytes("y"));
                batch.delete(a, "old");
                throw new IllegalStateException("a change that cannot be made");
            }));
            assertTrue(store.get(a, "old").isPresent());
            assertEquals(Optional.empty(), store.get(a, "new"));

            store.write(batch -> {
                batch.put(a, "new", bytes("y"));
                batch.delete(a, "old");
            });
            assertEquals(Optional.empty(), store.get(a, "old"));
            assertTrue(store.get(a, "new").isPresent());
        }
    }

    @Test
    void aSecondOpeningOfTheSameFolderFailsUntilTheFirstIsClosed() {
        EmbeddedStore first = open();
        try {
            // one line that names the folder and the key to change, no RocksDB stack trace
            io.ogsm.connector.config.InvalidConfigException e = assertThrows(
                    io.ogsm.connector.config.InvalidConfigException.class, this::open);
            assertTrue(e.getMessage().contains("in use by another instance")
                    && e.getMessage().contains(dir.resolve("store").toAbsolutePath().toString())
                    && e.getMessage().contains("ogsm.data-dir (OGSM_DATA_DIR)"), e.getMessage());
        } finally {
            first.close();
        }

        open().close();
    }

    @Test
    void refusesAColumnItWasNotOpenedWith() {
        try (EmbeddedStore store = open()) {
            assertThrows(IllegalArgumentException.class, () -> store.column("c"));
        }
    }

    private EmbeddedStore open() {
        return new EmbeddedStore(dir.resolve("store"), "test store", List.of("a", "b"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
