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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A 50,000-goal workspace is polled and diffed by the packaged connector running with -Xmx256m. */
class LargeWorkspaceIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String DEMO = "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8));

    private static HttpResponse<String> call(String method, String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", DEMO)
                .header("content-type", "application/json").timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String health(PackagedApp app) {
        try {
            return call("GET", app.url("/q/health/ready"), null).body();
        } catch (Exception e) {
            return "";
        }
    }

    @Test
    void fiftyThousandGoalsArePolledAndDiffedWithinA256MegabyteHeap() throws Exception {
        String topic = "status-large-" + UUID.randomUUID();
        try (PackagedApp api = PackagedApp.start(Map.of())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> health(api).contains("\"UP\""));
            HttpResponse<String> generated = call("POST", api.url("/sandbox/_control/generate"), "{\"goals\": 50000}");
            assertEquals(200, generated.statusCode(), generated.body());
            try (PackagedApp connector = PackagedApp.start(Map.of(
                    "OGSM_API_BASE_URL", "http://localhost:" + api.port + "/sandbox",
                    "OGSM_API_USERNAME", "demo", "OGSM_API_PASSWORD", "demo",
                    "OGSM_KAFKA_BROKERS", KafkaBroker.bootstrapServers(),
                    "OGSM_KAFKA_MEASUREMENTS_TOPIC", "unused-" + topic,
                    "OGSM_STATUS_TOPIC", topic,
                    "OGSM_STATUS_INTERVAL", "2s"));
                    KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                            ConsumerConfig.GROUP_ID_CONFIG, "large-" + topic,
                            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                            new StringDeserializer(), new CloudEventDeserializer())) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> health(connector).matches("(?s).*\"goals\"\\s*:\\s*\"ok.*"));
                assertEquals(200, call("PATCH", api.url("/sandbox/_control/goals/40000"), "{\"traffic_light\": \"red\"}")
                        .statusCode());
                consumer.subscribe(List.of(topic));
                List<ConsumerRecord<String, CloudEvent>> received = new ArrayList<>();
                await().atMost(Duration.ofSeconds(120)).until(() -> {
                    consumer.poll(Duration.ofMillis(500)).forEach(received::add);
                    return received.stream().anyMatch(r -> r.key().equals("goal:40000"));
                });
                assertEquals(1, received.size(), "one change, one event, out of 50,000 goals");
                assertTrue(connector.isAlive(), "still running at -Xmx256m");
            }
        }
    }
}
