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
