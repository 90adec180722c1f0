package io.ogsm.connector.deadletter;

import io.ogsm.connector.ogsm.OgsmJson;
import io.ogsm.connector.kafka.KafkaSetup;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * With Kafka configured, every dead letter also goes to {@code ogsm.kafka.deadletter-topic} (through the
 * {@code kafka-deadletter-out} route, acks=all): a delivery dead letter as its JSON document keyed by its id; a poison
 * message as the original key and value, with {@code ogsm.error.*} headers saying where it came from and why, in the
 * spirit of Kafka Connect's {@code __connect.errors.*}. Without Kafka this does nothing.
 */
public class DeadLetterTopic {

    public static final String ROUTE = "direct:kafka-deadletter";
    /** {@code document} (value is a dead-letter JSON document) or {@code original} (value is the poison message). */
    public static final String FORMAT_HEADER = "ogsm.deadletter.format";

    private final KafkaSetup kafka;
    private final ProducerTemplate producer;

    public DeadLetterTopic(KafkaSetup kafka, ProducerTemplate producer) {
        this.kafka = kafka;
        this.producer = producer;
    }

    public void publishDocument(DeadLetter letter) {
        if (!kafka.enabled()) {
            return;
        }
        byte[] json;
        try {
            json = OgsmJson.mapper().writeValueAsBytes(letter);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dead letter " + letter.id(), e);
        }
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(KafkaConstants.KEY, letter.id().getBytes(StandardCharsets.UTF_8));
        headers.put(FORMAT_HEADER, "document");
        headers.put("ogsm.error.reason", letter.reason().key());
        if (letter.source() != null) {
            letter.source().forEach((k, v) -> headers.put("ogsm.source." + k, v));
        }
        producer.sendBodyAndHeaders(ROUTE, json, headers);
    }

    /** The poison message as it was, with headers naming its origin and the reason. */
    public void publishOriginal(byte[] key, byte[] value, Map<String, String> errorHeaders) {
        if (!kafka.enabled()) {
            return;
        }
        Map<String, Object> headers = new LinkedHashMap<>(errorHeaders);
        if (key != null) {
            headers.put(KafkaConstants.KEY, key);
        }
        headers.put(FORMAT_HEADER, "original");
        producer.sendBodyAndHeaders(ROUTE, value, headers);
    }
}
