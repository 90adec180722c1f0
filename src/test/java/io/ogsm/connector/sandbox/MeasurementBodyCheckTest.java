package io.ogsm.connector.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.ogsm.connector.ogsm.OgsmJson;
import io.ogsm.connector.ogsm.OgsmResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeasurementBodyCheckTest {

    private static JsonNode json(String text) throws Exception {
        return OgsmJson.mapper().readTree(text);
    }

    @Test
    void acceptsThePagesExampleAndFillsTheDefaults() throws Exception {
        MeasurementBodyCheck.Result r = MeasurementBodyCheck.check(OgsmResource.GOAL_MEASUREMENTS,
                json("{\"goal_report\": {\"goal\": {\"id\": 123}, \"at\": \"2024-10-09\", \"current_value\": 45.6}}"));
        assertTrue(r.ok());
        assertEquals(123, r.parentId());
        assertEquals("{\"goal\":{\"id\":123},\"at\":\"2024-10-09\",\"current_value\":45.6,\"target_value\":null,"
                + "\"show_in_ogsm\":false,\"description\":null}", r.fields().toString());
    }

    @Test
    void acceptsNumbersWrittenAsText() throws Exception {
        MeasurementBodyCheck.Result r = MeasurementBodyCheck.check(OgsmResource.KPI_MEASUREMENTS, json(
                "{\"indicator_report\": {\"indicator\": {\"id\": \"31\"}, \"at\": \"2024-10-09\","
                        + " \"current_value\": \"-4.25\", \"target_value\": \"5\"}}"));
        assertTrue(r.ok(), () -> r.error().message());
        assertEquals("-4.25", r.fields().get("current_value").decimalValue().toPlainString());
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "[]                                                                                     | 400 | the body must be a JSON object",
            "{}                                                                                     | 422 | goal_report is missing",
            "{\"goal\": {\"id\": 1}}                                                                | 422 | goal_report is missing",
            "{\"goal_report\": {\"at\": \"2024-10-09\", \"current_value\": 1}}                        | 422 | goal.id must be a number",
            "{\"goal_report\": {\"goal\": {\"id\": \"x\"}, \"at\": \"2024-10-09\", \"current_value\": 1}} | 422 | goal.id must be a number",
            "{\"goal_report\": {\"goal\": {\"id\": 1}, \"current_value\": 1}}                         | 422 | at is missing",
            "{\"goal_report\": {\"goal\": {\"id\": 1}, \"at\": \"09-10-2024\", \"current_value\": 1}}   | 422 | at must be a date as yyyy-MM-dd",
            "{\"goal_report\": {\"goal\": {\"id\": 1}, \"at\": \"2025-02-31\", \"current_value\": 1}}   | 422 | at must be a date as yyyy-MM-dd",
            "{\"goal_report\": {\"goal\": {\"id\": 1}, \"at\": 20250101, \"current_value\": 1}}        | 422 | at must be a date as yyyy-MM-dd",
            "{\"goal_report\": {\"goal\": {\"id\": 1}, \"at\": \"2024-10-09\"}}                       | 422 | current_value must be a number",
            "{\"goal_report\": {\"goal\": {\"id\": 1}, \"at\": \"2024-10-09\", \"current_value\": \"n/a\"}} | 422 | current_value must be a number",
            "{\"goal_report\": {\"goal\": {\"id\": 1}, \"at\": \"2024-10-09\", \"current_value\": \"1,5\"}} | 422 | current_value must be a number",
            "{\"goal_report\": {\"goal\": {\"id\": 1}, \"at\": \"2024-10-09\", \"current_value\": true}} | 422 | current_value must be a number",
            "{\"goal_report\": {\"goal\": {\"id\": 1}, \"at\": \"2024-10-09\", \"current_value\": 1, \"target_value\": \"x\"}} | 422 | target_value must be a number or null",
            "{\"goal_report\": {\"goal\": {\"id\": 1}, \"at\": \"2024-10-09\", \"current_value\": 1, \"description\": 5}} | 422 | description must be text",
    })
    void refusesWhatTheApiRefuses(String body, int status, String message) throws Exception {
        MeasurementBodyCheck.Result r = MeasurementBodyCheck.check(OgsmResource.GOAL_MEASUREMENTS, json(body));
        assertEquals(status, r.error().status());
        assertTrue(r.error().message().startsWith(message), r.error().message());
    }

    @Test
    void aGoalReportSentToTheKpiListIsRefused() throws Exception {
        MeasurementBodyCheck.Result r = MeasurementBodyCheck.check(OgsmResource.KPI_MEASUREMENTS,
                json("{\"goal_report\": {\"goal\": {\"id\": 11}, \"at\": \"2024-10-09\", \"current_value\": 1}}"));
        assertEquals(422, r.error().status());
        assertEquals("indicator_report", r.error().field());
    }
}
