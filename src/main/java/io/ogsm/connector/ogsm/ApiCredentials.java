package io.ogsm.connector.ogsm;

import io.ogsm.connector.http.BasicAuth;

/** HTTP Basic credentials for the OGSM API. {@link #toString()} never shows the password. */
public record ApiCredentials(String username, String password) {

    public String basicAuthorization() {
        return BasicAuth.header(username, password);
    }

    @Override
    public String toString() {
        return "ApiCredentials[username=" + username + ", password=***]";
    }
}
