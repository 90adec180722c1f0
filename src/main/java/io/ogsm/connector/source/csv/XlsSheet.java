package io.ogsm.connector.source.csv;

import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.ExtendedFormatRecord;
import org.apache.poi.hssf.record.FormatRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.MulRKRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.RKRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.RecordFactoryInputStream;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.CellType;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first sheet of an {@code .xls} workbook (BIFF8, Excel 97 to 2003), row by row: Apache POI's record stream read
 * one record at a time (no workbook model in memory; the format holds at most 65,536 rows). The shared strings and
 * the cell formats of the workbook's globals are held; a formula's cell gives its cached value.
 */
final class XlsSheet implements WorkbookRows.Sheet {

    private final String fileName;
    private final POIFSFileSystem fs;
    private final InputStream document;
    private final RecordFactoryInputStream records;
    private final int maxRowLength;
    private final List<String> sheetNames = new ArrayList<>();
    private final Map<Integer, String> formats = new HashMap<>();
    private final List<Integer> cellFormats = new ArrayList<>();
    private SSTRecord strings;
    /** 0 before the globals, 1 in them, 2 in the first worksheet, 3 after it. */
    private int stage;
    private int bofs;
    /** A cell read ahead: the first of the next row. */
    private CellValueRecordInterface pending;
    /** A formula whose text result is in the string record that follows it. */
    private boolean stringResultNext;
    private SheetRowBuilder building;

    private XlsSheet(String fileName, POIFSFileSystem fs, InputStream document, int maxRowLength) {
        this.fileName = fileName;
        this.fs = fs;
        this.document = document;
        this.records = new RecordFactoryInputStream(document, false);
        this.maxRowLength = maxRowLength;
    }

    static XlsSheet open(Path file, String fileName, int maxRowLength) throws CsvFileException {
        POIFSFileSystem fs = null;
        try {
            fs = new POIFSFileSystem(file.toFile(), true);
            InputStream document = fs.createDocumentInputStream("Workbook");
            XlsSheet sheet = new XlsSheet(fileName, fs, document, maxRowLength);
            sheet.readGlobals();
            return sheet;
        } catch (CsvFileException e) {
            closeQuietly(fs);
            throw e;
        } catch (Exception e) {
            closeQuietly(fs);
            throw new CsvFileException(fileName, 0, "is not an Excel 97-2003 workbook that can be read ("
                    + e.getMessage() + "): save it again as an Excel workbook (.xlsx) or as CSV UTF-8", e);
        }
    }

    /** The workbook's globals: sheet names, shared strings, formats; up to the first worksheet's start. */
    private void readGlobals() throws CsvFileException {
        Record record;
        while ((record = records.nextRecord()) != null) {
            if (record instanceof BOFRecord bof) {
                bofs++;
                if (bof.getType() == BOFRecord.TYPE_WORKBOOK) {
                    stage = 1;
                } else if (bof.getType() == BOFRecord.TYPE_WORKSHEET && stage == 1) {
                    stage = 2;
                    return;
                }
            } else if (record instanceof BoundSheetRecord sheet) {
                sheetNames.add(sheet.getSheetname());
            } else if (record instanceof SSTRecord sst) {
                strings = sst;
            } else if (record instanceof FormatRecord format) {
                formats.put(format.getIndexCode(), format.getFormatString());
            } else if (record instanceof ExtendedFormatRecord xf) {
                cellFormats.add((int) xf.getFormatIndex());
            }
        }
        throw new CsvFileException(fileName, 0, "is a workbook without sheets");
    }

    @Override
    public String name() {
        return sheetNames.isEmpty() ? "Sheet1" : sheetNames.get(0);
    }

    @Override
    public WorkbookRows.SheetRow next() throws CsvFileException {
        try {
            return nextRow();
        } catch (CsvFileException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CsvFileException(fileName, 0, "sheet '" + name() + "' cannot be read: " + e.getMessage(), e);
        }
    }

    private WorkbookRows.SheetRow nextRow() throws CsvFileException {
        if (stage != 2) {
            return null;
        }
        if (pending != null) {
            building = new SheetRowBuilder(pending.getRow());
            CellValueRecordInterface first = pending;
            pending = null;
            add(first);
        }
        Record record;
        while ((record = records.nextRecord()) != null) {
            if (record instanceof EOFRecord) {
                stage = 3;
                break;
            }
            if (record instanceof BOFRecord) {
                // a chart or other sub-stream inside the sheet: its records are not cells of the sheet
                continue;
            }
            if (stringResultNext && record instanceof StringRecord text) {
                stringResultNext = false;
                building.replaceLast(text.getString());
                continue;
            }
            List<CellValueRecordInterface> cells = cells(record);
            for (CellValueRecordInterface cell : cells) {
                if (building == null) {
                    building = new SheetRowBuilder(cell.getRow());
                } else if (cell.getRow() != building.row) {
                    pending = cell;
                    WorkbookRows.SheetRow done = building.done();
                    building = null;
                    return done;
                }
                add(cell);
            }
        }
        WorkbookRows.SheetRow last = building == null ? null : building.done();
        building = null;
        return last;
    }

