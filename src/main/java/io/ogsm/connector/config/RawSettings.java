package io.ogsm.connector.config;

import io.smallrye.config.ConfigMappingInterface;
import io.smallrye.config.ConfigMappings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks on the settings as written, before SmallRye converts them, so the messages are plain and name what the user
 * typed: an {@code ogsm.*} property that maps to no key (in a properties file or as {@code -D}), and a duration
 * written as a bare number. Environment variables are checked by {@link OgsmConfigValidator#unknownVariables}.
 */
final class RawSettings {

    private static final Pattern BARE_NUMBER = Pattern.compile("[-+]?[0-9]+([.,][0-9]+)?");

    /** One setting as written: its name, its text and the source it came from. */
    record Setting(String name, String value, String source) {
    }

    private RawSettings() {
    }

    /** The mapping's keys ({@code ogsm.csv.min-age}; map keys as {@code *}), each with its property. */
    static Map<String, ConfigMappingInterface.Property> keys() {
        return ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(OgsmConfig.class, "ogsm"));
    }

    /** The keys whose type is a duration read by {@link ConfigConstraints.DurationWithUnit}. */
    static Set<String> durationKeys(Map<String, ConfigMappingInterface.Property> keys) {
        Set<String> durations = new TreeSet<>();
        keys.forEach((key, property) -> {
            ConfigMappingInterface.Property leaf = property.isOptional() ? property.asOptional().getNestedProperty()
                    : property;
            if (leaf.isLeaf() && leaf.asLeaf().hasConvertWith()
                    && leaf.asLeaf().getConvertWith() == ConfigConstraints.DurationWithUnit.class) {
                durations.add(key);
            }
        });
        return durations;
    }

    /**
     * Problems with the settings as written, by the key they concern: unknown {@code ogsm.*} properties (with the
     * closest key) and bare-number durations (with an example that has a unit). Environment variables are left out.
     */
    static Map<String, String> problems(List<Setting> settings, Set<String> keys, Set<String> durations) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (Setting setting : settings) {
            String name = setting.name();
            if (!name.startsWith("ogsm.")) {
                continue;
            }
            if (!known(name, keys)) {
                problems.put(name, "the setting " + name + " (" + setting.source() + ") is no setting of ogsm-connector"
                        + Spelling.closest(name, keys.stream().filter(k -> !k.contains("*")).toList())
                                .map(k -> "; did you mean " + k + " (" + OgsmConfigValidator.variable(k) + ")?")
                                .orElse("; the settings are listed in README.md, Configuration"));
            } else if (durations.contains(name) && BARE_NUMBER.matcher(setting.value().trim()).matches()) {
                String number = setting.value().trim();
                problems.put(name, name + " (" + OgsmConfigValidator.variable(name) + ") is " + number
                        + " (" + setting.source() + "): a duration needs a unit, e.g. " + number + "s or " + number
                        + "ms");
            }
        }
        return problems;
    }

    private static boolean known(String name, Set<String> keys) {
        if (keys.contains(name)) {
            return true;
        }
        for (String key : keys) {
            if (key.contains("*") && name.matches(Arrays.stream(key.split("\\*", -1)).map(Pattern::quote)
                    .collect(Collectors.joining(".+")))) {
                return true;
            }
        }
        return false;
    }

    /** A key's {@code @WithDefault}, or null. */
    static String defaultOf(ConfigMappingInterface.Property property) {
        ConfigMappingInterface.Property leaf = property.isOptional() ? property.asOptional().getNestedProperty()
                : property;
        return leaf.hasDefaultValue() ? leaf.getDefaultValue() : null;
    }

    /** Where a setting came from, in the user's words. */
    static String source(String configSourceName) {
        if (configSourceName == null) {
            return "unknown source";
        }
        if (configSourceName.startsWith("SysPropConfigSource")) {
            return "a -D system property";
        }
        if (configSourceName.startsWith("EnvConfigSource")) {
            return "an environment variable";
        }
        int path = configSourceName.indexOf("source: ");
        String shown = path >= 0 ? configSourceName.substring(path + "source: ".length()) : configSourceName;
        if (shown.startsWith("PropertiesConfigSource[source=")) {
            shown = shown.substring("PropertiesConfigSource[source=".length(), shown.length() - 1);
        }
        return "in " + (shown.startsWith("file:") ? shown.substring("file:".length()) : shown);
    }
}
