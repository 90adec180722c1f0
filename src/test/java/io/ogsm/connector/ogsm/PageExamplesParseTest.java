package io.ogsm.connector.ogsm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Every example object of the vendor's API page parses, field by field, into our records. */
class PageExamplesParseTest {

    private static final List<Named> LABELS = List.of(new Named("label 1"), new Named("Label 2"));
    private static final List<CanvasPlacement> CANVASES = List.of(new CanvasPlacement(789L, 91));
    private static final Named ASSIGNEE = new Named("Firstname Lastname");

    @Test
    void objective() {
        Objective o = PageExamples.read("objective", Objective.class);
        assertEquals(new Objective(123L, "Objective title", LABELS, "<p>Description</p>", ASSIGNEE, CANVASES, false), o);
    }

    @Test
    void goal() {
        Goal g = PageExamples.read("goal", Goal.class);
        assertEquals(new Goal(123L, "Goal title", LABELS, "<p>Description</p>", "EUR", ASSIGNEE, CANVASES,
                TrafficLight.RED, false, null, "sum", "line"), g);
    }

    @Test
    void strategy() {
        Strategy s = PageExamples.read("strategy", Strategy.class);
        assertEquals(new Strategy(123L, "Strategy title", LABELS, "<p>Description</p>", ASSIGNEE, CANVASES, false), s);
    }

    @Test
    void kpi() {
        Kpi k = PageExamples.read("kpi", Kpi.class);
        assertEquals(new Kpi(123L, "KPI title", LABELS, "<p>Description</p>", "EUR", ASSIGNEE, List.of(new Ref(456L)),
                CANVASES, TrafficLight.RED, false, null, "sum", "line"), k);
    }

    @Test
    void action() {
        Action a = PageExamples.read("action", Action.class);
        assertEquals(new Action(123L, "Action title", LABELS, List.of(new Ref(456L)), "<p>Description</p>", ASSIGNEE,
                List.of(new Named("Another name")), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                new Named("doing"), CANVASES, TrafficLight.GREEN, 50, false), a);
    }

    @Test
    void goalMeasurement() {
        GoalMeasurement m = PageExamples.read("goal-measurement", GoalMeasurement.class);
        assertEquals(new GoalMeasurement(123L, new Ref(456L), LocalDate.of(2024, 1, 1), new BigDecimal("78.9"), null,
                TrafficLight.GREEN, false, "Example"), m);
    }

    @Test
    void kpiMeasurement() {
        KpiMeasurement m = PageExamples.read("kpi-measurement", KpiMeasurement.class);
        assertEquals(new KpiMeasurement(123L, new Ref(456L), LocalDate.of(2024, 1, 1), new BigDecimal("78.9"), null,
                TrafficLight.GREEN, false, "Example"), m);
    }

    @Test
    void createGoalMeasurementBodyIsWrittenAsThePageShowsIt() throws Exception {
        GoalReportRequest body = new GoalReportRequest(GoalMeasurement.toCreate(123, LocalDate.of(2022, 12, 14),
                new BigDecimal("45.6"), null, null));
        JsonNode expected = PageExamples.LITERAL_READER.readTree(PageExamples.text("create-goal-measurement"));
        assertEquals(expected, OgsmJson.mapper().readTree(OgsmJson.mapper().writeValueAsString(body)));
        assertEquals(body, PageExamples.read("create-goal-measurement", GoalReportRequest.class));
    }

    @Test
    void createKpiMeasurementBodyIsWrittenAsThePageShowsIt() throws Exception {
        KpiReportRequest body = new KpiReportRequest(KpiMeasurement.toCreate(123, LocalDate.of(2022, 12, 14),
                new BigDecimal("45.6"), null, null));
        JsonNode expected = PageExamples.LITERAL_READER.readTree(PageExamples.text("create-kpi-measurement"));
        assertEquals(expected, OgsmJson.mapper().readTree(OgsmJson.mapper().writeValueAsString(body)));
        assertEquals(body, PageExamples.read("create-kpi-measurement", KpiReportRequest.class));
    }

    @Test
    void unknownFieldsAreIgnoredAndMissingOnesAreNull() throws Exception {
        Goal g = OgsmJson.mapper().readValue("{\"id\": 7, \"title\": \"T\", \"new_vendor_field\": {\"x\": [1]}}",
                Goal.class);
        assertEquals(7L, g.id());
        assertNull(g.trafficLight());
        assertNull(g.labels());
    }

    @Test
    void trafficLightInTheExportFeedsListFormIsAccepted() throws Exception {
        Kpi k = OgsmJson.mapper().readValue("{\"id\": 1, \"traffic_light\": [{\"name\": \"Red\"}]}", Kpi.class);
        assertEquals(TrafficLight.RED, k.trafficLight());
        Action a = OgsmJson.mapper().readValue("{\"id\": 1, \"traffic_light\": []}", Action.class);
        assertNull(a.trafficLight());
        assertEquals("\"red\"", OgsmJson.mapper().writeValueAsString(k.trafficLight()));
    }

    @Test
    void newMeasurementBodyLeavesOutWhatWasNotSet() throws Exception {
        String json = OgsmJson.mapper().writeValueAsString(new KpiReportRequest(
                KpiMeasurement.toCreate(5, LocalDate.of(2025, 3, 1), new BigDecimal("1.50"), new BigDecimal("2"), "Q1")));
        assertEquals("{\"indicator_report\":{\"indicator\":{\"id\":5},\"at\":\"2025-03-01\",\"current_value\":1.50,"
                + "\"target_value\":2,\"description\":\"Q1\"}}", json);
        assertFalse(json.contains("traffic_light"));
    }
}
