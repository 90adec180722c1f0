package io.ogsm.connector.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every {@code ogsm.*} key is documented in the README, and every {@code OGSM_*} variable the compose file sets is a
 * real key: configuration cannot silently drift from its documentation or its deployment files.
 */
class DocumentedConfigTest {

    private static Set<String> keys() {
        return ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(OgsmConfig.class, "ogsm")).keySet()
                .stream().map(k -> k.replace("[*]", "")).collect(Collectors.toSet());
    }

    private static String env(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The rows of the README's configuration table: one unbroken table, so it renders as one. */
    private static List<String> tableRows() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int header = lines.indexOf("| key | type | default | meaning |");
        assertTrue(header > 0, "README.md has no configuration table");
        List<String> rows = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            rows.add(lines.get(i));
        }
        return rows;
    }

    /** A row's cells, split at the pipes that are not escaped ({@code \\|} inside a cell). */
    private static String[] cells(String row) {
        return row.split("(?<!\\\\)\\|");
    }

    @Test
    void theTableHasARowForEveryKeyAndNoRowForAKeyThatIsNot() throws Exception {
        Set<String> keys = keys();
        assertTrue(keys.size() > 40 && keys.contains("ogsm.api.base-url"), () -> "the mapping's keys: " + keys);
        Pattern key = Pattern.compile("`(ogsm\\.[a-z0-9.-]+)`");
        Set<String> documented = new TreeSet<>();
        for (String row : tableRows()) {
            Matcher m = key.matcher(cells(row)[1]);
            int before = documented.size();
            while (m.find()) {
                documented.add(m.group(1));
            }
            assertTrue(documented.size() > before, () -> "a row of the configuration table names no new key: " + row);
        }
        List<String> notInTable = keys.stream().filter(k -> !documented.contains(k)).sorted().toList();
        assertEquals(List.of(), notInTable, "keys of the mapping without a row in the README's configuration table");
        List<String> noSuchKey = documented.stream().filter(k -> !keys.contains(k)).toList();
        assertEquals(List.of(), noSuchKey, "rows of the README's configuration table that name no key of the mapping");
    }

    @Test
    void everyDefaultInTheTableIsTheMappingsDefault() throws Exception {
        SmallRyeConfig defaults = new SmallRyeConfigBuilder().withMapping(OgsmConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withConverter(MemorySize.class, 100, new MemorySizeConverter()).build();
        List<String> wrong = new ArrayList<>();
        for (String row : tableRows()) {
            String[] cells = cells(row);
            String name = cells[1].trim().replace("`", "");
            String documented = cells[3].trim();
            String actual = defaults.getRawValue(name);
            if (actual != null && !actual.isEmpty() && !documented.contains("`" + actual + "`")) {
                wrong.add(name + ": the mapping's default is `" + actual + "`, the table says " + documented);
            }
        }
        assertEquals(List.of(), wrong, "defaults in the README's configuration table");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyVariableOfTheComposeFileIsAKey() throws Exception {
        Map<String, Object> compose = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(Path.of("docker", "compose.yaml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertEquals(Set.of("kafka", "ogsm-api", "connector"), services.keySet());
        Set<String> envKeys = keys().stream().map(DocumentedConfigTest::env).collect(Collectors.toSet());
        for (String service : List.of("ogsm-api", "connector")) {
            Map<String, Object> environment = (Map<String, Object>) ((Map<String, Object>) services.get(service))
                    .get("environment");
            for (String variable : environment.keySet()) {
                assertTrue(envKeys.contains(variable), () -> service + " sets " + variable + ", which is no ogsm key");
            }
        }
    }
}
