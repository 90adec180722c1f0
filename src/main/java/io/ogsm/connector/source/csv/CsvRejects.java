package io.ogsm.connector.source.csv;

import io.ogsm.connector.files.DurableFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rejects of one dropped file, written as they come and put in line order when it is closed (rows settle in
 * parallel; a file already in order is left as it is, others are sorted in runs of {@value #RUN} rows, so memory stays
 * bounded however many rows were rejected): a CSV in the file's own delimiter whose first two columns
 * are {@code line} (where the row is in the dropped file) and {@code reason}, followed by the row's values as read,
 * under the file's own header. Leading {@code line} and {@code reason} columns of the dropped file (a rejects file
 * dropped again after a fix) are replaced, not repeated. The file is created at the first reject only.
 * <p>
 * Operators open it in a spreadsheet, and its cells are hostile input: a cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return would run as a formula ({@code =HYPERLINK(...)}), so it is written
 * with a leading {@code '}, the header too. Reading a rejects file dropped again removes that mark.
 */
final class CsvRejects implements Closeable {

    static final String LINE = "line";
    static final String REASON = "reason";
    /** A reason longer than this (an API's long answer) is cut: it is a spreadsheet cell. */
    static final int MAX_REASON = 2000;
    /** What a cell a spreadsheet runs as a formula starts with. */
    private static final String FORMULA_START = "=+-@\t\r";

    private final Path file;
    private final List<String> header;
    private final char delimiter;
    private final int skip;
    private FileChannel channel;
    private CSVPrinter printer;
    private long count;
    private long lastLine;
    private boolean inOrder = true;
    /** Rows sorted in memory at once when the file is put in line order. */
    static final int RUN = 50_000;

    private final int runSize;

    /** Removes what an earlier, unfinished run of the same file left at {@code file}. */
    CsvRejects(Path file, List<String> header, char delimiter) {
        this(file, header, delimiter, RUN);
    }

    /** @param runSize rows sorted in memory at once (tests make it small) */
    CsvRejects(Path file, List<String> header, char delimiter, int runSize) {
        this.runSize = runSize;
        this.file = file;
        this.delimiter = delimiter;
        this.skip = isRejectsHeader(header) ? 2 : 0;
        List<String> columns = new ArrayList<>(List.of(LINE, REASON));
        columns.addAll(header.subList(skip, header.size()));
        this.header = marked(columns);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the old rejects file " + file, e);
        }
    }

    /** Writes one reject: its line, the reason, and the row's values as read. */
    synchronized void add(long line, String reason, List<String> values) {
        try {
            if (printer == null) {
                channel = DurableFiles.openPrivate(file);
                printer = printer(channel);
                printer.printRecord(header);
            }
            inOrder &= line > lastLine;
            lastLine = Math.max(lastLine, line);
            List<String> record = new ArrayList<>(values.size() + 2);
            record.add(Long.toString(line));
            record.add(reason == null ? "" : reason.length() <= MAX_REASON ? reason
                    : reason.substring(0, MAX_REASON) + "…");
            record.addAll(values.subList(Math.min(skip, values.size()), values.size()));
            printer.printRecord(marked(record));
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects file " + file, e);
        }
    }

    /** Whether a header is a rejects file's: {@code line} and {@code reason} first. */
    static boolean isRejectsHeader(List<String> header) {
        return header.size() >= 2 && header.get(0).trim().toLowerCase(Locale.ROOT).equals(LINE)
                && header.get(1).trim().toLowerCase(Locale.ROOT).equals(REASON);
    }

    /** The cells with a leading {@code '} before each that a spreadsheet would run as a formula. */
    static List<String> marked(List<String> cells) {
        return cells.stream().map(c -> c != null && !c.isEmpty() && FORMULA_START.indexOf(c.charAt(0)) >= 0 ? "'" + c : c)
                .toList();
    }

    /** The cells with the mark of {@link #marked} removed. */
    static List<String> unmarked(List<String> cells) {
        return cells.stream().map(c -> c != null && c.length() > 1 && c.charAt(0) == '\''
                && FORMULA_START.indexOf(c.charAt(1)) >= 0 ? c.substring(1) : c).toList();
    }

    synchronized long count() {
        return count;
    }

    /** The rejects file, or null when nothing was rejected. */
    synchronized Path file() {
        return count == 0 ? null : file;
    }

    /** Puts the rows in line order, flushes and syncs the file to disk. */
    @Override
    public synchronized void close() throws IOException {
        if (printer != null) {
            printer.flush();
            channel.force(true);
            printer.close();
            printer = null;
            if (!inOrder) {
                sortByLine();
                inOrder = true;
            }
        }
    }

    private CSVFormat format() {
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setRecordSeparator("\r\n").get();
    }

    /** A printer of rejects rows (UTF-8, the file's delimiter) onto a file opened private. */
    private CSVPrinter printer(FileChannel target) throws IOException {
        return format().print(new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(target),
                StandardCharsets.UTF_8), 64 * 1024));
    }

    /** Sorted runs of {@link #RUN} rows in files beside it, merged into it by line. */
    private void sortByLine() throws IOException {
        List<Path> runs = new ArrayList<>();
        try {
            try (java.io.Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                    org.apache.commons.csv.CSVParser parser = format().parse(in)) {
                java.util.Iterator<org.apache.commons.csv.CSVRecord> records = parser.iterator();
                records.next(); // the header
                List<List<String>> run = new ArrayList<>();
                while (records.hasNext()) {
                    run.add(records.next().toList());
                    if (run.size() == runSize || !records.hasNext()) {
                        run.sort(java.util.Comparator.comparingLong(CsvRejects::lineOf));
                        Path runFile = file.resolveSibling(file.getFileName() + ".run" + runs.size());
                        runs.add(runFile);
                        write(runFile, run);
                        run.clear();
                    }
                }
            }
            merge(runs);
        } finally {
            for (Path run : runs) {
                Files.deleteIfExists(run);
            }
        }
    }

    private void write(Path target, List<List<String>> rows) throws IOException {
        try (CSVPrinter out = printer(DurableFiles.openPrivate(target))) {
            for (List<String> row : rows) {
                out.printRecord(row);
            }
        }
    }

    /** The runs merged by line into the rejects file, through a file beside it moved in place. */
    private void merge(List<Path> runs) throws IOException {
        Path merged = file.resolveSibling(file.getFileName() + ".sorted");
        List<org.apache.commons.csv.CSVParser> parsers = new ArrayList<>();
        try (FileChannel target = DurableFiles.openPrivate(merged);
                CSVPrinter out = printer(target)) {
            out.printRecord(header);
            java.util.PriorityQueue<Map.Entry<List<String>, java.util.Iterator<org.apache.commons.csv.CSVRecord>>> next =
                    new java.util.PriorityQueue<>(java.util.Comparator.comparingLong(e -> lineOf(e.getKey())));
            for (Path run : runs) {
                org.apache.commons.csv.CSVParser parser = format().parse(Files.newBufferedReader(run,
                        StandardCharsets.UTF_8));
                parsers.add(parser);
                java.util.Iterator<org.apache.commons.csv.CSVRecord> records = parser.iterator();
                if (records.hasNext()) {
                    next.add(Map.entry(records.next().toList(), records));
                }
            }
            while (!next.isEmpty()) {
                Map.Entry<List<String>, java.util.Iterator<org.apache.commons.csv.CSVRecord>> first = next.poll();
                out.printRecord(first.getKey());
                if (first.getValue().hasNext()) {
                    next.add(Map.entry(first.getValue().next().toList(), first.getValue()));
                }
            }
            out.flush();
            target.force(true);
        } finally {
            for (org.apache.commons.csv.CSVParser parser : parsers) {
                parser.close();
            }
        }
        Files.move(merged, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static long lineOf(List<String> row) {
        return Long.parseLong(row.get(0));
    }
}
