package io.ogsm.connector.deadletter;

import io.ogsm.connector.ogsm.OgsmJson;
import io.ogsm.connector.pipeline.DeliveryHeaders;
import io.ogsm.connector.pipeline.OriginalRecord;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The dead-letter topic's records ({@code routes/dead-letters.yaml}). A record of the measurements topic that failed,
 * whole or in any of its items (unreadable, of the wrong shape, an invalid item, refused by the API, retries
 * exhausted), goes back once, as it came (key, value, its own headers), with {@code ogsm.error.*} headers saying where
 * it was read and why, in the spirit of Kafka Connect's {@code __connect.errors.*}: fixed, it can be produced again
 * with Kafka's own tools. Dead letters of the other sources go as their JSON document, keyed by its id. Header
 * {@value #FORMAT_HEADER} says which.
 */
public class DeadLetterTopic {

    /** {@code document} (value is a dead-letter JSON document) or {@code original} (value is the record's own). */
    public static final String FORMAT_HEADER = "ogsm.deadletter.format";
    /** How much of a value goes to the dead-letter topic (the broker refuses larger records by default). */
    static final int VALUE_LIMIT = 512 * 1024;
    /** Header of a dead letter of a Kafka record's item: noted on the record, not published on its own. */
    static final String NOTED = "OgsmDeadLetterNoted";

    /**
     * The first step of {@code dead-letter-publish}: a dead letter of a Kafka record (or one of its items) is noted
     * on the record, which goes to the topic once all its items are settled ({@link #original}); any other becomes
     * the record of its document. Replaces the exchange's body and headers: nothing else of the source goes out.
     */
    public void record(Exchange exchange) {
        DeadLetter letter = exchange.getProperty(DeadLetters.LETTER, DeadLetter.class);
        OriginalRecord original = exchange.getProperty(OriginalRecord.PROPERTY, OriginalRecord.class);
        Message in = exchange.getIn();
        if (original != null) {
            String index = letter.source() == null ? null : letter.source().get("index");
            Map<String, String> exception = letter.exception();
            String exceptionClass = exception != null ? exception.get("class")
                    : in.getHeader(DeliveryHeaders.INVALID_EXCEPTION, String.class);
            original.failed(new OriginalRecord.Failure(index == null ? 0 : Integer.parseInt(index), letter.id(),
                    letter.reason().key(), letter.message(), exceptionClass, letter.responseStatus()));
            in.removeHeaders("*");
            in.setHeader(NOTED, true);
            in.setBody(null);
            return;
        }
        in.removeHeaders("*");
        try {
            in.setBody(OgsmJson.mapper().writeValueAsBytes(letter));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dead letter " + letter.id(), e);
        }
        in.setHeader(KafkaConstants.KEY, letter.id().getBytes(StandardCharsets.UTF_8));
        in.setHeader(FORMAT_HEADER, "document");
        in.setHeader("ogsm.error.reason", letter.reason().key());
        if (letter.source() != null) {
            letter.source().asMap().forEach((k, v) -> in.setHeader("ogsm.source." + k, v));
        }
    }

    /** Whether the exchange's Kafka record had an item (or the whole of it) dead-lettered. */
    public boolean failed(Exchange exchange) {
        OriginalRecord original = exchange.getProperty(OriginalRecord.PROPERTY, OriginalRecord.class);
        return original != null && original.anyFailed();
    }

    /**
     * The record of a Kafka record with failed items, once they are all settled: its key, value and headers, then the
     * error headers (of its first failed item; {@code ogsm.error.items} lists each failed item's index when the record
     * held several, {@code ogsm.error.dead-letters} the dead letters in the store).
     */
    public void original(Exchange exchange) {
        OriginalRecord original = exchange.getProperty(OriginalRecord.PROPERTY, OriginalRecord.class);
        Message out = exchange.getIn();
        Integer items = out.getHeader(DeliveryHeaders.ITEMS, Integer.class);
        boolean several = items != null && items > 1;
        out.removeHeaders("*");
        List<OriginalRecord.Failure> failures = original.failuresByIndex();
        OriginalRecord.Failure first = failures.get(0);
        // the record's own headers first (as Camel headers: a name given twice keeps its last value), ours after
        original.headers().forEach(h -> out.setHeader(h.getKey(), h.getValue()));
        out.setHeader(FORMAT_HEADER, "original");
        out.setHeader("ogsm.error.topic", original.topic());
        out.setHeader("ogsm.error.partition", Integer.toString(original.partition()));
        out.setHeader("ogsm.error.offset", Long.toString(original.offset()));
        out.setHeader("ogsm.error.reason", first.reason());
        out.setHeader("ogsm.error.message", failures.size() == 1 ? first.message() : failures.stream()
                .map(f -> "item " + f.index() + ": " + f.message()).collect(Collectors.joining("; ")));
        if (first.exceptionClass() != null) {
            out.setHeader("ogsm.error.exception.class", first.exceptionClass());
        }
        if (first.responseStatus() != null) {
            out.setHeader("ogsm.error.response.status", first.responseStatus().toString());
        }
        if (several) {
            out.setHeader("ogsm.error.items", failures.stream().map(f -> Integer.toString(f.index()))
                    .collect(Collectors.joining(",")));
        }
        out.setHeader("ogsm.error.dead-letters", failures.stream().map(OriginalRecord.Failure::deadLetter)
                .distinct().collect(Collectors.joining(",")));
        byte[] value = original.value();
        if (value != null && value.length > VALUE_LIMIT) {
            out.setHeader("ogsm.error.value.truncated-from", Integer.toString(value.length));
            value = Arrays.copyOf(value, VALUE_LIMIT);
        }
        if (original.key() != null) {
            out.setHeader(KafkaConstants.KEY, original.key());
        }
        out.setBody(value);
    }
}
