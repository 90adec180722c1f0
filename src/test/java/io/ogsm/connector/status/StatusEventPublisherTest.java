package io.ogsm.connector.status;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.ogsm.connector.testing.KafkaBroker;
import io.ogsm.connector.testing.TestConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Both CloudEvents encodings reach the in-process broker keyed per entity and read back with the SDK. */
class StatusEventPublisherTest {

    @ParameterizedTest(name = "{0} mode")
    @ValueSource(strings = {"structured", "binary"})
    void publishesEventsTheCloudEventsSdkReadsBack(String mode) throws Exception {
        String topic = "status-" + mode + "-" + UUID.randomUUID();
        CloudEvent sent = CloudEventBuilder.v1().withId("e-1").withSource(URI.create("https://acme.ogsm.online"))
                .withType("online.ogsm.goal.changed").withSubject("goal/11").withDataContentType("application/json")
                .withData("{\"id\":11}".getBytes(StandardCharsets.UTF_8)).build();
        try (StatusEventPublisher publisher = new StatusEventPublisher(TestConfig.of(
                "ogsm.kafka.brokers", KafkaBroker.bootstrapServers(), "ogsm.status.topic", topic, "ogsm.status.mode", mode))) {
            publisher.publish(List.of(new StatusEventPublisher.Keyed("goal:11", sent)), 30);
        }
        List<ConsumerRecord<String, CloudEvent>> records = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "t-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new CloudEventDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return !records.isEmpty();
            });
        }
        ConsumerRecord<String, CloudEvent> record = records.get(0);
        assertEquals("goal:11", record.key());
        assertEquals(sent.getType(), record.value().getType());
        assertArrayEquals(sent.getData().toBytes(), record.value().getData().toBytes());
        if (mode.equals("binary")) {
            assertNotNull(record.headers().lastHeader("ce_type"), "binary mode carries ce_ headers");
        } else {
            assertNull(record.headers().lastHeader("ce_type"), "structured mode carries the event in the value");
        }
    }
}
