package io.ogsm.connector.store;

import io.ogsm.connector.files.DurableFiles;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a store keeps what it remembers about one workspace: {@code <parent>/<workspace folder>/<store>}, so state of
 * a real workspace is never mixed with another's. A store from before workspaces had folders ({@code <parent>/<store>})
 * is adopted by the first real workspace that starts, as it was that one's. (The sandbox's store is emptied by its
 * owner once opened, under the store's lock, so a second instance never deletes a running one's files.)
 */
public final class WorkspaceState {

    private static final Logger LOG = Logger.getLogger(WorkspaceState.class);

    private WorkspaceState() {
    }

    /**
     * The folder to hand the store (it adds its own name), with an older unkeyed store moved in when asked.
     *
     * @param workspace the workspace's folder under the parent, e.g. {@code sandbox} or {@code workspaces/acme-...}
     * @param store     the store's folder name, e.g. {@code delivery}
     * @param adopt     whether an older unkeyed store becomes this workspace's (never for the sandbox)
     */
    public static Path prepare(Path parent, String workspace, String store, boolean adopt) {
        Path folder = parent.resolve(workspace);
        Path target = folder.resolve(store);
        Path legacy = parent.resolve(store);
        try {
            if (adopt && !Files.exists(target) && Files.isDirectory(legacy)) {
                DurableFiles.createFolders(folder);
                DurableFiles.move(legacy, target);
                LOG.infof("Moved %s to %s: state is kept per workspace now", legacy, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + target, e);
        }
        return folder;
    }
}
