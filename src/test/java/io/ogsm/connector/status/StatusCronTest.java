package io.ogsm.connector.status;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.startsWith;

/** With ogsm.status.cron set, the poller runs on that Quartz schedule instead of the interval. */
@QuarkusTest
@TestProfile(StatusCronTest.EverySecond.class)
class StatusCronTest {

    static final String TOPIC = "ogsm.status-changes.cron-test";

    public static class EverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ogsm.status.enabled", "true", "ogsm.status.cron", "* * * * * ?",
                    "ogsm.status.interval", "1h", "ogsm.status.topic", TOPIC, "ogsm.status.emit-initial", "true");
        }
    }

    @Test
    void pollsOnTheCronScheduleAlthoughTheIntervalIsAnHour() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready")
                .then().body("checks.find { it.name == 'status-poll' }.data.goals", startsWith("ok")));
        // the last good poll per list, on /q/metrics (epoch seconds)
        assertTrue(io.ogsm.connector.testing.Api.metric("ogsm_status_last_success_seconds{resource=\"goal\"}")
                > java.time.Instant.parse("2026-01-01T00:00:00Z").getEpochSecond());
    }

    @Test
    void withEmitInitialTheFirstPollAnnouncesEverythingAsCreated() {
        java.util.List<org.apache.kafka.clients.consumer.ConsumerRecord<String, io.cloudevents.CloudEvent>> received =
                new java.util.ArrayList<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, io.cloudevents.CloudEvent>(Map.of(
                org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                io.ogsm.connector.testing.KafkaBroker.bootstrapServers(),
                org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG, "initial-" + java.util.UUID.randomUUID(),
                org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new io.cloudevents.kafka.CloudEventDeserializer())) {
            consumer.subscribe(java.util.List.of(TOPIC));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.stream().anyMatch(r -> r.key().equals("goal:11"))
                        && received.stream().anyMatch(r -> r.key().equals("action:43"));
            });
        }
        org.junit.jupiter.api.Assertions.assertEquals("online.ogsm.goal.created", received.stream()
                .filter(r -> r.key().equals("goal:11")).findFirst().orElseThrow().value().getType());
    }
}
