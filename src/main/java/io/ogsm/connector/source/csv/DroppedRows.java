package io.ogsm.connector.source.csv;

import java.io.Closeable;
import java.util.List;
import java.util.Map;

/**
 * The rows of a dropped file, as text ({@link CsvMeasurements}) or a workbook ({@link WorkbookRows}): read lazily, one
 * at a time, each a {@link CsvResult}; iterated once. Problems met further on end the iteration with an
 * {@link UncheckedCsvFileException}.
 */
interface DroppedRows extends Iterable<CsvResult>, Closeable {

    /** The header row's cells as in the file, for the header of a rejects file. */
    List<String> header();

    /** The delimiter of the file's rejects file: the file's own for text, a comma for a workbook. */
    char delimiter();

    /** Whether this is a rejects file dropped again: its first columns are {@code line} and {@code reason}. */
    boolean rejectsFile();

    /** How it was read, for the summary: {@code {"encoding": "windows-1252"}} or {@code {"sheet": "Maandcijfers"}}. */
    Map<String, String> readAs();

    /**
     * Opens a dropped file as its name says: a workbook ({@code .xlsx}, {@code .xls}) or delimited text. Closing the
     * rows closes the file; on a failure it is closed here.
     */
    static DroppedRows open(java.nio.file.Path file, String name, CsvOptions options) throws CsvFileException {
        if (CsvDropFolder.isWorkbook(name)) {
            return WorkbookRows.open(file, name, options);
        }
        java.io.InputStream in;
        try {
            in = java.nio.file.Files.newInputStream(file);
        } catch (java.io.IOException e) {
            throw new CsvFileException(name, 0, "cannot be opened: " + e.getMessage(), e);
        }
        return CsvMeasurements.open(in, name, options);
    }

    /** How a file was read, for the summary: {@code key: value}, and the profile's name when one read it. */
    static Map<String, String> readAs(String key, String value, IntakeProfile profile) {
        Map<String, String> readAs = new java.util.LinkedHashMap<>();
        readAs.put(key, value);
        if (profile.name() != null) {
            readAs.put("profile", profile.name());
        }
        return readAs;
    }

    /** The results {@code advance} gives, one at a time, until it gives null; for {@link #iterator}. */
    static java.util.Iterator<CsvResult> lazily(String fileName, java.util.function.Supplier<CsvResult> advance) {
        return new java.util.Iterator<>() {
            private CsvResult next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = advance.get();
                }
                return next != null;
            }

            @Override
            public CsvResult next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException(fileName + " has no more rows");
                }
                CsvResult result = next;
                next = null;
                return result;
            }
        };
    }
}
