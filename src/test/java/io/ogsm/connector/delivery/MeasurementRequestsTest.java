package io.ogsm.connector.delivery;

import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.measurement.MeasurementType;
import io.ogsm.connector.ogsm.OgsmJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The create body written field by field is byte for byte the body the API mapper writes from the request records. */
class MeasurementRequestsTest {

    static Stream<Measurement> measurements() {
        LocalDate at = LocalDate.of(2026, 10, 31);
        return Stream.of(
                new Measurement(MeasurementType.KPI, 31L, null, at, new BigDecimal("45.6"), new BigDecimal("50"),
                        "From the October finance export"),
                new Measurement(MeasurementType.GOAL, 7L, "Revenue", at, new BigDecimal("-0.001"), null, null),
                new Measurement(MeasurementType.KPI, Long.MAX_VALUE, null, LocalDate.of(12026, 1, 1),
                        new BigDecimal("1E+3"), new BigDecimal("123456789012345678901234567890.5"), ""),
                new Measurement(MeasurementType.GOAL, 1L, null, at, BigDecimal.ZERO, BigDecimal.ONE,
                        "quotes \" backslash \\ tab \t newline \n control \u0001 unicode é € 😀 </script>"),
                new Measurement(MeasurementType.KPI, 2L, null, null, null, null, null));
    }

    @ParameterizedTest
    @MethodSource("measurements")
    void theWrittenBodyIsTheMappersBody(Measurement m) throws Exception {
        Object request = m.type() == MeasurementType.GOAL ? MeasurementRequests.goalBody(m) : MeasurementRequests.kpiBody(m);
        String expected = new String(OgsmJson.mapper().writeValueAsBytes(request), StandardCharsets.UTF_8);

        assertEquals(expected, new String(MeasurementRequests.json(m), StandardCharsets.UTF_8));
    }
}
