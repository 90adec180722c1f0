package io.ogsm.connector.source.csv;

import org.apache.poi.ss.usermodel.DateUtil;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The rows of a workbook ({@code .xlsx}: {@link XlsxSheet}, streamed; {@code .xls}: {@link XlsSheet}, record by
 * record), so memory does not grow with the sheet. The first sheet is read. The header row is the first of the first
 * {@value #HEADER_ROWS} rows that names the needed columns (title rows above it are skipped). Cells by their type: a
 * number as its value ({@code 0.875} in a percent format is 87.5, as shown), a date-formatted number as its date, a
 * formula by its cached value, text as text (then read like a CSV cell: dates by the patterns, numbers by the
 * separators). A row's line is its row number in the sheet.
 */
final class WorkbookRows implements DroppedRows {

    /** How far down the header row is looked for. */
    static final int HEADER_ROWS = 50;
    /** Excel's own column limit: a cell reference beyond it is refused. */
    static final int MAX_COLUMNS = 16_384;

    /** One sheet's rows, as a workbook format stores them. */
    interface Sheet extends java.io.Closeable {
        /** The next row with cells, or null after the last. */
        SheetRow next() throws CsvFileException;

        String name();
    }

    /** One row as read: its number (1-based), its cells' text, which of them are typed (numbers and dates). */
    record SheetRow(long line, List<String> values, BitSet typed) {
    }

    private final String fileName;
    private final Sheet sheet;
    private final CsvHeader header;
    private final CsvRowMapper mapper;
    private final boolean rejectsFile;
    private final IntakeProfile profile;
    private boolean iterating;
    private UncheckedCsvFileException failure;
    /** The results of the last row not handed out yet: a wide sheet's row holds several. */
    private final java.util.ArrayDeque<CsvResult> pending = new java.util.ArrayDeque<>();

    private WorkbookRows(String fileName, Sheet sheet, CsvOptions options) throws CsvFileException {
        this.fileName = fileName;
        this.sheet = sheet;
        this.profile = options.profile();
        CsvFileException first = null;
        CsvHeader found = null;
        for (int i = 0; i < HEADER_ROWS && found == null; i++) {
            SheetRow row = sheet.next();
            if (row == null) {
                break;
            }
            if (row.values().stream().allMatch(String::isBlank)) {
                continue;
            }
            try {
                found = CsvHeader.of(row.values(), options.defaultType(), options.profile(), fileName, row.line(),
                        " in sheet '" + sheet.name() + "'");
            } catch (CsvFileException e) {
                first = first == null ? e : first;
            }
        }
        if (found == null) {
            throw first != null ? first : new CsvFileException(fileName, 0, "has no header row: sheet '"
                    + sheet.name() + "' is empty");
        }
        this.header = found;
        this.rejectsFile = CsvRejects.isRejectsHeader(found.names());
        // a workbook's text cells hold dates as typed: ISO too, besides the patterns configured for text
        List<String> patterns = new ArrayList<>(options.dateFormats());
        if (!patterns.contains(CsvOptions.DEFAULT_DATE_FORMAT)) {
            patterns.add(CsvOptions.DEFAULT_DATE_FORMAT);
        }
        this.mapper = new CsvRowMapper(found, options.withDateFormats(patterns.toArray(String[]::new)), ';',
                () -> io.ogsm.connector.config.CsvEncoding.UTF_8);
    }

    /** Opens the workbook ({@code .xlsx} or {@code .xls}) and reads down to its header row. */
    static WorkbookRows open(Path file, String fileName, CsvOptions options) throws CsvFileException {
        Sheet sheet = fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".xls")
                ? XlsSheet.open(file, fileName, options.maxLineLength())
                : XlsxSheet.open(file, fileName, options.maxLineLength());
        try {
            return new WorkbookRows(fileName, sheet, options);
        } catch (CsvFileException | RuntimeException e) {
            try {
                sheet.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * A number cell as text: its date when its format is one, as shown for a percent, else its value, plain.
     *
     * @param decimal the number as the file stores it ({@code 0.875}, {@code 1.2E-3})
     */
    static String number(String decimal, int formatIndex, String format) {
        if (format != null && DateUtil.isADateFormat(formatIndex, format)) {
            double serial = Double.parseDouble(decimal);
            if (DateUtil.isValidExcelDate(serial)) {
                return DateUtil.getLocalDateTime(serial).toLocalDate().toString();
            }
        }
        BigDecimal number = new BigDecimal(decimal.trim());
        if (format != null && format.replaceAll("\"[^\"]*\"|\\\\.", "").contains("%")) {
            number = number.movePointRight(2);
        }
        number = number.stripTrailingZeros();
        return number.scale() < 0 ? number.setScale(0).toPlainString() : number.toPlainString();
    }

    @Override
    public List<String> header() {
        return header.names();
    }

    @Override
    public char delimiter() {
        return ',';
    }

    @Override
    public boolean rejectsFile() {
        return rejectsFile;
    }

    @Override
    public Map<String, String> readAs() {
        return DroppedRows.readAs("sheet", sheet.name(), profile);
    }

    @Override
    public Iterator<CsvResult> iterator() {
        if (iterating) {
            throw new IllegalStateException(fileName + " is read once: iterate it only once");
        }
        iterating = true;
        return DroppedRows.lazily(fileName, this::advance);
    }

    private CsvResult advance() {
        if (failure != null) {
            throw failure;
        }
        while (pending.isEmpty()) {
            SheetRow row;
            try {
                row = sheet.next();
            } catch (CsvFileException e) {
                failure = new UncheckedCsvFileException(e);
                throw failure;
            }
            if (row == null) {
                return null;
            }
            List<String> values = rejectsFile ? CsvRejects.unmarked(row.values()) : row.values();
            pending.addAll(mapper.mapAll(row.line(), values, row.typed()::get));
        }
        return pending.poll();
    }

    @Override
    public void close() throws IOException {
        sheet.close();
    }
}
