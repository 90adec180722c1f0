package io.ogsm.connector.source.csv;

import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.measurement.MeasurementType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Workbooks as finance teams make them, written with POI and read back as the inbox reads them. */
class WorkbookRowsTest {

    @TempDir
    Path dir;

    private Path workbook(Consumer<org.apache.poi.ss.usermodel.Workbook> content) throws Exception {
        return workbook(content, false);
    }

    /** A workbook written with POI: {@code .xlsx}, or an Excel 97-2003 {@code .xls}. */
    private Path workbook(Consumer<org.apache.poi.ss.usermodel.Workbook> content, boolean xls) throws Exception {
        Path file = dir.resolve("book-" + System.nanoTime() + (xls ? ".xls" : ".xlsx"));
        try (org.apache.poi.ss.usermodel.Workbook book = xls ? new org.apache.poi.hssf.usermodel.HSSFWorkbook()
                : new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            content.accept(book);
            book.getCreationHelper().createFormulaEvaluator().evaluateAll(); // cached values, as Excel saves them
            book.write(out);
        }
        return file;
    }

    private static List<CsvResult> read(Path file, CsvOptions options) throws Exception {
        try (WorkbookRows rows = WorkbookRows.open(file, file.toString().endsWith(".xls") ? "kpis/book.xls"
                : "kpis/book.xlsx", options)) {
            List<CsvResult> results = new ArrayList<>();
            rows.forEach(results::add);
            return results;
        }
    }

    private static Measurement row(List<CsvResult> results, int index) {
        return assertInstanceOf(CsvResult.Row.class, results.get(index), () -> results.get(index).toString())
                .measurement();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "xls: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void cellsAreReadByTheirTypeBelowTitleRows(boolean xls) throws Exception {
        Path file = workbook(book -> {
            Sheet sheet = book.createSheet("Maandcijfers");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("d-m-yyyy"));
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("0.0%"));
            sheet.createRow(0).createCell(0).setCellValue("KPI report October 2026");
            sheet.createRow(1).createCell(3).setCellValue("(all figures as of close)");
            Row header = sheet.createRow(3);
            String[] names = {"id", "date", "value", "target", "description"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            Row a = sheet.createRow(4);
            a.createCell(0).setCellValue(31);
            a.createCell(1).setCellValue(LocalDate.of(2026, 10, 31));
            a.getCell(1).setCellStyle(date);
            a.createCell(2).setCellValue(0.875);
            a.getCell(2).setCellStyle(percent);
            a.createCell(3).setCellValue(90);
            a.createCell(4).setCellValue("percent as shown");
            Row b = sheet.createRow(5);
            b.createCell(0).setCellValue(32);
            b.createCell(1).setCellValue("31-10-2026"); // a date typed as text: the patterns read it
            b.createCell(2).setCellFormula("C7*2");
            b.createCell(4).setCellValue("a formula's cached value");
            Row c = sheet.createRow(6);
            c.createCell(0).setCellValue(32);
            c.createCell(1).setCellValue(LocalDate.of(2026, 9, 30));
            c.getCell(1).setCellStyle(date);
            c.createCell(2).setCellValue(1.234);
            Row d = sheet.createRow(8);
            d.createCell(0).setCellValue(31);
            d.createCell(1).setCellValue(LocalDate.of(2026, 10, 31));
            d.getCell(1).setCellStyle(date);
            d.createCell(2).setCellValue("n/a");
        }, xls);

        List<CsvResult> results = read(file, CsvOptions.defaults().withDateFormats("d-M-yyyy")
                .withDefaultType(MeasurementType.KPI));

