package io.ogsm.connector.ogsm;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The connector configured with a password the (sandbox) API does not take. */
public class RefusedCredentialsProfile implements QuarkusTestProfile {

    public static final String PASSWORD = "Wr0ng-Pa55word-7731";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ogsm.api.username", "demo", "ogsm.api.password", PASSWORD);
    }
}
