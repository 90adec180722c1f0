package io.ogsm.connector.deadletter;

import io.ogsm.connector.pipeline.Decision;
import io.ogsm.connector.pipeline.DeliveryHeaders;
import io.ogsm.connector.pipeline.Outcome;
import io.ogsm.connector.pipeline.SourceRef;
import io.ogsm.connector.delivery.DeliveryMetrics;
import io.ogsm.connector.pipeline.DeliveryLedger;
import io.ogsm.connector.pipeline.FailureClassifier;
import io.ogsm.connector.pipeline.FailureReason;
import io.ogsm.connector.delivery.MeasurementRequests;
import io.ogsm.connector.measurement.IdempotencyKey;
import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.ogsm.OgsmApiException;
import org.apache.camel.Exchange;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a measurement the delivery route gave up on into a {@link DeadLetter} (the route's last step), and replays
 * dead letters through the same route.
 */
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    static final int MAX_TEXT = 8192;
    /** Exchange property: the {@link DeadLetter} just written (the dead-letter topic's record is made of it). */
    public static final String LETTER = "OgsmDeadLetter";
    /** Exchange property of a replay: the id of the dead letter replayed. */
    static final String REPLAYED = "OgsmReplayed";
    /** Header of a replay that did not reach the deliver route: {@value #NOT_FOUND} or {@value #NOT_REPLAYABLE}. */
    public static final String NOT_REPLAYED = "OgsmNotReplayed";
    public static final String NOT_FOUND = "not_found";
    public static final String NOT_REPLAYABLE = "not_replayable";

    private final DeadLetterStore store;
    private final DeliveryLedger deliveryStore;
    private final FailureClassifier classifier;
    private final DeliveryMetrics metrics;
    private final Clock clock;

    public DeadLetters(DeadLetterStore store, DeliveryLedger deliveryStore, FailureClassifier classifier,
            DeliveryMetrics metrics, Clock clock) {
        this.store = store;
        this.deliveryStore = deliveryStore;
        this.classifier = classifier;
        this.metrics = metrics;
        this.clock = clock;
    }

    public DeadLetterStore store() {
        return store;
    }

    /** The deliver route's dead-letter step: writes the document, tells the source how it ended. */
    @SuppressWarnings("unchecked")
    public void record(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Decision decision = classifier.classify(failure);
        FailureReason reason = decision.retry() ? FailureReason.RETRIES_EXHAUSTED : decision.reason();
        Measurement measurement = exchange.getIn().getBody() instanceof Measurement m ? m : null;
        String input = exchange.getIn().getHeader(DeliveryHeaders.INPUT, String.class);
        String key = exchange.getIn().getHeader(DeliveryHeaders.KEY, String.class);
        SourceRef source = exchange.getIn().getHeader(DeliveryHeaders.SOURCE, SourceRef.class);
        int failures = Math.max(1, exchange.getProperty(DeliveryHeaders.FAILURES, 1, Integer.class));
        Instant started = exchange.getIn().getHeader(DeliveryHeaders.STARTED, Instant.class);

        Throwable cause = failure != null && failure.getCause() != null ? failure.getCause() : failure;
        Integer status = null;
        String responseBody = null;
        Map<String, String> exception = null;
        if (cause instanceof OgsmApiException api) {
            status = api.status();
            responseBody = cut(api.responseBody());
        } else if (cause != null) {
            exception = new LinkedHashMap<>();
            exception.put("class", cause.getClass().getName());
            exception.put("message", cut(String.valueOf(cause.getMessage())));
        }
        String message = failure == null ? reason.key() : cut(failure.getMessage());
        String id = key != null ? key
                : "in-" + IdempotencyKey.digest(measurement != null ? measurement.toString() : String.valueOf(input));
        DeadLetter letter = new DeadLetter(id, key, reason, message, source, measurement,
                measurement == null ? cut(input) : null,
                measurement != null && measurement.id() != null ? MeasurementRequests.describe(measurement) : null,
                status, responseBody, exception, failures, started, clock.instant());
        settle(exchange, letter);
    }

    /**
     * A source's input that never became a measurement (header {@link DeliveryHeaders#INVALID} holds why): a dead
     * letter with reason {@code mapping} and the raw input. A Kafka poison message (header
     * {@link DeliveryHeaders#POISON}) also goes to the dead-letter topic as it was, key and value.
     */
    @SuppressWarnings("unchecked")
    public void recordInvalid(Exchange exchange) {
        SourceRef source = exchange.getIn().getHeader(DeliveryHeaders.SOURCE, SourceRef.class);
        String why = exchange.getIn().getHeader(DeliveryHeaders.INVALID, String.class);
        String input = exchange.getIn().getHeader(DeliveryHeaders.INPUT, String.class);
        String id = "in-" + IdempotencyKey.digest(String.valueOf(source) + "\n" + input);
        Instant now = clock.instant();
        DeadLetter letter = new DeadLetter(id, null, FailureReason.MAPPING, cut(why), source, null, cut(input), null,
                null, null, null, 1, now, now);
        settle(exchange, letter);
    }

    /**
     * A dropped file's rows that are no measurement, as one dead letter (reason {@code mapping}): the file, how many
     * rows, the first one's line and reason, and the rejects file that holds them all. Its id is the file's name and
     * version, so the same file read again (after a restart) writes the same one. Not replayable: the rows are fixed
     * in the rejects file, which is dropped again.
     */
    public void recordFile(Exchange exchange) {
        SourceRef source = exchange.getIn().getHeader(DeliveryHeaders.SOURCE, SourceRef.class);
        Instant now = clock.instant();
        String id = "file-" + IdempotencyKey.digest(String.valueOf(source));
        DeadLetter letter = new DeadLetter(id, null, FailureReason.MAPPING,
                cut(exchange.getIn().getHeader(DeliveryHeaders.INVALID, String.class)), source, null, null, null, null,
                null, null, 1, now, now, exchange.getIn().getHeader(DeliveryHeaders.REJECTED_ROWS, Long.class),
                exchange.getIn().getHeader(DeliveryHeaders.REJECTS_FILE, String.class));
        store.write(letter);
        exchange.setProperty(LETTER, letter);
        metrics.deadLettered(SourceRef.Kind.CSV.key(), letter.reason());
        LOG.warnf("Dead letter %s: reason mapping, %s: %d %s no measurement, in %s", id, describe(source),
                letter.rows(), letter.rows() == 1 ? "row is" : "rows are", letter.rejectsFile());
    }

    /**
     * A rejects file was dropped again and settled: the dead letters it settles go, one pass over the dead letters for
     * each name its original had.
     * Those of the original file's rows now delivered (header {@link DeliveryHeaders#SETTLED_LINES}), and the
     * original's dead letter of rows that were no measurement (the rejects file holds what is left of them, and has a
     * dead letter of its own if any are still wrong).
     */
    @SuppressWarnings("unchecked")
    public void settled(Exchange exchange) {
        List<String> files = exchange.getIn().getHeader(DeliveryHeaders.SETTLES, List.class);
        java.util.Set<Long> lines = exchange.getIn().getHeader(DeliveryHeaders.SETTLED_LINES, java.util.Set.class);
        int removed = 0;
        for (String file : files) {
            for (DeadLetter letter : store.list(new DeadLetterStore.Filter(java.util.Optional.empty(),
                    java.util.Optional.of(SourceRef.Kind.CSV.key()), java.util.Optional.of(file)), Integer.MAX_VALUE)) {
                String line = letter.source().get("line");
                boolean settled = line == null ? letter.rows() != null
                        : lines != null && line.matches("[0-9]{1,18}") && lines.contains(Long.parseLong(line));
                if (settled && store.remove(letter.id())) {
                    removed++;
                }
            }
        }
        if (removed > 0) {
            LOG.infof("CSV %s: %d earlier dead letter%s of %s settled by it", exchange.getIn().getHeader(
                    Exchange.FILE_NAME, String.class), removed, removed == 1 ? "" : "s", String.join(" or ", files));
        }
    }

    private void settle(Exchange exchange, DeadLetter letter) {
        store.write(letter);
        exchange.setProperty(LETTER, letter);
        SourceRef source = letter.source();
        String sourceKind = (source == null ? SourceRef.Kind.UNKNOWN : source.kind()).key();
        metrics.deadLettered(sourceKind, letter.reason());
        metrics.outcome(sourceKind, Outcome.DEAD_LETTERED);
        metrics.remember(new DeliveryMetrics.Recent(clock.instant(), sourceKind, Outcome.DEAD_LETTERED.key(),
                letter.id(), letter.reason().key()));
        String trackingKey = exchange.getIn().getHeader(DeliveryHeaders.TRACKING_KEY, String.class);
        if (trackingKey != null) {
            deliveryStore.track(trackingKey, new DeliveryLedger.Tracking(Outcome.DEAD_LETTERED.key(), letter.key(),
                    null, letter.reason().key(), letter.id(), null, clock.instant()));
        }
        exchange.getIn().setHeader(DeliveryHeaders.OUTCOME, Outcome.DEAD_LETTERED);
        exchange.getIn().setHeader(DeliveryHeaders.FAILURE_REASON, letter.reason().key());
        exchange.getIn().setHeader(DeliveryHeaders.FAILURE_MESSAGE, letter.message());
        LOG.warnf("Dead letter %s: reason %s, %s, after %d attempt(s)%s", letter.id(), letter.reason().key(),
                describe(source), letter.attempts(),
                letter.responseStatus() == null ? "" : ", HTTP " + letter.responseStatus());
    }

    /**
     * The replay route's first step: the body (a dead letter's id) becomes its measurement, with the source
     * {@code kind: replay}; header {@link #NOT_REPLAYED} is {@code not_replayable} when its input never became a
     * measurement, {@code not_found} when there is no such dead letter.
     */
    public void replaying(Exchange exchange) {
        String id = exchange.getIn().getBody(String.class);
        exchange.setProperty(REPLAYED, id);
        Optional<DeadLetter> found = store.find(id);
        if (found.isEmpty()) {
            exchange.getIn().setHeader(NOT_REPLAYED, NOT_FOUND);
            return;
        }
        DeadLetter letter = found.get();
        if (letter.measurement() == null) {
            exchange.getIn().setHeader(NOT_REPLAYED, NOT_REPLAYABLE);
            exchange.getIn().setHeader(DeliveryHeaders.FAILURE_MESSAGE, letter.rejectsFile() != null
                    ? "rows that are no measurement: fix them in " + letter.rejectsFile() + " and drop that file again"
                    : "the input never became a measurement; fix it at the source and send it again");
            return;
        }
        exchange.getIn().setBody(letter.measurement());
        exchange.getIn().setHeader(DeliveryHeaders.SOURCE, SourceRef.replay(id, letter.source()));
        if (letter.source() != null && letter.source().kind() == SourceRef.Kind.PUSH
                && letter.source().get("key") != null) {
            // a pushed measurement's status follows its replay: delivered, or dead-lettered again
            exchange.getIn().setHeader(DeliveryHeaders.TRACKING_KEY, letter.source().get("key"));
        }
    }

    /** After the replay's delivery: a dead letter delivered (or found delivered already) is removed. */
    public void replayed(Exchange exchange) {
        Outcome outcome = exchange.getIn().getHeader(DeliveryHeaders.OUTCOME, Outcome.class);
        if (outcome != null && outcome.stored()) {
            String id = exchange.getProperty(REPLAYED, String.class);
            store.remove(id);
            LOG.infof("Dead letter %s replayed: %s", id, outcome.key());
        }
    }

    private static String describe(SourceRef source) {
        return source == null ? "source unknown" : source.describe();
    }

    static String cut(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
