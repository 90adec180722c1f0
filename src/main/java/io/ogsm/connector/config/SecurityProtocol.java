package io.ogsm.connector.config;

/** {@code ogsm.kafka.security-protocol}: how the Kafka clients talk to the brokers (Kafka's own names). */
public enum SecurityProtocol {
    PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL;

    /** SASL_PLAINTEXT or SASL_SSL: a SASL mechanism and JAAS configuration are needed. */
    public boolean sasl() {
        return name().startsWith("SASL_");
    }
}
