package io.ogsm.connector.deadletter;

import io.ogsm.connector.pipeline.Decision;
import io.ogsm.connector.pipeline.DeliveryHeaders;
import io.ogsm.connector.delivery.DeliveryMetrics;
import io.ogsm.connector.delivery.DeliveryStore;
import io.ogsm.connector.pipeline.FailureClassifier;
import io.ogsm.connector.pipeline.FailureReason;
import io.ogsm.connector.delivery.MeasurementRequests;
import io.ogsm.connector.measurement.IdempotencyKey;
import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.ogsm.OgsmApiException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a measurement the delivery route gave up on into a {@link DeadLetter} (the route's last step), and replays
 * dead letters through the same route.
 */
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    static final int MAX_TEXT = 8192;

    private final DeadLetterStore store;
    private final DeliveryStore deliveryStore;
    private final FailureClassifier classifier;
    private final DeliveryMetrics metrics;
    private final DeadLetterTopic topic;
    private final Clock clock;
    private ProducerTemplate producer;

    public DeadLetters(DeadLetterStore store, DeliveryStore deliveryStore, FailureClassifier classifier,
            DeliveryMetrics metrics, DeadLetterTopic topic, Clock clock) {
        this.store = store;
        this.deliveryStore = deliveryStore;
        this.classifier = classifier;
        this.metrics = metrics;
        this.topic = topic;
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
        Map<String, String> source = exchange.getIn().getHeader(DeliveryHeaders.SOURCE, Map.class);
        int failures = Math.max(1, exchange.getProperty(DeliveryHeaders.FAILURES, 1, Integer.class));
        Instant started = exchange.getIn().getHeader(DeliveryHeaders.STARTED, Instant.class);

        Throwable cause = failure != null && failure.getCause() != null ? failure.getCause() : failure;
        int status = 0;
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
        topic.publishDocument(letter);
    }

    /**
     * A source's input that never became a measurement (header {@link DeliveryHeaders#INVALID} holds why): a dead
     * letter with reason {@code mapping} and the raw input. A Kafka poison message (header
     * {@link DeliveryHeaders#POISON}) also goes to the dead-letter topic as it was, key and value.
     */
    @SuppressWarnings("unchecked")
    public void recordInvalid(Exchange exchange) {
        Map<String, String> source = exchange.getIn().getHeader(DeliveryHeaders.SOURCE, Map.class);
        String why = exchange.getIn().getHeader(DeliveryHeaders.INVALID, String.class);
        String input = exchange.getIn().getHeader(DeliveryHeaders.INPUT, String.class);
        String id = "in-" + IdempotencyKey.digest(String.valueOf(source) + "\n" + input);
        Instant now = clock.instant();
        DeadLetter letter = new DeadLetter(id, null, FailureReason.MAPPING, cut(why), source, null, cut(input), null,
                0, null, null, 1, now, now);
        settle(exchange, letter);
        if (Boolean.TRUE.equals(exchange.getIn().getHeader(DeliveryHeaders.POISON, Boolean.class))) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (source != null) {
                source.forEach((k, v) -> headers.put("ogsm.error." + k, v));
            }
            headers.put("ogsm.error.reason", FailureReason.MAPPING.key());
            headers.put("ogsm.error.message", cut(why));
            String exceptionClass = exchange.getIn().getHeader(DeliveryHeaders.INVALID_EXCEPTION, String.class);
            if (exceptionClass != null) {
                headers.put("ogsm.error.exception.class", exceptionClass);
            }
            byte[] value = exchange.getIn().getBody(byte[].class);
            int limit = exchange.getIn().getHeader(DeliveryHeaders.POISON_VALUE_LIMIT, Integer.MAX_VALUE, Integer.class);
            if (value != null && value.length > limit) {
                headers.put("ogsm.error.value.truncated-from", Integer.toString(value.length));
                value = Arrays.copyOf(value, limit);
            }
            topic.publishOriginal(exchange.getIn().getHeader(DeliveryHeaders.POISON_KEY, byte[].class), value, headers);
        } else {
            topic.publishDocument(letter);
        }
    }

    private void settle(Exchange exchange, DeadLetter letter) {
        store.write(letter);
        Map<String, String> source = letter.source();
        String sourceKind = source == null ? "unknown" : source.getOrDefault("kind", "unknown");
        metrics.deadLettered(sourceKind, letter.reason());
        metrics.outcome(sourceKind, DeliveryHeaders.DEAD_LETTERED);
        metrics.remember(new DeliveryMetrics.Recent(clock.instant(), sourceKind, DeliveryHeaders.DEAD_LETTERED,
                letter.id(), letter.reason().key()));
        String trackingKey = exchange.getIn().getHeader(DeliveryHeaders.TRACKING_KEY, String.class);
        if (trackingKey != null) {
            deliveryStore.track(trackingKey, new DeliveryStore.Tracking(DeliveryHeaders.DEAD_LETTERED, letter.key(),
                    null, letter.reason().key(), clock.instant()));
        }
        exchange.getIn().setHeader(DeliveryHeaders.OUTCOME, DeliveryHeaders.DEAD_LETTERED);
        exchange.getIn().setHeader(DeliveryHeaders.FAILURE_REASON, letter.reason().key());
        exchange.getIn().setHeader(DeliveryHeaders.FAILURE_MESSAGE, letter.message());
        LOG.warnf("Dead letter %s: reason %s, %s, after %d attempt(s)%s", letter.id(), letter.reason().key(),
                describe(source), letter.attempts(),
                letter.responseStatus() == 0 ? "" : ", HTTP " + letter.responseStatus());
    }

    /** Outcome of a replay: the route's outcome header, or why it could not be replayed. */
    public record Replay(String id, String outcome, String detail) {
    }

    /** Sends a dead letter's measurement through the deliver route again; removes it once delivered. */
    public Optional<Replay> replay(String id) {
        Optional<DeadLetter> found = store.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DeadLetter letter = found.get();
        if (letter.measurement() == null) {
            return Optional.of(new Replay(id, "not_replayable",
                    "the input never became a measurement; fix it at the source and send it again"));
        }
        Map<String, String> source = new LinkedHashMap<>();
        source.put("kind", "replay");
        source.put("dead_letter", id);
        if (letter.source() != null) {
            letter.source().forEach((k, v) -> source.put("original_" + k, v));
        }
        Exchange result = producer.send("direct:deliver", exchange -> {
            exchange.getIn().setBody(letter.measurement());
            exchange.getIn().setHeader(DeliveryHeaders.SOURCE, source);
        });
        if (result.getException() != null) {
            return Optional.of(new Replay(id, "failed", result.getException().getMessage()));
        }
        String outcome = result.getMessage().getHeader(DeliveryHeaders.OUTCOME, String.class);
        if (DeliveryHeaders.DELIVERED.equals(outcome) || DeliveryHeaders.DUPLICATE.equals(outcome)) {
            store.remove(id);
            LOG.infof("Dead letter %s replayed: %s", id, outcome);
            return Optional.of(new Replay(id, outcome, null));
        }
        String detail = result.getMessage().getHeader(DeliveryHeaders.FAILURE_MESSAGE, String.class);
        return Optional.of(new Replay(id, outcome, detail));
    }

    public void useProducer(ProducerTemplate producer) {
        this.producer = producer;
    }

    private static String describe(Map<String, String> source) {
        if (source == null || source.isEmpty()) {
            return "source unknown";
        }
        StringBuilder text = new StringBuilder("from ");
        source.forEach((k, v) -> text.append(k).append('=').append(v).append(' '));
        return text.toString().trim();
    }

    static String cut(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
