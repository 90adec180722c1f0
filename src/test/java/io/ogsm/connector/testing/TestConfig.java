package io.ogsm.connector.testing;

import io.ogsm.connector.config.OgsmConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.quarkus.runtime.configuration.PathConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The real {@link OgsmConfig} mapping, with its defaults, over the given keys: for plain unit tests. */
public final class TestConfig {

    private TestConfig() {
    }

    public static OgsmConfig of(String... keyValues) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put(keyValues[i], keyValues[i + 1]);
        }
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 100, new DurationConverter())
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withConverter(Path.class, 100, new PathConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withMapping(OgsmConfig.class)
                .build();
        return config.getConfigMapping(OgsmConfig.class);
    }
}
