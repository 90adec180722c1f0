package io.ogsm.connector.source.csv;

import io.ogsm.connector.pipeline.DeliveryHeaders;
import io.ogsm.connector.pipeline.DeliveryLedger;
import io.ogsm.connector.measurement.IdempotencyKey;
import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.measurement.MeasurementType;
import io.ogsm.connector.measurement.TitleResolver;
import io.ogsm.connector.measurement.UnresolvedTitleException;
import io.ogsm.connector.ogsm.OgsmJson;
import io.ogsm.connector.source.csv.CsvDropFile.Outcome;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The steps of the {@code csv-drop} route ({@code routes/csv-drop.yaml}). {@link #open} opens a dropped file and
 * hands the route its rows one at a time; {@link #row} makes a row the deliver route's input (or marks a reject);
 * {@link #rejected}, {@link #check} (dry run) and {@link #deliver} record how each row ended; {@link #finish} moves
 * the file to {@code done/} with its rejects and summary once every row is settled; {@link #fail} moves a file that
 * cannot be read to {@code failed/} with the reason.
 *
 * <p>Nothing is deleted or moved before the file is settled: after a crash the file is still in the inbox and is
 * read again from the start, and rows already delivered are found by their idempotency key and not posted again.
 */
public class CsvDrop {

    /** Exchange property: the {@link CsvDropFile} being read (shared by the file's row exchanges). */
    public static final String FILE = "OgsmCsvFile";
    /** Exchange property of a row exchange: its {@link CsvResult}. */
    public static final String ROW = "OgsmCsvRow";
    static final String DELIVER = "direct:deliver";

    private static final Logger LOG = Logger.getLogger(CsvDrop.class);

    private final CsvDropFolder folder;
    private final CsvOptions options;
    private final long maxFileSize;
    private final boolean dryRun;
    private final TitleResolver titles;
    private final DeliveryLedger delivered;
    private final Clock clock;
    private final ProducerTemplate producer;

    private final int concurrency;
    /** direct:deliver, resolved once: a URI is parsed and normalised on each send that names it. */
    private volatile Endpoint deliver;

    public CsvDrop(CsvDropFolder folder, CsvOptions options, long maxFileSize, boolean dryRun, TitleResolver titles,
            DeliveryLedger delivered, Clock clock, ProducerTemplate producer, int concurrency) {
        this.producer = producer;
        this.concurrency = concurrency;
        this.folder = folder;
        this.options = options;
        this.maxFileSize = maxFileSize;
        this.dryRun = dryRun;
        this.titles = titles;
        this.delivered = delivered;
        this.clock = clock;
    }

    /** Opens the dropped file; the body becomes an iterator of its rows. Whole-file problems throw. */
    public void open(Exchange exchange) throws CsvFileException {
        Path relative = relative(exchange);
        String name = CsvDropFolder.name(relative);
        folder.checkReadable(relative);
        Path file = folder.inbox().resolve(relative);
        InputStream in;
        try {
            long size = Files.size(file);
            if (size > maxFileSize) {
                throw new CsvFileException(name, 0, "is " + size + " bytes, more than ogsm.csv.max-file-size ("
                        + maxFileSize + " bytes)");
            }
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw new CsvFileException(name, 0, "cannot be opened: " + e.getMessage(), e);
        }
        CsvMeasurements csv = CsvMeasurements.open(in, name,
                options.withDefaultType(CsvDropFolder.folderType(relative)));
        CsvDropFile drop = new CsvDropFile(exchange.getExchangeId(), relative, dryRun, clock.instant(), csv,
                new CsvRejects(folder.workFile(relative), csv.header(), csv.delimiter()), concurrency);
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
        Map<String, String> source = new LinkedHashMap<>();
        source.put("kind", "csv");
        source.put("file", drop.name());
        source.put("line", Long.toString(result.line()));
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
                Outcome.REJECTED);
    }

    /**
     * Dry run: the row's title is resolved as the deliver route would, and its key looked up, but nothing is posted.
     * An unknown or ambiguous title, or a list that cannot be read, rejects the row.
     */
    public void check(Exchange exchange) {
        CsvDropFile drop = file(exchange);
        Measurement measurement = exchange.getIn().getBody(Measurement.class);
        Measurement resolved;
        try {
            resolved = titles.resolve(measurement);
        } catch (UnresolvedTitleException e) {
            drop.reject(rowOf(exchange), e.getMessage(), Outcome.REJECTED);
            return;
        } catch (RuntimeException e) {
            drop.reject(rowOf(exchange), "cannot read the " + (measurement.type() == MeasurementType.KPI ? "KPI" : "goal")
                    + " list to resolve " + measurement.subject() + ": " + e.getMessage(), Outcome.REJECTED);
            return;
        }
        drop.count(delivered.delivered(IdempotencyKey.of(resolved)).isPresent() ? Outcome.DUPLICATE : Outcome.VALID);
    }

    /**
     * Sends the row's measurement through the deliver route ({@code direct:deliver}) and records how it ended: a
     * dead-lettered row goes to the rejects with the failure (the API's answer). The route is called from here, not
     * with a {@code to} step, because a measurement the deliver route dead-letters ends that exchange's routing.
     */
    public void deliver(Exchange exchange) {
        CsvDropFile drop = file(exchange);
        CsvResult row = rowOf(exchange);
        Object measurement = exchange.getIn().getBody();
        Object source = exchange.getIn().getHeader(DeliveryHeaders.SOURCE);
        // up to ogsm.delivery.concurrency rows of the file in flight; the reader waits for a free slot
        drop.rowStarted();
        try {
            producer.asyncSend(deliverEndpoint(), delivery -> {
                delivery.getIn().setBody(measurement);
                delivery.getIn().setHeader(DeliveryHeaders.SOURCE, source);
            }).whenComplete((result, error) -> {
                try {
                    if (error != null) {
                        drop.fail(error);
                    } else {
                        settled(drop, row, result);
                    }
                } finally {
                    drop.rowEnded();
                }
            });
        } catch (RuntimeException e) {
            drop.rowEnded();
            throw e;
        }
    }

    private Endpoint deliverEndpoint() {
        Endpoint endpoint = deliver;
        if (endpoint == null) {
            endpoint = producer.getCamelContext().getEndpoint(DELIVER);
            deliver = endpoint;
        }
        return endpoint;
    }

    private static void settled(CsvDropFile drop, CsvResult row, Exchange result) {
        String outcome = result.getIn().getHeader(DeliveryHeaders.OUTCOME, String.class);
        if (DeliveryHeaders.DELIVERED.equals(outcome)) {
            drop.count(Outcome.DELIVERED);
        } else if (DeliveryHeaders.DUPLICATE.equals(outcome)) {
            drop.count(Outcome.DUPLICATE);
        } else if (DeliveryHeaders.DEAD_LETTERED.equals(outcome)) {
            String reason = result.getIn().getHeader(DeliveryHeaders.FAILURE_MESSAGE, String.class);
            drop.reject(row, reason, Outcome.DEAD_LETTERED);
        } else {
            drop.fail(new IllegalStateException("line " + row.line() + " was not settled by the deliver"
                    + " route (outcome " + outcome + ")", result.getException()));
        }
    }

    /** Every row is settled: rejects and summary beside the file in {@code done/}, then the file itself. */
    public void finish(Exchange exchange) throws IOException {
        CsvDropFile drop = file(exchange);
        Path rejects = drop.close();
        if (drop.failure() != null) {
            toFailed(drop.relative(), drop, drop.failure(), rejects);
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
        CsvDropFolder.move(folder.inbox().resolve(drop.relative()), target);
        LOG.infof("CSV %s: %s; moved to %s%s", CsvDropFolder.printable(drop.name()), drop.progress(),
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
        toFailed(relative, drop, failure, rejects);
    }

    private void toFailed(Path relative, CsvDropFile drop, Throwable failure, Path rejects) {
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
        CsvDropFolder.move(folder.inbox().resolve(relative), target);
        LOG.warnf("CSV %s moved to %s: %s", CsvDropFolder.printable(name), CsvDropFolder.printable(shown(target)),
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
