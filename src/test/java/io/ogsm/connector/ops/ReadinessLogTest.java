package io.ogsm.connector.ops;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The line the readiness log writes: ready, or each check that is DOWN with why. */
class ReadinessLogTest {

    @Test
    void namesEachCheckThatIsDownWithItsData() {
        var payload = Json.createObjectBuilder().add("status", "DOWN").add("checks", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("name", "routes").add("status", "UP"))
                .add(Json.createObjectBuilder().add("name", "kafka").add("status", "DOWN").add("data",
                        Json.createObjectBuilder().add("error", "brokers localhost:1 do not answer: TimeoutException")))
                .add(Json.createObjectBuilder().add("name", "erp").add("status", "DOWN").add("data",
                        Json.createObjectBuilder().add("refused", 2)))
                .add(Json.createObjectBuilder().add("name", "bare").add("status", "DOWN"))).build();

        assertEquals("not ready: kafka (brokers localhost:1 do not answer: TimeoutException); erp (2); bare",
                ReadinessLog.describe(payload));
    }

    @Test
    void allUpIsReady() {
        var payload = Json.createObjectBuilder().add("status", "UP").add("checks", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("name", "routes").add("status", "UP"))).build();

        assertEquals("ready", ReadinessLog.describe(payload));
    }
}
