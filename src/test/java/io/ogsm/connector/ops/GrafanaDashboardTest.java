package io.ogsm.connector.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** docker/grafana-dashboard.json charts every series the operations section promises on /q/metrics. */
class GrafanaDashboardTest {

    @Test
    void everyNamedSeriesHasAPanel() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("docker", "grafana-dashboard.json").toFile());
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> expressions.add(target.path("expr").asText())));
        for (String series : List.of("ogsm_deliveries_total", "ogsm_delivery_latency_seconds_bucket",
                "ogsm_delivery_retries_total", "ogsm_dead_letters_total", "ogsm_push_queue_depth",
                "ogsm_delivery_in_flight", "ogsm_status_last_success_seconds", "ogsm_erp_last_success_seconds")) {
            assertTrue(expressions.stream().anyMatch(e -> e.contains(series)), () -> "no panel charts " + series);
        }
    }
}
