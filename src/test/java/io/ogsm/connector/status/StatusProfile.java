package io.ogsm.connector.status;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The status poller on, polling every half second into its own topic. */
public class StatusProfile implements QuarkusTestProfile {

    public static final String TOPIC = "ogsm.status-changes.test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ogsm.status.enabled", "true",
                "ogsm.status.interval", "500ms",
                "ogsm.status.topic", TOPIC);
    }
}
