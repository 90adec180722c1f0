package io.ogsm.connector.source.csv;

import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.measurement.MeasurementType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files read with an intake profile: its column names, locale, dates and the wide layout. */
class IntakeProfileReadingTest {

    private static final IntakeProfiles PROFILES = IntakeProfiles.parse("intake.yaml", """
            profiles:
              - name: finance-nl
                type: kpi
                columns:
                  title: [KPI, Titel]
                  at: Datum
                  value: Waarde
                  target: Doel
                  description: Omschrijving
                date-formats: [d-M-yyyy, d MMM yyyy]
                locale: nl
              - name: kpi-by-month
                folder: kpi-wide
                type: kpi
                columns: {title: KPI}
                wide: {period-format: MMM yyyy, at: end}
                locale: nl
              - name: by-quarter
                columns: {title: KPI}
                type: kpi
                wide: {period-format: "'Q'Q yyyy", at: start}
            """);

    @TempDir
    Path dir;

    private static CsvOptions options(String profile) {
        return CsvOptions.defaults().with(PROFILES.named(profile).orElseThrow(), null);
    }

    private static List<CsvResult> read(String text, Charset charset, CsvOptions options) throws Exception {
        try (CsvMeasurements csv = CsvMeasurements.open(new ByteArrayInputStream(text.getBytes(charset)), "f.csv",
                options)) {
            List<CsvResult> results = new ArrayList<>();
            csv.forEach(results::add);
            return results;
        }
    }

    private static Measurement row(CsvResult result) {
        return assertInstanceOf(CsvResult.Row.class, result, result::toString).measurement();
    }

    @Test
    void aDutchExportInWindows1252IsReadByItsColumnNamesDatesAndNumbers() throws Exception {
        List<CsvResult> results = read("""
                Type;Titel;Datum;Waarde;Doel;Omschrijving
                kpi;Cost per order, EUR;31-10-2026;€ 7,85;7,50;café
                ;Orders delivered same day;3 okt. 2026;87,5%;90;
                ;Orders delivered same day;3 oktober 2026;1.234,5;;
                ;Orders delivered same day;4 OKT 2026;1 234,5;;
                ;Orders delivered same day;5 mrt 2026;1,5E3;;
                ;Orders delivered same day;31-2-2026;1.5;;
                """, Charset.forName("windows-1252"), options("finance-nl"));
        assertEquals(6, results.size(), results::toString);
        Measurement cost = row(results.get(0));
        assertEquals(MeasurementType.KPI, cost.type());
        assertEquals("Cost per order, EUR", cost.title());
        assertEquals(LocalDate.of(2026, 10, 31), cost.at());
        assertEquals(new BigDecimal("7.85"), cost.value());
        assertEquals(new BigDecimal("7.50"), cost.target());
        assertEquals("café", cost.description());
        assertEquals(MeasurementType.KPI, row(results.get(1)).type(), "the profile's type for a row without one");
        assertEquals(LocalDate.of(2026, 10, 3), row(results.get(1)).at());
        assertEquals(new BigDecimal("87.5"), row(results.get(1)).value(), "the percent sign dropped, not divided");
        assertEquals(LocalDate.of(2026, 10, 3), row(results.get(2)).at());
        assertEquals(new BigDecimal("1234.5"), row(results.get(2)).value());
        assertEquals(LocalDate.of(2026, 10, 4), row(results.get(3)).at());
        assertEquals(new BigDecimal("1234.5"), row(results.get(3)).value());
        assertEquals(LocalDate.of(2026, 3, 5), row(results.get(4)).at());
        assertEquals(new BigDecimal("1.5E+3"), row(results.get(4)).value());
        CsvResult.Reject reject = assertInstanceOf(CsvResult.Reject.class, results.get(5));
        assertTrue(reject.reason().contains("date '31-2-2026' does not exist: February 2026 has 28 days"),
                reject.reason());
        assertTrue(reject.reason().contains("value '1.5' is not a number with ',' as decimal separator"),
                reject.reason());
    }

    @Test
    void aDateInAnotherFormatNamesTheProfilesEntry() throws Exception {
        List<CsvResult> results = read("KPI;Datum;Waarde\nOrders delivered same day;2026/10/31;1\n",
                StandardCharsets.UTF_8, options("finance-nl"));
        String reason = assertInstanceOf(CsvResult.Reject.class, results.get(0)).reason();
        assertTrue(reason.contains("add it to date-formats of intake profile 'finance-nl' (intake.yaml)"), reason);
    }

