package io.ogsm.connector.kafka;

import io.ogsm.connector.config.OgsmConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Readiness is DOWN while Kafka is configured but its brokers do not answer; UP and "off" without Kafka. */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    static final int TIMEOUT_MS = 3000;

    private final KafkaSetup kafka;
    private final OgsmConfig config;
    private Admin admin;

    public KafkaReadiness(KafkaSetup kafka, OgsmConfig config) {
        this.kafka = kafka;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        if (!kafka.enabled()) {
            return HealthCheckResponse.named("kafka").up().withData("state", "off").build();
        }
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
                    .nodes().get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS).size();
            return HealthCheckResponse.named("kafka").up().withData("brokers", nodes).build();
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return HealthCheckResponse.named("kafka").down()
                    .withData("error", "brokers " + config.kafka().brokers().orElse("") + " do not answer: "
                            + cause.getClass().getSimpleName())
                    .build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> props = KafkaSetup.clientProperties(config.kafka());
            props.put(AdminClientConfig.CLIENT_ID_CONFIG, "ogsm-health");
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
            admin = Admin.create(props);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
