package io.ogsm.connector.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.measurement.MeasurementType;
import io.ogsm.connector.ogsm.OgsmJson;
import io.ogsm.connector.ogsm.OgsmResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The create body the API mapping writes from the request records: the API page's shape, exact numbers, no nulls. */
class MeasurementRequestsTest {

    private static final LocalDate AT = LocalDate.of(2026, 10, 31);

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of(new Measurement(MeasurementType.KPI, 31L, null, AT, new BigDecimal("45.6"),
                                new BigDecimal("50"), "From the October finance export"),
                        "{\"indicator_report\":{\"indicator\":{\"id\":31},\"at\":\"2026-10-31\",\"current_value\":45.6,"
                                + "\"target_value\":50,\"description\":\"From the October finance export\"}}"),
                Arguments.of(new Measurement(MeasurementType.GOAL, 7L, "Revenue", AT, new BigDecimal("-0.001"), null,
                                null),
                        "{\"goal_report\":{\"goal\":{\"id\":7},\"at\":\"2026-10-31\",\"current_value\":-0.001}}"),
                Arguments.of(new Measurement(MeasurementType.KPI, Long.MAX_VALUE, null, LocalDate.of(12026, 1, 1),
                                new BigDecimal("1E+3"), new BigDecimal("123456789012345678901234567890.5"), ""),
                        "{\"indicator_report\":{\"indicator\":{\"id\":9223372036854775807},\"at\":\"+12026-01-01\","
                                + "\"current_value\":1E+3,\"target_value\":123456789012345678901234567890.5,"
                                + "\"description\":\"\"}}"),
                Arguments.of(new Measurement(MeasurementType.KPI, 2L, null, null, null, null, null),
                        "{\"indicator_report\":{\"indicator\":{\"id\":2}}}"));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void theBodyIsWrittenAsTheApiPageShowsIt(Measurement m, String expected) throws Exception {
        assertEquals(expected, OgsmJson.mapper().writeValueAsString(MeasurementRequests.body(m)));
    }

    @Test
    void aDescriptionSurvivesEveryCharacter() throws Exception {
        String text = "quotes \" backslash \\ tab \t newline \n control \u0001 unicode é € 😀 </script>";
        Measurement m = new Measurement(MeasurementType.GOAL, 1L, null, AT, BigDecimal.ZERO, BigDecimal.ONE, text);

        JsonNode body = OgsmJson.mapper().readTree(OgsmJson.mapper().writeValueAsBytes(MeasurementRequests.body(m)));

        assertEquals(text, body.path("goal_report").path("description").asText());
    }

    @Test
    void aDeadLetterRecordsTheSameBodyAndWhereItWasPosted() {
        Measurement m = new Measurement(MeasurementType.GOAL, 7L, null, AT, BigDecimal.TEN, null, null);

        JsonNode request = MeasurementRequests.describe(m);

        assertEquals("POST", request.path("method").asText());
        assertEquals(OgsmResource.GOAL_MEASUREMENTS.path(), request.path("path").asText());
        assertEquals(OgsmJson.mapper().valueToTree(MeasurementRequests.body(m)), request.path("body"));
    }
}
