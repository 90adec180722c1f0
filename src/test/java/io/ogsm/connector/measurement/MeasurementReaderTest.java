package io.ogsm.connector.measurement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ogsm.connector.ogsm.OgsmJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeasurementReaderTest {

    private static JsonNode json(String text) throws Exception {
        return OgsmJson.mapper().readTree(text);
    }

    private static void assertNumber(String expected, BigDecimal actual) {
        if (expected == null) {
            assertNull(actual);
        } else {
            assertNotNull(actual);
            assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> actual + " is not " + expected);
        }
    }

    private static List<String> fields(MeasurementReader.Result result) {
        return result.violations().stream().map(Violation::field).sorted().toList();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // canonical form
            "{\"type\":\"kpi\",\"id\":31,\"at\":\"2024-10-09\",\"value\":45.6}"
                    + "| KPI  | 31 | -            | 2024-10-09 | 45.6    | -     | -",
            "{\"type\":\"goal\",\"title\":\"  Revenue, net \",\"at\":\"2024-10-09\",\"value\":12,\"target\":20,\"description\":\"Q3\"}"
                    + "| GOAL | -  | Revenue, net | 2024-10-09 | 12      | 20    | Q3",
            "{\"type\":\"Indicator\",\"id\":31,\"at\":\"2024-10-09\",\"value\":-1.5,\"unit\":\"EUR\"}"
                    + "| KPI  | 31 | -            | 2024-10-09 | -1.5    | -     | -",
            "{\"type\":\"kpi\",\"id\":31,\"at\":\"2024-10-09\",\"value\":4.56E1,\"target\":null,\"description\":null}"
                    + "| KPI  | 31 | -            | 2024-10-09 | 45.6    | -     | -",
            // numbers, ids and dates as text
            "{\"type\":\"KPI\",\"id\":\"31\",\"at\":\" 2024-10-09 \",\"value\":\" 45.60 \",\"target\":\"-3.25\"}"
                    + "| KPI  | 31 | -            | 2024-10-09 | 45.6    | -3.25 | -",
            "{\"type\":\"goal\",\"id\":11,\"at\":\"2024-02-29\",\"value\":\"123456789012345678.123\"}"
                    + "| GOAL | 11 | -            | 2024-02-29 | 123456789012345678.123 | - | -",
            // the API's own bodies
            "{\"goal_report\":{\"goal\":{\"id\":11},\"at\":\"2024-10-09\",\"current_value\":12.5,\"target_value\":20}}"
                    + "| GOAL | 11 | -            | 2024-10-09 | 12.5    | 20    | -",
            "{\"indicator_report\":{\"indicator\":{\"id\":\"31\"},\"at\":\"2024-10-09\",\"current_value\":\"45.6\",\"description\":\"ok\",\"show_in_ogsm\":true}}"
                    + "| KPI  | 31 | -            | 2024-10-09 | 45.6    | -     | ok",
    })
    void readsAMeasurementFromEitherForm(String input, MeasurementType type, Long id, String title, LocalDate at,
            String value, String target, String description) throws Exception {
        MeasurementReader.Result result = MeasurementReader.read(json(input));

        assertTrue(result.ok(), () -> "violations: " + result.violations());
        Measurement m = result.measurement();
        assertEquals(type, m.type());
        assertEquals(id, m.id());
        assertEquals(title, m.title());
        assertEquals(at, m.at());
        assertNumber(value, m.value());
        assertNumber(target, m.target());
        assertEquals(description, m.description());
    }

    @ParameterizedTest(name = "[{index}] {0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            // type
            "{\"type\":\"metric\",\"id\":31,\"at\":\"2024-10-09\",\"value\":1}                  | type",
            "{\"id\":31,\"at\":\"2024-10-09\",\"value\":1}                                      | type",
            // date
            "{\"type\":\"kpi\",\"id\":31,\"at\":\"2025-02-30\",\"value\":1}                     | at",
            "{\"type\":\"kpi\",\"id\":31,\"at\":\"09-10-2024\",\"value\":1}                     | at",
            "{\"type\":\"kpi\",\"id\":31,\"at\":\"2024-10-09T10:00:00Z\",\"value\":1}           | at",
            "{\"type\":\"kpi\",\"id\":31,\"at\":20241009,\"value\":1}                           | at",
            "{\"type\":\"kpi\",\"id\":31,\"at\":\"1899-12-31\",\"value\":1}                     | at",
            "{\"type\":\"kpi\",\"id\":31,\"value\":1}                                           | at",
            // value and target
            "{\"type\":\"kpi\",\"id\":31,\"at\":\"2024-10-09\",\"value\":\"lots\"}              | value",
            "{\"type\":\"kpi\",\"id\":31,\"at\":\"2024-10-09\",\"value\":\"1,5\"}               | value",
            "{\"type\":\"kpi\",\"id\":31,\"at\":\"2024-10-09\",\"value\":true}                  | value",
            "{\"type\":\"kpi\",\"id\":31,\"at\":\"2024-10-09\"}                                 | value",
            "{\"type\":\"kpi\",\"id\":31,\"at\":\"2024-10-09\",\"value\":null}                  | value",
            "{\"type\":\"kpi\",\"id\":31,\"at\":\"2024-10-09\",\"value\":1234567890123456789012345}     | value",
            "{\"type\":\"kpi\",\"id\":31,\"at\":\"2024-10-09\",\"value\":\"1234567890123456789012345\"} | value",
            "{\"type\":\"kpi\",\"id\":31,\"at\":\"2024-10-09\",\"value\":1234567890123456789}           | value",
            "{\"type\":\"kpi\",\"id\":31,\"at\":\"2024-10-09\",\"value\":1e999999999}             | value",
            "{\"type\":\"kpi\",\"id\":31,\"at\":\"2024-10-09\",\"value\":1e-999999999}            | value",
            "{\"type\":\"kpi\",\"id\":31,\"at\":\"2024-10-09\",\"value\":1,\"target\":1E+25}  | target",
            "{\"type\":\"kpi\",\"id\":31,\"at\":\"2024-10-09\",\"value\":1,\"target\":\"x\"}  | target",
            // id and title
            "{\"type\":\"kpi\",\"at\":\"2024-10-09\",\"value\":1}                               | id",
            "{\"type\":\"kpi\",\"title\":\"   \",\"at\":\"2024-10-09\",\"value\":1}             | id",
            "{\"type\":\"kpi\",\"id\":-5,\"at\":\"2024-10-09\",\"value\":1}                     | id",
            "{\"type\":\"kpi\",\"id\":0,\"at\":\"2024-10-09\",\"value\":1}                      | id",
            "{\"type\":\"kpi\",\"id\":3.5,\"at\":\"2024-10-09\",\"value\":1}                    | id",
            "{\"type\":\"kpi\",\"id\":\"31a\",\"at\":\"2024-10-09\",\"value\":1}                | id",
            "{\"type\":\"kpi\",\"id\":99999999999999999999,\"at\":\"2024-10-09\",\"value\":1}   | id",
            "{\"type\":\"kpi\",\"title\":7,\"at\":\"2024-10-09\",\"value\":1}                   | title",
            "{\"type\":\"kpi\",\"id\":31,\"at\":\"2024-10-09\",\"value\":1,\"description\":42}  | description",
            // several at once
            "{\"type\":\"metric\",\"id\":31,\"at\":\"09-10-2024\",\"value\":\"lots\"}           | at,type,value",
            "{\"type\":\"kpi\",\"at\":\"2024-10-09\"}                                           | id,value",
            // the API's own bodies
            "{\"goal_report\":{\"at\":\"2024-10-09\",\"current_value\":1}}                      | goal_report.goal.id",
            "{\"goal_report\":{\"goal\":{\"id\":\"x\"},\"at\":\"2024-10-09\",\"current_value\":1}} | goal_report.goal.id",
            "{\"goal_report\":{\"goal\":{\"id\":11},\"at\":\"2024-13-01\",\"current_value\":\"n/a\"}} | goal_report.at,goal_report.current_value",
            "{\"indicator_report\":{\"indicator\":{\"id\":31},\"at\":\"2024-10-09\",\"current_value\":1,\"target_value\":\"?\"}} | indicator_report.target_value",
            "{\"indicator_report\":{\"goal\":{\"id\":31},\"at\":\"2024-10-09\",\"current_value\":1}} | indicator_report.indicator.id",
            "{\"goal_report\":[1,2]}                                                            | goal_report",
            "{\"indicator_report\":null}                                                        | indicator_report",
            // not an object
            "[{\"type\":\"kpi\",\"id\":31,\"at\":\"2024-10-09\",\"value\":1}]                   | measurement",
            "\"kpi 31 45.6\"                                                                    | measurement",
            "42                                                                                 | measurement",
            "null                                                                               | measurement",
    })
    void refusesABadMeasurementNamingEachBadField(String input, String expectedFields) throws Exception {
        MeasurementReader.Result result = MeasurementReader.read(json(input));

        assertFalse(result.ok());
        assertNull(result.measurement());
        assertEquals(Arrays.stream(expectedFields.split(",")).sorted().toList(), fields(result));
    }

    @ParameterizedTest(name = "[{index}] {0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"indicator_report\":{\"indicator\":{\"id\":31},\"at\":\"2024-10-09\"}}                   | indicator_report.current_value",
            "{\"goal_report\":{\"goal\":{\"id\":-1},\"at\":\"2024-10-09\",\"current_value\":1}}         | goal_report.goal.id",
            "{\"goal_report\":{\"goal\":{\"id\":11},\"current_value\":1}}                               | goal_report.at",
            "{\"goal_report\":{\"goal\":{\"id\":11},\"at\":\"1800-01-01\",\"current_value\":1}}         | goal_report.at",
            "{\"goal_report\":{\"goal\":{\"id\":11},\"at\":\"2024-10-09\",\"current_value\":1E+20}}     | goal_report.current_value",
            "{\"goal_report\":{\"goal\":{\"id\":11},\"at\":\"2024-10-09\",\"current_value\":1,\"target_value\":1E+20}} | goal_report.target_value",
            "{\"indicator_report\":{\"indicator\":{\"id\":31},\"at\":\"2024-10-09\",\"current_value\":1E-40}} | indicator_report.current_value",
    })
    void namesTheApiBodysOwnFieldsWhenItBreaksAValidationRule(String input, String expectedField) throws Exception {
        MeasurementReader.Result result = MeasurementReader.read(json(input));

        assertFalse(result.ok());
        assertEquals(List.of(expectedField), fields(result));
    }

    @Test
    void refusesADescriptionLongerThanTenThousandCharacters() throws Exception {
        ObjectNode input = (ObjectNode) json("{\"type\":\"kpi\",\"id\":31,\"at\":\"2024-10-09\",\"value\":1}");
        input.put("description", "x".repeat(10_001));

        MeasurementReader.Result result = MeasurementReader.read(input);

        assertEquals(List.of("description"), fields(result));
        assertTrue(result.violations().get(0).value().length() <= Violation.MAX_VALUE_LENGTH + 1,
                "the violation quotes the value cut short");
    }

    @Test
    void acceptsADescriptionOfExactlyTenThousandCharacters() throws Exception {
        ObjectNode input = (ObjectNode) json("{\"type\":\"kpi\",\"id\":31,\"at\":\"2024-10-09\",\"value\":1}");
        input.put("description", "x".repeat(10_000));

        assertTrue(MeasurementReader.read(input).ok());
    }

    @Test
    void refusesATitleLongerThanFiveHundredCharacters() throws Exception {
        ObjectNode input = (ObjectNode) json("{\"type\":\"kpi\",\"at\":\"2024-10-09\",\"value\":1}");
        input.put("title", "t".repeat(501));

        assertEquals(List.of("title"), fields(MeasurementReader.read(input)));
    }

    @Test
    void refusesAMissingDocument() {
        assertEquals(List.of("measurement"), fields(MeasurementReader.read(null)));
    }

    @Test
    void quotesTheOffendingValueInTheViolation() throws Exception {
        MeasurementReader.Result result = MeasurementReader.read(
                json("{\"type\":\"kpi\",\"id\":31,\"at\":\"2025-02-30\",\"value\":1}"));

        assertEquals(List.of(new Violation("at", "2025-02-30", "is not a date as yyyy-MM-dd")), result.violations());
    }
}
