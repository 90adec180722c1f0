package io.ogsm.connector.ogsm;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP Basic credentials for the OGSM API. {@link #toString()} never shows the password. */
public record ApiCredentials(String username, String password) {

    public String basicAuthorization() {
        String pair = username + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "ApiCredentials[username=" + username + ", password=***]";
    }
}
