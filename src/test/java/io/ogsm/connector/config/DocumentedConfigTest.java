package io.ogsm.connector.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.WithDefault;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's configuration table and the mapping say the same: every key of {@link OgsmConfig} (found by reflection
 * over its interface tree) has a row, every {@code ogsm.*} row is a real key, a row's type and default agree with the
 * key's, and every {@code OGSM_*} variable the compose file sets is a real key. Configuration cannot silently drift
 * from its documentation or its deployment files.
 */
class DocumentedConfigTest {

    /** A key of the mapping: its Java type and its {@code @WithDefault}, or null. */
    record Key(String name, Class<?> type, String defaultValue) {
    }

    /** A row of the README's table: its keys (the first cell may list several), type and default cells. */
    record Row(List<String> keys, String type, String defaultValue) {
    }

    private static final Pattern KEY = Pattern.compile("`(ogsm\\.[a-z0-9.-]+)`");

    static Map<String, Key> mappingKeys() {
        Map<String, Key> keys = new TreeMap<>();
        collect(OgsmConfig.class, "ogsm", keys);
        return keys;
    }

    private static void collect(Class<?> group, String prefix, Map<String, Key> keys) {
        for (Method method : group.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String name = prefix + "." + kebab(method.getName());
            Class<?> type = method.getReturnType();
            if (type == Optional.class) {
                type = (Class<?>) ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
            }
            if (type.isInterface() && type.getEnclosingClass() == OgsmConfig.class) {
                collect(type, name, keys);
            } else {
                WithDefault withDefault = method.getAnnotation(WithDefault.class);
                keys.put(name, new Key(name, type, withDefault == null ? null : withDefault.value()));
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The rows of the one table under "## Configuration", which holds no blank line. */
    static List<Row> readmeRows() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int section = lines.indexOf("## Configuration");
        assertTrue(section >= 0, "README.md has no \"## Configuration\" section");
        int start = section;
        while (!lines.get(start).startsWith("| key |")) {
            start++;
        }
        List<Row> rows = new ArrayList<>();
        for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("(?<!\\\\)\\|");
            Matcher keys = KEY.matcher(cells[1]);
            List<String> names = new ArrayList<>();
            while (keys.find()) {
                names.add(keys.group(1));
            }
            rows.add(new Row(names, cells[2].trim(), cells[3].trim()));
        }
        int end = start + 2 + rows.size();
        for (int i = end; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
            int line = i + 1;
            assertFalse(lines.get(i).startsWith("| `ogsm."), () -> "README.md line " + line
                    + " continues the configuration table after a break: keep it one table");
        }
        return rows;
    }

    private static String env(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    @Test
    void theReflectedKeysAreTheMappingsOwn() {
        Set<String> smallrye = ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(OgsmConfig.class,
                "ogsm")).keySet().stream().map(k -> k.replace("[*]", "")).collect(Collectors.toSet());
        assertEquals(new TreeSet<>(smallrye), mappingKeys().keySet());
    }

    @Test
    void everyKeyIsInTheReadmesConfigurationTable() throws Exception {
        Set<String> keys = mappingKeys().keySet();
        assertTrue(keys.size() > 40 && keys.contains("ogsm.api.base-url"), () -> "the mapping's keys: " + keys);
        Set<String> documented = readmeRows().stream().flatMap(r -> r.keys().stream()).collect(Collectors.toSet());
        List<String> missing = keys.stream().filter(k -> !documented.contains(k)).toList();
        assertEquals(List.of(), missing, "keys of OgsmConfig missing from README.md's configuration table");
    }

    @Test
    void everyRowOfTheTableIsAKey() throws Exception {
        Set<String> keys = mappingKeys().keySet();
        List<String> unknown = readmeRows().stream().flatMap(r -> r.keys().stream())
                .filter(k -> !keys.contains(k)).toList();
        assertEquals(List.of(), unknown, "rows of README.md's configuration table that are no key of OgsmConfig");
        assertTrue(readmeRows().stream().noneMatch(r -> r.keys().isEmpty()), "a row of the table names no key");
    }

    @Test
    void eachRowsTypeAndDefaultAreTheKeys() throws Exception {
        Map<String, Key> keys = mappingKeys();
        Map<Class<?>, String> typeWords = Map.of(Duration.class, "duration", MemorySize.class, "size",
                boolean.class, "boolean", Boolean.class, "boolean", Path.class, "path", URI.class, "URL",
                List.class, "list");
        List<String> wrong = new ArrayList<>();
        for (Row row : readmeRows()) {
            for (String name : row.keys()) {
                Key key = keys.get(name);
                if (key == null) {
                    continue;
                }
                String word = typeWords.get(key.type());
                if (word != null && !row.type().startsWith(word)) {
                    wrong.add(name + ": type is '" + row.type() + "', the mapping's is " + word);
                }
                if (key.type().isEnum() && !row.type().contains("`")) {
                    wrong.add(name + ": type '" + row.type() + "' should list the accepted values");
                }
                if (key.defaultValue() != null && !row.defaultValue().contains("`" + key.defaultValue() + "`")) {
                    wrong.add(name + ": default is '" + row.defaultValue() + "', the mapping's is `"
                            + key.defaultValue() + "`");
                }
                if (key.defaultValue() == null && row.defaultValue().matches("`[^`]*`")) {
                    wrong.add(name + ": default is " + row.defaultValue() + ", the mapping has none");
                }
            }
        }
        assertEquals(List.of(), wrong, "README.md's configuration table disagrees with OgsmConfig");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyVariableOfTheComposeFileIsAKey() throws Exception {
        Map<String, Object> compose = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(Path.of("docker", "compose.yaml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertEquals(Set.of("kafka", "ogsm-api", "connector"), services.keySet());
        Set<String> envKeys = mappingKeys().keySet().stream().map(DocumentedConfigTest::env)
                .collect(Collectors.toSet());
        for (String service : List.of("ogsm-api", "connector")) {
            Map<String, Object> environment = (Map<String, Object>) ((Map<String, Object>) services.get(service))
                    .get("environment");
            for (String variable : environment.keySet()) {
                assertTrue(envKeys.contains(variable), () -> service + " sets " + variable + ", which is no ogsm key");
            }
        }
    }
}
