package io.ogsm.connector.status;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;

/** With ogsm.status.cron set, the poller runs on that Quartz schedule instead of the interval. */
@QuarkusTest
@TestProfile(StatusCronTest.EverySecond.class)
class StatusCronTest {

    public static class EverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ogsm.status.enabled", "true", "ogsm.status.cron", "* * * * * ?",
                    "ogsm.status.interval", "1h", "ogsm.status.topic", "ogsm.status-changes.cron-test");
        }
    }

    @Test
    void pollsOnTheCronScheduleAlthoughTheIntervalIsAnHour() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready")
                .then().body("checks.find { it.name == 'status-poll' }.data.goals", startsWith("ok")));
    }
}
