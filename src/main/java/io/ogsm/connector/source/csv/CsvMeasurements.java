package io.ogsm.connector.source.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The measurements of a dropped CSV file, read lazily one record at a time: memory does not grow with the file.
 *
 * <pre>{@code
 * try (CsvMeasurements csv = CsvMeasurements.open(in, "sales.csv", options)) {
 *     for (CsvResult result : csv) {
 *         switch (result) {
 *             case CsvResult.Row row -> deliver(row.measurement());
 *             case CsvResult.Reject reject -> rejects.write(reject);
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>The format: text in an encoding {@link CsvText} detects (UTF-8 with or without a byte order mark, UTF-16 with
 * one, Windows-1252) or is told; CRLF, LF or CR line ends; a header
 * row (the first non-blank line) naming the columns, see {@link CsvHeader}; delimiter {@code ,} {@code ;} or tab,
 * detected from the header unless configured; fields quoted with {@code "} may hold delimiters, doubled quotes and
 * line breaks. Blank lines, and records whose every cell is blank, are skipped. Each other record becomes a
 * {@link CsvResult.Row} or a {@link CsvResult.Reject} with a reason; numbers as in {@link CsvDecimal}.
 *
 * <p>Whole-file problems are a {@link CsvFileException}: from {@link #open} for the start of the file (not text,
 * empty, no header row, missing or doubled columns), and wrapped in an {@link UncheckedCsvFileException} from
 * the iterator for problems met further on, which end the iteration:
 * <ul>
 * <li>a record longer than {@link CsvOptions#maxLineLength()} fails the file naming the line it starts on. It is not
 * skipped as a reject: without parsing it whole there is no telling whether a quote left open in it swallows the
 * lines after it, so no later line could be trusted;</li>
 * <li>broken quoting: a quoted field not closed by the end of the file, or text after a closing quote.</li>
 * </ul>
 * A byte the encoding cannot read rejects only the row that holds it.
 *
 * <p>Line numbers are physical lines, 1-based, counting the header row; a record's line is the one it starts on,
 * also after records whose quoted fields span lines. Not thread-safe; iterate once. Closing closes the stream.
 */
public final class CsvMeasurements implements DroppedRows {

    private final String fileName;
    private final RecordLengthLimit text;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    /** A rejects file dropped again: its cells carry the mark that kept a spreadsheet from running them. */
    private final boolean rejectsFile;
    private final CsvHeader header;
    private final char delimiter;
    private final long headerLine;
    private final CsvRowMapper mapper;
    private final CsvText.Text decoded;
    private final IntakeProfile profile;
    /** The parser's line count after the last record: the next record starts on the line after. */
    private long parsedLines;
    private boolean iterating;
    /** The results of the last record not handed out yet: a wide sheet's record holds several. */
    private final java.util.ArrayDeque<CsvResult> pending = new java.util.ArrayDeque<>();
    /** Once the file has failed, every further step fails the same way: the parser cannot be trusted past it. */
    private UncheckedCsvFileException failure;

    private CsvMeasurements(String fileName, RecordLengthLimit text, CSVParser parser, CsvHeader header,
            char delimiter, long headerLine, CsvOptions options, CsvText.Text decoded) {
        this.decoded = decoded;
        this.fileName = fileName;
        this.text = text;
        this.parser = parser;
        this.records = parser.iterator();
        this.header = header;
        this.delimiter = delimiter;
        this.headerLine = headerLine;
        this.mapper = new CsvRowMapper(header, options, delimiter, decoded::encoding);
        this.rejectsFile = CsvRejects.isRejectsHeader(header.names());
        this.profile = options.profile();
    }

    /**
     * Reads the file's header row and is ready to hand out its records. On a {@link CsvFileException} (or a failed
     * read, which becomes one) the stream is closed; otherwise closing this closes it.
     *
     * @param fileName the file's name, for messages
     */
    public static CsvMeasurements open(InputStream in, String fileName, CsvOptions options) throws CsvFileException {
        try {
            CsvText.Text decoded = CsvText.open(in, fileName, options.encoding());
            RecordLengthLimit text = new RecordLengthLimit(decoded.reader, options.maxLineLength());
            long line = 0;
            String headerRow;
            do {
                line++;
                try {
                    headerRow = text.readLine();
                } catch (RecordLengthLimit.TooLong e) {
                    throw new CsvFileException(fileName, line, "line is longer than " + text.limit() + " characters",
                            e);
                }
            } while (headerRow != null && headerRow.isBlank());
            if (headerRow == null) {
                throw new CsvFileException(fileName, 0, "has no header row: it holds only blank lines");
            }
            char delimiter = options.delimiter().character() != null ? options.delimiter().character()
                    : CsvHeader.detect(headerRow, options.profile());
            CsvHeader header = CsvHeader.read(headerRow, delimiter, options.defaultType(), options.profile(),
                    fileName, line);
            CSVParser parser = CSVFormat.DEFAULT.builder()
                    .setDelimiter(delimiter)
                    .setIgnoreEmptyLines(false) // blank lines come as records, so line numbers can be counted
                    .get()
                    .parse(text);
            return new CsvMeasurements(fileName, text, parser, header, delimiter, line, options, decoded);
        } catch (CsvFileException e) {
            closeQuietly(in, e);
            throw e;
        } catch (IOException e) {
            CsvFileException failure = new CsvFileException(fileName, 0, "could not be read: " + e, e);
            closeQuietly(in, failure);
            throw failure;
        }
    }

    public String fileName() {
        return fileName;
    }

    /** The header row's cells as in the file, for the header of a rejects file. */
    @Override
    public List<String> header() {
        return header.names();
    }

    /** The encoding the file is read in, detected or configured: {@code utf-8} while all read so far is ASCII. */
    public io.ogsm.connector.config.CsvEncoding encoding() {
        return decoded.encoding();
    }

    @Override
    public Map<String, String> readAs() {
        return DroppedRows.readAs("encoding", encoding().key(), profile);
    }

    /** Whether this is a rejects file dropped again: its first columns are {@code line} and {@code reason}. */
    @Override
    public boolean rejectsFile() {
        return rejectsFile;
    }

    /** The file's delimiter, detected or configured. */
    @Override
    public char delimiter() {
        return delimiter;
    }

    /** The records in file order, read as they are asked for; blank records are skipped. Once only. */
    @Override
    public Iterator<CsvResult> iterator() {
        if (iterating) {
            throw new IllegalStateException(fileName + " is read once: iterate it only once");
        }
        iterating = true;
        return DroppedRows.lazily(fileName, this::advance);
    }

    /** The records as a sequential stream; closing the stream closes this. */
    public Stream<CsvResult> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(() -> {
                    try {
                        close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private CsvResult advance() {
        if (failure != null) {
            throw failure;
        }
        while (pending.isEmpty()) {
            long start = headerLine + parsedLines + 1;
            CSVRecord record;
            try {
                text.startRecord();
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                failure = new UncheckedCsvFileException(new CsvFileException(fileName, start, problem(e.getCause()), e));
                throw failure;
            }
            parsedLines = parser.getCurrentLineNumber();
            pending.addAll(mapper.mapAll(start, rejectsFile ? CsvRejects.unmarked(record.toList()) : record.toList(),
                    column -> false));
        }
        return pending.poll();
    }

    private String problem(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordLengthLimit.TooLong) {
                return "record is longer than " + text.limit() + " characters (or a quote in it is not closed)";
            }
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted field is not closed before the end of the file";
        }
        if (message.contains("Invalid character between encapsulated token and delimiter")) {
            return "text after the closing quote of a field (quotes inside a field are written \"\")";
        }
        return "is not valid CSV: " + message;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static void closeQuietly(InputStream in, Exception failure) {
        try {
            in.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
