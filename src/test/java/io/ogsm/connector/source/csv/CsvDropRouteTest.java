package io.ogsm.connector.source.csv;

import com.fasterxml.jackson.databind.JsonNode;
import io.ogsm.connector.deadletter.DeadLetter;
import io.ogsm.connector.deadletter.DeadLetterStore;
import io.ogsm.connector.pipeline.FailureReason;
import io.ogsm.connector.ogsm.OgsmJson;
import io.ogsm.connector.ogsm.OgsmResource;
import io.ogsm.connector.sandbox.FaultSettings;
import io.ogsm.connector.sandbox.Sandbox;
import io.ogsm.connector.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CSV drop folder against the sandbox: files dropped in the inbox, what the sandbox stored, where each file went,
 * and what its rejects, summary and error files say.
 */
@QuarkusTest
class CsvDropRouteTest {

    private static final Duration FILE_SETTLED = Duration.ofSeconds(60);

    @Inject
    Sandbox sandbox;

    @Inject
    DeadLetterStore deadLetters;

    @ConfigProperty(name = "ogsm.data-dir")
    String dataDir;

    private String run;

    @BeforeEach
    void setUp() {
        Api.resetSandbox();
        run = "csv-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() {
        Api.resetSandbox();
    }

    private Path data(String first, String... more) {
        return Path.of(dataDir, first).resolve(Path.of("", more));
    }

    /** Stored measurements of this test run (goal and KPI), counted by description. */
    private Map<String, Long> stored() {
        return StreamSupport.stream(sandbox.workspace().list(OgsmResource.KPI_MEASUREMENTS).spliterator(), false)
                .map(m -> m.path("description").asText(""))
                .filter(d -> d.startsWith(run))
                .collect(Collectors.groupingBy(d -> d, Collectors.counting()));
    }

    private static JsonNode json(Path file) throws IOException {
        return OgsmJson.mapper().readTree(file.toFile());
    }

    private static List<CSVRecord> csv(Path file, char delimiter) throws IOException {
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get()
                .parse(Files.newBufferedReader(file, StandardCharsets.UTF_8)).getRecords();
    }

