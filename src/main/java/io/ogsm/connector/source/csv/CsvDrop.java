package io.ogsm.connector.source.csv;

import io.ogsm.connector.pipeline.DeliveryHeaders;
import io.ogsm.connector.pipeline.Outcome;
import io.ogsm.connector.pipeline.SourceRef;
import io.ogsm.connector.pipeline.DeliveryLedger;
import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.measurement.TitleResolver;
import io.ogsm.connector.ogsm.OgsmJson;
import io.ogsm.connector.source.csv.CsvDropFile.RowOutcome;
import org.apache.camel.Exchange;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The steps of the {@code csv-drop} route ({@code routes/csv-drop.yaml}). {@link #open} opens a dropped file and
 * hands the route its rows one at a time; {@link #row} makes a row the deliver route's input (or marks a reject);
 * {@link #rejected}, {@link #check} (dry run) and {@link #settled} record how each row ended; {@link #finish} puts
 * the file's rejects and summary in {@code done/} once every row is settled, {@link #fail} the reason of a file that
 * cannot be read in {@code failed/}; both set the place Camel then moves the file to ({@link #TARGET}).
 *
 * <p>Nothing is deleted or moved before the file is settled: after a crash the file is still in the inbox and is
 * read again from the start, and rows already delivered are found by their idempotency key and not posted again.
 */
public class CsvDrop {

    /** Exchange property: the {@link CsvDropFile} being read (shared by the file's row exchanges). */
    public static final String FILE = "OgsmCsvFile";
    /** Exchange property of a row exchange: its {@link CsvResult}. */
    public static final String ROW = "OgsmCsvRow";
    /** Exchange property of the file's exchange: where Camel moves the settled file (the route's {@code move}). */
    public static final String TARGET = "OgsmCsvTarget";

    private static final Logger LOG = Logger.getLogger(CsvDrop.class);

    private final CsvDropFolder folder;
    private final CsvOptions options;
    private final java.util.function.Supplier<IntakeProfiles> profiles;
    private final long maxFileSize;
    private final boolean dryRun;
    private final CsvCheck check;
    private final Clock clock;

    /** @param profiles the intake profiles, by the folder a file lies in ({@link IntakeSetup}) */
    public CsvDrop(CsvDropFolder folder, CsvOptions options, java.util.function.Supplier<IntakeProfiles> profiles,
            long maxFileSize, boolean dryRun, TitleResolver titles, DeliveryLedger delivered, Clock clock) {
        this.folder = folder;
        this.options = options;
        this.profiles = profiles;
        this.maxFileSize = maxFileSize;
        this.dryRun = dryRun;
        this.check = new CsvCheck(titles, delivered, clock);
        this.clock = clock;
    }

    /** Opens the dropped file; the body becomes an iterator of its rows. Whole-file problems throw. */
    public void open(Exchange exchange) throws CsvFileException {
        Path relative = relative(exchange);
        String name = CsvDropFolder.name(relative);
        if (!CsvDropFolder.isRead(name)) {
            throw new CsvFileException(name, 0, CsvDropFolder.notRead());
        }
        folder.checkReadable(relative);
        Path file = folder.inbox().resolve(relative);
        Instant modified;
        try {
            long size = Files.size(file);
            modified = Files.getLastModifiedTime(file).toInstant();
            if (size > maxFileSize) {
                throw new CsvFileException(name, 0, "is " + size + " bytes, more than ogsm.csv.max-file-size ("
                        + maxFileSize + " bytes)");
            }
        } catch (IOException e) {
            throw new CsvFileException(name, 0, "cannot be opened: " + e.getMessage(), e);
        }
        DroppedRows csv = DroppedRows.open(file, name, options.with(profiles.get().forFile(relative),
                CsvDropFolder.folderType(relative)));
        CsvDropFile drop = new CsvDropFile(exchange.getExchangeId(), relative, modified, dryRun, clock.instant(), csv,
                new CsvRejects(folder.workFile(relative), csv.header(), csv.delimiter()));
        exchange.setProperty(FILE, drop);
        exchange.getIn().setBody(drop.rows());
        LOG.debugf("CSV %s: reading%s", CsvDropFolder.printable(name), dryRun ? " (dry run)" : "");
    }

    /**
     * A row becomes the deliver route's input: its measurement with the source reference (kind {@code csv}, file,
     * line). A reject gets headers {@link DeliveryHeaders#INVALID} (its reason) and {@link DeliveryHeaders#INPUT}.
     */
    public void row(Exchange exchange) {
        CsvDropFile drop = file(exchange);
        CsvResult result = exchange.getIn().getBody(CsvResult.class);
        exchange.setProperty(ROW, result);
        SourceRef source = SourceRef.csv(drop.name(), drop.modified(), result.line());
        if (result instanceof CsvResult.Row row && row.column() != null) {
            source = source.with("column", row.column()); // a wide sheet's record holds a measurement per period
        }
        exchange.getIn().setHeader(DeliveryHeaders.SOURCE, source);
        if (result instanceof CsvResult.Row row) {
            exchange.getIn().setBody(row.measurement());
        } else if (result instanceof CsvResult.Reject reject) {
            exchange.getIn().setHeader(DeliveryHeaders.INVALID, reject.reason());
            exchange.getIn().setHeader(DeliveryHeaders.INPUT, reject.raw());
        }
    }

    /** A row that is no measurement goes to the rejects with its reason. */
    public void rejected(Exchange exchange) {
        file(exchange).reject(rowOf(exchange), exchange.getIn().getHeader(DeliveryHeaders.INVALID, String.class),
                RowOutcome.REJECTED);
    }

    /**
     * Dry run: the row's title is resolved as the deliver route would, and its key looked up, but nothing is posted.
     * An unknown or ambiguous title, or a list that cannot be read, rejects the row.
     */
    public void check(Exchange exchange) {
        CsvDropFile drop = file(exchange);
        CsvCheck.Judgement judgement = check.judge(exchange.getIn().getBody(Measurement.class),
                exchange.getIn().getHeader(DeliveryHeaders.SOURCE, SourceRef.class));
        switch (judgement.verdict()) {
            case REJECTED -> drop.reject(rowOf(exchange), judgement.reason(), RowOutcome.REJECTED);
            case DUPLICATE -> drop.count(RowOutcome.DUPLICATE);
            case VALID -> drop.count(RowOutcome.VALID);
        }
    }

    /**
     * The names the original of a rejects file dropped again had in the inbox: {@code kpis/october.csv} for
     * {@code kpis/october.csv.rejects.csv}, and for {@code kpis/october-2.csv.rejects.csv} (a name {@code done/} gave a
     * file dropped again) also {@code kpis/october.csv}.
     */
    static List<String> originals(String rejectsName) {
        String suffix = ".rejects.csv";
        if (!rejectsName.toLowerCase(java.util.Locale.ROOT).endsWith(suffix)) {
            return List.of();
        }
        String original = rejectsName.substring(0, rejectsName.length() - suffix.length());
        java.util.regex.Matcher numbered = java.util.regex.Pattern.compile("(.*)-[0-9]{1,6}(\\.[^./]+)?").matcher(original);
        if (numbered.matches()) {
            return List.of(original, numbered.group(1) + (numbered.group(2) == null ? "" : numbered.group(2)));
        }
        return List.of(original);
    }

    /** After {@code direct:deliver}: counts how the row ended; a dead-lettered row goes to the rejects with why. */
    public void settled(Exchange exchange) {
        CsvDropFile drop = file(exchange);
        CsvResult row = rowOf(exchange);
        Outcome outcome = exchange.getIn().getHeader(DeliveryHeaders.OUTCOME, Outcome.class);
        if (outcome != null && outcome.stored() && drop.rejectsFile() && !row.values().isEmpty()
                && row.values().get(0).trim().matches("[0-9]{1,18}")) {
            drop.fixed(Long.parseLong(row.values().get(0).trim())); // the row's line in the original file
        }
        if (outcome == Outcome.DELIVERED) {
            drop.count(RowOutcome.DELIVERED);
        } else if (outcome == Outcome.DUPLICATE) {
            drop.count(RowOutcome.DUPLICATE);
        } else if (outcome == Outcome.DEAD_LETTERED) {
            drop.reject(row, exchange.getIn().getHeader(DeliveryHeaders.FAILURE_MESSAGE, String.class),
                    RowOutcome.DEAD_LETTERED);
        } else {
            throw new IllegalStateException("line " + row.line() + " was not settled by the deliver route (outcome "
                    + outcome + ")");
        }
    }

    /** Every row is settled: rejects and summary beside the file's place in {@code done/}, where Camel moves it. */
    public void finish(Exchange exchange) throws IOException {
        CsvDropFile drop = file(exchange);
        Path rejects = drop.close();
        if (drop.failure() != null) {
            toFailed(exchange, drop.relative(), drop, drop.failure(), rejects);
            return;
        }
        Path target = folder.target(folder.done(), drop.relative());
        Path rejectsTarget = CsvDropFolder.beside(target, ".rejects.csv");
        if (rejects != null) {
            CsvDropFolder.move(rejects, rejectsTarget);
        } else {
            Files.deleteIfExists(rejectsTarget);
        }
        String movedTo = shown(target);
        CsvDropFolder.writeText(CsvDropFolder.beside(target, ".summary.json"), OgsmJson.mapper()
                .writerWithDefaultPrettyPrinter().writeValueAsString(drop.summary(movedTo,
                        rejects == null ? null : shown(rejectsTarget), clock.instant())) + "\n");
        exchange.setProperty(TARGET, target.toString());
        if (drop.rejectsFile() && !dryRun) {
            // the rejects file now holds what was left of the original's rows that were no measurement
            exchange.getIn().setHeader(DeliveryHeaders.SETTLES, originals(drop.name()));
            exchange.getIn().setHeader(DeliveryHeaders.SETTLED_LINES, drop.fixedLines());
        }
        if (drop.rejected() > 0 && !dryRun) {
            // one dead letter for the rows that are no measurement (routes/csv-drop.yaml sends it)
            exchange.getIn().setHeader(DeliveryHeaders.SOURCE, SourceRef.csvFile(drop.name(), drop.modified()));
            exchange.getIn().setHeader(DeliveryHeaders.REJECTED_ROWS, drop.rejected());
            exchange.getIn().setHeader(DeliveryHeaders.REJECTS_FILE, shown(rejectsTarget));
            exchange.getIn().setHeader(DeliveryHeaders.INVALID, CsvDropFile.count(drop.rejected(), "row") + " of "
                    + drop.name() + (drop.rejected() == 1 ? " is" : " are") + " no measurement (the first: "
                    + drop.firstRejected() + "); fix " + (drop.rejected() == 1 ? "it" : "them") + " in "
                    + shown(rejectsTarget) + " and drop that file again");
        }
        LOG.infof("CSV %s: %s; moves to %s%s", CsvDropFolder.printable(drop.name()), drop.progress(),
                CsvDropFolder.printable(movedTo), rejects == null ? "" : ", rejects in " + CsvDropFolder.printable(
                        shown(rejectsTarget)));
    }

    /**
     * The route's error step. For the file's exchange: the file cannot be read (on, from some line), so it moves to
     * {@code failed/} with a {@code .error.txt} saying why. For a row's exchange: the iteration stops and
     * {@link #finish} moves the file to {@code failed/}.
     */
    public void fail(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        CsvDropFile drop = exchange.getProperty(FILE, CsvDropFile.class);
        if (drop != null && !drop.exchangeId().equals(exchange.getExchangeId())) {
            drop.fail(failure);
            return;
        }
        Path relative;
        try {
            relative = drop != null ? drop.relative() : relative(exchange);
        } catch (RuntimeException e) {
            LOG.errorf(failure, "CSV file %s cannot be processed and was left where it is",
                    CsvDropFolder.printable(String.valueOf(exchange.getIn().getHeader(Exchange.FILE_PATH))));
            return;
        }
        Path rejects = null;
        if (drop != null) {
            try {
                rejects = drop.close();
            } catch (IOException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
        toFailed(exchange, relative, drop, failure, rejects);
    }

    private void toFailed(Exchange exchange, Path relative, CsvDropFile drop, Throwable failure, Path rejects) {
        String name = CsvDropFolder.name(relative);
        Path target = folder.target(folder.failed(), relative);
        String why = why(failure, name);
        StringBuilder text = new StringBuilder(why).append('\n');
        if (drop != null) {
            text.append("Rows read before it: ").append(drop.progress()).append(".\n");
            if (drop.lastLine() > 0) {
                text.append("Fix the file and drop it again: rows already delivered are not posted twice.\n");
            }
        }
        Path rejectsTarget = CsvDropFolder.beside(target, ".rejects.csv");
        try {
            if (rejects != null) {
                CsvDropFolder.move(rejects, rejectsTarget);
            } else {
                Files.deleteIfExists(rejectsTarget);
            }
        } catch (IOException | UncheckedIOException e) {
            text.append("(the rejects so far could not be kept: ").append(e.getMessage()).append(")\n");
        }
        CsvDropFolder.writeText(CsvDropFolder.beside(target, ".error.txt"), text.toString());
        exchange.setProperty(TARGET, target.toString());
        LOG.warnf("CSV %s moves to %s: %s", CsvDropFolder.printable(name), CsvDropFolder.printable(shown(target)),
                CsvDropFolder.printable(why));
    }

    /** The one-line reason of a failed file: the parser's message, which names the file and line. */
    static String why(Throwable failure, String name) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CsvFileException e) {
                return e.getMessage();
            }
        }
        return name + ": could not be processed: " + (failure == null ? "unknown failure" : failure.toString());
    }

    /** Where a target is, for people: relative to the data dir, such as {@code done/kpis/october.csv}. */
    private String shown(Path target) {
        return CsvDropFolder.name(folder.done().getParent().relativize(target));
    }

    private Path relative(Exchange exchange) {
        String absolute = exchange.getIn().getHeader("CamelFileAbsolutePath", String.class);
        if (absolute == null) {
            absolute = Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class)).toAbsolutePath()
                    .toString();
        }
        return folder.relative(Path.of(absolute));
    }

    private static CsvDropFile file(Exchange exchange) {
        CsvDropFile drop = exchange.getProperty(FILE, CsvDropFile.class);
        if (drop == null) {
            throw new IllegalStateException("no CSV file is being read on this exchange");
        }
        return drop;
    }

    private static CsvResult rowOf(Exchange exchange) {
        return exchange.getProperty(ROW, CsvResult.class);
    }
}