        assertEquals(4, results.size(), results::toString);
        Measurement a = row(results, 0);
        assertEquals(5, results.get(0).line(), "the sheet's row number");
        assertEquals(31L, a.id());
        assertEquals(LocalDate.of(2026, 10, 31), a.at());
        assertEquals(0, new BigDecimal("87.5").compareTo(a.value()), "a percent cell as shown");
        assertEquals(0, new BigDecimal("90").compareTo(a.target()));
        Measurement b = row(results, 1);
        assertEquals(LocalDate.of(2026, 10, 31), b.at());
        assertEquals(0, new BigDecimal("2.468").compareTo(b.value()), "the formula's cached value");
        assertNull(b.target());
        Measurement c = row(results, 2);
        assertEquals(0, new BigDecimal("1.234").compareTo(c.value()), "a number cell is never ambiguous");
        CsvResult.Reject d = assertInstanceOf(CsvResult.Reject.class, results.get(3));
        assertEquals(9, d.line());
        assertEquals("value 'n/a' is not a number", d.reason());
    }

    @Test
    void aSheetWithoutTheNeededColumnsFailsNamingTheSheet() throws Exception {
        Path file = workbook(book -> {
            Row row = book.createSheet("Notes").createRow(0);
            row.createCell(0).setCellValue("amount");
            row.createCell(1).setCellValue("when");
        });
        CsvFileException e = assertThrows(CsvFileException.class, () -> read(file, CsvOptions.defaults()));
        assertTrue(e.getMessage().startsWith("kpis/book.xlsx: line 1: header has no column at (or date), value"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("in sheet 'Notes'"), e.getMessage());
    }

    @Test
    void somethingElseNamedXlsxIsNotAWorkbook() throws Exception {
        Path file = Files.writeString(dir.resolve("fake.xlsx"), "type,id,at,value\nkpi,31,2026-10-01,5\n");
        CsvFileException e = assertThrows(CsvFileException.class, () -> read(file, CsvOptions.defaults()));
        assertTrue(e.getMessage().contains("is not a workbook that can be read"), e.getMessage());
        Path old = Files.writeString(dir.resolve("fake.xls"), "type,id,at,value\nkpi,31,2026-10-01,5\n");
        CsvFileException xls = assertThrows(CsvFileException.class, () -> read(old, CsvOptions.defaults()));
        assertTrue(xls.getMessage().contains("is not an Excel 97-2003 workbook that can be read"), xls.getMessage());
    }

    @Test
    void anEmptySheetHasNoHeaderRow() throws Exception {
        Path file = workbook(book -> book.createSheet("Leeg"));
        CsvFileException e = assertThrows(CsvFileException.class, () -> read(file, CsvOptions.defaults()));
        assertEquals("kpis/book.xlsx: has no header row: sheet 'Leeg' is empty", e.getMessage());
    }

    @Test
    void aSheetWithOnlyTheNeededColumnsIsRead() throws Exception {
        Path file = workbook(book -> {
            Sheet sheet = book.createSheet("Kort");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("id");
            header.createCell(1).setCellValue("date");
            header.createCell(2).setCellValue("value");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(33);
            row.createCell(1).setCellValue("2026-10-31");
            row.createCell(2).setCellValue(5);
        });
        Measurement m = row(read(file, CsvOptions.defaults().withDefaultType(MeasurementType.KPI)), 0);
        assertEquals(33L, m.id());
        assertEquals(LocalDate.of(2026, 10, 31), m.at());
        assertNull(m.target());
    }

    /** A sheet whose XML declares an external entity: refused, and the entity's file is never read. */
    @Test
    void aSheetWithAnExternalEntityIsRefusedWithoutReadingIt() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "s3cr3t");
        Path plain = workbook(book -> {
            Row header = book.createSheet("S").createRow(0);
            header.createCell(0).setCellValue("id");
        });
        Path hostile = dir.resolve("hostile.xlsx");
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(plain.toFile());
                java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(hostile))) {
            for (var entries = in.entries(); entries.hasMoreElements(); ) {
                java.util.zip.ZipEntry entry = entries.nextElement();
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    out.write(("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]>"
                            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                            + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c><c r=\"B1\" t=\"inlineStr\">"
                            + "<is><t>&e;</t></is></c></row></sheetData></worksheet>").getBytes(StandardCharsets.UTF_8));
                } else {
                    in.getInputStream(entry).transferTo(out);
                }
                out.closeEntry();
            }
        }
        CsvFileException e = assertThrows(CsvFileException.class, () -> read(hostile, CsvOptions.defaults()));
        assertTrue(e.getMessage().contains("cannot be read") && !e.getMessage().contains("s3cr3t"), e.getMessage());
    }
}
