package io.ogsm.connector.kafka;

import io.ogsm.connector.config.OgsmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;

import java.util.HashMap;
import java.util.Map;

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

    /**
     * The one place the connection settings are made: bootstrap servers and security settings, for the Kafka
     * component's endpoints and for our plain clients (status events, readiness) alike.
     */
    public static Map<String, Object> clientProperties(OgsmConfig.Kafka k) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", k.brokers().orElseThrow());
        props.put("security.protocol", k.securityProtocol().name());
        k.saslMechanism().ifPresent(v -> props.put("sasl.mechanism", v));
        k.saslJaasConfig().ifPresent(v -> props.put("sasl.jaas.config", v));
        k.sslTruststoreLocation().ifPresent(v -> props.put("ssl.truststore.location", v.toString()));
        k.sslTruststorePassword().ifPresent(v -> props.put("ssl.truststore.password", v));
        k.sslTruststoreType().ifPresent(v -> props.put("ssl.truststore.type", v));
        return props;
    }

    /** Camel's Kafka component: every endpoint of the routes gets the client properties above. */
    @Produces
    @ApplicationScoped
    @Named("kafka")
    KafkaComponent kafka() {
        OgsmConfig.Kafka k = config.kafka();
        KafkaConfiguration c = new KafkaConfiguration();
        c.setSessionTimeoutMs((int) Math.min(Integer.MAX_VALUE, k.sessionTimeout().toMillis()));
        if (enabled()) {
            Map<String, Object> props = clientProperties(k);
            c.setBrokers((String) props.remove("bootstrap.servers"));
            c.setAdditionalProperties(props);
        }
        KafkaComponent component = new KafkaComponent();
        component.setConfiguration(c);
        return component;
    }
}
