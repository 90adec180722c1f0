package io.ogsm.connector.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DurableFilesTest {

    @TempDir
    Path dir;

    @Test
    void foldersAndFilesAreForTheServiceAloneWhateverTheUmask() throws Exception {
        // under umask 0022 a plain write would be rw-r--r--: business figures readable by every local user
        Path folder = DurableFiles.createFolders(dir.resolve("data").resolve("deadletter"));
        DurableFiles.write(folder.resolve("letter.json"), "{}".getBytes(StandardCharsets.UTF_8));
        try (var channel = DurableFiles.openPrivate(folder.resolve("rejects.csv"))) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {1}));
        }
        assertEquals("rwx------", mode(dir.resolve("data")));
        assertEquals("rwx------", mode(folder));
        assertEquals("rw-------", mode(folder.resolve("letter.json")));
        assertEquals("rw-------", mode(folder.resolve("rejects.csv")));
    }

    @Test
    void withGroupAccessTheGroupMayRead() throws Exception {
        Path data = dir.resolve("shared-data");
        try {
            new DataFolder(data, true);
            DurableFiles.write(DurableFiles.createFolders(data.resolve("done")).resolve("summary.json"), new byte[] {1});
            assertEquals("rwxr-x---", mode(data));
            assertEquals("rwxr-x---", mode(data.resolve("done")));
            assertEquals("rw-r-----", mode(data.resolve("done").resolve("summary.json")));
        } finally {
            DurableFiles.groupAccess(false);
        }
    }

    @Test
    void aFolderThatExistsKeepsItsMode() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("done"), java.nio.file.attribute.PosixFilePermissions
                .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---")));
        DurableFiles.createFolders(shared);
        assertEquals("rwxr-x---", mode(shared));
    }

    private static String mode(Path path) throws IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void writesTheBytesAndLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("letter.json");

        DurableFiles.write(target, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

        assertEquals("{\"a\":1}", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void replacesWhatIsThere() throws Exception {
        Path target = dir.resolve("watermark.json");
        DurableFiles.write(target, "old".getBytes(StandardCharsets.UTF_8));

        DurableFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));

        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void aFolderThatIsNotThereFailsAndLeavesNothing() {
        assertThrows(IOException.class,
                () -> DurableFiles.write(dir.resolve("missing").resolve("x.json"), new byte[] {1}));
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
