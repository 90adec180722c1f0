package io.ogsm.connector.source.csv;

import io.ogsm.connector.config.CsvEncoding;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The encodings files come in as Excel and LibreOffice save them, read through {@link CsvMeasurements}. */
class CsvTextTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final String EXPORT = "type;title;at;value;description\n"
            + "kpi;Cost per order, EUR;2026-10-31;7,85;\u20ac per order, caf\u00e9 incl.\n";

    /** What was read, and the encoding the file was read in. */
    private record Read(List<CsvResult> results, CsvEncoding encoding) {
        CsvResult.Row row(int index) {
            return assertInstanceOf(CsvResult.Row.class, results.get(index), () -> results.get(index).toString());
        }
    }

    private static Read read(byte[] bytes, CsvEncoding encoding) throws Exception {
        try (CsvMeasurements csv = CsvMeasurements.open(new ByteArrayInputStream(bytes), "drop.csv",
                CsvOptions.defaults().withEncoding(encoding))) {
            List<CsvResult> results = new ArrayList<>();
            csv.forEach(results::add);
            return new Read(results, csv.encoding());
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Plain ASCII rows, more than the first look at a file takes in. */
    private static String asciiRows() {
        StringBuilder rows = new StringBuilder("type;title;at;value;description\n");
        while (rows.length() < 3 * CsvText.SNIFF_BYTES) {
            rows.append("kpi;Revenue;2026-01-31;1;plain\n");
        }
        return rows.toString();
    }

    @Test
    void excelsPlainCsvOnWindowsIsReadAsWindows1252() throws Exception {
        Read read = read(EXPORT.getBytes(CP1252), CsvEncoding.AUTO);

        assertEquals("\u20ac per order, caf\u00e9 incl.", read.row(0).measurement().description());
        assertEquals(new BigDecimal("7.85"), read.row(0).measurement().value());
        assertEquals(CsvEncoding.WINDOWS_1252, read.encoding());
    }

    @Test
    void csvUtf8WithOrWithoutItsByteOrderMarkIsReadAsUtf8() throws Exception {
        for (byte[] bytes : List.of(EXPORT.getBytes(StandardCharsets.UTF_8),
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, EXPORT.getBytes(StandardCharsets.UTF_8)))) {
            Read read = read(bytes, CsvEncoding.AUTO);
            assertEquals("\u20ac per order, caf\u00e9 incl.", read.row(0).measurement().description());
            assertEquals(CsvEncoding.UTF_8, read.encoding());
        }
    }

    @Test
    void unicodeTextWithAByteOrderMarkIsReadAsUtf16EitherWay() throws Exception {
        for (Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            Read read = read(("\uFEFF" + EXPORT.replace(';', '\t')).getBytes(charset), CsvEncoding.AUTO);
            assertEquals("\u20ac per order, caf\u00e9 incl.", read.row(0).measurement().description(),
                    charset.name());
            assertEquals(CsvEncoding.UTF_16, read.encoding());
        }
    }

    @Test
    void windows1252FarIntoAFileIsDecidedAtItsFirstByteThatIsNotAscii() throws Exception {
        byte[] bytes = concat(asciiRows().getBytes(StandardCharsets.US_ASCII),
                "kpi;Revenue;2026-01-31;2;caf\u00e9\n".getBytes(CP1252));

        Read read = read(bytes, CsvEncoding.AUTO);

        assertEquals("caf\u00e9", read.row(read.results().size() - 1).measurement().description());
        assertEquals(0, read.results().stream().filter(r -> r instanceof CsvResult.Reject).count());
        assertEquals(CsvEncoding.WINDOWS_1252, read.encoding());
    }

    @Test
    void utf8FarIntoAFileIsReadAsUtf8() throws Exception {
        byte[] bytes = concat(asciiRows().getBytes(StandardCharsets.US_ASCII),
                "kpi;Revenue;2026-01-31;2;\u20ac caf\u00e9\n".getBytes(StandardCharsets.UTF_8));

        Read read = read(bytes, CsvEncoding.AUTO);

        assertEquals("\u20ac caf\u00e9", read.row(read.results().size() - 1).measurement().description());
        assertEquals(CsvEncoding.UTF_8, read.encoding());
    }

    @Test
    void aByteTheEncodingCannotReadRejectsItsRowWithHowToSaveTheFile() throws Exception {
        // UTF-8 from its first non-ASCII byte on, then one row saved in another encoding
        byte[] bytes = concat(("type;title;at;value;description\nkpi;Revenue;2026-01-31;1;\u20ac\n")
                .getBytes(StandardCharsets.UTF_8), "kpi;Revenue;2026-01-31;2;caf\u00e9\n".getBytes(CP1252),
                "kpi;Revenue;2026-01-31;3;ok\n".getBytes(StandardCharsets.UTF_8));

        Read read = read(bytes, CsvEncoding.AUTO);

        CsvResult.Reject reject = assertInstanceOf(CsvResult.Reject.class, read.results().get(1));
        assertEquals(3, reject.line());
        assertEquals(CsvRowMapper.unreadable(CsvEncoding.UTF_8), reject.reason());
        assertEquals("row has bytes that are not utf-8 text: save the file as CSV UTF-8 (Excel: Save As, 'CSV UTF-8 "
                + "(Comma delimited)'; LibreOffice: Character set 'Unicode (UTF-8)'), or set the file's encoding "
                + "(ogsm.csv.encoding: auto, utf-8, windows-1252 or utf-16)", reject.reason());
        assertEquals(3, read.results().size(), "the rows around it are read");
        read.row(2);
    }

    @Test
    void aSetEncodingIsFollowed() throws Exception {
        Read asUtf8 = read(EXPORT.getBytes(CP1252), CsvEncoding.UTF_8);
        assertInstanceOf(CsvResult.Reject.class, asUtf8.results().get(0), "windows-1252 bytes are no UTF-8");

        // UTF-8 read as windows-1252 is mojibake, but readable: what the user asked for
        Read asCp1252 = read(EXPORT.getBytes(StandardCharsets.UTF_8), CsvEncoding.WINDOWS_1252);
        assertEquals(CsvEncoding.WINDOWS_1252, asCp1252.encoding());
        assertEquals("\u00e2\u201a\u00ac per order, caf\u00c3\u00a9 incl.",
                asCp1252.row(0).measurement().description());
    }

    @Test
    void aByteOrderMarkOfAnotherEncodingThanTheOneSetFailsTheFile() {
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, EXPORT.getBytes(StandardCharsets.UTF_8));

        CsvFileException e = assertThrows(CsvFileException.class, () -> read(bytes, CsvEncoding.WINDOWS_1252));

        assertEquals("drop.csv: starts with the byte order mark of utf-8 but is set to be read as windows-1252: save "
                + "it as CSV UTF-8, or set the encoding to utf-8 or auto", e.getMessage());
    }

    @Test
    void encodingsAreConfiguredByTheirNames() {
        assertEquals(CsvEncoding.WINDOWS_1252, CsvEncoding.of(" Windows-1252 "));
        assertEquals(CsvEncoding.WINDOWS_1252, CsvEncoding.of("cp1252"));
        assertEquals(CsvEncoding.UTF_8, CsvEncoding.of("UTF8"));
        assertEquals(CsvEncoding.AUTO, CsvEncoding.of(""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CsvEncoding.FromConfig().convert("latin1"));
        assertEquals("ogsm.csv.encoding must be auto, utf-8, windows-1252 or utf-16, was 'latin1'", e.getMessage());
    }
}
