package io.ogsm.connector.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Camel's route patterns from ogsm.routes-dir: the shipped routes, replaced by name by the folder's files. */
class RoutesFolderTest {

    @TempDir
    Path folder;

    @Test
    void withoutAFolderOnlyTheShippedRoutesLoad() {
        assertEquals(Map.of("camel.main.routes-include-pattern", "classpath:routes/*.yaml"), RoutesFolder.patterns(null));
    }

    @Test
    void aMissingFolderLeavesTheShippedRoutesForTheConfigCheckToRefuse() {
        assertEquals(Map.of("camel.main.routes-include-pattern", "classpath:routes/*.yaml"),
                RoutesFolder.patterns(folder.resolve("missing")));
    }

    @Test
    void aFoldersFilesReplaceTheShippedOnesOfTheSameNameAndAddTheOthers() throws Exception {
        Files.writeString(folder.resolve("deliver.yaml"), "[]");
        Files.writeString(folder.resolve("extra.yaml"), "[]");
        Files.writeString(folder.resolve("notes.txt"), "not a route");
        Files.createDirectory(folder.resolve("old.yaml"));

        Map<String, String> patterns = RoutesFolder.patterns(folder);

        assertEquals("classpath:routes/api-check.yaml,classpath:routes/csv-drop.yaml,classpath:routes/dead-letters.yaml,"
                + "classpath:routes/erp.yaml,classpath:routes/kafka.yaml,classpath:routes/push.yaml,"
                + "classpath:routes/status.yaml,file:" + folder.toAbsolutePath() + "/*.yaml",
                patterns.get("camel.main.routes-include-pattern"));
        assertEquals(1, patterns.size());
    }
}
