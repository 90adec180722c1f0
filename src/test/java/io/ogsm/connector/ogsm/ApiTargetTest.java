package io.ogsm.connector.ogsm;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state folder of a workspace: one per base URL, whatever way the same URL is written; the sandbox's apart. */
class ApiTargetTest {

    private static String folder(String url, boolean sandbox) {
        return new ApiTarget(URI.create(url), new ApiCredentials("u", "p"), sandbox).stateFolder();
    }

    @Test
    void theSandboxHasAFolderOfItsOwn() {
        assertEquals("sandbox", folder("http://localhost:8080/sandbox", true));
        assertNotEquals("sandbox", folder("http://localhost:8080/sandbox", false));
    }

    @Test
    void aRealWorkspaceIsKeyedByItsBaseUrlWrittenAnyWay() {
        String acme = folder("https://acme.ogsm.online", false);
        assertTrue(acme.matches("workspaces/acme\\.ogsm\\.online-[0-9a-f]{12}"), acme);
        assertEquals(acme, folder("https://ACME.ogsm.online/", false));
        assertEquals(acme, folder("https://acme.ogsm.online:443", false));
    }

    @Test
    void twoWorkspacesNeverShareAFolderEvenOnOneHost() {
        assertNotEquals(folder("https://acme.ogsm.online", false), folder("https://other.ogsm.online", false));
        assertNotEquals(folder("https://host.example/a", false), folder("https://host.example/b", false));
        assertNotEquals(folder("http://host.example:8080", false), folder("http://host.example:8081", false));
    }
}