    private Path drop(String relative, String content) throws IOException {
        Path file = data("inbox").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static void awaitFile(Path file) {
        await().atMost(FILE_SETTLED).pollInterval(Duration.ofMillis(100)).until(() -> Files.exists(file));
    }

    private List<DeadLetter> csvDeadLetters(String file) {
        return deadLetters.list(Optional.empty(), Optional.of("csv"), 10_000).stream()
                .filter(l -> file.equals(l.source().get("file"))).toList();
    }

    @Test
    void theExcelStyleExportIsDeliveredWithItsDecimalCommasAndMovesToDone() throws Exception {
        // BOM, semicolons, decimal commas, quoted semicolons; dropped in kpis/ so it needs no type column
        String sample = Files.readString(Path.of("config", "samples", "kpis-excel-export.csv"), StandardCharsets.UTF_8);
        String content = sample.replace("2026-10-31", "2026-10-30")
                .replace("\"Hubs Utrecht; Eindhoven, late\"", "\"" + run + " Hubs Utrecht; Eindhoven, late\"")
                .replace(";7,85;7,50;\r\n", ";7,85;7,50;" + run + "-32\r\n").replace(";7,85;7,50;\n", ";7,85;7,50;" + run + "-32\n")
                .replace("\"two QBRs moved to November\"", "\"" + run + " two QBRs\"")
                .replace(";0,35;0,5;", ";0,35;0,5;" + run + "-34");
        assertTrue(content.startsWith("\uFEFF"), "the sample has a byte order mark");
        drop("kpis/" + run + "-export.csv", content);

        Path done = data("done", "kpis", run + "-export.csv");
        awaitFile(done);
        assertFalse(Files.exists(data("inbox", "kpis", run + "-export.csv")));
        assertEquals(4, stored().size(), () -> "stored: " + stored());
        assertTrue(stored().values().stream().allMatch(c -> c == 1));
        JsonNode list = sandbox.workspace().list(OgsmResource.KPI_MEASUREMENTS);
        JsonNode orders = StreamSupport.stream(list.spliterator(), false)
                .filter(m -> m.path("description").asText().startsWith(run + " Hubs")).findFirst().orElseThrow();
        assertEquals(31, orders.path("indicator").path("id").asInt());
        assertEquals(87.5, orders.path("current_value").asDouble());
        assertEquals("2026-10-30", orders.path("at").asText());

        JsonNode summary = json(data("done", "kpis", run + "-export.csv.summary.json"));
        assertEquals(4, summary.path("rows").asInt());
        assertEquals(4, summary.path("delivered").asInt());
        assertEquals(0, summary.path("rejected").asInt());
        assertFalse(summary.path("dry_run").asBoolean());
        assertEquals("done/kpis/" + run + "-export.csv", summary.path("moved_to").asText());
        assertFalse(Files.exists(data("done", "kpis", run + "-export.csv.rejects.csv")));
    }

    @Test
    void goalsByTitleInTheGoalsFolderAreResolvedAndDelivered() throws Exception {
        drop("goals/" + run + ".csv", "title;at;value;description\n"
                + "\"Revenue, net\";2026-10-29;1250000.50;" + run + "-a\n"
                + "customer satisfaction (nps);2026-10-29;41;" + run + "-b\n");
        awaitFile(data("done", "goals", run + ".csv"));
        JsonNode goals = sandbox.workspace().list(OgsmResource.GOAL_MEASUREMENTS);
        Map<String, Integer> byDescription = StreamSupport.stream(goals.spliterator(), false)
                .filter(m -> m.path("description").asText().startsWith(run))
                .collect(Collectors.toMap(m -> m.path("description").asText(), m -> m.path("goal").path("id").asInt()));
        assertEquals(Map.of(run + "-a", 11, run + "-b", 12), byDescription);
    }

    @Test
    void rejectsCarryTheOriginalRowItsLineAndTheReasonAndBecomeDeadLetters() throws Exception {
        String name = run + "-mixed.csv";
        drop(name, "type,title,id,date,value,description\n"
                + "kpi,,31,2026-10-01,1.5," + run + "-ok1\n"
                + "kpi,Fleet uptime " + run + ",,2026-10-01,2," + run + "-unknown\n"
                + "kpi,,31,2026-10-01,n/a," + run + "-nan\n"
                + "\n"
                + "kpi,,31,31-02-2025,3," + run + "-date\n"
                + "kpi,,99999,2026-10-01,4," + run + "-404\n"
                + "kpi,,32,2026-10-01,5.25,\"" + run + "-ok2, quoted\"\n");

        Path done = data("done", name);
        awaitFile(done);
        assertEquals(Set.of(run + "-ok1", run + "-ok2, quoted"), stored().keySet());

        List<CSVRecord> rejects = csv(data("done", name + ".rejects.csv"), ',');
        assertEquals(List.of("line", "reason", "type", "title", "id", "date", "value", "description"),
                rejects.get(0).toList());
        Map<String, CSVRecord> byLine = rejects.subList(1, rejects.size()).stream()
                .collect(Collectors.toMap(r -> r.get(0), r -> r));
        assertEquals(Set.of("3", "4", "6", "7"), byLine.keySet());
        assertEquals("unknown KPI title 'Fleet uptime " + run + "'", byLine.get("3").get(1));
        assertEquals(List.of("kpi", "Fleet uptime " + run, "", "2026-10-01", "2", run + "-unknown"),
                byLine.get("3").toList().subList(2, 8));
        assertEquals("value 'n/a' is not a number", byLine.get("4").get(1));
        assertEquals("date '31-02-2025' does not match yyyy-MM-dd (as d-M-yyyy it does not exist: February 2025 "
                + "has 28 days)", byLine.get("6").get(1));
        assertTrue(byLine.get("7").get(1).contains("HTTP 404") && byLine.get("7").get(1).contains("indicator 99999"),
                byLine.get("7").get(1));

        JsonNode summary = json(data("done", name + ".summary.json"));
        assertEquals(6, summary.path("rows").asInt());
        assertEquals(2, summary.path("delivered").asInt());
        assertEquals(2, summary.path("rejected").asInt());
        assertEquals(2, summary.path("dead_lettered").asInt());
        assertEquals("done/" + name + ".rejects.csv", summary.path("rejects_file").asText());

        // measurements the API refused are a dead letter each; the rows that are no measurement one for the file
        Map<String, DeadLetter> letters = csvDeadLetters(name).stream()
                .collect(Collectors.toMap(l -> String.valueOf(l.source().get("line")), l -> l));
        assertEquals(Set.of("3", "7", "null"), letters.keySet());
        assertEquals(FailureReason.NOT_FOUND, letters.get("3").reason());
        assertEquals(FailureReason.NOT_FOUND, letters.get("7").reason());
        assertEquals(404, letters.get("7").responseStatus());
        DeadLetter file = letters.get("null");
        assertEquals(FailureReason.MAPPING, file.reason());
        assertEquals(2L, file.rows());
        assertEquals("done/" + name + ".rejects.csv", file.rejectsFile());
        assertEquals("2 rows of " + name + " are no measurement (the first: line 4: value 'n/a' is not a number); fix "
                + "them in done/" + name + ".rejects.csv and drop that file again", file.message());
        assertTrue(file.source().get("modified") != null, file.source().toString());
        // not replayable: the rows are fixed in the rejects file
        Api.admin().post("/api/deadletters/" + file.id() + "/replay").then().statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("not_replayable"));

        // discarded in bulk, by file
        Api.admin().delete("/api/deadletters?file=" + name).then().statusCode(200)
                .body("discarded", org.hamcrest.Matchers.equalTo(3));
        assertEquals(List.of(), csvDeadLetters(name));
    }

