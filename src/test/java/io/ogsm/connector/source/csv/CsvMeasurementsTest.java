package io.ogsm.connector.source.csv;

import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.measurement.MeasurementType;
import io.ogsm.connector.config.CsvDecimalSeparator;
import io.ogsm.connector.config.CsvDelimiter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvMeasurementsTest {

    private static final CsvOptions DEFAULTS = CsvOptions.defaults();

    static List<CsvResult> read(String text, CsvOptions options) throws CsvFileException, IOException {
        return read(text.getBytes(StandardCharsets.UTF_8), options);
    }

    static List<CsvResult> read(byte[] bytes, CsvOptions options) throws CsvFileException, IOException {
        try (CsvMeasurements csv = CsvMeasurements.open(new ByteArrayInputStream(bytes), "drop.csv", options)) {
            List<CsvResult> results = new ArrayList<>();
            csv.forEach(results::add);
            return results;
        }
    }

    static Measurement only(String text, CsvOptions options) throws Exception {
        List<CsvResult> results = read(text, options);
        assertEquals(1, results.size(), () -> "results: " + results);
        CsvResult.Row row = assertInstanceOf(CsvResult.Row.class, results.get(0), () -> results.get(0).toString());
        return row.measurement();
    }

    static CsvResult.Reject onlyReject(String text, CsvOptions options) throws Exception {
        List<CsvResult> results = read(text, options);
        assertEquals(1, results.size(), () -> "results: " + results);
        return assertInstanceOf(CsvResult.Reject.class, results.get(0), () -> results.get(0).toString());
    }

    static void assertNumber(String expected, BigDecimal actual) {
        if (expected == null) {
            assertNull(actual);
        } else {
            assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> actual + " is not " + expected);
        }
    }

    // --- the header row

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "type,id,at,value",
            "TYPE,ID,AT,VALUE",
            "\" Type \",\" Id \",\" Date \",\" Current_Value \"",
            "Type , Id ,  Date, Current-Value",
            "type,id,date,current value",
            "\"type\",\"id\",\"at\",\"value\"",
            "type;id;at;value",
            "type\tid\tat\tvalue",
    })
    void matchesHeaderNamesInAnyCaseTrimmedWithAliases(String header) throws Exception {
        char delimiter = header.contains(";") ? ';' : header.contains("\t") ? '\t' : ',';
        String row = String.join(String.valueOf(delimiter), "kpi", "31", "2026-01-31", "45");

        Measurement m = only(header + "\n" + row + "\n", DEFAULTS);

        assertEquals(new Measurement(MeasurementType.KPI, 31L, null, LocalDate.of(2026, 1, 31), new BigDecimal("45"),
                null, null), m);
    }

    @Test
    void readsEveryFieldAndIgnoresUnknownColumns() throws Exception {
        Measurement m = only("""
                unit,type,title,at,value,target_value,description,owner
                EUR,goal,  Revenue  ,2026-10-31,12.5,20,Q3 close,Ann
                """, DEFAULTS);

        assertEquals(MeasurementType.GOAL, m.type());
        assertNull(m.id());
        assertEquals("Revenue", m.title());
        assertEquals(LocalDate.of(2026, 10, 31), m.at());
        assertNumber("12.5", m.value());
        assertNumber("20", m.target());
        assertEquals("Q3 close", m.description());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            // the header splits into the most known names with the delimiter that wins
            "'id;title,x;at;value'         | ';'",
            "'id,at,value'                 | ','",
            "'id;at;value'                 | ';'",
            "'id\tat\tvalue'               | tab",
            "'id\tat\tvalue\tcomment;x'     | tab",
    })
    void detectsTheDelimiterFromTheHeaderRow(String header, String expected) throws Exception {
        byte[] bytes = (header + "\n").getBytes(StandardCharsets.UTF_8);
        try (CsvMeasurements csv = CsvMeasurements.open(new ByteArrayInputStream(bytes), "drop.csv",
                DEFAULTS.withDefaultType(MeasurementType.KPI))) {
            assertEquals(expected.equals("tab") ? '\t' : expected.charAt(0), csv.delimiter());
        }
    }

    @Test
    void tieOnTheHeaderFallsBackToTheComma() throws Exception {
        // no delimiter finds a known name: ',' is kept, and the missing columns are named
        CsvFileException e = assertThrows(CsvFileException.class, () -> read("a;b\tc\n", DEFAULTS));

        assertTrue(e.getMessage().endsWith("split by ','"), e.getMessage());
    }

    @Test
    void followsAConfiguredDelimiter() throws Exception {
        Measurement m = only("type;id;at;value\nkpi;31;2026-01-31;1,5\n",
                DEFAULTS.withDelimiter(CsvDelimiter.SEMICOLON));

        assertNumber("1.5", m.value());
    }

    @Test
    void takesTheTypeFromTheFolderWhenTheFileHasNoneAndTheRowsOwnOtherwise() throws Exception {
        CsvOptions goals = DEFAULTS.withDefaultType(MeasurementType.GOAL);

        assertEquals(MeasurementType.GOAL, only("id,at,value\n11,2026-10-31,3\n", goals).type());
        List<CsvResult> results = read("type,id,at,value\n,11,2026-10-31,3\nkpi,31,2026-10-31,4\n", goals);
        assertEquals(MeasurementType.GOAL, ((CsvResult.Row) results.get(0)).measurement().type());
        assertEquals(MeasurementType.KPI, ((CsvResult.Row) results.get(1)).measurement().type());
    }

    @Test
    void keepsTheHeaderAsInTheFileForTheRejectsFile() throws Exception {
        byte[] bytes = "Type;ID;At;Value;Note\n".getBytes(StandardCharsets.UTF_8);
        try (CsvMeasurements csv = CsvMeasurements.open(new ByteArrayInputStream(bytes), "drop.csv", DEFAULTS)) {
            assertEquals(List.of("Type", "ID", "At", "Value", "Note"), csv.header());
            assertEquals("drop.csv", csv.fileName());
        }
    }

    // --- text, lines and quoting

    @Test
    void readsAnExcelExport() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String text = "id;title;at;value;target;description\r\n"
                + "31;\"Orders delivered same day; all hubs\";2026-01-31;1.234,56;1.500,00;ok\r\n"
                + "32;Cost per order, EUR;2026-01-31;7,5;;\r\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(body, 0, bytes, bom.length, body.length);

        List<CsvResult> results = read(bytes, DEFAULTS.withDefaultType(MeasurementType.KPI));

        assertEquals(2, results.size(), results::toString);
        Measurement first = ((CsvResult.Row) results.get(0)).measurement();
        assertEquals(31L, first.id());
        assertEquals("Orders delivered same day; all hubs", first.title());
        assertNumber("1234.56", first.value());
        assertNumber("1500", first.target());
        assertEquals("ok", first.description());
        Measurement second = ((CsvResult.Row) results.get(1)).measurement();
        assertEquals("Cost per order, EUR", second.title());
        assertNumber("7.5", second.value());
        assertNull(second.target());
        assertNull(second.description());
        assertEquals(3, results.get(1).line());
    }

    @Test
    void readsATabSeparatedFile() throws Exception {
        Measurement m = only("type\ttitle\tat\tvalue\ngoal\tRevenue, net\t2026-10-31\t1,5\n", DEFAULTS);

        assertEquals("Revenue, net", m.title());
        assertNumber("1.5", m.value());
    }

    @Test
    void readsQuotedFieldsWithDelimitersQuotesAndLineBreaks() throws Exception {
        Measurement m = only("type,title,at,value,description\n"
                + "goal,\"Revenue, \"\"net\"\"\",2026-10-31,12,\"first line\n"
                + "second line, with a comma\"\n", DEFAULTS);

        assertEquals("Revenue, \"net\"", m.title());
        assertEquals("first line\nsecond line, with a comma", m.description());
    }

    @Test
    void skipsBlankLinesAndEmptyRecordsWithoutRejects() throws Exception {
        List<CsvResult> results = read("\n\ntype;id;at;value\r\n\r\nkpi;31;2026-01-31;1\r\n   \r\n;;;\r\n"
                + "kpi;32;2026-01-31;2\r\n\r\n", DEFAULTS);

        assertEquals(List.of(5L, 8L), results.stream().map(CsvResult::line).toList());
        assertTrue(results.stream().allMatch(r -> r instanceof CsvResult.Row), results::toString);
    }

    @ParameterizedTest(name = "[{index}] line ends {0}")
    @CsvSource({"LF", "CRLF", "CR"})
    void numbersRecordsByTheLineTheyStartOnAfterMultiLineFields(String ending) throws Exception {
        String eol = switch (ending) {
            case "LF" -> "\n";
            case "CRLF" -> "\r\n";
            default -> "\r";
        };
        String text = String.join(eol,
                "type,id,at,value,description",
                "kpi,31,2026-01-31,1,\"one",
                "two",
                "three\"",
                "",
                "kpi,32,2026-01-31,n/a,plain",
                "kpi,33,2026-01-31,3,\"a" + eol + "b\"",
                "kpi,34,2026-01-31,4,last");

        List<CsvResult> results = read(text, DEFAULTS);

        assertEquals(List.of(2L, 6L, 7L, 9L), results.stream().map(CsvResult::line).toList(), results::toString);
        assertInstanceOf(CsvResult.Reject.class, results.get(1));
    }

    @Test
    void keepsTheRecordsValuesAndTextForTheRejectsFile() throws Exception {
        CsvResult.Reject reject = onlyReject("type;title;at;value\nkpi;\"a;b\";2026-01-31;n/a\n", DEFAULTS);

        assertEquals(List.of("kpi", "a;b", "2026-01-31", "n/a"), reject.values());
        assertEquals("kpi;\"a;b\";2026-01-31;n/a", reject.raw());
    }

    // --- values

    @ParameterizedTest(name = "[{index}] {0} in a {1} file is {2}")
    @CsvSource(delimiter = '|', value = {
            "1,5         | ;   | 1.5",
            "1.234,56    | ;   | 1234.56",
            "1,5         | tab | 1.5",
            "1.234,56    | tab | 1234.56",
            "45.6        | ,   | 45.6",
            "\"1,234.5\" | ,   | 1234.5",
    })
    void acceptsADecimalCommaWhereUnambiguous(String value, String delimiter, String expected) throws Exception {
        String d = delimiter.equals("tab") ? "\t" : delimiter;
        String text = String.join(d, "type", "id", "at", "value") + "\n"
                + String.join(d, "kpi", "31", "2026-01-31", value) + "\n";

        assertNumber(expected, only(text, DEFAULTS).value());
    }

    @Test
    void followsAConfiguredDecimalSeparatorInACommaFile() throws Exception {
        String text = "type,id,at,value,target\nkpi,31,2026-01-31,\"1,5\",\"1.000,25\"\n";

        Measurement m = only(text, DEFAULTS.withDecimalSeparator(CsvDecimalSeparator.COMMA));

        assertNumber("1.5", m.value());
        assertNumber("1000.25", m.target());
    }

    @Test
    void triesEachConfiguredDatePatternStrictly() throws Exception {
        CsvOptions options = DEFAULTS.withDateFormats("yyyy-MM-dd", "d-M-yyyy", "dd.MM.yyyy");
        String text = "type,id,at,value\nkpi,31,2026-01-31,1\nkpi,31,1-2-2026,1\nkpi,31,29.02.2024,1\n";

        List<LocalDate> dates = read(text, options).stream()
                .map(r -> ((CsvResult.Row) r).measurement().at()).toList();

        assertEquals(List.of(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 1), LocalDate.of(2024, 2, 29)), dates);
    }

    // --- rejects: one reason per problem, all in one sentence

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "kpi,31,2026-01-31,n/a,        | value 'n/a' is not a number",
            "kpi,31,2026-01-31,5,lots      | target 'lots' is not a number",
            "kpi,31,2026-01-31,\"1,5\",    | value '1,5' is ambiguous: ',' may be a decimal or a thousands separator; set the CSV decimal separator",
            "kpi,31,31-02-2025,5,          | date '31-02-2025' does not exist: February 2025 has 28 days",
            "kpi,31,2025-02-31,5,          | date '2025-02-31' does not exist: February 2025 has 28 days",
            "x,31,2026-01-31,5,            | type 'x' is not goal or kpi",
            "kpi,3.5,2026-01-31,5,         | id '3.5' is not a whole number",
            "kpi,KPI-31,2026-01-31,5,      | id 'KPI-31' is not a whole number",
            "kpi,0,2026-01-31,5,           | id '0' must be a positive number",
            "kpi,31,1850-01-01,5,          | at '1850-01-01' is not between 1900-01-01 and 2999-12-31",
            "kpi,31,2026-01-31,,           | value is missing",
            "kpi,,2026-01-31,5,            | id or title is required",
            ",31,2026-01-31,5,             | type is missing: say goal or kpi",
            "kpi,31,,5,                    | at is missing",
            "kpi,31,2026-01-31,1234567890123456789,    | value '1234567890123456789' is too large",
            "x,y,z,n/a,                    | type 'x' is not goal or kpi; id 'y' is not a whole number; "
                    + "date 'z' does not match yyyy-MM-dd or d-M-yyyy; value 'n/a' is not a number",
            "kpi,31,2026-01-31,5,,oops     | row has 6 fields but the header has 5 (is a field with a delimiter in it not quoted?)",
    })
    void rejectsARowSayingWhy(String row, String reason) throws Exception {
        CsvOptions options = DEFAULTS.withDateFormats("yyyy-MM-dd", "d-M-yyyy");

        CsvResult.Reject reject = onlyReject("type,id,at,value,target\n" + row + "\n", options);

        assertEquals(reason, reject.reason());
        assertEquals(2, reject.line());
    }

    @Test
    void acceptsTrailingEmptyFieldsBeyondTheHeader() throws Exception {
        assertNumber("5", only("type;id;at;value\nkpi;31;2026-01-31;5;;\n", DEFAULTS).value());
    }

    // --- whole-file failures

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "''                                  | drop.csv: is empty: no header row",
            "'\n\n  \r\n'                        | drop.csv: has no header row: it holds only blank lines",
            "'id,at,amount\n'                    | drop.csv: line 1: header has no column value (or current_value), type (or drop the file in goals/ or kpis/); found 'id', 'at', 'amount' split by ','",
            "'type,date,value\n'                 | drop.csv: line 1: header has no column id or title; found 'type', 'date', 'value' split by ','",
            "'# Notes\nsome text\n'              | drop.csv: line 1: header has no column at (or date), value (or current_value), id or title, type (or drop the file in goals/ or kpis/); found '# Notes' split by ','",
            "'type,id,at,value,Current Value\n'  | drop.csv: line 1: header has two columns for value: 'value' and 'Current Value'",
            "'\ntype,id,at,Date,value\n'         | drop.csv: line 2: header has two columns for at: 'at' and 'Date'",
            "'type,\"id,at,value\n'              | drop.csv: line 1: header row is not valid CSV (a quote is not closed)",
            "'type,id,at,value\nkpi,31,2026-01-31,1,\"open\n' | drop.csv: line 2: a quoted field is not closed before the end of the file",
            "'type,id,at,value\nkpi,31,\"2026\"x,1\n'         | drop.csv: line 2: text after the closing quote of a field (quotes inside a field are written \"\")",
    })
    void failsAFileThatIsNotMeasurements(String text, String message) {
        Exception e = assertThrows(Exception.class, () -> read(text, DEFAULTS));

        CsvFileException failure = e instanceof UncheckedCsvFileException u ? u.getCause()
                : assertInstanceOf(CsvFileException.class, e);
        assertEquals(message, failure.getMessage());
        assertEquals("drop.csv", failure.fileName());
    }

    @Test
    void headerOnlyIsAFileWithoutRows() throws Exception {
        assertEquals(List.of(), read("type,id,at,value\n", DEFAULTS));
        assertEquals(List.of(), read("type,id,at,value", DEFAULTS));
    }

    @Test
    void failsABinaryFile() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

        CsvFileException e = assertThrows(CsvFileException.class, () -> read(png, DEFAULTS));

        assertEquals("drop.csv: is not text: it contains NUL bytes (UTF-16 without a byte order mark? save it as CSV "
                + "UTF-8)", e.getMessage());
    }

    @Test
    void closesTheStreamWhenTheFileFails() {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(new byte[0]) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        assertThrows(CsvFileException.class, () -> CsvMeasurements.open(in, "drop.csv", DEFAULTS));
        assertTrue(closed[0]);
    }

    @Test
    void failsTheFileAtARecordLongerThanTheLimitNamingItsLine() throws Exception {
        InputStream in = new GeneratedCsv("type,id,at,value\nkpi,31,2026-01-31,1\n",
                "kpi,31,2026-01-31,\"" + "9".repeat(10 * 1024 * 1024) + "\"\n", 1);
        try (CsvMeasurements csv = CsvMeasurements.open(in, "huge.csv", DEFAULTS)) {
            Iterator<CsvResult> results = csv.iterator();
            assertInstanceOf(CsvResult.Row.class, results.next());

            UncheckedCsvFileException e = assertThrows(UncheckedCsvFileException.class, results::next);

            assertEquals(3, e.getCause().line());
            assertEquals("huge.csv: line 3: record is longer than 1048576 characters (or a quote in it is not closed)",
                    e.getMessage());
            assertEquals(e, assertThrows(UncheckedCsvFileException.class, results::hasNext));
        }
    }

    @Test
    void failsTheFileAtAnUnclosedQuoteOnceTheRecordPassesTheLimit() throws Exception {
        String text = "type,id,at,value,description\nkpi,31,2026-01-31,1,\"never closed\n"
                + "kpi,32,2026-01-31,1,x\n".repeat(20);

        Exception e = assertThrows(UncheckedCsvFileException.class,
                () -> read(text, DEFAULTS.withMaxLineLength(100)));

        assertEquals("drop.csv: line 2: record is longer than 100 characters (or a quote in it is not closed)",
                e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] a record of {0} characters with limit 40 is read: {1}")
    @CsvSource({"40, true", "41, false"})
    void allowsRecordsUpToTheLimitExactly(int length, boolean read) throws Exception {
        String start = "kpi,31,2026-01-31,1,";
        String record = start + "d".repeat(length - start.length());
        String text = "type,id,at,value,description\r\n" + record + "\r\nkpi,32,2026-01-31,1,x\r\n";

        if (read) {
            assertEquals(2, read(text, DEFAULTS.withMaxLineLength(40)).size());
        } else {
            assertThrows(UncheckedCsvFileException.class, () -> read(text, DEFAULTS.withMaxLineLength(40)));
        }
    }

    @Test
    void failsAHeaderLongerThanTheLimit() {
        CsvFileException e = assertThrows(CsvFileException.class,
                () -> read("type,id,at,value," + "x".repeat(200) + "\n", DEFAULTS.withMaxLineLength(100)));

        assertEquals("drop.csv: line 1: line is longer than 100 characters", e.getMessage());
    }

    // --- streaming

    @Test
    void streamsAMillionRowsWithoutHoldingThem() throws Exception {
        int rows = 1_000_000;
        InputStream in = new GeneratedCsv("type;id;at;value;target\r\n", "kpi;31;2026-01-31;1.234,5;2000\r\n", rows);
        long count = 0;
        long lastLine = 0;
        try (CsvMeasurements csv = CsvMeasurements.open(in, "big.csv", DEFAULTS)) {
            for (CsvResult result : csv) {
                assertInstanceOf(CsvResult.Row.class, result);
                lastLine = result.line();
                count++;
            }
        }
        assertEquals(rows, count);
        assertEquals(rows + 1, lastLine);
    }

    @Test
    void streamsAsAStreamAndClosesWithIt() throws Exception {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream("type,id,at,value\nkpi,31,2026-01-31,1\nkpi,32,2026-01-31,n/a\n"
                .getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        try (var results = CsvMeasurements.open(in, "drop.csv", DEFAULTS).stream()) {
            assertEquals(1, results.filter(r -> r instanceof CsvResult.Reject).count());
        }
        assertTrue(closed[0]);
    }

    @Test
    void isIteratedOnce() throws Exception {
        try (CsvMeasurements csv = CsvMeasurements.open(
                new ByteArrayInputStream("type,id,at,value\n".getBytes(StandardCharsets.UTF_8)), "drop.csv",
                DEFAULTS)) {
            assertFalse(csv.iterator().hasNext());
            assertThrows(IllegalStateException.class, csv::iterator);
        }
    }

    /** A header, then one record repeated, made up as it is read: the file never exists as a whole. */
    static final class GeneratedCsv extends InputStream {
        private final byte[] header;
        private final byte[] record;
        private final long records;
        private long recordIndex = -1;
        private int position;

        GeneratedCsv(String header, String record, long records) {
            this.header = header.getBytes(StandardCharsets.UTF_8);
            this.record = record.getBytes(StandardCharsets.UTF_8);
            this.records = records;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            byte[] current = recordIndex < 0 ? header : record;
            while (position >= current.length) {
                if (recordIndex + 1 >= records) {
                    return -1;
                }
                recordIndex++;
                position = 0;
                current = record;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, target, offset, n);
            position += n;
            return n;
        }
    }
}
