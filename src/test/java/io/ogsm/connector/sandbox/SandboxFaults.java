package io.ogsm.connector.sandbox;

import java.util.Set;

/** Fault settings for tests: each names the one fault it turns on, always, for POSTs unless said otherwise. */
public final class SandboxFaults {

    private SandboxFaults() {
    }

    public static FaultSettings none() {
        return FaultSettings.NONE;
    }

    public static FaultSettings always503() {
        return new FaultSettings(1.0, 0, 0, 1, 0, 1L, Set.of("POST"));
    }

    public static FaultSettings always429(long retryAfterSeconds) {
        return new FaultSettings(0, 1.0, 0, retryAfterSeconds, 0, 1L, Set.of("POST"));
    }

    public static FaultSettings alwaysDropAfterCommit() {
        return new FaultSettings(0, 0, 1.0, 1, 0, 1L, Set.of("POST"));
    }

    public static FaultSettings latency(long millis) {
        return new FaultSettings(0, 0, 0, 1, millis, null, Set.of("POST"));
    }
}
