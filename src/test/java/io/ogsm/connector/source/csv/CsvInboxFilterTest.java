package io.ogsm.connector.source.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the inbox consumer may look at: real folders inside the inbox, names it can handle. */
class CsvInboxFilterTest {

    @TempDir
    Path dir;

    @Test
    void takesFilesAndFoldersInsideTheInbox() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path kpis = Files.createDirectories(inbox.resolve("kpis"));
        CsvInboxFilter filter = new CsvInboxFilter(inbox);
        assertNull(filter.problem(kpis, true));
        assertNull(filter.problem(kpis.resolve("october.csv"), false));
        assertNull(filter.problem(inbox.resolve("sales 'q' ü ✓.csv"), false));
    }

    @Test
    void refusesALinkToAFolderAndWhatLiesBehindIt() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path link = Files.createSymbolicLink(inbox.resolve("link"), outside);
        CsvInboxFilter filter = new CsvInboxFilter(inbox);
        assertTrue(filter.problem(link, true).contains("link to a folder"));
        assertTrue(filter.problem(link.resolve("theirs.csv"), false).contains("outside the inbox"));
    }

    @Test
    void refusesNamesItCannotHandle() {
        CsvInboxFilter filter = new CsvInboxFilter(dir);
        assertTrue(filter.problem(dir.resolve("a\nb.csv"), false).contains("line break"));
        assertTrue(filter.problem(dir.resolve("a\u0007b.csv"), false).contains("control character"));
        assertTrue(filter.problem(dir.resolve("..\\..\\b.csv"), false).contains("backslash"));
        assertTrue(filter.problem(dir.resolve("x".repeat(201) + ".csv"), false).contains("longer than"));
    }
}
