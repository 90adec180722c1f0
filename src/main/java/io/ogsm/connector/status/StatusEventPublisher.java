package io.ogsm.connector.status;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.ogsm.connector.config.OgsmConfig;
import io.ogsm.connector.kafka.KafkaSetup;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a poll's CloudEvents to {@code ogsm.status.topic} and returns only once Kafka acknowledged every one
 * ({@code acks=all}, idempotent producer). A plain Kafka producer with the CloudEvents SDK's serializer, rather than
 * Camel's Kafka endpoint, because each record needs its own key ({@code <resource>:<id>}) and the whole batch is
 * awaited as one.
 */
public class StatusEventPublisher implements AutoCloseable {

    /** An event and its record key. */
    public record Keyed(String key, CloudEvent event) {
    }

    private final KafkaProducer<String, CloudEvent> producer;
    private final String topic;

    public StatusEventPublisher(OgsmConfig config) {
        Map<String, Object> props = KafkaSetup.clientProperties(config.kafka());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "ogsm-status");
        props.put(CloudEventSerializer.ENCODING_CONFIG,
                config.status().mode().name());
        props.put(CloudEventSerializer.EVENT_FORMAT_CONFIG, "application/cloudevents+json");
        // serializer instances given to the producer are not configured by it: configure this one here
        CloudEventSerializer serializer = new CloudEventSerializer();
        serializer.configure(props, false);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), serializer);
        this.topic = config.status().topic();
    }

    /** Sends every event; throws if any was not acknowledged within the timeout. */
    public void publish(List<Keyed> events, long timeoutSeconds) throws ExecutionException, InterruptedException,
            TimeoutException {
        List<Future<?>> sent = new ArrayList<>(events.size());
        for (Keyed keyed : events) {
            sent.add(producer.send(new ProducerRecord<>(topic, keyed.key(), keyed.event())));
        }
        producer.flush();
        for (Future<?> future : sent) {
            future.get(timeoutSeconds, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
