package io.ogsm.connector.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A YAML file checked against a schema ({@code src/test/resources/schemas/test-list.schema.json}: a list under
 * {@code items}, each with a required lower-case {@code name}, a {@code colour} of red or green, a secret {@code key},
 * a {@code size} of at least 1, no other keys): its faults by entry and in the file's words, secrets never quoted.
 */
class SchemaCheckedYamlTest {

    private static final SchemaCheckedYaml CHECKED = SchemaCheckedYaml.of("/schemas/test-list.schema.json", "items",
            Set.of("key"));

    /** The problems a failure carries, as the exception thrown. */
    static final class Refused extends RuntimeException {
        final List<String> problems;

        Refused(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = problems;
        }
    }

    private static Map<Integer, List<String>> faults(SchemaCheckedYaml checked, String yaml) {
        return checked.faults(SchemaCheckedYaml.parse("test.yaml", yaml, Refused::new));
    }

    @Test
    void aFileThatMatchesHasNoFaults() {
        assertEquals(Map.of(), faults(CHECKED, """
                items:
                  - {name: one, colour: red, key: "$KEY", size: 3}
                  - name: two
                """));
        assertEquals(Map.of(), faults(CHECKED, "items: []\n"));
    }

    @Test
    void faultsAreByEntryIndexAndWordedFromTheSchema() {
        Map<Integer, List<String>> faults = faults(CHECKED, """
                other: 1
                items:
                  - {name: one}
                  - {name: Two, colour: blue, size: 0, shade: dark}
                  - 7
                  - {colour: red}
                """);
        assertEquals(List.of(-1, 1, 2, 3), List.copyOf(faults.keySet()), faults.toString());
        assertEquals(List.of("unknown key 'other' (known: items)"), faults.get(-1));
        assertEquals(Set.of("name may hold only lower-case letters, was 'Two'",
                "colour must be red or green, was 'blue'",
                "size: must have a minimum value of 1, was '0'",
                "unknown key 'shade' (known: name, colour, key, size)"), Set.copyOf(faults.get(1)));
        assertEquals(List.of("must be a map of keys, was '7'"), faults.get(2));
        assertEquals(List.of("name is missing (string of lower-case letters)"), faults.get(3));
    }

    @Test
    void theFileAsAWholeIsIndexMinusOne() {
        assertEquals(Map.of(-1, List.of("items must be a list, was '5'")), faults(CHECKED, "items: 5\n"));
        assertEquals(Map.of(-1, List.of("must be a map with the key 'items'")), faults(CHECKED, "- 1\n"));
    }

    @Test
    void aSecretKeysValueIsNeverQuoted() {
        Map<Integer, List<String>> faults = faults(CHECKED, """
                items:
                  - {name: one, key: s3cret-one}
                  - {name: two, key: 12345}
                """);
        assertEquals(List.of("key must be a reference, starting with $"), faults.get(0));
        assertEquals(List.of("key: integer found, string expected"), faults.get(1));
        assertFalse(faults.toString().contains("s3cret") || faults.toString().contains("12345"), faults.toString());
        // nor in an enum's fault, when that key is a secret
        SchemaCheckedYaml colourSecret = SchemaCheckedYaml.of("/schemas/test-list.schema.json", "items",
                Set.of("colour"));
        assertEquals(Map.of(0, List.of("colour must be red or green")),
                faults(colourSecret, "items: [{name: one, colour: s3cret}]\n"));
    }

    @Test
    void anEmptyFileIsNoTreeAndNotYamlIsOneProblem() {
        assertNull(SchemaCheckedYaml.parse("test.yaml", "", Refused::new));
        assertNull(SchemaCheckedYaml.parse("test.yaml", "# just a comment\n", Refused::new));
        Refused refused = assertThrows(Refused.class,
                () -> SchemaCheckedYaml.parse("test.yaml", "items:\n  - {name: one\n", Refused::new));
        assertEquals(1, refused.problems.size());
        assertTrue(refused.problems.get(0).startsWith("test.yaml: not valid YAML ("), refused.getMessage());
        assertTrue(refused.problems.get(0).endsWith(", line 2)"), refused.getMessage());
    }

    @Test
    void readBoundedRefusesALargerFileAndNamesOneThatCannotBeRead(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("list.yaml");
        Files.writeString(file, "items: []\n");
        assertEquals("items: []\n", SchemaCheckedYaml.readBounded(file, 1024, "a list file", Refused::new));
        Files.write(file, new byte[1025]);
        assertEquals(List.of(file + ": larger than 1 KB, surely not a list file"), assertThrows(Refused.class,
                () -> SchemaCheckedYaml.readBounded(file, 1024, "a list file", Refused::new)).problems);
        Path missing = folder.resolve("missing.yaml");
        List<String> problems = assertThrows(Refused.class,
                () -> SchemaCheckedYaml.readBounded(missing, 1024, "a list file", Refused::new)).problems;
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith(missing + ": cannot be read ("), problems.get(0));
    }

    @Test
    void aSchemaNotOnTheClassPathFailsAtOnce() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SchemaCheckedYaml.of("/schemas/no-such.schema.json", "items", Set.of()));
        assertEquals("/schemas/no-such.schema.json is not on the class path", e.getMessage());
    }

    @Test
    void theMapperBindsKebabCaseKeysAndRefusesUnknownOnes() throws Exception {
        record Entry(String name, Integer maxSize) {
        }
        JsonNode entry = SchemaCheckedYaml.parse("test.yaml", "{name: one, max-size: 2}", Refused::new);
        assertEquals(new Entry("one", 2), SchemaCheckedYaml.yaml().treeToValue(entry, Entry.class));
        JsonNode unknown = SchemaCheckedYaml.parse("test.yaml", "{name: one, colour: red}", Refused::new);
        assertThrows(Exception.class, () -> SchemaCheckedYaml.yaml().treeToValue(unknown, Entry.class));
    }
}