    /** One format mistake in a large file: one dead letter, not one per row. */
    @Test
    void aFileOfRowsInAnotherDateFormatIsOneDeadLetter() throws Exception {
        String name = run + "-dutch-dates.csv";
        StringBuilder rows = new StringBuilder("type,id,date,value,description\n");
        for (int i = 1; i <= 2000; i++) {
            rows.append("kpi,31,").append(1 + i % 28).append("-10-2026,").append(i).append(',').append(run)
                    .append('\n');
        }
        drop(name, rows.toString());
        awaitFile(data("done", name));
        List<DeadLetter> letters = csvDeadLetters(name);
        assertEquals(1, letters.size());
        assertEquals(2000L, letters.get(0).rows());
        assertTrue(letters.get(0).message().contains("it reads as d-M-yyyy: add it to ogsm.csv.date-formats"),
                letters.get(0).message());
        assertEquals(2001, csv(data("done", name + ".rejects.csv"), ',').size());
    }

    @Test
    void movesFileToDoneOnlyWhenEveryRowSettledThroughApiFaults() throws Exception {
        sandbox.faults().update(new FaultSettings(0.3, 0.1, 0.05, 1, 0, 7L, Set.of("POST")));
        int count = 60;
        String name = run + "-faults.csv";
        drop("kpis/" + name, "id,at,value,description\n" + IntStream.range(0, count)
                .mapToObj(i -> "33," + "2026-09-01," + i + "," + run + "-" + i).collect(Collectors.joining("\n")));

        awaitFile(data("done", "kpis", name));
        Map<String, Long> stored = stored();
        assertEquals(count, stored.size(), "every row was stored before the file moved");
        assertTrue(stored.values().stream().allMatch(c -> c == 1), () -> "stored twice: " + stored);
        assertEquals(count, json(data("done", "kpis", name + ".summary.json")).path("delivered").asInt());
    }

