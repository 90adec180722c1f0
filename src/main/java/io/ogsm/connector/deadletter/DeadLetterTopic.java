package io.ogsm.connector.deadletter;

import io.ogsm.connector.ogsm.OgsmJson;
import io.ogsm.connector.pipeline.DeliveryHeaders;
import io.ogsm.connector.pipeline.SourceRef;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The {@code dead-letter-publish} route's step ({@code routes/dead-letters.yaml}): makes the dead-letter topic's
 * record of a dead letter just written. A delivery dead letter goes as its JSON document keyed by its id; a Kafka
 * record that could not be read at all goes as it was, key and value, with {@code ogsm.error.*} headers saying where it
 * came from and why, in the spirit of Kafka Connect's {@code __connect.errors.*}. Header {@value #FORMAT_HEADER} says
 * which.
 */
public class DeadLetterTopic {

    /** {@code document} (value is a dead-letter JSON document) or {@code original} (value is the poison message). */
    public static final String FORMAT_HEADER = "ogsm.deadletter.format";

    /** Replaces the exchange's body and headers by the record's: nothing else of the source goes to the topic. */
    public void record(Exchange exchange) {
        DeadLetter letter = exchange.getProperty(DeadLetters.LETTER, DeadLetter.class);
        Message in = exchange.getIn();
        boolean poison = Boolean.TRUE.equals(in.getHeader(DeliveryHeaders.POISON, Boolean.class));
        byte[] poisonKey = in.getHeader(DeliveryHeaders.POISON_KEY, byte[].class);
        int limit = in.getHeader(DeliveryHeaders.POISON_VALUE_LIMIT, Integer.MAX_VALUE, Integer.class);
        String exceptionClass = in.getHeader(DeliveryHeaders.INVALID_EXCEPTION, String.class);
        byte[] value = poison ? in.getBody(byte[].class) : null;
        in.removeHeaders("*");
        if (poison) {
            original(in, letter, poisonKey, value, limit, exceptionClass);
        } else {
            document(in, letter);
        }
    }

    private static void document(Message out, DeadLetter letter) {
        try {
            out.setBody(OgsmJson.mapper().writeValueAsBytes(letter));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dead letter " + letter.id(), e);
        }
        out.setHeader(KafkaConstants.KEY, letter.id().getBytes(StandardCharsets.UTF_8));
        out.setHeader(FORMAT_HEADER, "document");
        out.setHeader("ogsm.error.reason", letter.reason().key());
        sourceHeaders(out, letter.source(), "ogsm.source.");
    }

    private static void original(Message out, DeadLetter letter, byte[] key, byte[] value, int limit,
            String exceptionClass) {
        sourceHeaders(out, letter.source(), "ogsm.error.");
        out.setHeader("ogsm.error.reason", letter.reason().key());
        out.setHeader("ogsm.error.message", letter.message());
        if (exceptionClass != null) {
            out.setHeader("ogsm.error.exception.class", exceptionClass);
        }
        if (value != null && value.length > limit) {
            out.setHeader("ogsm.error.value.truncated-from", Integer.toString(value.length));
            value = Arrays.copyOf(value, limit);
        }
        if (key != null) {
            out.setHeader(KafkaConstants.KEY, key);
        }
        out.setHeader(FORMAT_HEADER, "original");
        out.setBody(value);
    }

    private static void sourceHeaders(Message out, SourceRef source, String prefix) {
        if (source != null) {
            source.asMap().forEach((k, v) -> out.setHeader(prefix + k, v));
        }
    }
}
