package io.ogsm.connector.source.csv;

/**
 * A dropped file that cannot be read as measurements at all: not text, no header row, a header without the columns
 * it needs, a record past the length limit, broken quoting. The message is one line naming the file, and the line
 * where that is the point: {@code sales.csv: line 1: header has no column for value (value or current_value)}.
 */
public class CsvFileException extends Exception {

    private final String fileName;
    private final long line;

    public CsvFileException(String fileName, long line, String problem) {
        this(fileName, line, problem, null);
    }

    public CsvFileException(String fileName, long line, String problem, Throwable cause) {
        super(fileName + (line > 0 ? ": line " + line : "") + ": " + problem, cause);
        this.fileName = fileName;
        this.line = line;
    }

    public String fileName() {
        return fileName;
    }

    /** The line the problem is on, 1 for the header row; 0 when it is about the whole file. */
    public long line() {
        return line;
    }
}