    @Test
    void aFileCopiedSlowlyInPlaceIsNotReadUntilItIsComplete() throws Exception {
        String name = run + "-slow.csv";
        Path file = drop(name, "type,id,at,value,description\nkpi,31,2026-08-01,1," + run + "-1\n");
        // keep writing, each pause shorter than ogsm.csv.min-age: nothing is read meanwhile
        for (int part = 2; part <= 4; part++) {
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> stored().isEmpty() && Files.exists(file));
            Files.writeString(file, "kpi,31,2026-08-01," + part + "," + run + "-" + part + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        awaitFile(data("done", name));
        assertEquals(Set.of(run + "-1", run + "-2", run + "-3", run + "-4"), stored().keySet());
        assertEquals(4, json(data("done", name + ".summary.json")).path("rows").asInt());
    }

    @Test
    void hostileFilesEndInFailedWithAReasonAndTheRouteKeepsRunning() throws Exception {
        byte[] binary = new byte[4096];
        new Random(1).nextBytes(binary);
        binary[10] = 0;
        Files.write(data("inbox").resolve(run + "-binary.csv"), binary);
        drop(run + "-noheader.csv", "kpi,31,2026-10-01,5\nkpi,31,2026-10-02,6\n");
        drop(run + "-columns.csv", "foo;bar;baz\n1;2;3\n");
        drop(run + "-empty.csv", "");
        try (Writer out = Files.newBufferedWriter(data("inbox").resolve(run + "-longline.csv"))) {
            out.write("type,id,at,value,description\nkpi,31,2026-07-01,1," + run + "-before-long\nkpi,31,2026-07-02,2,\"");
            char[] chunk = new char[1024 * 1024];
            java.util.Arrays.fill(chunk, 'x');
            for (int i = 0; i < 10; i++) {
                out.write(chunk);
            }
            out.write("\"\nkpi,31,2026-07-03,3," + run + "-after-long\n");
        }
        Path outside = Files.createTempFile("outside-the-inbox", ".csv");
        Files.writeString(outside, "type,id,at,value\nkpi,31,2026-10-01,5\n");
        Files.createSymbolicLink(data("inbox").resolve(run + "-link.csv"), outside);
        String odd = run + " ..%2F..%2Fescape; 'q' \"d\" ü ✓.CSV";
        drop(odd, "type,id,at,value,description\nkpi,31,2026-06-01,1," + run + "-odd\n");
        drop(run + "-notes.txt", "not a CSV at all");
        drop(run + "-report.pdf", "%PDF-1.7");
        // temporary files and locks: Office's owner file, a copy under way
        drop("~$" + run + ".xlsx", "owner");
        drop(run + "-late.csv.part", "type,id,at,value\nkpi,31,2026-10-01,5\n");

        Map<String, String> expected = Map.of(
                run + "-binary.csv", "is not text: it contains NUL bytes",
                run + "-noheader.csv", "line 1: header has no column",
                run + "-columns.csv", "line 1: header has no column",
                run + "-empty.csv", "is empty",
                run + "-longline.csv", "line 3: record is longer than",
                run + "-link.csv", "is a link to a file outside the inbox",
                run + "-notes.txt", "line 1: header has no column",
                run + "-report.pdf", "is not a file the inbox reads: it reads .csv, .txt, .tsv, .xlsx, .xls files (delimited "
                        + "text, and Excel workbooks); save the sheet as CSV UTF-8 or as an Excel workbook (.xlsx)");
        for (Map.Entry<String, String> file : expected.entrySet()) {
            Path error = data("failed", file.getKey() + ".error.txt");
            awaitFile(error);
            String text = Files.readString(error);
            assertTrue(text.startsWith(file.getKey() + ": ") && text.contains(file.getValue()), text);
            assertTrue(Files.exists(data("failed", file.getKey())), file.getKey() + " is in failed/");
            assertFalse(Files.exists(data("inbox", file.getKey())), file.getKey() + " left the inbox");
        }
        assertTrue(Files.isSymbolicLink(data("failed", run + "-link.csv")), "the link moved, not its target");
        assertTrue(Files.exists(outside), "the link's target is untouched");

        // the odd name is read like any other, and lands in done/ under its own name
        awaitFile(data("done", odd));
        assertEquals(1, json(data("done", odd + ".summary.json")).path("delivered").asInt());
        // rows before the long line were delivered; the rest of that file was not read
        assertTrue(stored().containsKey(run + "-before-long"));
        assertFalse(stored().containsKey(run + "-after-long"));
        assertTrue(Files.readString(data("failed", run + "-longline.csv.error.txt")).contains("1 delivered"));
        // temporary files and locks stay where they are, and are not shown as waiting
        assertTrue(Files.exists(data("inbox", "~$" + run + ".xlsx")));
        assertTrue(Files.exists(data("inbox", run + "-late.csv.part")));
        String waiting = Api.admin().get("/api/ops/summary").then().statusCode(200).extract().body().asString();
        assertFalse(waiting.contains(run + "-late.csv.part") || waiting.contains("~$" + run), waiting);
        Files.delete(data("inbox", "~$" + run + ".xlsx"));
        Files.delete(data("inbox", run + "-late.csv.part"));
        try (var files = Files.list(Path.of(dataDir))) {
            assertEquals(Set.of("inbox", "done", "failed", "deadletter", "state", "queue"),
                    files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()),
                    "nothing was written outside the data dir's folders");
        }

        // and the route still works
        drop(run + "-after.csv", "type,id,at,value,description\nkpi,31,2026-05-01,1," + run + "-after\n");
        awaitFile(data("done", run + "-after.csv"));
        assertTrue(stored().containsKey(run + "-after"));
    }

