package io.ogsm.connector.delivery;

import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.measurement.MeasurementType;
import io.ogsm.connector.ogsm.OgsmJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The delivery state written field by field is byte for byte what the mapper writes from the records (so state
 * written before reads the same), and the mapper reads it back to the same record.
 */
class StateJsonTest {

    static Stream<Object> states() {
        Instant at = Instant.parse("2026-11-30T01:02:03.456789Z");
        Measurement full = new Measurement(MeasurementType.KPI, 31L, "Revenue \"EU\" € 😀", LocalDate.of(2026, 10, 31),
                new BigDecimal("45.60"), new BigDecimal("-1E+3"), "line\nbreak \\ </script> \u0001");
        Measurement sparse = new Measurement(MeasurementType.GOAL, null, "Churn", null, null, null, null);
        return Stream.of(
                new DeliveryStore.Delivered(4711L, at),
                new DeliveryStore.Delivered(null, Instant.parse("2026-01-01T00:00:00Z")),
                new DeliveryStore.InFlight("k1", full, at),
                new DeliveryStore.InFlight("k2", sparse, Instant.EPOCH),
                new DeliveryStore.InFlight("k3", null, at),
                new DeliveryStore.Tracking("delivered", "k1", 4711L, null, at),
                new DeliveryStore.Tracking("dead_lettered", "k2", null, "http_422", at),
                new DeliveryStore.Tracking("queued", null, null, null, Instant.parse("+12026-01-01T00:00:00.1Z")));
    }

    @ParameterizedTest
    @MethodSource("states")
    void writtenAsTheMapperWritesAndReadBack(Object state) throws Exception {
        byte[] written = state instanceof DeliveryStore.Delivered d ? StateJson.of(d)
                : state instanceof DeliveryStore.InFlight f ? StateJson.of(f)
                : StateJson.of((DeliveryStore.Tracking) state);

        assertEquals(new String(OgsmJson.mapper().writeValueAsBytes(state), StandardCharsets.UTF_8),
                new String(written, StandardCharsets.UTF_8));
        assertEquals(state, OgsmJson.mapper().readValue(written, state.getClass()));
    }
}
