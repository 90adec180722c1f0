package io.ogsm.connector.config;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What the routes' placeholders are handed before the routes are built: the settings' values, never a secret. */
class CamelPlaceholdersTest {

    @Test
    void theRoutesGetTheSettingsAndTheDurationsInMillisecondsButNoSecret() {
        Properties values = CamelPlaceholders.values(ConfigCheckTest.read(Map.of(
                "ogsm.delivery.concurrency", "4",
                "ogsm.csv.min-age", "10s",
                "ogsm.api.base-url", "https://acme.ogsm.online",
                "ogsm.api.username", "api", "ogsm.api.password", "s3cret",
                "ogsm.kafka.sasl-jaas-config", "org.apache.kafka.common.security.plain.PlainLoginModule required;",
                "other.key", "x")));
        assertEquals("4", values.getProperty("ogsm.delivery.concurrency"));
        assertEquals("10000", values.getProperty("ogsm-millis.csv.min-age"));
        assertEquals("api", values.getProperty("ogsm.api.username"));
        assertFalse(values.containsKey("ogsm.api.password"));
        assertFalse(values.containsKey("ogsm.kafka.sasl-jaas-config"));
        assertFalse(values.containsKey("other.key"));
    }
}
