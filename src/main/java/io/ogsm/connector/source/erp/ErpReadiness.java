package io.ogsm.connector.source.erp;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness is DOWN while an ERP source's last poll was refused (401/403): its credentials need a human. A poll that
 * failed otherwise (5xx, timeout) is retried on the next schedule and only shows in the data. Each source's last
 * result is in the data.
 */
@Readiness
@ApplicationScoped
public class ErpReadiness implements HealthCheck {

    private final ErpSetup setup;

    public ErpReadiness(ErpSetup setup) {
        this.setup = setup;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("erp").up();
        java.util.List<ErpPolls> all;
        try {
            all = setup.polls();
        } catch (io.ogsm.connector.config.InvalidConfigException e) {
            // asked while an invalid sources file stops the start: DOWN, without a stack trace in the log
            return response.down().withData("state", "invalid sources file (the start stops)").build();
        }
        if (all.isEmpty()) {
            return response.withData("state", "no ERP sources").build();
        }
        for (ErpPolls polls : all) {
            String name = polls.source().name();
            ErpPolls.PollResult result = polls.lastResult();
            if (result == null) {
                response.withData(name, "not polled yet");
                continue;
            }
            String state = switch (result.state()) {
                case OK -> "ok: ";
                case FAILED -> "failed: ";
                case CREDENTIALS_REFUSED -> "credentials refused: ";
            };
            response.withData(name, state + result.detail() + " (" + result.at() + ")");
            if (result.state() == ErpPolls.PollResult.State.CREDENTIALS_REFUSED) {
                response.down();
            }
        }
        return response.build();
    }
}
