package io.ogsm.connector.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * The one way the connector writes a file that must survive a crash whole or not at all (dead letters, push queue
 * files, watermarks, the CSV drop's summaries): the bytes go to a hidden temporary file in the target's folder, are
 * forced to disk, and the file is renamed over the target, atomically where the file system can; then the folder is
 * synced, where the operating system allows it, so the rename survives a power loss too. A reader sees the old file
 * or the new one, never half of one; a crash leaves at most a hidden temporary file, which no reader lists.
 */
public final class DurableFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DurableFiles() {
    }

    /** Writes {@code bytes} to {@code target}, replacing what is there; returns once they are on disk. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path temp = folder.resolve("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
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
