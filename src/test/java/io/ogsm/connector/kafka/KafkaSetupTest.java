package io.ogsm.connector.kafka;

import io.ogsm.connector.testing.TestConfig;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** ogsm.kafka.* security settings reach both Camel's Kafka component and our own Kafka clients. */
class KafkaSetupTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"ogsm\" password=\"s3cret\";";

    @Test
    void passesSecuritySettingsToTheComponentAndTheClients() {
        var config = TestConfig.of("ogsm.kafka.brokers", "kafka-1:9093", "ogsm.kafka.security-protocol", "SASL_SSL",
                "ogsm.kafka.sasl-mechanism", "SCRAM-SHA-512", "ogsm.kafka.sasl-jaas-config", JAAS,
                "ogsm.kafka.ssl-truststore-location", "/etc/ogsm/truststore.p12",
                "ogsm.kafka.ssl-truststore-password", "changeit", "ogsm.kafka.ssl-truststore-type", "PKCS12");
        KafkaConfiguration component = new KafkaSetup(config).kafka().getConfiguration();
        assertEquals("kafka-1:9093", component.getBrokers());
        for (Properties endpoint : List.of(component.createProducerProperties(), component.createConsumerProperties())) {
            assertEquals("SASL_SSL", endpoint.get("security.protocol"));
            assertEquals("SCRAM-SHA-512", endpoint.get("sasl.mechanism"));
            assertEquals(JAAS, endpoint.get("sasl.jaas.config"));
            assertEquals("/etc/ogsm/truststore.p12", endpoint.get("ssl.truststore.location"));
            assertEquals("changeit", endpoint.get("ssl.truststore.password"));
            assertEquals("PKCS12", endpoint.get("ssl.truststore.type"));
        }

        Map<String, Object> client = KafkaSetup.clientProperties(config.kafka());
        assertEquals("kafka-1:9093", client.get("bootstrap.servers"));
        assertEquals("SASL_SSL", client.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", client.get("sasl.mechanism"));
        assertEquals(JAAS, client.get("sasl.jaas.config"));
        assertEquals("changeit", client.get("ssl.truststore.password"));
    }

    @Test
    void leavesUnsetOptionsToKafkasDefaults() {
        Map<String, Object> client = KafkaSetup.clientProperties(TestConfig.of("ogsm.kafka.brokers", "k:9092").kafka());
        assertEquals("PLAINTEXT", client.get("security.protocol"));
        assertFalse(client.containsKey("sasl.jaas.config"));
        assertFalse(client.containsKey("ssl.truststore.location"));
    }
}
