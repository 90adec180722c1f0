package io.ogsm.connector.config;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.ConfigValidator;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;

import java.util.List;

/**
 * Runs {@link ConfigCheck} when the configuration is read, before anything starts, so a bad value stops the start
 * with Quarkus' plain "configuration validation failed" message (one line per key, no stack trace).
 * Registered through {@code META-INF/services/io.smallrye.config.SmallRyeConfigBuilderCustomizer}.
 */
public class OgsmConfigValidator implements ConfigValidator, SmallRyeConfigBuilderCustomizer {

    @Override
    public void configBuilder(SmallRyeConfigBuilder builder) {
        builder.withValidator(this);
    }

    @Override
    public void validateMapping(Class<?> mappingClass, String prefix, Object mappingObject) {
        if (mappingObject instanceof OgsmConfig config) {
            List<String> problems = ConfigCheck.problems(config);
            if (!problems.isEmpty()) {
                throw new ConfigValidationException(problems.stream()
                        .map(ConfigValidationException.Problem::new)
                        .toArray(ConfigValidationException.Problem[]::new));
            }
        }
    }
}
