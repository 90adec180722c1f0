package io.ogsm.connector.ogsm;

import io.ogsm.connector.sandbox.Sandbox;
import io.ogsm.connector.sandbox.SandboxFaults;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API client against the running sandbox: every list, both creates, and how each kind of failure surfaces. */
@QuarkusTest
class OgsmClientSandboxTest {

    @Inject
    OgsmClient client;

    @Inject
    ApiTarget target;

    @Inject
    Sandbox sandbox;

    @AfterEach
    void resetSandbox() {
        sandbox.faults().update(SandboxFaults.none());
        sandbox.workspace().reset();
    }

    private OgsmClient clientWith(ApiCredentials credentials, Duration readTimeout, long maxResponseSize) {
        return new OgsmClient(target.baseUrl(), credentials, Duration.ofSeconds(2), readTimeout, 4, maxResponseSize);
    }

    private static GoalReportRequest goalReport(String value) {
        return new GoalReportRequest(GoalMeasurement.toCreate(11, LocalDate.of(2026, 11, 1), new BigDecimal(value),
                null, "from a test"));
    }

    @Test
    void withoutABaseUrlTheClientTalksToTheSandbox() {
        assertTrue(target.sandbox());
        assertEquals("/sandbox", target.baseUrl().getPath());
    }

    @Test
    void readsAllSevenLists() {
        assertFalse(client.objectives().isEmpty());
        assertTrue(client.goals().stream().anyMatch(g -> g.title().equals("Revenue, net")));
        assertFalse(client.list(OgsmResource.STRATEGIES, Strategy.class).isEmpty());
        assertTrue(client.kpis().stream().anyMatch(k -> k.title().equals("Cost per order, EUR")));
        assertFalse(client.list(OgsmResource.ACTIONS, Action.class).isEmpty());
        assertFalse(client.goalMeasurements().isEmpty());
        assertFalse(client.kpiMeasurements().isEmpty());
        assertEquals(client.goals().size(), client.forEachEntry(OgsmResource.GOALS, entry -> { }));
    }

    @Test
    void createsAGoalMeasurementThatThenAppearsInTheList() {
        Long id = client.createMeasurement(OgsmResource.GOAL_MEASUREMENTS, goalReport("1300000.50"));
        assertNotNull(id);
        GoalMeasurement created = client.goalMeasurements().stream().filter(m -> id.equals(m.id())).findFirst()
                .orElseThrow();
        assertEquals(new Ref(11L), created.goal());
        assertEquals(0, new BigDecimal("1300000.50").compareTo(created.currentValue()));
    }

    @Test
    void createsAKpiMeasurement() {
        Long id = client.createMeasurement(OgsmResource.KPI_MEASUREMENTS, new KpiReportRequest(KpiMeasurement.toCreate(
                31, LocalDate.of(2026, 11, 1), new BigDecimal("91.2"), new BigDecimal("90"), null)));
        KpiMeasurement created = client.kpiMeasurements().stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow();
        assertEquals(TrafficLight.GREEN, created.trafficLight());
    }

    @Test
    void wrongCredentialsAreRefusedWith401() throws Exception {
        try (OgsmClient wrong = clientWith(new ApiCredentials("demo", "wrong"), Duration.ofSeconds(5), 1 << 20)) {
            OgsmApiException e = assertThrows(OgsmApiException.class, wrong::goals);
            assertEquals(401, e.status());
            assertFalse(e.getMessage().contains("wrong"));
        }
    }

    @Test
    void anUnknownGoalIs404WithTheApisAnswer() {
        GoalReportRequest body = new GoalReportRequest(GoalMeasurement.toCreate(999_999, LocalDate.of(2026, 1, 1),
                BigDecimal.ONE, null, null));
        OgsmApiException e = assertThrows(OgsmApiException.class, () -> client.createMeasurement(OgsmResource.GOAL_MEASUREMENTS, body));
        assertEquals(404, e.status());
        assertTrue(e.responseBody().contains("goal 999999 not found"), e.responseBody());
    }

    @Test
    void aServerErrorSurfacesAs503() {
        sandbox.faults().update(SandboxFaults.always503());
        OgsmApiException e = assertThrows(OgsmApiException.class, () -> client.createMeasurement(OgsmResource.GOAL_MEASUREMENTS, goalReport("1")));
        assertEquals(503, e.status());
        assertEquals(2, client.goalMeasurements().size(), "a 503 stores nothing");
    }

    @Test
    void aRateLimitSurfacesAs429WithRetryAfter() {
        sandbox.faults().update(SandboxFaults.always429(7));
        OgsmApiException e = assertThrows(OgsmApiException.class, () -> client.createMeasurement(OgsmResource.GOAL_MEASUREMENTS, goalReport("1")));
        assertEquals(429, e.status());
        assertEquals("7", e.retryAfter().orElseThrow());
    }

    @Test
    void aDroppedConnectionAfterCommitIsAnAmbiguousTransportFailureButTheMeasurementIsStored() {
        sandbox.faults().update(SandboxFaults.alwaysDropAfterCommit());
        OgsmTransportException e = assertThrows(OgsmTransportException.class,
                () -> client.createMeasurement(OgsmResource.GOAL_MEASUREMENTS, goalReport("77.7")));
        assertTrue(e.maybeSent());
        sandbox.faults().update(SandboxFaults.none());
        List<GoalMeasurement> stored = client.goalMeasurements();
        assertEquals(1, stored.stream().filter(m -> m.currentValue().compareTo(new BigDecimal("77.7")) == 0).count(),
                "the sandbox committed the measurement before dropping the connection");
    }

    @Test
    void addedLatencyBeyondTheReadTimeoutIsAnAmbiguousTimeout() throws Exception {
        sandbox.faults().update(SandboxFaults.latency(1500));
        try (OgsmClient impatient = clientWith(target.credentials(), Duration.ofMillis(300), 1 << 20)) {
            OgsmTransportException e = assertThrows(OgsmTransportException.class,
                    () -> impatient.createMeasurement(OgsmResource.GOAL_MEASUREMENTS, goalReport("5")));
            assertTrue(e.maybeSent());
        }
    }

    @Test
    void aRefusedConnectionIsATransportFailureThatSentNothing() throws Exception {
        try (OgsmClient nowhere = new OgsmClient(URI.create("http://127.0.0.1:1"), target.credentials(),
                Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1 << 20)) {
            OgsmTransportException e = assertThrows(OgsmTransportException.class,
                    () -> nowhere.createMeasurement(OgsmResource.GOAL_MEASUREMENTS, goalReport("5")));
            assertFalse(e.maybeSent());
        }
    }

    @Test
    void anAnswerLargerThanTheLimitIsRefusedRatherThanRead() throws Exception {
        try (OgsmClient small = clientWith(target.credentials(), Duration.ofSeconds(5), 512)) {
            assertThrows(OgsmMalformedResponseException.class, small::goals);
        }
    }
}
