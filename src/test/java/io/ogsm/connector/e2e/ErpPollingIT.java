package io.ogsm.connector.e2e;

import io.ogsm.connector.source.erp.FakeErp;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ERP polling in the packaged app: the watermark across a restart, and a sources file that stops the start. */
class ErpPollingIT {

    private static final String SOURCES = """
            sources:
              - name: finance-erp
                url: "${ERP_FAKE_URL}/odata/Kpis"
                schedule: 1s
                auth: {type: bearer, token: "${ERP_TOKEN}"}
                items: "$.d.results[*]"
                incremental: {param: modified_since, field: "$.ModifiedAt"}
                map: {type: kpi, id: 31, at: "$.Period", at-format: yyyyMMdd, value: "$.Amount"}
            """;

    @Test
    void theWatermarkSurvivesARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("ogsm-e2e-erp");
        Path sources = Files.writeString(dataDir.resolveSibling(dataDir.getFileName() + "-sources.yaml"), SOURCES);
        try (FakeErp erp = new FakeErp()) {
            erp.on("/odata/Kpis", request -> "Bearer t0ken".equals(request.authorization())
                    ? FakeErp.Answer.json("{\"d\":{\"results\":[{\"Period\":\"20261031\",\"Amount\":1,"
                            + "\"ModifiedAt\":\"2026-11-01T08:00:00Z\"},{\"Period\":\"20261130\",\"Amount\":2,"
                            + "\"ModifiedAt\":\"2026-12-01T08:00:00Z\"}]}}")
                    : FakeErp.Answer.status(401));
            Map<String, String> env = Map.of("OGSM_ERP_SOURCES_FILE", sources.toString(), "ERP_FAKE_URL", erp.url(),
                    "ERP_TOKEN", "t0ken", "OGSM_ERP_INITIAL_DELAY", "200ms");
            try (PackagedApp app = PackagedApp.start(env, dataDir)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> erp.requests("/odata/Kpis").stream()
                        .anyMatch(r -> "2026-12-01T08:00:00Z".equals(FakeErp.param(r, "modified_since"))));
            }
            int before = erp.requests("/odata/Kpis").size();
            try (PackagedApp app = PackagedApp.start(env, dataDir)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> erp.requests("/odata/Kpis").size() > before);
                List<FakeErp.Request> afterRestart = erp.requests("/odata/Kpis").subList(before,
                        erp.requests("/odata/Kpis").size());
                assertEquals("2026-12-01T08:00:00Z", FakeErp.param(afterRestart.get(0), "modified_since"),
                        "the restarted app polls from the persisted watermark");
            }
        }
    }

    @Test
    void anInvalidSourcesFileStopsTheStartWithOneLineNamingTheSourceAndTheField() throws Exception {
        Path dataDir = Files.createTempDirectory("ogsm-e2e-erp-invalid");
        Path sources = Files.writeString(dataDir.resolveSibling(dataDir.getFileName() + "-sources.yaml"),
                SOURCES.replace("    url: \"${ERP_FAKE_URL}/odata/Kpis\"\n", "").replace("schedule: 1s", "schedule: 1s\n    pagin: {next: \"$.n\"}"));
        try (PackagedApp app = PackagedApp.start(Map.of("OGSM_ERP_SOURCES_FILE", sources.toString(),
                "ERP_TOKEN", "t0ken"), dataDir)) {
            assertNotEquals(0, app.awaitExit(60));
            String output = app.output();
            assertTrue(output.contains("source 'finance-erp': url is missing"), output);
            assertTrue(output.contains("source 'finance-erp': unknown key 'pagin'"), output);
            assertTrue(output.lines().noneMatch(line -> line.trim().startsWith("at io.ogsm")), "no stack trace: " + output);
        }
    }
}
