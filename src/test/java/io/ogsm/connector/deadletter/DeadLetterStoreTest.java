package io.ogsm.connector.deadletter;

import io.ogsm.connector.pipeline.SourceRef;
import io.ogsm.connector.pipeline.FailureReason;
import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.measurement.MeasurementType;
import io.ogsm.connector.ogsm.OgsmJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadLetterStoreTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private Path folder;
    private DeadLetterStore store;

    @BeforeEach
    void open() {
        folder = dir.resolve("deadletter");
        store = new DeadLetterStore(folder);
    }

    private static DeadLetter letter(String id, FailureReason reason, String sourceKind, Instant at) {
        Measurement m = new Measurement(MeasurementType.KPI, 31L, null, LocalDate.of(2024, 10, 9),
                new BigDecimal("45.6"), new BigDecimal("50"), "monthly close");
        return new DeadLetter(id, id, reason, "POST answered HTTP 422", SourceRef.of(Map.of("kind", sourceKind, "ref", "line 7")),
                m, null,
                OgsmJson.mapper().createObjectNode().put("method", "POST").put("path", "/api/v2/indicator_reports.json"),
                422, "{\"errors\":[\"at is invalid\"]}", null, 1, at.minusSeconds(30), at);
    }

    private static List<String> ids(List<DeadLetter> letters) {
        return letters.stream().map(DeadLetter::id).toList();
    }

    private List<String> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void createsItsFolder() {
        assertTrue(Files.isDirectory(folder));
        assertEquals(folder, store.folder());
    }

    @Test
    void readsBackWhatItWrote() {
        DeadLetter written = letter("a1b2c3", FailureReason.VALIDATION, "push", T0);

        store.write(written);

        assertEquals(Optional.of(written), store.find("a1b2c3"));
        assertTrue(Files.isRegularFile(folder.resolve("a1b2c3.json")));
    }

    @Test
    void readsBackALetterWhoseInputNeverBecameAMeasurement() {
        DeadLetter written = new DeadLetter("Raw_input-1", null, FailureReason.MAPPING, "value 'x' is not a number",
                SourceRef.of(Map.of("kind", "csv", "ref", "in.csv:3")), null, "31;2024-10-09;x", null, 0, null,
                Map.of("class", "IllegalArgumentException", "message", "x"), 0, T0, T0);

        store.write(written);

        assertEquals(Optional.of(written), store.find("Raw_input-1"));
    }

    @Test
    void replacesALetterWrittenTwice() {
        store.write(letter("k1", FailureReason.VALIDATION, "push", T0));
        DeadLetter again = letter("k1", FailureReason.RETRIES_EXHAUSTED, "push", T0.plusSeconds(60));

        store.write(again);

        assertEquals(Optional.of(again), store.find("k1"));
        assertEquals(List.of("k1"), ids(store.list(Optional.empty(), Optional.empty(), 10)));
    }

    @Test
    void leavesNoTemporaryFileBehind() throws IOException {
        store.write(letter("k1", FailureReason.VALIDATION, "push", T0));
        store.write(letter("k1", FailureReason.AUTH, "push", T0));
        store.write(letter("k2", FailureReason.AUTH, "push", T0));

        assertEquals(List.of("k1.json", "k2.json"), filesUnder(folder));
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertEquals(Optional.empty(), store.find("nope"));
    }

    @Test
    void findsNothingForAnUnreadableFileAndListsWithoutIt() throws IOException {
        store.write(letter("good", FailureReason.VALIDATION, "push", T0));
        Files.writeString(folder.resolve("broken.json"), "{ not json");

        assertEquals(Optional.empty(), store.find("broken"));
        assertEquals(List.of("good"), ids(store.list(Optional.empty(), Optional.empty(), 10)));
    }

    @Test
    void listsNewestFirst() {
        store.write(letter("middle", FailureReason.VALIDATION, "push", T0.plusSeconds(10)));
        store.write(letter("oldest", FailureReason.VALIDATION, "csv", T0));
        store.write(letter("newest", FailureReason.AUTH, "kafka", T0.plusSeconds(20)));

        assertEquals(List.of("newest", "middle", "oldest"),
                ids(store.list(Optional.empty(), Optional.empty(), 10)));
        assertEquals(List.of("newest", "middle"), ids(store.list(Optional.empty(), Optional.empty(), 2)));
    }

    @Test
    void listsOnlyTheReasonAskedFor() {
        store.write(letter("v1", FailureReason.VALIDATION, "push", T0));
        store.write(letter("a1", FailureReason.AUTH, "push", T0.plusSeconds(1)));
        store.write(letter("v2", FailureReason.VALIDATION, "csv", T0.plusSeconds(2)));

        assertEquals(List.of("v2", "v1"),
                ids(store.list(Optional.of(FailureReason.VALIDATION), Optional.empty(), 10)));
        assertEquals(List.of("a1"), ids(store.list(Optional.of(FailureReason.AUTH), Optional.empty(), 10)));
        assertEquals(List.of(), ids(store.list(Optional.of(FailureReason.NOT_FOUND), Optional.empty(), 10)));
    }

    @Test
    void listsOnlyTheSourceKindAskedFor() {
        store.write(letter("p1", FailureReason.VALIDATION, "push", T0));
        store.write(letter("c1", FailureReason.VALIDATION, "csv", T0.plusSeconds(1)));
        store.write(letter("p2", FailureReason.AUTH, "push", T0.plusSeconds(2)));

        assertEquals(List.of("p2", "p1"), ids(store.list(Optional.empty(), Optional.of("push"), 10)));
        assertEquals(List.of("p1"),
                ids(store.list(Optional.of(FailureReason.VALIDATION), Optional.of("push"), 10)));
        assertEquals(List.of(), ids(store.list(Optional.empty(), Optional.of("kafka"), 10)));
    }

    @Test
    void removesALetter() {
        store.write(letter("k1", FailureReason.VALIDATION, "push", T0));

        assertTrue(store.remove("k1"));

        assertEquals(Optional.empty(), store.find("k1"));
        assertFalse(store.remove("k1"));
        assertFalse(Files.exists(folder.resolve("k1.json")));
    }

    static Stream<String> badIds() {
        return Stream.of("../evil", "../../etc/passwd", "a/b", "/tmp/x", "..", ".", "a.b", "a\\b", "a b", "",
                "k1.json", "x".repeat(81), null);
    }

    @ParameterizedTest(name = "[{index}] id ''{0}'' is refused")
    @MethodSource("badIds")
    void refusesIdsThatCouldEscapeTheFolder(String id) throws IOException {
        Files.writeString(dir.resolve("evil.json"), "{\"id\":\"evil\"}");
        store.write(letter("k1", FailureReason.VALIDATION, "push", T0));
        List<String> before = filesUnder(dir);

        assertFalse(DeadLetterStore.isValidId(id));
        assertEquals(Optional.empty(), store.find(id));
        assertFalse(store.remove(id));
        assertThrows(IllegalArgumentException.class,
                () -> store.write(letter(id, FailureReason.VALIDATION, "push", T0)));

        assertEquals(before, filesUnder(dir), "no file created or removed anywhere");
    }

    @Test
    void acceptsAnIdOfEightyCharacters() {
        String id = "x".repeat(80);
        DeadLetter written = letter(id, FailureReason.VALIDATION, "push", T0);

        store.write(written);

        assertTrue(DeadLetterStore.isValidId(id));
        assertEquals(Optional.of(written), store.find(id));
        assertTrue(store.remove(id));
    }
}
