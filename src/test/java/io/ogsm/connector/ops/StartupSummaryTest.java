package io.ogsm.connector.ops;

import io.ogsm.connector.ogsm.ApiCredentials;
import io.ogsm.connector.ogsm.ApiTarget;
import io.ogsm.connector.testing.TestConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start-up summary says what is on and, for what is off, the key that turns it on. */
class StartupSummaryTest {

    private static final ApiTarget SANDBOX = new ApiTarget(URI.create("http://localhost:8080/sandbox"),
            new ApiCredentials("demo", "demo"), true);
    private static final ApiTarget WORKSPACE = new ApiTarget(URI.create("https://acme.ogsm.online"),
            new ApiCredentials("api", "s3cret"), false);

    @Test
    void withNothingConfiguredItNamesTheSandboxAndTheKeysOfWhatIsOff() {
        List<String> lines = StartupSummary.lines(TestConfig.of(), SANDBOX, true, List.of(), "0.0.0.0:8080");
        assertEquals(List.of(
                "listening on 0.0.0.0:8080",
                "measurements go to the built-in sandbox at http://localhost:8080/sandbox (user 'demo'; set "
                        + "ogsm.api.base-url for a real workspace)",
                "CSV inbox: " + java.nio.file.Path.of("data", "inbox").toAbsolutePath() + ", looked at every 1s",
                "push API: POST /api/measurements, for anyone (sandbox mode)",
                "Kafka: off (ogsm.kafka.brokers is not set)",
                "ERP sources: none",
                "status events: off (they need ogsm.kafka.brokers)",
                "operator page: off until ogsm.admin.username and ogsm.admin.password are set"), lines);
    }

    @Test
    void aRealWorkspaceWithEverythingOnAndNoSecretShown() {
        List<String> lines = StartupSummary.lines(TestConfig.of("ogsm.kafka.brokers", "k1:9092",
                        "ogsm.csv.dry-run", "true", "ogsm.admin.username", "ops", "ogsm.admin.password", "pw",
                        "ogsm.status.interval", "30s"),
                WORKSPACE, false, List.of("finance-erp"), "127.0.0.1:9090");
        assertTrue(lines.contains("measurements go to the workspace at https://acme.ogsm.online (user 'api')"), lines::toString);
        assertTrue(lines.get(2).endsWith("DRY RUN: rows are checked, nothing is posted (ogsm.csv.dry-run)"), lines::toString);
        assertTrue(lines.contains("push API: POST /api/measurements, for nobody until ogsm.push.username and "
                + "ogsm.push.password are set"), lines::toString);
        assertTrue(lines.contains("Kafka: k1:9092, measurements from ogsm.measurements, dead letters to ogsm.deadletter"),
                lines::toString);
        assertTrue(lines.contains("ERP sources: finance-erp"));
        assertTrue(lines.contains("status events: to ogsm.status-changes, every 30s"), lines::toString);
        assertTrue(lines.stream().noneMatch(l -> l.contains("s3cret") || l.contains("pw)")), lines::toString);
    }
}