    @Test
    void nothingOutsideTheInboxIsTouchedAndNamesItCannotHandleStayPut() throws Exception {
        Path outside = Files.createTempDirectory("outside-the-inbox");
        Path theirs = Files.writeString(outside.resolve("theirs.csv"), "type,id,at,value\nkpi,31,2026-10-01,5\n");
        Files.createSymbolicLink(data("inbox").resolve(run + "-folder-link"), outside);
        String backslash = run + "-a\\..\\..\\b.csv";
        String newline = run + "-line\nbreak.csv";
        String longName = run + "-" + "x".repeat(250) + ".csv";
        for (String name : List.of(backslash, newline)) {
            drop(name, "type,id,at,value,description\nkpi,31,2026-04-01,1," + run + "-odd-name\n");
        }
        Files.writeString(data("inbox").resolve(longName.substring(0, 240) + ".csv"),
                "type,id,at,value,description\nkpi,31,2026-04-02,1," + run + "-long-name\n");

        // a file dropped after them settles: the consumer has looked at everything above by then
        drop(run + "-after.csv", "type,id,at,value,description\nkpi,31,2026-05-01,1," + run + "-after\n");
        awaitFile(data("done", run + "-after.csv"));
        drop(run + "-after2.csv", "type,id,at,value,description\nkpi,31,2026-05-02,1," + run + "-after2\n");
        awaitFile(data("done", run + "-after2.csv"));

        assertEquals("type,id,at,value\nkpi,31,2026-10-01,5\n", Files.readString(theirs), "their file is untouched");
        try (var files = Files.list(outside)) {
            assertEquals(List.of(theirs), files.toList(), "nothing created beside it (no lock file)");
        }
        for (String name : List.of(backslash, newline)) {
            assertTrue(Files.exists(data("inbox", name)), () -> name + " stays in the inbox");
        }
        assertFalse(stored().containsKey(run + "-odd-name"));
        assertFalse(stored().containsKey(run + "-long-name"));
        try (var found = Files.walk(Path.of(dataDir))) {
            assertEquals(List.of(), found.map(Path::toString).filter(p -> p.contains("theirs.csv")
                    || p.endsWith(run + "-a") || p.contains(run + "-a\\..") && p.endsWith(".camelLock")).toList(),
                    "no trace of their file, and no folder or lock made from the backslash name");
        }
        Path parentOfData = Path.of(dataDir).toAbsolutePath().getParent();
        try (var beside = Files.list(parentOfData)) {
            assertTrue(beside.noneMatch(p -> p.getFileName().toString().startsWith("b.csv")),
                    "nothing made outside the data dir");
        }
    }

    @Test
    void aFileDroppedAgainUnderTheSameNameIsReadAgainAndItsRowsAreNotPostedTwice() throws Exception {
        String name = run + "-again.csv";
        String content = "type,id,at,value,description\nkpi,31,2026-04-01,1," + run + "-1\n";
        drop(name, content);
        awaitFile(data("done", name));
        drop(name, content + "kpi,31,2026-04-01,2," + run + "-2\n");
        awaitFile(data("done", run + "-again-2.csv"));
        assertEquals(Map.of(run + "-1", 1L, run + "-2", 1L), stored());
        JsonNode summary = json(data("done", run + "-again-2.csv.summary.json"));
        assertEquals(1, summary.path("duplicates").asInt());
        assertEquals(1, summary.path("delivered").asInt());
    }

    /**
     * The same export saved and dropped again with a correction, then back: 45, 46, 45 are posted, the unchanged 45 of
     * a fourth drop is not.
     */
    @Test
    void anExportDroppedAgainWithACorrectionBackToAnEarlierValueIsPostedAgain() throws Exception {
        String name = run + "-october.csv";
        for (String value : List.of("45", "46", "45", "45")) {
            Path file = drop(name, "type,id,at,value,description\nkpi,33,2026-09-28," + value + "," + run + "-c\n");
            await().atMost(FILE_SETTLED).until(() -> !Files.exists(file));
        }
        List<Double> values = StreamSupport.stream(sandbox.workspace().list(OgsmResource.KPI_MEASUREMENTS)
                .spliterator(), false).filter(m -> m.path("description").asText().equals(run + "-c"))
                .map(m -> m.path("current_value").asDouble()).toList();
        assertEquals(List.of(45.0, 46.0, 45.0), values);
    }

