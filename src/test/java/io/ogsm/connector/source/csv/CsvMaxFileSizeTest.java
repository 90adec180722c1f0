package io.ogsm.connector.source.csv;

import io.ogsm.connector.ogsm.OgsmResource;
import io.ogsm.connector.sandbox.Sandbox;
import io.ogsm.connector.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ogsm.csv.max-file-size: a larger file goes to failed/ with its reason, unread; a file within the limit is read. */
@QuarkusTest
@TestProfile(CsvMaxFileSizeTest.SmallLimit.class)
class CsvMaxFileSizeTest {

    public static class SmallLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ogsm.csv.max-file-size", "2K");
        }
    }

    @Inject
    Sandbox sandbox;

    @ConfigProperty(name = "ogsm.data-dir")
    String dataDir;

    @Test
    void aFileLargerThanTheLimitGoesToFailedWithItsReasonAndNoneOfItsRowsArePosted() throws Exception {
        Api.resetSandbox();
        String run = "size-" + UUID.randomUUID().toString().substring(0, 8);
        String large = run + "-large.csv";
        String small = run + "-small.csv";
        StringBuilder rows = new StringBuilder("type,id,at,value,description\n");
        for (int i = 0; rows.length() <= 3 * 1024; i++) {
            rows.append("kpi,31,2026-08-").append(String.format("%02d", i % 28 + 1)).append(',').append(i)
                    .append(',').append(run).append("-large-").append(i).append('\n');
        }
        long largeSize = write(large, rows.toString());
        write(small, "type,id,at,value,description\nkpi,31,2026-09-01,1," + run + "-small\n");

        Path error = Path.of(dataDir, "failed", large + ".error.txt");
        Path smallDone = Path.of(dataDir, "done", small);
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(error) && Files.exists(smallDone));

        assertEquals(large + ": is " + largeSize + " bytes, more than ogsm.csv.max-file-size (2048 bytes)",
                Files.readString(error).strip());
        assertTrue(Files.exists(Path.of(dataDir, "failed", large)), "the large file is in failed/");
        assertFalse(Files.exists(Path.of(dataDir, "inbox", large)), "the large file left the inbox");
        List<String> stored = StreamSupport.stream(
                        sandbox.workspace().list(OgsmResource.KPI_MEASUREMENTS).spliterator(), false)
                .map(m -> m.path("description").asText())
                .filter(d -> d.startsWith(run))
                .toList();
        assertEquals(List.of(run + "-small"), stored, "only the file within the limit was delivered");
    }

    private long write(String name, String content) throws Exception {
        Path inbox = Path.of(dataDir, "inbox");
        Files.createDirectories(inbox);
        Path tmp = inbox.resolve(name + ".part"); // not *.csv: the route ignores it until the rename
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        long size = Files.size(tmp);
        Files.move(tmp, inbox.resolve(name));
        return size;
    }
}