    /** The cells a record holds: one, or several for a MulRK. */
    private static List<CellValueRecordInterface> cells(Record record) {
        if (record instanceof MulRKRecord many) {
            List<CellValueRecordInterface> cells = new ArrayList<>(many.getNumColumns());
            for (int i = 0; i < many.getNumColumns(); i++) {
                NumberRecord number = new NumberRecord();
                number.setRow(many.getRow());
                number.setColumn((short) (many.getFirstColumn() + i));
                number.setXFIndex(many.getXFAt(i));
                number.setValue(many.getRKNumberAt(i));
                cells.add(number);
            }
            return cells;
        }
        if (record instanceof RKRecord rk) {
            NumberRecord number = new NumberRecord();
            number.setRow(rk.getRow());
            number.setColumn(rk.getColumn());
            number.setXFIndex(rk.getXFIndex());
            number.setValue(rk.getRKNumber());
            return List.of(number);
        }
        if (record instanceof LabelSSTRecord || record instanceof NumberRecord || record instanceof LabelRecord
                || record instanceof FormulaRecord || record instanceof BoolErrRecord) {
            return List.of((CellValueRecordInterface) record);
        }
        return List.of();
    }

    private void add(CellValueRecordInterface cell) throws CsvFileException {
        String text;
        boolean typed = false;
        if (cell instanceof LabelSSTRecord label) {
            text = strings == null ? "" : strings.getString(label.getSSTIndex()).getString();
        } else if (cell instanceof LabelRecord label) {
            text = label.getValue();
        } else if (cell instanceof NumberRecord number) {
            text = number(number.getValue(), number.getXFIndex());
            typed = true;
        } else if (cell instanceof FormulaRecord formula) {
            CellType result = CellType.forInt(formula.getCachedResultType());
            if (result == CellType.NUMERIC) {
                text = number(formula.getValue(), formula.getXFIndex());
                typed = true;
            } else if (result == CellType.BOOLEAN) {
                text = formula.getCachedBooleanValue() ? "TRUE" : "FALSE";
            } else if (result == CellType.STRING) {
                text = "";
                stringResultNext = true; // the text follows in a string record
            } else {
                text = "";
            }
        } else if (cell instanceof BoolErrRecord bool) {
            text = bool.isBoolean() ? (bool.getBooleanValue() ? "TRUE" : "FALSE") : "#ERROR";
        } else {
            text = "";
        }
        building.put(cell.getColumn(), text, typed);
        if (building.length > maxRowLength) {
            throw new CsvFileException(fileName, cell.getRow() + 1L, "row is longer than " + maxRowLength
                    + " characters");
        }
    }

    private String number(double value, short xf) {
        int formatIndex = xf >= 0 && xf < cellFormats.size() ? cellFormats.get(xf) : 0;
        String format = formats.containsKey(formatIndex) ? formats.get(formatIndex)
                : BuiltinFormats.getBuiltinFormat(formatIndex);
        return WorkbookRows.number(BigDecimal.valueOf(value).toString(), formatIndex, format);
    }

    /** The cells of one row, by column. */
    private static final class SheetRowBuilder {
        final int row;
        final List<String> values = new ArrayList<>();
        final BitSet typed = new BitSet();
        long length;
        int last = -1;

        SheetRowBuilder(int row) {
            this.row = row;
        }

        void put(int column, String text, boolean isTyped) {
            while (values.size() < column) {
                values.add("");
            }
            if (column < values.size()) {
                values.set(column, text);
            } else {
                values.add(text);
            }
            typed.set(column, isTyped);
            length += text.length();
            last = column;
        }

        void replaceLast(String text) {
            if (last >= 0) {
                values.set(last, text);
                length += text.length();
            }
        }

        WorkbookRows.SheetRow done() {
            return new WorkbookRows.SheetRow(row + 1L, values, typed);
        }
    }

    @Override
    public void close() throws IOException {
        document.close();
        fs.close();
    }

    private static void closeQuietly(POIFSFileSystem fs) {
        if (fs != null) {
            try {
                fs.close();
            } catch (IOException e) {
                // failing already
            }
        }
    }
}
