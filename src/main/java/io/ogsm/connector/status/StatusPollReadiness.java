package io.ogsm.connector.status;

import io.ogsm.connector.config.OgsmConfig;
import io.ogsm.connector.ogsm.OgsmResource;
import io.ogsm.connector.kafka.KafkaSetup;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.Map;

/** Readiness is DOWN while the last status poll of any list failed; each list's last result is in the data. */
@Readiness
@ApplicationScoped
public class StatusPollReadiness implements HealthCheck {

    private final KafkaSetup kafka;
    private final OgsmConfig config;

    public StatusPollReadiness(KafkaSetup kafka, OgsmConfig config) {
        this.kafka = kafka;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("status-poll").up();
        if (!kafka.enabled() || !config.status().enabled()) {
            return response.withData("state", "off").build();
        }
        try (InstanceHandle<StatusPoller> handle = Arc.container().instance(StatusPoller.class)) {
            if (!handle.isAvailable()) {
                return response.withData("state", "not polled yet").build();
            }
            Map<OgsmResource, StatusPoller.PollResult> results = handle.get().lastResults();
            if (results.isEmpty()) {
                return response.withData("state", "not polled yet").build();
            }
            results.forEach((resource, result) -> {
                response.withData(resource.apiName(), (result.ok() ? "ok: " : "failed: ") + result.detail());
                if (!result.ok()) {
                    response.down();
                }
            });
            return response.build();
        }
    }
}
