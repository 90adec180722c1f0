package io.ogsm.connector.kafka;

import io.ogsm.connector.config.OgsmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;

/**
 * Configures Camel's Kafka component once from {@code ogsm.kafka.*}: brokers and security settings apply to every
 * Kafka endpoint of the routes (measurements in, dead letters out), so no route repeats them. Unset options are left
 * to Kafka's defaults rather than set empty.
 */
@ApplicationScoped
public class KafkaSetup {

    private final OgsmConfig config;

    public KafkaSetup(OgsmConfig config) {
        this.config = config;
    }

    public boolean enabled() {
        return config.kafka().brokers().filter(b -> !b.isBlank()).isPresent();
    }

    /** Bootstrap servers and security settings for a plain Kafka client (producer, admin) of ours. */
    public static java.util.Map<String, Object> clientProperties(OgsmConfig.Kafka k) {
        java.util.Map<String, Object> props = new java.util.HashMap<>();
        props.put("bootstrap.servers", k.brokers().orElseThrow());
        props.put("security.protocol", k.securityProtocol().name());
        k.saslMechanism().ifPresent(v -> props.put("sasl.mechanism", v));
        k.saslJaasConfig().ifPresent(v -> props.put("sasl.jaas.config", v));
        k.sslTruststoreLocation().ifPresent(v -> props.put("ssl.truststore.location", v.toString()));
        k.sslTruststorePassword().ifPresent(v -> props.put("ssl.truststore.password", v));
        k.sslTruststoreType().ifPresent(v -> props.put("ssl.truststore.type", v));
        return props;
    }

    @Produces
    @ApplicationScoped
    @Named("kafka")
    KafkaComponent kafka() {
        OgsmConfig.Kafka k = config.kafka();
        KafkaConfiguration c = new KafkaConfiguration();
        k.brokers().ifPresent(c::setBrokers);
        c.setSecurityProtocol(k.securityProtocol().name());
        c.setSessionTimeoutMs((int) Math.min(Integer.MAX_VALUE, k.sessionTimeout().toMillis()));
        k.saslMechanism().ifPresent(c::setSaslMechanism);
        k.saslJaasConfig().ifPresent(c::setSaslJaasConfig);
        k.sslTruststoreLocation().ifPresent(v -> c.setSslTruststoreLocation(v.toString()));
        k.sslTruststorePassword().ifPresent(c::setSslTruststorePassword);
        k.sslTruststoreType().ifPresent(c::setSslTruststoreType);
        KafkaComponent component = new KafkaComponent();
        component.setConfiguration(c);
        return component;
    }
}
