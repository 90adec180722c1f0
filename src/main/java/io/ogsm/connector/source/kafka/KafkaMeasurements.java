package io.ogsm.connector.source.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.ogsm.connector.config.OgsmConfig;
import io.ogsm.connector.pipeline.DeliveryHeaders;
import io.ogsm.connector.pipeline.OriginalRecord;
import io.ogsm.connector.pipeline.SourceRef;
import io.ogsm.connector.measurement.MeasurementReader;
import io.ogsm.connector.measurement.Violation;
import io.ogsm.connector.ogsm.OgsmJson;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps of the {@code kafka-measurements} route ({@code routes/kafka.yaml}): {@link #read} turns a record's value
 * into its items (one measurement, an array of them, or the API's own body; header {@code OgsmItems} ({@link DeliveryHeaders#ITEMS}) says how many),
 * or marks the record as poison;
 * {@link #item} makes one item a Measurement for the deliver route, or marks it invalid. The record's offset is
 * committed by Camel once the route is done with it (see {@code routes/kafka.yaml}).
 */
public class KafkaMeasurements {

    /** Items of one message, at most: a larger array is a poison message. */
    static final int MAX_ITEMS = 10_000;


    /** One element of a message: its JSON and position, with the record's source reference. */
    public record Item(int index, JsonNode json, SourceRef source) {
    }

    private final OgsmConfig.Kafka config;

    public KafkaMeasurements(OgsmConfig.Kafka config) {
        this.config = config;
    }

    public void read(Exchange exchange) {
        Message in = exchange.getIn();
        SourceRef source = SourceRef.kafka(String.valueOf(in.getHeader(KafkaConstants.TOPIC)),
                in.getHeader(KafkaConstants.PARTITION), in.getHeader(KafkaConstants.OFFSET));
        in.setHeader(DeliveryHeaders.SOURCE, source);
        byte[] value = in.getBody(byte[].class);
        exchange.setProperty(OriginalRecord.PROPERTY, original(in, value));
        if (value == null) {
            poison(in, "the message has no value (null)", null, null);
            return;
        }
        long max = config.maxMessageSize().asLongValue();
        if (value.length > max) {
            poison(in, "the value of " + value.length + " bytes exceeds ogsm.kafka.max-message-size (" + max + ")",
                    null, value);
            return;
        }
        JsonNode json;
        try {
            json = OgsmJson.mapper().readTree(value);
        } catch (JsonProcessingException e) {
            poison(in, "not JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr(), e, value);
            return;
        } catch (IOException e) {
            poison(in, "unreadable value: " + e.getMessage(), e, value);
            return;
        }
        List<Item> items = new ArrayList<>();
        if (json != null && json.isObject()) {
            items.add(new Item(0, json, source));
        } else if (json != null && json.isArray() && json.size() <= MAX_ITEMS) {
            for (int i = 0; i < json.size(); i++) {
                items.add(new Item(i, json.get(i), source.with("index", Integer.toString(i))));
            }
        } else {
            poison(in, json != null && json.isArray()
                    ? "an array of " + json.size() + " items; at most " + MAX_ITEMS + " in one message"
                    : "a JSON " + (json == null ? "nothing" : json.getNodeType().name().toLowerCase())
                            + " is not a measurement or an array of them", null, value);
            return;
        }
        // the record's own headers are in the source now; without them each step copies less
        // (by prefix: Message.removeHeaders("kafka.*") matched each name as a wildcard and a regex, per record)
        in.getHeaders().keySet().removeIf(name -> name.regionMatches(true, 0, "kafka.", 0, 6));
        in.removeHeader(KafkaConstants.MANUAL_COMMIT); // offsets are committed by Camel's commit manager, not by hand
        // one measurement (the usual record) goes on as it is, without the route's split
        in.setHeader(DeliveryHeaders.ITEMS, items.size());
        in.setBody(items.size() == 1 ? items.get(0) : items);
    }

    /**
     * For each item (the record's only one, or each of the split's): the item becomes a Measurement, or is marked
     * invalid (with its violations).
     */
    public void item(Exchange exchange) {
        Item item = exchange.getIn().getBody(Item.class);
        exchange.getIn().setHeader(DeliveryHeaders.SOURCE, item.source());
        MeasurementReader.Result read = MeasurementReader.read(item.json());
        if (read.ok()) {
            exchange.getIn().setBody(read.measurement());
        } else {
            exchange.getIn().setHeader(DeliveryHeaders.INVALID,
                    String.join("; ", read.violations().stream().map(Violation::toString).toList()));
            exchange.getIn().setHeader(DeliveryHeaders.INPUT, item.json().toString());
        }
    }

    /** The record as it came, for the dead-letter topic should any of its items fail. */
    private static OriginalRecord original(Message in, byte[] value) {
        Object key = in.getHeader(KafkaConstants.KEY);
        byte[] keyBytes = key instanceof byte[] bytes ? bytes
                : key == null ? null : key.toString().getBytes(StandardCharsets.UTF_8);
        List<Map.Entry<String, byte[]>> headers = new ArrayList<>();
        if (in.getHeader(KafkaConstants.HEADERS) instanceof Headers recordHeaders) {
            for (Header header : recordHeaders) {
                headers.add(new AbstractMap.SimpleImmutableEntry<>(header.key(), header.value()));
            }
        }
        Integer partition = in.getHeader(KafkaConstants.PARTITION, Integer.class);
        Long offset = in.getHeader(KafkaConstants.OFFSET, Long.class);
        return new OriginalRecord(keyBytes, value, headers, String.valueOf(in.getHeader(KafkaConstants.TOPIC)),
                partition == null ? -1 : partition, offset == null ? -1 : offset);
    }

    private static void poison(Message in, String why, Exception cause, byte[] value) {
        in.setHeader(DeliveryHeaders.POISON, true);
        in.setHeader(DeliveryHeaders.INVALID, why);
        if (cause != null) {
            in.setHeader(DeliveryHeaders.INVALID_EXCEPTION, cause.getClass().getName());
        }
        if (value != null) {
            int shown = Math.min(value.length, 2048);
            in.setHeader(DeliveryHeaders.INPUT, new String(value, 0, shown, StandardCharsets.UTF_8)
                    + (value.length > shown ? "… (" + value.length + " bytes)" : ""));
        }
        in.setBody(value);
    }
}
