package io.ogsm.connector.source.kafka;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Kafka configured, but nothing listens there. */
public class KafkaDownProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ogsm.kafka.brokers", "127.0.0.1:1");
    }
}
