package io.ogsm.connector.config;

import io.smallrye.config.ConfigMappingInterface;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.ConfigValidator;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks the {@code ogsm.*} mapping when the configuration is read, before anything starts: each key's annotations
 * ({@link ConfigConstraints}) and then {@link ConfigCheck}'s rules across keys, all reported together, so a bad value stops
 * the start with Quarkus' plain "configuration validation failed" message (one line per key, no stack trace).
 * Registered through {@code META-INF/services/io.smallrye.config.SmallRyeConfigBuilderCustomizer}.
 */
public class OgsmConfigValidator implements ConfigValidator, SmallRyeConfigBuilderCustomizer {

    /** The problems {@link RawSettings} found in the settings as written, by key; reported with the mapping's. */
    private volatile Map<String, String> rawProblems = Map.of();

    @Override
    public void configBuilder(SmallRyeConfigBuilder builder) {
        builder.withValidator(this);
        builder.withSources((ConfigSourceFactory) this::readRaw);
        // readRaw names an unknown ogsm.* property with the key meant; SmallRye's own check would refuse it first,
        // as "SRCFG00050 ... does not map to any root"
        builder.withValidateUnknown(false);
    }

    /**
     * Reads the settings as written, before conversion: {@code ogsm.*} names of every source but the environment
     * (checked by {@link #unknownVariables}) and each duration key from any source. A bare-number duration is stood
     * in for by the same number in seconds, so conversion passes and {@link #validateMapping} reports it in plain
     * words, naming the key and its variable, instead of SmallRye's conversion error.
     */
    private Iterable<ConfigSource> readRaw(ConfigSourceContext context) {
        Map<String, ConfigMappingInterface.Property> keys = RawSettings.keys();
        Set<String> durations = RawSettings.durationKeys(keys);
        List<String> profiles = context.getProfiles();
        Set<String> names = new TreeSet<>(durations);
        for (Iterator<String> it = context.iterateNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.startsWith("%")) {
                int dot = name.indexOf('.');
                if (dot < 0 || !profiles.contains(name.substring(1, dot))) {
                    continue;
                }
                name = name.substring(dot + 1);
            }
            if (name.startsWith("ogsm.")) {
                names.add(name);
            }
        }
        List<RawSettings.Setting> settings = new ArrayList<>();
        for (String name : names) {
            ConfigValue value = context.getValue(name);
            if (value == null || value.getValue() == null) {
                continue;
            }
            String source = RawSettings.source(value.getConfigSourceName());
            if (durations.contains(name) || !source.equals("an environment variable")) {
                settings.add(new RawSettings.Setting(name, value.getValue(), source));
            }
        }
        Map<String, String> problems = RawSettings.problems(settings, keys.keySet(), durations);
        rawProblems = problems;
        Map<String, String> standIns = new TreeMap<>();
        problems.keySet().stream().filter(durations::contains)
                .forEach(key -> standIns.put(key, context.getValue(key).getValue().trim() + "s"));
        List<ConfigSource> sources = new ArrayList<>();
        if (!standIns.isEmpty()) {
            sources.add(new PropertiesConfigSource(standIns, "ogsm stand-ins for refused durations", Integer.MAX_VALUE));
        }
        sources.add(new PropertiesConfigSource(millis(context, keys, durations), "ogsm durations in milliseconds", 50));
        return sources;
    }

    @Override
    public void validateMapping(Class<?> mappingClass, String prefix, Object mappingObject) {
        if (!(mappingObject instanceof OgsmConfig config)) {
            return;
        }
        List<ConfigValidationException.Problem> problems = new ArrayList<>();
        ConfigConstraints.problems(OgsmConfig.class, prefix, config)
                .forEach(p -> problems.add(new ConfigValidationException.Problem(p)));
        Map<String, String> raw = rawProblems;
        // a refused duration's stand-in may break its key's other rules: report the duration alone
        problems.removeIf(p -> raw.keySet().stream().anyMatch(key -> p.getMessage().startsWith(key + " ")));
        raw.values().forEach(p -> problems.add(new ConfigValidationException.Problem(p)));
        ConfigCheck.problems(config).forEach(p -> problems.add(new ConfigValidationException.Problem(p)));
        unknownVariables(System.getenv().keySet(), ConfigMappings.getProperties(
                ConfigMappings.ConfigClass.configClass(mappingClass, prefix)).keySet())
                .forEach(p -> problems.add(new ConfigValidationException.Problem(p)));
        if (!problems.isEmpty()) {
            throw new ConfigValidationException(problems.toArray(ConfigValidationException.Problem[]::new));
        }
    }

    /**
     * Environment variables that look like settings ({@code OGSM_...}) but map to no key: SmallRye ignores them, so
     * a misspelt one in a compose file or a Kubernetes manifest would silently do nothing.
     */
    static List<String> unknownVariables(Set<String> environment, Set<String> keys) {
        Map<String, String> byVariable = new TreeMap<>();
        keys.forEach(key -> byVariable.put(variable(key), key));
        List<String> problems = new ArrayList<>();
        for (String name : new TreeSet<>(environment)) {
            // OGSM_CONNECTOR_*: what Kubernetes sets for the ogsm-connector Service (OGSM_CONNECTOR_SERVICE_HOST, ...)
            if (!name.startsWith("OGSM_") || name.startsWith("OGSM_CONNECTOR_") || byVariable.containsKey(name)
                    || byVariable.keySet().stream().anyMatch(v -> v.contains("*") && name.matches(
                            v.replace("*", "[A-Z0-9_]+")))) {
                continue;
            }
            problems.add("the environment variable " + name + " maps to no setting" + Spelling.closest(name,
                    byVariable.keySet()).map(v -> "; did you mean " + v + " (" + byVariable.get(v) + ")?")
                    .orElse("; the settings are listed in README.md, Configuration"));
        }
        return problems;
    }

    /** The environment variable of a key, as SmallRye reads it: {@code ogsm.csv.min-age} is OGSM_CSV_MIN_AGE. */
    static String variable(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9*]", "_");
    }

    /**
     * Each duration key as whole milliseconds under {@value #MILLIS}: what the routes hand Camel
     * ({@code {{ogsm-millis.csv.poll-interval}}}), so Camel gets the value the mapping parsed, never the text to
     * read again in its own way.
     */
    private static Map<String, String> millis(ConfigSourceContext context,
            Map<String, ConfigMappingInterface.Property> keys, Set<String> durations) {
        Map<String, String> millis = new TreeMap<>();
        ConfigConstraints.DurationWithUnit converter = new ConfigConstraints.DurationWithUnit();
        for (String key : durations) {
            ConfigValue value = context.getValue(key);
            String text = value != null && value.getValue() != null ? value.getValue() : RawSettings.defaultOf(keys.get(key));
            if (text == null || text.isBlank()) {
                continue;
            }
            try {
                millis.put(MILLIS + key.substring("ogsm.".length()), String.valueOf(converter.convert(text).toMillis()));
            } catch (RuntimeException e) {
                // refused when the mapping reads it, with the key named
            }
        }
        return millis;
    }

    /** The prefix of the milliseconds of each duration key, e.g. {@code ogsm-millis.csv.min-age}. */
    public static final String MILLIS = "ogsm-millis.";
}
