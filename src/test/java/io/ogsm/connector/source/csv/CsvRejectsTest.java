package io.ogsm.connector.source.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The rejects file: line and reason first, then the row as read, in the file's own delimiter. */
class CsvRejectsTest {

    @TempDir
    Path dir;

    @Test
    void writesLineReasonAndTheOriginalValues() throws Exception {
        Path file = dir.resolve("r.csv");
        CsvRejects rejects = new CsvRejects(file, List.of("id", "date", "value", "description"), ';');
        rejects.add(3, "value 'n/a' is not a number", List.of("31", "2026-10-01", "n/a", "a; b"));
        rejects.add(7, "two\nlines", List.of("32", "2026-10-01", "1"));
        rejects.close();
        assertEquals("line;reason;id;date;value;description\r\n"
                + "3;value 'n/a' is not a number;31;2026-10-01;n/a;\"a; b\"\r\n"
                + "7;\"two\nlines\";32;2026-10-01;1\r\n", Files.readString(file));
        assertEquals(2, rejects.count());
        assertEquals(file, rejects.file());
    }

    @Test
    void aRejectsFileDroppedAgainDoesNotRepeatLineAndReason() throws Exception {
        Path file = dir.resolve("r.csv");
        CsvRejects rejects = new CsvRejects(file, List.of("Line", "reason", "id", "at", "value"), ',');
        rejects.add(2, "still wrong", List.of("4", "old reason", "31", "x", "1"));
        rejects.close();
        assertEquals("line,reason,id,at,value\r\n2,still wrong,31,x,1\r\n", Files.readString(file));
    }

    @Test
    void nothingRejectedMeansNoFileAndLeftoversAreRemoved() throws Exception {
        Path file = dir.resolve("r.csv");
        Files.writeString(file, "from a run that crashed");
        CsvRejects rejects = new CsvRejects(file, List.of("id"), ',');
        rejects.close();
        assertNull(rejects.file());
        assertFalse(Files.exists(file));
    }

    @Test
    void aVeryLongReasonIsCut() throws Exception {
        Path file = dir.resolve("r.csv");
        CsvRejects rejects = new CsvRejects(file, List.of("id"), ',');
        rejects.add(2, "x".repeat(5000), List.of("1"));
        rejects.close();
        assertEquals(CsvRejects.MAX_REASON + 1, Files.readAllLines(file).get(1).split(",")[1].length());
    }
}
