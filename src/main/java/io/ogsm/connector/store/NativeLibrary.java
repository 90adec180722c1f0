package io.ogsm.connector.store;

import io.ogsm.connector.files.DurableFiles;
import org.rocksdb.RocksDB;
import org.rocksdb.util.Environment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * RocksDB's native library for this platform, unpacked once to a fixed folder and loaded from there at every later
 * start. RocksDB's own loader would copy it (about 15 MB) to a new temp file at each start, left behind whenever the
 * process is killed. The folder holds one file per RocksDB jar and platform, e.g.
 * {@code rocksdbjni-10.10.1.1/librocksdbjni-linux64.so}; a file of the wrong size (a copy cut short) is replaced.
 */
final class NativeLibrary {

    private static volatile Path loaded;

    private NativeLibrary() {
    }

    /** Loads the library from the folder, unpacking it there first when it is missing; once per process. */
    static synchronized Path load(Path folder) {
        if (loaded != null) {
            return loaded;
        }
        // the jar's entry, e.g. librocksdbjni-linux64.so
        String resource = "/" + Environment.getJniLibraryFileName("rocksdb");
        // the file RocksDB.loadLibrary(paths) looks for in each path: it asks Environment for "rocksdbjni", so
        // librocksdbjnijni-linux64.so (EmbeddedStoreTest fails if an upgrade changes that)
        Path target = folder.resolve(jarName()).resolve(Environment.getJniLibraryFileName("rocksdbjni"));
        try {
            unpack(resource, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack RocksDB's native library " + resource + " to " + target, e);
        }
        RocksDB.loadLibrary(List.of(target.getParent().toAbsolutePath().toString()));
        loaded = target;
        return target;
    }

    /** Copies the resource to the target unless a file of its size is there; a copy in progress is never seen. */
    static void unpack(String resource, Path target) throws IOException {
        try (InputStream in = RocksDB.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the RocksDB jar has no native library for this platform (" + resource
                        + "; os.name=" + System.getProperty("os.name") + ", os.arch=" + System.getProperty("os.arch")
                        + ")");
            }
            long size = sizeOf(resource);
            if (size >= 0 && Files.isRegularFile(target) && Files.size(target) == size) {
                return;
            }
            DurableFiles.createFolders(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** The resource's size as the RocksDB jar lists it, or -1 when it cannot say (not loaded from a jar). */
    private static long sizeOf(String resource) {
        try (JarFile jar = new JarFile(rocksDbJar().toFile())) {
            ZipEntry entry = jar.getEntry(resource.substring(1));
            return entry == null ? -1 : entry.getSize();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return -1;
        }
    }

    private static Path rocksDbJar() throws URISyntaxException {
        return Path.of(RocksDB.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** The RocksDB jar's file name without {@code .jar}, so another RocksDB version unpacks beside, not over. */
    private static String jarName() {
        try {
            return rocksDbJar().getFileName().toString().replaceFirst("\\.jar$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        } catch (URISyntaxException | RuntimeException e) {
            return "rocksdbjni";
        }
    }
}
