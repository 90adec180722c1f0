package io.ogsm.connector.http;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * A real workspace configured (the app's own sandbox, reached by its URL as a workspace would be), no push
 * credentials, and metrics behind the admin credentials.
 */
public class RealWorkspaceProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ogsm.api.base-url", "http://localhost:8081/sandbox",
                "ogsm.api.username", "demo",
                "ogsm.api.password", "demo",
                "ogsm.sandbox.enabled", "true",
                "ogsm.admin.protect-metrics", "true",
                // as in production (the test profile's is 1 ms): lists re-read on an unknown title at most every 30 s
                "ogsm.delivery.title-refresh-interval", "30s");
    }
}
