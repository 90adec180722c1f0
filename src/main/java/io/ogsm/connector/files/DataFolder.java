package io.ogsm.connector.files;

import io.ogsm.connector.config.OgsmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The data dir ({@code ogsm.data-dir}), the one way its users reach it: created on first use, and the modes of what
 * {@link DurableFiles} creates in it set before anything is: {@code rwx------}/{@code rw-------}, or with
 * {@code ogsm.data-group-access=true} {@code rwxr-x---}/{@code rw-r-----}. Each store asks for this bean, so the
 * modes are set before the first folder is made, whatever order the beans are built in.
 */
public final class DataFolder {

    private final Path root;

    public DataFolder(Path root, boolean groupAccess) {
        DurableFiles.groupAccess(groupAccess);
        this.root = root;
        try {
            DurableFiles.createFolders(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data dir " + root.toAbsolutePath(), e);
        }
    }

    public Path root() {
        return root;
    }

    /** A folder or file under the data dir, e.g. {@code resolve("state")}. */
    public Path resolve(String name) {
        return root.resolve(name);
    }

    @ApplicationScoped
    static class Beans {
        @Produces
        @Singleton
        DataFolder dataFolder(OgsmConfig config) {
            return new DataFolder(config.dataDir(), config.dataGroupAccess());
        }
    }
}
