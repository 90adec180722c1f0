package io.ogsm.connector.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * The one way the connector writes a file that must survive a crash whole or not at all (dead letters, push queue
 * files, watermarks, the CSV drop's summaries): the bytes go to a hidden temporary file in the target's folder, are
 * forced to disk, and the file is renamed over the target, atomically where the file system can; then the folder is
 * synced, where the operating system allows it, so the rename survives a power loss too. A reader sees the old file
 * or the new one, never half of one; a crash leaves at most a hidden temporary file, which no reader lists.
 * <p>
 * The data dir holds business figures: folders this class creates are {@code rwx------} and files {@code rw-------}
 * where the file system has POSIX modes ({@link DataFolder}: group-readable with {@code ogsm.data-group-access}).
 * A folder that exists keeps its mode.
 */
public final class DurableFiles {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static volatile FileAttribute<?>[] folderMode = mode("rwx------");
    private static volatile FileAttribute<?>[] fileMode = mode("rw-------");

    private DurableFiles() {
    }

    /** Writes {@code bytes} to {@code target}, replacing what is there; returns once they are on disk. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path temp = folder.resolve("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), fileMode)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncFolder(folder);
    }

    /** Creates the folder and its missing parents, each {@code rwx------}; one that exists is left as it is. */
    public static Path createFolders(Path folder) throws IOException {
        return Files.createDirectories(folder, folderMode);
    }

    /** Opens a new file for writing, {@code rw-------}, replacing what is there. */
    public static FileChannel openPrivate(Path file) throws IOException {
        Files.deleteIfExists(file);
        return FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), fileMode);
    }

    /** Group members may read (and list) what is created from now on: {@code rwxr-x---}, {@code rw-r-----}. */
    static void groupAccess(boolean on) {
        folderMode = mode(on ? "rwxr-x---" : "rwx------");
        fileMode = mode(on ? "rw-r-----" : "rw-------");
    }

    private static FileAttribute<?>[] mode(String permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString(permissions))} : new FileAttribute<?>[0];
    }

    /** Moves a file, atomically where the file system can, replacing what is there. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a channel, some file systems cannot sync one: the rename stands
        }
    }
}
