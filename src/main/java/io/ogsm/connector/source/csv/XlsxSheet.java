package io.ogsm.connector.source.csv;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The first sheet of an {@code .xlsx} workbook, row by row: the package Apache POI opens (with its zip-bomb limits),
 * the sheet's XML streamed with StAX (no DTDs, no external entities); the shared strings table is held.
 */
final class XlsxSheet implements WorkbookRows.Sheet {

    private static final XMLInputFactory XML = secure();

    private final String fileName;
    private final OPCPackage pkg;
    private final InputStream sheet;
    private final XMLStreamReader xml;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final String sheetName;
    private final int maxRowLength;

    private XlsxSheet(String fileName, OPCPackage pkg, InputStream sheet, XMLStreamReader xml,
            ReadOnlySharedStringsTable strings, StylesTable styles, String sheetName, int maxRowLength) {
        this.fileName = fileName;
        this.pkg = pkg;
        this.sheet = sheet;
        this.xml = xml;
        this.strings = strings;
        this.styles = styles;
        this.sheetName = sheetName;
        this.maxRowLength = maxRowLength;
    }

    /** Opens the workbook's first sheet; the package is closed on failure. */
    static XlsxSheet open(Path file, String fileName, int maxRowLength) throws CsvFileException {
        OPCPackage pkg = null;
        InputStream sheet = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new CsvFileException(fileName, 0, "is a workbook without sheets");
            }
            sheet = sheets.next();
            String sheetName = sheets.getSheetName();
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XMLStreamReader xml = XML.createXMLStreamReader(sheet);
            return new XlsxSheet(fileName, pkg, sheet, xml, strings, styles, sheetName, maxRowLength);
        } catch (CsvFileException e) {
            closeQuietly(pkg, sheet);
            throw e;
        } catch (Exception e) {
            closeQuietly(pkg, sheet);
            throw new CsvFileException(fileName, 0, "is not a workbook that can be read (" + e.getMessage()
                    + "): save it again as an Excel workbook (.xlsx) or as CSV UTF-8", e);
        }
    }

    @Override
    public String name() {
        return sheetName;
    }

    /** The next {@code <row>} of the sheet, or null after the last. */
    @Override
    public WorkbookRows.SheetRow next() throws CsvFileException {
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                    return row();
                }
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            throw new CsvFileException(fileName, 0, "sheet '" + sheetName + "' cannot be read: " + e.getMessage(), e);
        }
    }

    private WorkbookRows.SheetRow row() throws XMLStreamException, CsvFileException {
        long line = parseLong(xml.getAttributeValue(null, "r"));
        List<String> values = new ArrayList<>();
        BitSet typed = new BitSet();
        long length = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals("c")) {
                continue;
            }
            int column = column(xml.getAttributeValue(null, "r"), values.size(), line);
            String type = xml.getAttributeValue(null, "t");
            String style = xml.getAttributeValue(null, "s");
            String text = cell(type, style, typed, column);
            length += text.length();
            if (length > maxRowLength) {
                throw new CsvFileException(fileName, line, "row is longer than " + maxRowLength + " characters");
            }
            while (values.size() < column) {
                values.add("");
            }
            values.add(text);
        }
        if (line == 0) {
            throw new CsvFileException(fileName, 0, "sheet '" + sheetName + "' has a row without its number");
        }
        return new WorkbookRows.SheetRow(line, values, typed);
    }

    /** Reads one {@code <c>}: its cached value as text; marks it typed when it is a number or a date. */
    private String cell(String type, String style, BitSet typed, int column) throws XMLStreamException {
        StringBuilder value = new StringBuilder();
        StringBuilder inline = new StringBuilder();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c")) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("v")) {
                value.append(xml.getElementText());
            } else if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("t")) {
                inline.append(xml.getElementText()); // <is><t>: an inline string
            }
        }
        String v = value.toString();
        if (type == null || type.equals("n")) {
            if (v.isEmpty()) {
                return "";
            }
            typed.set(column);
            return number(v, style);
        }
        return switch (type) {
            case "s" -> v.isEmpty() ? "" : strings.getItemAt(Integer.parseInt(v.trim())).getString();
            case "inlineStr" -> inline.toString();
            case "b" -> "1".equals(v.trim()) ? "TRUE" : "FALSE";
            case "e" -> v; // an error value (#N/A): a text no number or date reads
            default -> v; // str: a formula's text result
        };
    }

    /** A number cell as text: its date when its format is one, as shown for a percent, else its exact decimal. */
    private String number(String v, String style) {
        XSSFCellStyle cellStyle = style == null || styles == null ? null : styles.getStyleAt(Integer.parseInt(style));
        return cellStyle == null ? WorkbookRows.number(v, 0, null)
                : WorkbookRows.number(v, cellStyle.getDataFormat(), cellStyle.getDataFormatString());
    }

    /** The 0-based column of a cell reference ({@code C7} is 2); without one, the next. */
    private int column(String reference, int next, long line) throws XMLStreamException {
        if (reference == null) {
            return next;
        }
        int column = 0;
        int i = 0;
        while (i < reference.length() && Character.isLetter(reference.charAt(i))) {
            column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
            i++;
            if (column > WorkbookRows.MAX_COLUMNS) {
                throw new XMLStreamException("row " + line + " has a cell beyond column XFD (" + reference + ")");
            }
        }
        if (column == 0 || column - 1 < next) {
            throw new XMLStreamException("row " + line + " has cell " + reference + " out of order");
        }
        return column - 1;
    }

    private static long parseLong(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // the streams below are closed all the same
        }
        sheet.close();
        pkg.revert(); // opened read-only: nothing to write back
    }

    private static void closeQuietly(OPCPackage pkg, InputStream sheet) {
        try {
            if (sheet != null) {
                sheet.close();
            }
        } catch (IOException e) {
            // failing already
        }
        if (pkg != null) {
            pkg.revert();
        }
    }

    /** No DTDs, no external entities: the sheet's XML is hostile input too. */
    private static XMLInputFactory secure() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
