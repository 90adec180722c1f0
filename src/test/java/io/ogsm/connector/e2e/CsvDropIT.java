package io.ogsm.connector.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.ogsm.connector.ogsm.OgsmJson;
import org.junit.jupiter.api.Test;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CSV drop folder of the packaged app: a million rows in 256 MB of heap (as CSV and as a workbook), and a SIGKILL
 * in the middle of a file.
 */
class CsvDropIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Writes the file row by row (never whole in memory) under a hidden name, then renames it into the inbox. */
    private static void dropRows(Path inbox, String name, int rows, String run) throws IOException {
        Files.createDirectories(inbox);
        Path temp = inbox.resolve("." + name + ".part");
        try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            out.write("id;date;value;description\r\n");
            for (int i = 0; i < rows; i++) {
                out.write("31;2026-" + (i % 12 < 9 ? "0" : "") + (i % 12 + 1) + "-15;" + (i / 100) + ","
                        + (i % 100) + ";" + run + "-" + i + "\r\n");
            }
        }
        Files.move(temp, inbox.resolve(name));
    }

    @Test
    void aMillionRowFileIsReadIn256MegabytesOfHeap() throws Exception {
        Path data = Files.createTempDirectory("ogsm-csv-million");
        String run = "million-" + System.nanoTime();
        dropRows(data.resolve("inbox").resolve("kpis"), "million.csv", 1_000_000, run);
        assertTrue(Files.size(data.resolve("inbox/kpis/million.csv")) > 40_000_000, "a big file");

        try (PackagedApp app = PackagedApp.start(Map.of("OGSM_CSV_DRY_RUN", "true"), data,
                List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"))) {
            Path summary = data.resolve("done/kpis/million.csv.summary.json");
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Files.exists(summary) || !app.isAlive());
            assertTrue(app.isAlive(), () -> "the app ended (out of memory?): " + tail(app));
            JsonNode json = OgsmJson.mapper().readTree(summary.toFile());
            assertEquals(1_000_000, json.path("rows").asInt());
            assertEquals(1_000_000, json.path("valid").asInt());
            assertEquals(0, json.path("rejected").asInt());
            assertTrue(json.path("dry_run").asBoolean());
            assertTrue(Files.exists(data.resolve("done/kpis/million.csv")));
            assertFalse(Files.exists(data.resolve("inbox/kpis/million.csv")));
        }
    }

    /** The same as a workbook: written with POI's streaming writer (inline strings), read streaming in 256 MB. */
    @Test
    void aMillionRowWorkbookIsReadIn256MegabytesOfHeap() throws Exception {
        Path data = Files.createTempDirectory("ogsm-xlsx-million");
        Path inbox = Files.createDirectories(data.resolve("inbox").resolve("kpis"));
        Path temp = inbox.resolve(".million.xlsx.part");
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook book = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100);
                java.io.OutputStream out = Files.newOutputStream(temp)) {
            book.setCompressTempFiles(true);
            org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("Million");
            org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
            String[] names = {"id", "date", "value", "description"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            org.apache.poi.ss.usermodel.CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            for (int i = 0; i < 1_000_000; i++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue(31);
                row.createCell(1).setCellValue(java.time.LocalDate.of(2026, i % 12 + 1, 15));
                row.getCell(1).setCellStyle(date);
                row.createCell(2).setCellValue(i / 100.0);
                row.createCell(3).setCellValue("row " + i);
            }
            book.write(out);
            book.dispose();
        }
        Files.move(temp, inbox.resolve("million.xlsx"));

        try (PackagedApp app = PackagedApp.start(Map.of("OGSM_CSV_DRY_RUN", "true"), data,
                List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"))) {
            Path summary = data.resolve("done/kpis/million.xlsx.summary.json");
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Files.exists(summary) || !app.isAlive());
            assertTrue(app.isAlive(), () -> "the app ended (out of memory?): " + tail(app));
            JsonNode json = OgsmJson.mapper().readTree(summary.toFile());
            assertEquals(1_000_000, json.path("rows").asInt(), json::toString);
            assertEquals(1_000_000, json.path("valid").asInt(), json::toString);
            assertEquals("Million", json.path("sheet").asText());
        }
    }

    @Test
    void aConnectorKilledInTheMiddleOfAFileEndsWithEveryRowStoredOnce() throws Exception {
        int count = 400;
        try (PackagedApp api = PackagedApp.start(Map.of(
                "OGSM_SANDBOX_FAULTS_LATENCY", "15ms",
                "OGSM_SANDBOX_FAULTS_DROP_AFTER_COMMIT_RATE", "0.05",
                "OGSM_SANDBOX_FAULTS_SEED", "5"))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> api.isReady());
            Map<String, String> connectorEnv = Map.of(
                    "OGSM_API_BASE_URL", "http://localhost:" + api.port + "/sandbox",
                    "OGSM_API_USERNAME", "demo",
                    "OGSM_API_PASSWORD", "demo",
                    "OGSM_DELIVERY_INITIAL_BACKOFF", "20ms",
                    "OGSM_DELIVERY_MAX_BACKOFF", "200ms",
                    "OGSM_CSV_POLL_INTERVAL", "200ms",
                    "OGSM_CSV_MIN_AGE", "500ms");
            Path data = Files.createTempDirectory("ogsm-csv-crash");
            String run = "csv-crash-" + System.nanoTime();

            PackagedApp first = PackagedApp.start(connectorEnv, data);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> first.isReady());
                dropRows(data.resolve("inbox").resolve("kpis"), "october.csv", count, run);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                        .until(() -> api.storedKpiMeasurements(run).size() >= count / 5);
            } finally {
                first.kill();
            }
            int atKill = api.storedKpiMeasurements(run).size();
            assertTrue(atKill < count, "the kill came before the end (" + atKill + " of " + count + " stored)");
            assertTrue(Files.exists(data.resolve("inbox/kpis/october.csv")), "an unsettled file stays in the inbox");
            assertFalse(Files.exists(data.resolve("done/kpis/october.csv")));

            try (PackagedApp second = PackagedApp.start(connectorEnv, data)) {
                Path summary = data.resolve("done/kpis/october.csv.summary.json");
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                        .until(() -> Files.exists(summary));
                Map<String, Long> counts = api.storedKpiMeasurements(run);
                assertEquals(count, counts.size());
                assertTrue(counts.values().stream().allMatch(c -> c == 1), () -> "stored twice: "
                        + counts.entrySet().stream().filter(e -> e.getValue() > 1).toList());
                JsonNode json = OgsmJson.mapper().readTree(summary.toFile());
                assertEquals(count, json.path("rows").asInt());
                assertEquals(count, json.path("delivered").asInt() + json.path("duplicates").asInt());
                assertTrue(json.path("duplicates").asInt() >= atKill - 20,
                        "rows delivered before the kill were not posted again: " + json);
                assertFalse(Files.exists(data.resolve("inbox/kpis/october.csv")));
                try (var letters = Files.list(data.resolve("deadletter"))) {
                    assertTrue(letters.findAny().isEmpty(), "nothing was dead-lettered");
                }
            }
        }
    }

    private static String tail(PackagedApp app) {
        try {
            String out = app.output();
            return out.substring(Math.max(0, out.length() - 3000));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** A profiles file with faults stops the start, one line each, and the inbox's files are left where they are. */
    @Test
    void anInvalidProfilesFileStopsTheStartAndNoFileIsRead() throws Exception {
        Path data = Files.createTempDirectory("ogsm-e2e-intake-invalid");
        Path profiles = Files.writeString(data.resolveSibling(data.getFileName() + "-intake.yaml"), """
                profiles:
                  - name: finance-nl
                    columns: {titel: KPI}
                  - name: finance-be
                    locale: xx
                  - name: wide
                    wide: {period-format: HH:mm}
                """);
        Path waiting = data.resolve("inbox").resolve("kpis").resolve("october.csv");
        Files.createDirectories(waiting.getParent());
        Files.writeString(waiting, "id,date,value\n31,2026-10-31,1\n");
        try (PackagedApp app = PackagedApp.start(Map.of("OGSM_INTAKE_PROFILES_FILE", profiles.toString()), data)) {
            assertNotEquals(0, app.awaitExit(60));
            String output = app.output();
            assertTrue(output.contains("profile 'finance-nl': columns: unknown key 'titel'"), output);
            assertTrue(output.contains("profile 'finance-be': locale 'xx' is not a language"), output);
            assertTrue(output.contains("profile 'wide': wide.period-format 'HH:mm' names no day"), output);
            assertTrue(output.lines().noneMatch(line -> line.trim().startsWith("at io.ogsm")), "no stack trace: "
                    + output);
        }
        assertTrue(Files.exists(waiting), "the waiting file was not read");
    }
}
