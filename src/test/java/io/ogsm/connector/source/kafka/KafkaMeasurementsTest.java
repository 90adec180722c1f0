package io.ogsm.connector.source.kafka;

import io.ogsm.connector.pipeline.SourceRef;
import io.ogsm.connector.config.OgsmConfig;
import io.ogsm.connector.pipeline.DeliveryHeaders;
import io.ogsm.connector.pipeline.OriginalRecord;
import io.quarkus.runtime.configuration.MemorySize;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@link KafkaMeasurements#read} leaves on a record's exchange for the steps after it. */
class KafkaMeasurementsTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final KafkaMeasurements measurements = new KafkaMeasurements(kafkaConfig());

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    @Test
    void theRecordsMetadataIsInTheSourceAndItsKafkaHeadersAreGoneWhileOtherHeadersStay() {
        Exchange exchange = record("{\"type\":\"kpi\",\"id\":31,\"at\":\"2026-10-01\",\"value\":1.5}");

        measurements.read(exchange);

        Map<String, Object> headers = exchange.getIn().getHeaders();
        assertEquals(Map.of("kind", "kafka", "topic", "kpis", "partition", "2", "offset", "41"),
                ((SourceRef) headers.get(DeliveryHeaders.SOURCE)).asMap());
        assertTrue(headers.keySet().stream().noneMatch(name -> name.toLowerCase().startsWith("kafka.")),
                () -> "Kafka headers left: " + headers.keySet());
        assertNull(headers.get(KafkaConstants.MANUAL_COMMIT));
        assertEquals("abc-123", headers.get("traceparent"));
        assertEquals(1, headers.get(DeliveryHeaders.ITEMS));
        assertInstanceOf(KafkaMeasurements.Item.class, exchange.getIn().getBody());
    }

    @Test
    void aPoisonRecordIsKeptAsItCameForTheDeadLetterTopic() {
        Exchange exchange = record("not json");
        exchange.getIn().setHeader(KafkaConstants.HEADERS, new org.apache.kafka.common.header.internals.RecordHeaders(
                List.of(new org.apache.kafka.common.header.internals.RecordHeader("traceparent",
                        "abc-123".getBytes(StandardCharsets.UTF_8)))));

        measurements.read(exchange);

        assertEquals(Boolean.TRUE, exchange.getIn().getHeader(DeliveryHeaders.POISON));
        assertFalse(exchange.getIn().getHeader(DeliveryHeaders.INVALID, String.class).isBlank());
        OriginalRecord original = exchange.getProperty(OriginalRecord.PROPERTY, OriginalRecord.class);
        assertEquals("k-7", new String(original.key(), StandardCharsets.UTF_8));
        assertEquals("not json", new String(original.value(), StandardCharsets.UTF_8));
        assertEquals("traceparent", original.headers().get(0).getKey());
        assertEquals("abc-123", new String(original.headers().get(0).getValue(), StandardCharsets.UTF_8));
        assertEquals(List.of("kpis", 2, 41L), List.of(original.topic(), original.partition(), original.offset()));
    }

    private Exchange record(String value) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getIn().setHeader(KafkaConstants.TOPIC, "kpis");
        exchange.getIn().setHeader(KafkaConstants.PARTITION, 2);
        exchange.getIn().setHeader(KafkaConstants.OFFSET, 41L);
        exchange.getIn().setHeader(KafkaConstants.KEY, "k-7".getBytes(StandardCharsets.UTF_8));
        exchange.getIn().setHeader(KafkaConstants.TIMESTAMP, 1_700_000_000_000L);
        exchange.getIn().setHeader(KafkaConstants.MANUAL_COMMIT, new Object());
        exchange.getIn().setHeader("traceparent", "abc-123");
        exchange.getIn().setBody(value.getBytes(StandardCharsets.UTF_8));
        return exchange;
    }

    /** Only the setting read() uses: ogsm.kafka.max-message-size. */
    private static OgsmConfig.Kafka kafkaConfig() {
        return (OgsmConfig.Kafka) Proxy.newProxyInstance(KafkaMeasurementsTest.class.getClassLoader(),
                new Class<?>[] {OgsmConfig.Kafka.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "maxMessageSize" -> new MemorySize(BigInteger.valueOf(1 << 20));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
