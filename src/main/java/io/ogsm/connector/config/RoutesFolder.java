package io.ogsm.connector.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Where Camel reads the routes: the shipped ones inside the package ({@code classpath:routes/*.yaml}), so the service
 * starts from any folder, and with {@code ogsm.routes-dir} a folder whose {@code *.yaml} files replace the shipped
 * ones of the same name and add the others. Camel's {@code camel.main.routes-include-pattern} is computed here, below
 * every other source, so a deployment that sets it itself wins.
 * A missing folder leaves the shipped routes in place; {@link ConfigCheck} then stops the start with one line.
 */
public final class RoutesFolder implements ConfigSourceFactory, SmallRyeConfigBuilderCustomizer {

    static final String KEY = "ogsm.routes-dir";
    static final String SHIPPED = "classpath:routes/";
    static final String INCLUDE = "camel.main.routes-include-pattern";
    /** A route file every package ships: where the others are found. */
    static final String ANCHOR = "routes/deliver.yaml";
    /** Below the defaults of application.properties (100... 250): anything a user sets wins. */
    private static final int ORDINAL = 50;

    @Override
    public void configBuilder(SmallRyeConfigBuilder builder) {
        builder.withSources(this);
    }

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue value = context.getValue(KEY);
        String folder = value == null || value.getValue() == null ? "" : value.getValue().trim();
        return List.of(new PropertiesConfigSource(patterns(folder.isEmpty() ? null : Path.of(folder)),
                "ogsm routes (" + KEY + ")", ORDINAL));
    }

    /**
     * Camel's include pattern for an override folder, or for none. Camel Quarkus ignores an exclude pattern for
     * classpath routes, so with a folder the shipped routes it does not replace are listed one by one.
     */
    static Map<String, String> patterns(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return Map.of(INCLUDE, SHIPPED + "*.yaml");
        }
        Set<String> replaced = new HashSet<>();
        overrides(folder).forEach(file -> replaced.add(file.getFileName().toString()));
        List<String> include = new ArrayList<>();
        for (String name : shipped()) {
            if (!replaced.contains(name)) {
                include.add(SHIPPED + name);
            }
        }
        include.add("file:" + folder.toAbsolutePath().normalize().toString().replace('\\', '/') + "/*.yaml");
        return Map.of(INCLUDE, String.join(",", include));
    }

    /**
     * The names of the shipped route files, found next to {@value #ANCHOR} in the package (a jar) or in the classes
     * folder (tests, IDE).
     */
    static List<String> shipped() {
        URL anchor = RoutesFolder.class.getClassLoader().getResource(ANCHOR);
        if (anchor == null) {
            throw new IllegalStateException("the package lacks its routes: " + ANCHOR + " is not on the class path");
        }
        try {
            if ("file".equals(anchor.getProtocol())) {
                try (Stream<Path> files = Files.list(Path.of(anchor.toURI()).getParent())) {
                    return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
                            .toList();
                }
            }
            String jar = anchor.getPath().substring(0, anchor.getPath().indexOf("!/"));
            try (JarFile file = new JarFile(Path.of(URI.create(jar)).toFile())) {
                return file.stream().map(JarEntry::getName)
                        .filter(n -> n.startsWith("routes/") && n.endsWith(".yaml") && n.indexOf('/', 7) < 0)
                        .map(n -> n.substring("routes/".length())).sorted().toList();
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot list the shipped routes next to " + anchor, e);
        }
    }

    /** The route files of an override folder, by name. */
    static List<Path> overrides(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + KEY + " " + folder, e);
        }
    }
}
