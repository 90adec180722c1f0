package io.ogsm.connector.source.csv;

import io.ogsm.connector.measurement.MeasurementType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paths of the drop folder: always derived from where a file lies, never escaping their folder. */
class CsvDropFolderTest {

    @TempDir
    Path data;

    @Test
    void createsTheFoldersAndKeepsTheInboxSubfolderInDoneAndFailed() throws Exception {
        CsvDropFolder folder = new CsvDropFolder(data);
        assertTrue(Files.isDirectory(data.resolve("inbox/goals")) && Files.isDirectory(data.resolve("inbox/kpis")));
        Path relative = folder.relative(data.resolve("inbox/kpis/october.csv"));
        assertEquals("kpis/october.csv", CsvDropFolder.name(relative));
        assertEquals(data.resolve("done/kpis/october.csv").toAbsolutePath(), folder.target(folder.done(), relative));
        assertTrue(Files.isDirectory(data.resolve("done/kpis")));
        assertEquals(data.resolve("failed/kpis/october.csv").toAbsolutePath(), folder.target(folder.failed(), relative));
    }

    @Test
    void aTakenNameGetsANumber() throws Exception {
        CsvDropFolder folder = new CsvDropFolder(data);
        Path relative = folder.relative(data.resolve("inbox/sales.csv"));
        Files.writeString(data.resolve("done/sales.csv"), "x");
        Files.writeString(data.resolve("done/sales-2.csv"), "x");
        assertEquals("sales-3.csv", folder.target(folder.done(), relative).getFileName().toString());
        // leftovers of a run that crashed before the file moved do not take the name
        Files.writeString(data.resolve("done/sales-3.csv.summary.json"), "{}");
        assertEquals("sales-3.csv", folder.target(folder.done(), relative).getFileName().toString());
    }

    @Test
    void oddNamesStayInsideTheirFolder() throws Exception {
        CsvDropFolder folder = new CsvDropFolder(data);
        for (String name : new String[] {"..%2F..%2Fetc.csv", "a..b.csv", "q 'x' \"y\"; ü ✓.csv", "line\nbreak.csv"}) {
            Path relative = folder.relative(data.resolve("inbox").resolve(name));
            Path target = folder.target(folder.done(), relative);
            assertEquals(data.resolve("done").toAbsolutePath(), target.getParent(), name);
            assertEquals(name, target.getFileName().toString());
        }
        assertEquals("line?break.csv", CsvDropFolder.printable("line\nbreak.csv"));
    }

    @Test
    void aPathOutsideTheInboxIsRefused() {
        CsvDropFolder folder = new CsvDropFolder(data);
        assertThrows(IllegalArgumentException.class, () -> folder.relative(data.resolve("inbox/../done/x.csv")));
        assertThrows(IllegalArgumentException.class, () -> folder.relative(data.resolve("elsewhere.csv")));
        assertThrows(IllegalArgumentException.class, () -> folder.target(folder.done(), Path.of("../escape.csv")));
    }

    @Test
    void aLinkOutOfTheInboxIsNotRead() throws Exception {
        CsvDropFolder folder = new CsvDropFolder(data);
        Path outside = Files.writeString(data.resolve("outside.csv"), "secret");
        Files.createSymbolicLink(data.resolve("inbox/link.csv"), outside);
        CsvFileException e = assertThrows(CsvFileException.class,
                () -> folder.checkReadable(folder.relative(data.resolve("inbox/link.csv"))));
        assertEquals("link.csv: is a link to a file outside the inbox", e.getMessage());
        Files.writeString(data.resolve("inbox/real.csv"), "a");
        folder.checkReadable(Path.of("real.csv"));
    }

    @Test
    void theSubfolderGivesTheType() {
        assertEquals(MeasurementType.GOAL, CsvDropFolder.folderType(Path.of("goals/x.csv")));
        assertEquals(MeasurementType.KPI, CsvDropFolder.folderType(Path.of("KPIs/x.csv")));
        assertNull(CsvDropFolder.folderType(Path.of("kpis.csv")));
        assertNull(CsvDropFolder.folderType(Path.of("other/x.csv")));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {".hidden.csv", ".~lock.october.csv#", "~$october.xlsx",
            "october.csv~", "october.csv.tmp", "october.csv.part", "october.CSV.crdownload", "october.csv.partial",
            ".october.csv.swp", "october.csv.filepart"})
    void temporaryFilesAndLocksAreKnownByTheirNames(String name) {
        assertTrue(CsvDropFolder.isTemporary(name), name);
    }

    @Test
    void filesAreReadByTheirExtensionInAnyCase() {
        assertTrue(CsvDropFolder.isRead("october.csv"));
        assertTrue(CsvDropFolder.isRead("October.CSV"));
        assertTrue(CsvDropFolder.isRead("unicode.txt"));
        assertTrue(CsvDropFolder.isRead("tabs.tsv"));
        assertFalse(CsvDropFolder.isRead("report.pdf"));
        assertFalse(CsvDropFolder.isRead("csv"));
        assertFalse(CsvDropFolder.isTemporary("october.csv"));
        assertFalse(CsvDropFolder.isTemporary("report.pdf"));
    }

    @Test
    void aRejectsFileNamesItsOriginal() {
        assertEquals(List.of("kpis/october.csv"), CsvDrop.originals("kpis/october.csv.rejects.csv"));
        assertEquals(List.of("kpis/october-2.csv", "kpis/october.csv"),
                CsvDrop.originals("kpis/october-2.csv.rejects.csv"), "a name done/ gave a file dropped again");
        assertEquals(List.of("notes.TXT"), CsvDrop.originals("notes.TXT.REJECTS.CSV"));
        assertEquals(List.of(), CsvDrop.originals("kpis/october.csv"));
    }
}
