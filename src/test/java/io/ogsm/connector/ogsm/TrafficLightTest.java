package io.ogsm.connector.ogsm;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrafficLightTest {

    private static final String WRAP = "{\"traffic_light\": %s}";

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Holder(TrafficLight trafficLight) {
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(delimiter = '|', value = {
            "\"red\"                         | red",
            "\"GREEN\"                       | green",
            "\" orange \"                    | orange",
            "[{\"name\": \"red\"}]           | red",
            "[{\"name\": \"green\"}, {\"name\": \"red\"}] | green",
            "{\"name\": \"grey\"}            | grey",
            "\"purple\"                      | purple",
    })
    void readsEveryFormTheVendorSends(String json, String colour) throws Exception {
        Holder holder = OgsmJson.mapper().readValue(WRAP.formatted(json), Holder.class);
        assertEquals(colour, holder.trafficLight().color());
    }

    @ParameterizedTest(name = "{0} reads as no traffic light")
    @CsvSource(delimiter = '|', value = {"null", "\"\"", "[]"})
    void readsMissingColoursAsNull(String json) throws Exception {
        assertNull(OgsmJson.mapper().readValue(WRAP.formatted(json), Holder.class).trafficLight());
    }

    @Test
    void refusesANumber() {
        assertThrows(MismatchedInputException.class,
                () -> OgsmJson.mapper().readValue(WRAP.formatted("42"), Holder.class));
    }
}
