package io.ogsm.connector.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A store's folder per workspace; an older unkeyed store adopted once, by a real workspace. */
class WorkspaceStateTest {

    @TempDir
    Path state;

    @Test
    void anOlderUnkeyedStoreIsAdoptedByTheFirstRealWorkspace() throws Exception {
        Files.createDirectories(state.resolve("delivery"));
        Files.writeString(state.resolve("delivery/CURRENT"), "old");

        Path folder = WorkspaceState.prepare(state, "workspaces/acme-1", "delivery", true);

        assertEquals("old", Files.readString(folder.resolve("delivery/CURRENT")));
        assertFalse(Files.exists(state.resolve("delivery")));
        // a second workspace later finds nothing to adopt
        Path other = WorkspaceState.prepare(state, "workspaces/other-2", "delivery", true);
        assertFalse(Files.exists(other.resolve("delivery")));
        assertEquals("old", Files.readString(folder.resolve("delivery/CURRENT")));
    }

    @Test
    void theSandboxNeverAdoptsARealWorkspacesState() throws Exception {
        Files.createDirectories(state.resolve("delivery"));

        WorkspaceState.prepare(state, "sandbox", "delivery", false);

        assertTrue(Files.isDirectory(state.resolve("delivery")));
    }
}
