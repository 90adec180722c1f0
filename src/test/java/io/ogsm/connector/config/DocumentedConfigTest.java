package io.ogsm.connector.config;

import io.smallrye.config.ConfigMappings;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

    @Test
    void everyKeyIsInTheReadmesConfigurationTable() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Set<String> keys = keys();
        assertTrue(keys.size() > 40 && keys.contains("ogsm.api.base-url"), () -> "the mapping's keys: " + keys);
        List<String> missing = keys.stream().filter(k -> !readme.contains("`" + k + "`")).sorted().toList();
        assertEquals(List.of(), missing, "keys missing from README.md");
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
