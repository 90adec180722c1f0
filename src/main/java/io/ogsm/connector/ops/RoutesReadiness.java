package io.ogsm.connector.ops;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;

/**
 * Readiness is DOWN while any of Camel's routes is not running: before the routes have started, while one is
 * stopped, or when none was loaded (a ready service with no routes would take pushes and never deliver them).
 */
@Readiness
@ApplicationScoped
public class RoutesReadiness implements HealthCheck {

    private final CamelContext camel;

    public RoutesReadiness(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("routes");
        List<Route> routes = camel.getRoutes();
        if (routes.isEmpty()) {
            return response.down().withData("state", "no routes loaded (camel.main.routes-include-pattern)").build();
        }
        List<String> notRunning = routes.stream().map(Route::getRouteId)
                .filter(id -> camel.getRouteController().getRouteStatus(id) != ServiceStatus.Started).sorted().toList();
        if (!notRunning.isEmpty()) {
            return response.down().withData("state", "not running: " + String.join(", ", notRunning)).build();
        }
        return response.up().withData("state", routes.size() + " routes running").build();
    }
}
