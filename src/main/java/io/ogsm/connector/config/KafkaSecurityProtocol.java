package io.ogsm.connector.config;

import org.eclipse.microprofile.config.spi.Converter;

import java.util.Arrays;

/** {@code ogsm.kafka.security-protocol}; each name is Kafka's own {@code security.protocol} value. */
public enum KafkaSecurityProtocol {
    PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL;

    public boolean sasl() {
        return this == SASL_PLAINTEXT || this == SASL_SSL;
    }

    /** Exactly Kafka's spelling, as before the key was typed. */
    public static KafkaSecurityProtocol of(String text) {
        return Arrays.stream(values()).filter(p -> p.name().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("ogsm.kafka.security-protocol must be PLAINTEXT, "
                        + "SSL, SASL_PLAINTEXT or SASL_SSL, was " + text));
    }

    public static final class FromConfig implements Converter<KafkaSecurityProtocol> {
        @Override
        public KafkaSecurityProtocol convert(String value) {
            return of(value);
        }
    }
}
