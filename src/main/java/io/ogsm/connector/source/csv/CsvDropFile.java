package io.ogsm.connector.source.csv;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ogsm.connector.ogsm.OgsmJson;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One dropped file while the {@code csv-drop} route reads it: its rows (read lazily), the counts of how each row
 * ended, its rejects file, and the failure that stopped it, if any. Memory does not depend on the file's size.
 */
final class CsvDropFile {

    /** How a row ended. */
    enum RowOutcome { DELIVERED, DUPLICATE, REJECTED, DEAD_LETTERED, VALID }

    private final String exchangeId;
    private final Path relative;
    private final String name;
    private final boolean dryRun;
    private final Instant startedAt;
    private final Instant modified;
    private final DroppedRows csv;
    private final CsvRejects rejects;
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong valid = new AtomicLong();
    private volatile Throwable failure;
    private volatile long lastLine;
    /** The first row (by line) that is no measurement, and why. */
    private long firstRejectedLine = Long.MAX_VALUE;
    private String firstRejectedReason;
    /** A rejects file dropped again: the original file's lines its delivered rows fixed. */
    private final Set<Long> fixed = ConcurrentHashMap.newKeySet();

    CsvDropFile(String exchangeId, Path relative, Instant modified, boolean dryRun, Instant startedAt,
            DroppedRows csv, CsvRejects rejects) {
        this.modified = modified;
        this.exchangeId = exchangeId;
        this.relative = relative;
        this.name = CsvDropFolder.name(relative);
        this.dryRun = dryRun;
        this.startedAt = startedAt;
        this.csv = csv;
        this.rejects = rejects;
    }

    /** The id of the exchange that carries the file (rows are other exchanges). */
    String exchangeId() {
        return exchangeId;
    }

    Path relative() {
        return relative;
    }

    String name() {
        return name;
    }

    /**
     * When the file was last written: with its name, the version of the file (a file saved again is another drop; the
     * same file read again after a restart is the same one, see {@code Changes.event}).
     */
    Instant modified() {
        return modified;
    }

    boolean dryRun() {
        return dryRun;
    }

    /**
     * The file's rows, read as they are asked for. The iteration ends early once the file has failed: a row's
     * failure, or the parser's {@link UncheckedCsvFileException} from some line on, which is kept as the failure
     * rather than thrown, so that the rows read before it (the route may look one row ahead) are still settled.
     */
    Iterator<CsvResult> rows() {
        Iterator<CsvResult> records = csv.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (failure != null) {
                    return false;
                }
                try {
                    return records.hasNext();
                } catch (UncheckedCsvFileException e) {
                    fail(e.getCause());
                    return false;
                }
            }

            @Override
            public CsvResult next() {
                if (!hasNext()) {
                    throw new NoSuchElementException(name + " has no more rows");
                }
                CsvResult next = records.next();
                rows.incrementAndGet();
                lastLine = next.line();
                return next;
            }
        };
    }

    void count(RowOutcome outcome) {
        switch (outcome) {
            case DELIVERED -> delivered.incrementAndGet();
            case DUPLICATE -> duplicates.incrementAndGet();
            case REJECTED -> rejected.incrementAndGet();
            case DEAD_LETTERED -> deadLettered.incrementAndGet();
            case VALID -> valid.incrementAndGet();
        }
    }

    /** Writes the row to the rejects file with its reason and counts it as {@code outcome}. */
    void reject(CsvResult row, String reason, RowOutcome outcome) {
        rejects.add(row.line(), reason, row.values());
        if (outcome == RowOutcome.REJECTED) {
            firstRejected(row.line(), reason);
        }
        count(outcome);
    }

    private synchronized void firstRejected(long line, String reason) {
        if (line < firstRejectedLine) {
            firstRejectedLine = line;
            firstRejectedReason = reason;
        }
    }

    /** A rejects file's row was delivered: {@code line}, its line in the original file, is fixed. */
    void fixed(long line) {
        fixed.add(line);
    }

    /** The original file's lines fixed by this rejects file. */
    Set<Long> fixedLines() {
        return Set.copyOf(fixed);
    }

    /** Whether the file is a rejects file dropped again (after a fix). */
    boolean rejectsFile() {
        return csv.rejectsFile();
    }

    /** How many rows are no measurement. */
    long rejected() {
        return rejected.get();
    }

    /** The first row (by line) that is no measurement, as {@code line 6: date '…' …}, or null. */
    synchronized String firstRejected() {
        return firstRejectedReason == null ? null : "line " + firstRejectedLine + ": " + firstRejectedReason;
    }

    /** Stops the iteration: the file goes to {@code failed/} with this cause. The first failure wins. */
    synchronized void fail(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
    }

    Throwable failure() {
        return failure;
    }

    /** Closes the file and syncs the rejects (every row is settled); the rejects file, or null if none. */
    Path close() throws IOException {
        try {
            csv.close();
        } finally {
            rejects.close();
        }
        return rejects.file();
    }

    /** One line on how far the file got, for the log and the error file. */
    String progress() {
        return count(rows.get(), "row") + ": " + delivered.get() + " delivered, " + count(duplicates.get(), "duplicate")
                + ", " + rejected.get() + " rejected, " + deadLettered.get() + " dead-lettered"
                + (dryRun ? ", " + valid.get() + " valid (dry run: nothing posted)" : "");
    }

    /** {@code 1 row}, {@code 2 rows}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The line of the last row read (0 before the first). */
    long lastLine() {
        return lastLine;
    }

    /** The summary written beside the file in {@code done/}. */
    ObjectNode summary(String movedTo, String rejectsFile, Instant finishedAt) {
        ObjectNode summary = OgsmJson.mapper().createObjectNode();
        summary.put("file", name);
        summary.put("moved_to", movedTo);
        csv.readAs().forEach(summary::put);
        summary.put("rows", rows.get());
        summary.put("delivered", delivered.get());
        summary.put("duplicates", duplicates.get());
        summary.put("rejected", rejected.get());
        summary.put("dead_lettered", deadLettered.get());
        summary.put("dry_run", dryRun);
        if (dryRun) {
            summary.put("valid", valid.get());
        }
        if (rejectsFile == null) {
            summary.putNull("rejects_file");
        } else {
            summary.put("rejects_file", rejectsFile);
        }
        summary.put("started_at", startedAt.toString());
        summary.put("finished_at", finishedAt.toString());
        return summary;
    }
}
