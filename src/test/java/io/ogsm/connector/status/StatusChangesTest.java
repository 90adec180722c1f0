package io.ogsm.connector.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.ogsm.connector.ogsm.OgsmJson;
import io.ogsm.connector.ogsm.OgsmResource;
import io.ogsm.connector.sandbox.FaultSettings;
import io.ogsm.connector.sandbox.Sandbox;
import io.ogsm.connector.testing.Api;
import io.ogsm.connector.testing.KafkaBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Changes made in the sandbox arrive as CloudEvents on the status topic, read back with the CloudEvents SDK's Kafka
 * deserializer; an API outage emits nothing, in particular no deletes.
 */
@QuarkusTest
@TestProfile(StatusProfile.class)
class StatusChangesTest {

    @Inject
    Sandbox sandbox;

    private static KafkaConsumer<String, CloudEvent> consumer;
    private static final List<ConsumerRecord<String, CloudEvent>> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void subscribe() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "status-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new CloudEventDeserializer());
        consumer.subscribe(List.of(StatusProfile.TOPIC));
    }

    @AfterAll
    static void close() {
        consumer.close();
    }

    private static List<ConsumerRecord<String, CloudEvent>> poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
        return received;
    }

    private static List<ConsumerRecord<String, CloudEvent>> eventsFor(String key) {
        return poll().stream().filter(r -> r.key().equals(key)).toList();
    }

    private static JsonNode data(CloudEvent event) throws Exception {
        return OgsmJson.mapper().readTree(event.getData().toBytes());
    }

    /** Waits until the poller has taken its first snapshot of every list (it does that silently). */
    private void awaitFirstPoll() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> io.restassured.RestAssured.get("/q/health/ready")
                .then().body("checks.find { it.name == 'status-poll' }.data.goal_reports",
                        org.hamcrest.Matchers.startsWith("ok")));
    }

    @Test
    void aGoalTurningRedIsAChangedEventWithBeforeAfterAndTheField() throws Exception {
        awaitFirstPoll();
        Api.sandbox().contentType("application/json").body("{\"traffic_light\": \"red\"}")
                .patch("/sandbox/_control/goals/12").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !eventsFor("goal:12").isEmpty());
        List<ConsumerRecord<String, CloudEvent>> records = eventsFor("goal:12");
        assertEquals(1, records.size(), "one event for one change");
        CloudEvent event = records.get(0).value();
        assertEquals("1.0", event.getSpecVersion().toString());
        assertEquals("online.ogsm.goal.changed", event.getType());
        assertEquals("goal/12", event.getSubject());
        assertTrue(event.getSource().toString().endsWith("/sandbox"), event.getSource().toString());
        JsonNode data = data(event);
        assertEquals("orange", data.path("before").path("traffic_light").asText());
        assertEquals("red", data.path("after").path("traffic_light").asText());
        assertEquals(1, data.path("changes").size());
        assertEquals("traffic_light", data.path("changes").get(0).path("field").asText());
    }

    @Test
    void archivingAKpiFinishingAnActionDeletingAStrategyAndANewMeasurementEachArrive() throws Exception {
        awaitFirstPoll();
        Api.sandbox().contentType("application/json").body("{\"archived\": true}")
                .patch("/sandbox/_control/indicators/33").then().statusCode(200);
        Api.sandbox().contentType("application/json").body("{\"status\": {\"name\": \"done\"}, \"progress\": 100}")
                .patch("/sandbox/_control/actions/42").then().statusCode(200);
        Api.sandbox().delete("/sandbox/_control/strategies/22").then().statusCode(204);
        int id = Api.sandbox().contentType("application/json")
                .body("{\"indicator_report\": {\"indicator\": {\"id\": 31}, \"at\": \"2026-11-15\", \"current_value\": 91}}")
                .post("/sandbox/api/v2/indicator_reports.json").then().statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(20)).until(() -> !eventsFor("kpi:33").isEmpty()
                && !eventsFor("action:42").isEmpty() && !eventsFor("strategy:22").isEmpty()
                && !eventsFor("kpi_measurement:" + id).isEmpty());
        JsonNode archived = data(eventsFor("kpi:33").get(0).value());
        assertEquals("online.ogsm.kpi.changed", eventsFor("kpi:33").get(0).value().getType());
        assertTrue(archived.path("archived").asBoolean(), "the data says plainly that it was archived");
        assertEquals(Set.of("status", "progress"), fields(data(eventsFor("action:42").get(0).value())));
        CloudEvent deleted = eventsFor("strategy:22").get(0).value();
        assertEquals("online.ogsm.strategy.deleted", deleted.getType());
        assertEquals("Key-account teams, not a call centre", data(deleted).path("before").path("title").asText());
        assertEquals("online.ogsm.kpi_measurement.created", eventsFor("kpi_measurement:" + id).get(0).value().getType());
    }

    @Test
    void reorderingOnTheCanvasIsNotAChange() throws Exception {
        awaitFirstPoll();
        Api.sandbox().contentType("application/json").body("{\"ogsm_canvases\": [{\"id\": 789, \"row_order\": 5}]}")
                .patch("/sandbox/_control/objectives/1").then().statusCode(200);
        Api.sandbox().contentType("application/json").body("{\"title\": \"Become the preferred supplier in Benelux\"}")
                .patch("/sandbox/_control/objectives/2").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !eventsFor("objective:2").isEmpty());
        assertEquals(List.of(), eventsFor("objective:1"));
    }

    @Test
    void anApiOutageEmitsNothingAndNoDeletes() throws Exception {
        awaitFirstPoll();
        sandbox.faults().update(new FaultSettings(1.0, 0, 0, 1, 0, 1L, Set.of("GET")));
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> io.restassured.RestAssured.get("/q/health/ready")
                    .then().statusCode(503)
                    .body("checks.find { it.name == 'status-poll' }.data.goals", org.hamcrest.Matchers.startsWith("failed")));
            int before = poll().size();
            // three more failed polls of every list, as the metrics count them
            double failed = failedPolls();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> failedPolls() >= failed + 3 * OgsmResource.values().length);
            assertEquals(before, poll().size(), "nothing emitted while the lists fail");
        } finally {
            sandbox.faults().update(FaultSettings.NONE);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> io.restassured.RestAssured.get("/q/health/ready")
                .then().body("checks.find { it.name == 'status-poll' }.data.goals", org.hamcrest.Matchers.startsWith("ok")));
        assertTrue(poll().stream().noneMatch(r -> r.value().getType().endsWith(".deleted")
                && !r.key().equals("strategy:22")), "no false deletes");
    }

    /** The failed status polls of all lists, from {@code /q/metrics}. */
    private static double failedPolls() {
        return io.restassured.RestAssured.get("/q/metrics").asString().lines()
                .filter(line -> line.startsWith("ogsm_status_polls_failed_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static Set<String> fields(JsonNode data) {
        List<String> names = new ArrayList<>();
        data.path("changes").forEach(c -> names.add(c.path("field").asText()));
        return Set.copyOf(names);
    }
}