    /** Excel's plain "CSV" on Windows (Windows-1252, ';', decimal commas) and its "Unicode Text" (UTF-16, tabs). */
    @Test
    void filesAsExcelSavesThemAreReadInTheirEncodings() throws Exception {
        Path plain = data("inbox", "kpis").resolve(run + "-plain.csv");
        Files.createDirectories(plain.getParent());
        Files.write(plain, ("id;date;value;description\n32;2026-10-30;7,85;" + run + "-\u20ac caf\u00e9\n")
                .getBytes(java.nio.charset.Charset.forName("windows-1252")));
        Files.write(data("inbox", "kpis").resolve(run + "-unicode.txt"), ("\uFEFFid\tdate\tvalue\tdescription\n"
                + "32\t2026-10-29\t7,5\t" + run + "-\u00fcber\n").getBytes(StandardCharsets.UTF_16LE));
        awaitFile(data("done", "kpis", run + "-plain.csv"));
        awaitFile(data("done", "kpis", run + "-unicode.txt"));
        assertEquals(Map.of(run + "-\u20ac caf\u00e9", 1L, run + "-\u00fcber", 1L), stored());
        assertEquals("windows-1252", json(data("done", "kpis", run + "-plain.csv.summary.json")).path("encoding")
                .asText());
        assertEquals("utf-16", json(data("done", "kpis", run + "-unicode.txt.summary.json")).path("encoding")
                .asText());
    }

    /**
     * A folder with an intake profile (src/test/resources/intake/profiles.yaml): a Dutch export as Excel saves it, and a
     * wide sheet whose cells are a measurement each, read again without posting twice.
     */
    @Test
    void filesInAProfilesFolderAreReadWithItsColumnsLocaleAndLayout() throws Exception {
        Path dutch = data("inbox", "finance-nl").resolve(run + "-oktober.csv");
        Files.createDirectories(dutch.getParent());
        Files.write(dutch, ("Titel;Datum;Waarde;Doel;Omschrijving\n"
                + "Cost per order, EUR;3 okt. 2026;\u20ac 7,85;7,50;" + run + "-caf\u00e9\n"
                + "Orders delivered same day;31-10-2026;87,5%;90;" + run + "-orders\n")
                .getBytes(java.nio.charset.Charset.forName("windows-1252")));
        drop("kpi-wide/" + run + "-2026.csv", "KPI;jan 2026;feb 2026;Toelichting\n"
                + "Electric vans, share of fleet;12,5;14;" + run + "-vans\n");

        awaitFile(data("done", "finance-nl", run + "-oktober.csv"));
        awaitFile(data("done", "kpi-wide", run + "-2026.csv"));
        JsonNode list = sandbox.workspace().list(OgsmResource.KPI_MEASUREMENTS);
        Map<String, List<String>> stored = StreamSupport.stream(list.spliterator(), false)
                .filter(m -> m.path("description").asText("").startsWith(run))
                .collect(Collectors.groupingBy(m -> m.path("description").asText(), Collectors.mapping(m ->
                        m.path("indicator").path("id").asInt() + "@" + m.path("at").asText() + "="
                                + m.path("current_value").asDouble(), Collectors.toList())));
        assertEquals(Map.of(run + "-caf\u00e9", List.of("32@2026-10-03=7.85"),
                run + "-orders", List.of("31@2026-10-31=87.5")), Map.of(run + "-caf\u00e9", stored.get(run
                + "-caf\u00e9"), run + "-orders", stored.get(run + "-orders")), stored::toString);
        assertEquals(Set.of("34@2026-01-31=12.5", "34@2026-02-28=14.0"), Set.copyOf(stored.get(run + "-vans")));
        JsonNode summary = json(data("done", "finance-nl", run + "-oktober.csv.summary.json"));
        assertEquals("finance-nl", summary.path("profile").asText());
        assertEquals("windows-1252", summary.path("encoding").asText());

        // the wide sheet dropped again: each cell is found delivered, none posted twice
        drop("kpi-wide/" + run + "-2026.csv", "KPI;jan 2026;feb 2026;Toelichting\n"
                + "Electric vans, share of fleet;12,5;14;" + run + "-vans\n");
        awaitFile(data("done", "kpi-wide", run + "-2026-2.csv"));
        JsonNode again = json(data("done", "kpi-wide", run + "-2026-2.csv.summary.json"));
        assertEquals(2, again.path("duplicates").asInt(), again::toString);
        assertEquals(2, stored().get(run + "-vans"));
    }

