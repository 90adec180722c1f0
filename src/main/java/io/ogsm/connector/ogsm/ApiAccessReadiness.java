package io.ogsm.connector.ogsm;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness is DOWN while the OGSM API refuses the credentials: nothing could be delivered. */
@Readiness
@ApplicationScoped
public class ApiAccessReadiness implements HealthCheck {

    private final ApiAccess access;
    private final ApiTarget target;

    public ApiAccessReadiness(ApiAccess access, ApiTarget target) {
        this.access = access;
        this.target = target;
    }

    @Override
    public HealthCheckResponse call() {
        ApiAccess.Status status = access.status();
        return HealthCheckResponse.named("ogsm-api")
                .status(status.state() != ApiAccess.State.CREDENTIALS_REFUSED)
                .withData("base-url", target.baseUrl().toString())
                .withData("sandbox", target.sandbox())
                .withData("state", status.state().name())
                .withData("detail", status.detail())
                .withData("since", status.at().toString())
                .build();
    }
}
