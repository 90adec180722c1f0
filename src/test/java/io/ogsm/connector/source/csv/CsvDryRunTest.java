package io.ogsm.connector.source.csv;

import com.fasterxml.jackson.databind.JsonNode;
import io.ogsm.connector.deadletter.DeadLetterStore;
import io.ogsm.connector.ogsm.OgsmJson;
import io.ogsm.connector.ogsm.OgsmResource;
import io.ogsm.connector.sandbox.Sandbox;
import io.ogsm.connector.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ogsm.csv.dry-run=true: every row checked and its title resolved, rejects and summary written, nothing posted. */
@QuarkusTest
@TestProfile(CsvDryRunTest.DryRun.class)
class CsvDryRunTest {

    public static class DryRun implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ogsm.csv.dry-run", "true", "ogsm.csv.date-formats", "yyyy-MM-dd,d-M-yyyy");
        }
    }

    @Inject
    Sandbox sandbox;

    @Inject
    DeadLetterStore deadLetters;

    @ConfigProperty(name = "ogsm.data-dir")
    String dataDir;

    @Test
    void aDryRunValidatesAndResolvesEveryRowWritesRejectsAndASummaryAndPostsNothing() throws Exception {
        Api.resetSandbox();
        String run = "dry-" + UUID.randomUUID().toString().substring(0, 8);
        int before = sandbox.workspace().list(OgsmResource.KPI_MEASUREMENTS).size();
        String name = run + ".csv";
        Path file = Path.of(dataDir, "inbox", "kpis", name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "title;date;value;description\n"
                + "Orders delivered same day;2026-10-01;87,5;" + run + "-1\n"
                + "cost per order, eur;1-10-2026;7,85;" + run + "-2\n"
                + "Fleet uptime;2026-10-01;99;" + run + "-3\n"
                + "Orders delivered same day;31-02-2025;88;" + run + "-4\n", StandardCharsets.UTF_8);

        Path done = Path.of(dataDir, "done", "kpis", name);
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(done));

        JsonNode summary = OgsmJson.mapper().readTree(Path.of(done + ".summary.json").toFile());
        assertTrue(summary.path("dry_run").asBoolean());
        assertEquals(4, summary.path("rows").asInt());
        assertEquals(2, summary.path("valid").asInt());
        assertEquals(2, summary.path("rejected").asInt());
        assertEquals(0, summary.path("delivered").asInt());

        List<CSVRecord> rejects = CSVFormat.DEFAULT.builder().setDelimiter(';').get()
                .parse(Files.newBufferedReader(Path.of(done + ".rejects.csv"))).getRecords();
        Map<String, String> reasons = rejects.subList(1, rejects.size()).stream()
                .collect(Collectors.toMap(r -> r.get(0), r -> r.get(1)));
        assertEquals(Map.of("4", "unknown KPI title 'Fleet uptime'",
                "5", "date '31-02-2025' does not exist: February 2025 has 28 days"), reasons);

        assertEquals(before, sandbox.workspace().list(OgsmResource.KPI_MEASUREMENTS).size(), "nothing was posted");
        assertTrue(deadLetters.list(Optional.empty(), Optional.of("csv"), 100).isEmpty(), "a dry run leaves no dead letters");
    }
}