    /** The rejects file fixed and dropped again: the rows delivered from it settle the original's dead letters. */
    @Test
    void aFixedRejectsFileDroppedAgainSettlesTheOriginalsDeadLetters() throws Exception {
        String name = run + "-fix.csv";
        drop(name, "type,id,date,value,description\n"
                + "kpi,31,2026-10-01,1," + run + "-ok\n"
                + "kpi,31,2026-10-01,n/a," + run + "-nan\n"
                + "kpi,99999,2026-10-01,4," + run + "-404\n"
                + "kpi,31,2026-10-01,x," + run + "-still-wrong\n");
        awaitFile(data("done", name + ".summary.json"));
        assertEquals(2, csvDeadLetters(name).size(), "the 404 and the file's rows that are no measurement");

        // fixed in a spreadsheet: two rows corrected, one still wrong; line and reason columns as they were
        List<CSVRecord> rejects = csv(data("done", name + ".rejects.csv"), ',');
        StringBuilder fixed = new StringBuilder("line,reason,type,id,date,value,description\n");
        for (CSVRecord r : rejects.subList(1, rejects.size())) {
            String value = r.get(5).equals("n/a") ? "2" : r.get(5);
            String id = r.get(3).equals("99999") ? "32" : r.get(3);
            fixed.append(r.get(0)).append(",\"").append(r.get(1).replace("\"", "\"\"")).append("\",").append(r.get(2))
                    .append(',').append(id).append(',').append(r.get(4)).append(',').append(value).append(',')
                    .append(r.get(6)).append('\n');
        }
        Path again = drop(name + ".rejects.csv", fixed.toString());
        // done/ already holds the original's rejects file under that name: this one gets a free name beside it
        await().atMost(FILE_SETTLED).until(() -> !Files.exists(again));

        assertEquals(Set.of(run + "-ok", run + "-nan", run + "-404"), stored().keySet());
        assertEquals(List.of(), csvDeadLetters(name), "the original's dead letters are settled");
        List<DeadLetter> left = csvDeadLetters(name + ".rejects.csv");
        assertEquals(1, left.size(), () -> left.toString());
        assertEquals(1L, left.get(0).rows(), "the row still wrong is the rejects file's own dead letter");
    }

    /** A workbook as a finance team saves it: read like a CSV file, its rejects a CSV with the sheet's row numbers. */
    @Test
    void aWorkbookIsReadLikeACsvFile() throws Exception {
        Path file = data("inbox", "kpis").resolve(run + "-book.xlsx");
        Files.createDirectories(file.getParent());
        Path written = Files.createTempFile("book", ".xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                java.io.OutputStream out = Files.newOutputStream(written)) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("Oktober");
            sheet.createRow(0).createCell(0).setCellValue("Maandcijfers");
            org.apache.poi.ss.usermodel.Row header = sheet.createRow(2);
            List.of("title", "date", "value", "description").forEach(n -> header.createCell(header.getPhysicalNumberOfCells())
                    .setCellValue(n));
            org.apache.poi.ss.usermodel.CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (int i = 0; i < 3; i++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(3 + i);
                row.createCell(0).setCellValue(i == 2 ? "Fleet uptime " + run : "Orders delivered same day");
                row.createCell(1).setCellValue(LocalDate.of(2026, 10, 29 + i));
                row.getCell(1).setCellStyle(date);
                if (i == 1) {
                    row.createCell(2).setCellValue("n/a");
                } else {
                    row.createCell(2).setCellValue(88 + i);
                }
                row.createCell(3).setCellValue(run + "-" + i);
            }
            book.write(out);
        }
        Files.move(written, file);

        awaitFile(data("done", "kpis", run + "-book.xlsx.summary.json"));
        assertEquals(Set.of(run + "-0"), stored().keySet());
        JsonNode summary = json(data("done", "kpis", run + "-book.xlsx.summary.json"));
        assertEquals("Oktober", summary.path("sheet").asText());
        assertEquals(3, summary.path("rows").asInt());
        List<CSVRecord> rejects = csv(data("done", "kpis", run + "-book.xlsx.rejects.csv"), ',');
        assertEquals(List.of("line", "reason", "title", "date", "value", "description"), rejects.get(0).toList());
        assertEquals(List.of("5", "value 'n/a' is not a number"), rejects.get(1).toList().subList(0, 2));
        assertEquals("6", rejects.get(2).get(0), "the sheet's row numbers, in order");
    }
}
