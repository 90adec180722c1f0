package io.ogsm.connector.source.csv;

import io.ogsm.connector.config.InvalidConfigException;
import io.ogsm.connector.config.OgsmConfig;
import io.ogsm.connector.files.DurableFiles;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The intake profiles ({@code ogsm.intake.profiles-file}), read once and checked at start: a fault stops the start,
 * one line each. Until they are read and valid the inbox takes no file ({@link CsvInboxFilter}): Camel's file consumer
 * starts before the start-up check, and no file may be read with the wrong profile meanwhile. Each profile's folder is
 * created in the inbox.
 */
@ApplicationScoped
public class IntakeSetup {

    private final OgsmConfig config;
    private IntakeProfiles profiles;
    private InvalidConfigException invalid;

    public IntakeSetup(OgsmConfig config) {
        this.config = config;
    }

    /** An invalid profiles file stops the start here. */
    void checkAtStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) StartupEvent event) {
        profiles();
    }

    /** The checked profiles; none when no file is configured and the default one is absent. */
    public synchronized IntakeProfiles profiles() {
        if (profiles == null && invalid == null) {
            try {
                Path file = profilesFile();
                profiles = file == null ? IntakeProfiles.none() : IntakeProfiles.read(file);
                createFolders(profiles);
            } catch (InvalidConfigException e) {
                invalid = e;
            }
        }
        if (invalid != null) {
            throw invalid;
        }
        return profiles;
    }

    /** Whether the profiles are valid: files may be read. */
    public boolean usable() {
        try {
            profiles();
            return true;
        } catch (InvalidConfigException e) {
            return false;
        }
    }

    /** The file to read, or null for none. */
    Path profilesFile() {
        Path file = config.intake().profilesFile().filter(f -> !f.toString().isBlank()).orElse(null);
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new InvalidConfigException(List.of("ogsm.intake.profiles-file: " + file + " does not exist "
                        + "(relative to " + Path.of("").toAbsolutePath() + ")"));
            }
            return file;
        }
        Path fallback = Path.of(IntakeProfiles.DEFAULT_PATH);
        return Files.isRegularFile(fallback) ? fallback : null;
    }

    private void createFolders(IntakeProfiles checked) {
        Path inbox = config.dataDir().resolve("inbox");
        for (IntakeProfile profile : checked.all()) {
            try {
                DurableFiles.createFolders(inbox.resolve(profile.folder()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the inbox folder of " + profile.described(), e);
            }
        }
    }
}
