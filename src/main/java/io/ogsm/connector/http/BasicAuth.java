package io.ogsm.connector.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

/**
 * HTTP Basic (RFC 7617), the one implementation for every place that sends or checks it: the connector's admin and
 * push APIs, the sandbox, and the header the API clients send. A header is parsed (the scheme matched regardless of
 * case, the credentials Base64 and UTF-8) and both parts compared in constant time, so timing tells nothing about how
 * much of a guess was right. {@link #toString()} never shows the password.
 */
public final class BasicAuth {

    private static final String SCHEME = "basic";

    private final byte[] username;
    private final byte[] password;

    public BasicAuth(String username, String password) {
        this.username = username.getBytes(StandardCharsets.UTF_8);
        this.password = password.getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code Authorization} header value that sends these credentials. */
    public static String header(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the {@code Authorization} header (null when absent) carries exactly these credentials. */
    public boolean accepts(String authorization) {
        if (authorization == null) {
            return false;
        }
        String value = authorization.trim();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return false;
        }
        byte[] pair;
        try {
            pair = Base64.getDecoder().decode(value.substring(space + 1).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = indexOf(pair, (byte) ':');
        if (colon < 0) {
            return false;
        }
        byte[] givenUser = new byte[colon];
        byte[] givenPassword = new byte[pair.length - colon - 1];
        System.arraycopy(pair, 0, givenUser, 0, givenUser.length);
        System.arraycopy(pair, colon + 1, givenPassword, 0, givenPassword.length);
        // both compared, whatever the first answers
        boolean user = MessageDigest.isEqual(username, givenUser);
        boolean secret = MessageDigest.isEqual(password, givenPassword);
        return user & secret;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "BasicAuth[username=" + new String(username, StandardCharsets.UTF_8) + ", password=***]";
    }
}
