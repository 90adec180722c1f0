package io.ogsm.connector.e2e;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.ogsm.connector.testing.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two packaged connectors sharing a cluster folder, a third process in sandbox mode as the API: only the leader
 * publishes, each change arrives once, and when the leader is killed the other takes over from the persisted snapshot
 * without repeating anything and without missing the change made meanwhile.
 */
class StatusChangesIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static void patch(PackagedApp api, String path, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(api.url("/sandbox/_control/" + path)))
                .header("Authorization", PackagedApp.SANDBOX_AUTH).header("content-type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void onlyTheLeaderPublishesAndATakeOverRepeatsNothingAndMissesNothing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "status-" + run;
        Path cluster = Files.createTempDirectory("ogsm-cluster");
        try (PackagedApp api = PackagedApp.start(Map.of());
                KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "it-" + run,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                        new StringDeserializer(), new CloudEventDeserializer())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> api.isReady());
            Map<String, String> env = new HashMap<>();
            env.put("OGSM_API_BASE_URL", "http://localhost:" + api.port + "/sandbox");
            env.put("OGSM_API_USERNAME", "demo");
            env.put("OGSM_API_PASSWORD", "demo");
            env.put("OGSM_KAFKA_BROKERS", KafkaBroker.bootstrapServers());
            env.put("OGSM_KAFKA_MEASUREMENTS_TOPIC", "unused-" + run);
            env.put("OGSM_STATUS_TOPIC", topic);
            env.put("OGSM_STATUS_INTERVAL", "500ms");
            env.put("OGSM_STATUS_CLUSTER_DIR", cluster.toString());
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, CloudEvent>> received = new ArrayList<>();

            PackagedApp one = PackagedApp.start(env);
            PackagedApp two = PackagedApp.start(env);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> one.isReady() && two.isReady());
                // the leader has polled every list once: what changes from here is a change
                await().atMost(Duration.ofSeconds(30)).until(() -> polledEveryListSince(one, 0)
                        || polledEveryListSince(two, 0));
                patch(api, "goals/11", "{\"traffic_light\": \"red\"}");
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                    return received.stream().anyMatch(r -> r.key().equals("goal:11"));
                });
                // whichever instance leads, the change is there once; kill that one, the other one takes over
                (isLeader(one, received) ? one : two).kill();
            } finally {
                patch(api, "goals/13", "{\"archived\": true}");
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                    return received.stream().anyMatch(r -> r.key().equals("goal:13"));
                });
                // a whole poll after that one, by whichever instance still runs: a repeat would be on the topic by then
                long seen = System.currentTimeMillis() / 1000;
                await().atMost(Duration.ofSeconds(30)).until(() -> (one.isAlive() && polledEveryListSince(one, seen))
                        || (two.isAlive() && polledEveryListSince(two, seen)));
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
                one.close();
                two.close();
            }
            assertEquals(1, received.stream().filter(r -> r.key().equals("goal:11")).count(), "goal 11 once");
            assertEquals(1, received.stream().filter(r -> r.key().equals("goal:13")).count(), "goal 13 once");
            assertEquals(2, received.size(), () -> "only the two changes: " + received.stream().map(ConsumerRecord::key).toList());
        }
    }

    /**
     * Whether the instance's poller has polled every list successfully after {@code epochSecond} (strictly later, the
     * gauge counts whole seconds), as its {@code ogsm_status_last_success_seconds} gauges say.
     */
    private static boolean polledEveryListSince(PackagedApp app, long epochSecond) {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(app.url("/q/metrics"))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            List<Double> seconds = metrics.lines().filter(l -> l.startsWith("ogsm_status_last_success_seconds"))
                    .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).toList();
            return !seconds.isEmpty() && seconds.stream().allMatch(s -> s > epochSecond);
        } catch (Exception notAnswering) {
            return false;
        }
    }

    /** The instance whose poller runs: the file lock's leader info names it, but its metrics say it plainly. */
    private static boolean isLeader(PackagedApp app, List<?> ignored) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(app.url("/q/metrics"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.contains("ogsm_status_events_total");
    }
}
