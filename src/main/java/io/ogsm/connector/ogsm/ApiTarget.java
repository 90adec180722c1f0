package io.ogsm.connector.ogsm;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Where the connector sends its API calls, with which credentials, and whether that is the built-in sandbox. */
public record ApiTarget(URI baseUrl, ApiCredentials credentials, boolean sandbox) {

    /**
     * The folder, relative to a state folder, of what the connector remembers about this workspace (what it delivered,
     * the status snapshot): {@code sandbox} for the built-in sandbox, {@code workspaces/<host>-<hash>} for a real one,
     * the hash of its normalized base URL, so two workspaces never share state, even on one host.
     */
    public String stateFolder() {
        if (sandbox) {
            return "sandbox";
        }
        String normalized = normalized(baseUrl);
        String host = baseUrl.getHost() == null ? "workspace" : baseUrl.getHost().toLowerCase(Locale.ROOT);
        return "workspaces/" + host.replaceAll("[^a-z0-9.-]", "_") + "-" + sha256(normalized).substring(0, 12);
    }

    /** scheme://host[:port]/path in lower case where case does not matter, without a trailing slash. */
    static String normalized(URI url) {
        String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
        String host = String.valueOf(url.getHost()).toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port == -1 || scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
        String path = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
