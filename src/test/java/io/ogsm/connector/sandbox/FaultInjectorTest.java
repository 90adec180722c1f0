package io.ogsm.connector.sandbox;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultInjectorTest {

    private static final String PATH = "/sandbox/api/v2/goal_reports.json";

    private static FaultSettings settings(double errors, double limits, double drops, Long seed) {
        return new FaultSettings(errors, limits, drops, 1, 0, seed, Set.of("POST"));
    }

    private static byte[] body(int i) {
        return ("{\"goal_report\":{\"goal\":{\"id\":11},\"at\":\"2025-01-01\",\"current_value\":" + i + "}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static List<Fault> run(FaultInjector injector, int requests) {
        List<Fault> faults = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            faults.add(injector.decide("POST", PATH, body(i)));
        }
        return faults;
    }

    @Test
    void theSameSeedGivesTheSameFaultsForTheSameRequests() {
        List<Fault> first = run(new FaultInjector(settings(0.2, 0.1, 0.05, 42L)), 500);
        List<Fault> second = run(new FaultInjector(settings(0.2, 0.1, 0.05, 42L)), 500);
        assertEquals(first, second);
        assertNotEquals(first, run(new FaultInjector(settings(0.2, 0.1, 0.05, 7L)), 500));
    }

    @Test
    void aRetriedRequestDrawsAgain() {
        FaultInjector injector = new FaultInjector(settings(0.5, 0, 0, 1L));
        List<Fault> attempts = new ArrayList<>();
        for (int attempt = 0; attempt < 40; attempt++) {
            attempts.add(injector.decide("POST", PATH, body(1)));
        }
        assertTrue(attempts.contains(Fault.NONE) && attempts.contains(Fault.SERVER_ERROR), attempts::toString);
    }

    @Test
    void sharesAreRoughlyAsConfigured() {
        Map<Fault, Integer> counts = new EnumMap<>(Fault.class);
        run(new FaultInjector(settings(0.2, 0.1, 0.05, 3L)), 10_000).forEach(f -> counts.merge(f, 1, Integer::sum));
        assertEquals(2000, counts.get(Fault.SERVER_ERROR), 200);
        assertEquals(1000, counts.get(Fault.RATE_LIMIT), 150);
        assertEquals(500, counts.get(Fault.DROP_AFTER_COMMIT), 100);
    }

    @Test
    void methodsNotListedAreNeverFaulted() {
        FaultInjector injector = new FaultInjector(settings(1.0, 0, 0, 1L));
        assertEquals(Fault.NONE, injector.decide("GET", PATH, null));
        assertEquals(Fault.SERVER_ERROR, injector.decide("POST", PATH, body(1)));
    }

    @Test
    void aDropAfterCommitIsOnlyForPosts() {
        FaultSettings dropAll = new FaultSettings(0, 0, 1.0, 1, 0, 1L, Set.of("GET", "POST"));
        assertEquals(Fault.NONE, FaultInjector.pick(dropAll, "GET", 0.5));
        assertEquals(Fault.DROP_AFTER_COMMIT, FaultInjector.pick(dropAll, "POST", 0.5));
    }

    @Test
    void settingsRefuseRatesOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> settings(-0.1, 0, 0, null));
        assertThrows(IllegalArgumentException.class, () -> settings(0.7, 0.7, 0, null));
    }
}