    @Test
    void theProfilesNamesReplaceTheUsualOnesForTheFieldsItNames() {
        CsvFileException e = assertThrows(CsvFileException.class, () -> read("title;date;value\nX;2026-10-31;1\n",
                StandardCharsets.UTF_8, options("finance-nl")));
        assertTrue(e.getMessage().contains("header has no column at ('Datum', as intake profile 'finance-nl' names "
                + "it), value ('Waarde', as intake profile 'finance-nl' names it), title ('KPI' or 'Titel', as intake "
                + "profile 'finance-nl' names it)"), e.getMessage());
    }

    @Test
    void aWideSheetIsAMeasurementPerPeriodCellAtThePeriodsEnd() throws Exception {
        List<CsvResult> results = read("""
                KPI;jan 2026;feb 2026;mrt 2026;Notes
                Orders delivered same day;87,5;88;;ok
                Cost per order, EUR;7,85;n/a;7,1;
                """, StandardCharsets.UTF_8, options("kpi-by-month"));
        assertEquals(5, results.size(), results::toString);
        assertEquals(LocalDate.of(2026, 1, 31), row(results.get(0)).at());
        assertEquals(new BigDecimal("87.5"), row(results.get(0)).value());
        assertEquals("jan 2026", ((CsvResult.Row) results.get(0)).column());
        assertEquals(LocalDate.of(2026, 2, 28), row(results.get(1)).at());
        assertEquals("Cost per order, EUR", row(results.get(2)).title());
        assertEquals(LocalDate.of(2026, 3, 31), row(results.get(3)).at());
        CsvResult.Reject reject = assertInstanceOf(CsvResult.Reject.class, results.get(4));
        assertEquals(3, reject.line());
        assertEquals("column 'feb 2026': value 'n/a' is not a number", reject.reason());
    }

    @Test
    void aWideSheetWithoutPeriodColumnsNamesTheFormat() {
        CsvFileException e = assertThrows(CsvFileException.class, () -> read("KPI;January;February\nX;1;2\n",
                StandardCharsets.UTF_8, options("kpi-by-month")));
        assertTrue(e.getMessage().contains("header has no column of a period (a header that reads as MMM yyyy"),
                e.getMessage());
    }

    @ParameterizedTest(name = "xls: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void aWideWorkbookWithDateCellsAsHeadersIsReadByQuarterStart(boolean xls) throws Exception {
        Path file = dir.resolve("wide" + (xls ? ".xls" : ".xlsx"));
        try (org.apache.poi.ss.usermodel.Workbook book = xls ? new org.apache.poi.hssf.usermodel.HSSFWorkbook()
                : new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("Data");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("mmm yyyy"));
            sheet.createRow(0).createCell(0).setCellValue("KPI per quarter");
            Row header = sheet.createRow(2);
            header.createCell(0).setCellValue("KPI");
            header.createCell(1).setCellValue("Q1 2026");
            header.createCell(2).setCellValue(LocalDate.of(2026, 5, 1)); // a date cell: the quarter it falls in
            header.getCell(2).setCellStyle(date);
            Row data = sheet.createRow(3);
            data.createCell(0).setCellValue("Orders delivered same day");
            data.createCell(1).setCellValue(87.5);
            data.createCell(2).setCellValue(91);
            book.write(out);
        }
        List<CsvResult> results = new ArrayList<>();
        try (DroppedRows rows = DroppedRows.open(file, file.getFileName().toString(), options("by-quarter"))) {
            rows.forEach(results::add);
        }
        assertEquals(2, results.size(), results::toString);
        assertEquals(LocalDate.of(2026, 1, 1), row(results.get(0)).at());
        assertEquals(new BigDecimal("87.5"), row(results.get(0)).value());
        assertEquals(LocalDate.of(2026, 4, 1), row(results.get(1)).at());
        assertEquals(new BigDecimal("91"), row(results.get(1)).value());
        assertEquals(4, results.get(1).line());
    }

    @ParameterizedTest(name = "{0} under {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1.234,5 | nl    | 1234.5
            1,234.5 | en-GB | 1234.5
            87,5%   | de    | 87.5
            1’234.5 | de-CH | 1234.5
            1 234,5 | fr    | 1234.5
            """)
    void numbersAreReadAsTheLocaleWritesThem(String text, String locale, BigDecimal expected) throws Exception {
        IntakeProfile profile = IntakeProfiles.parse("p.yaml", "profiles: [{name: p, type: kpi, locale: " + locale
                + "}]").named("p").orElseThrow();
        List<CsvResult> results = read("title;date;value\nX;2026-10-31;" + text + "\n", StandardCharsets.UTF_8,
                CsvOptions.defaults().with(profile, null));
        assertEquals(0, expected.compareTo(row(results.get(0)).value()), results::toString);
    }
}
