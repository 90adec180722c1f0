package io.ogsm.connector.e2e;

import io.ogsm.connector.testing.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged connector consuming a topic of the in-process broker, against a second process in sandbox mode as the
 * OGSM API: a SIGKILL mid-stream loses and duplicates nothing; two instances in one group split the partitions and
 * together deliver each message once.
 */
class KafkaIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern KAFKA_DELIVERED =
            Pattern.compile("ogsm_deliveries_total\\{outcome=\"delivered\",source=\"kafka\"} ([0-9.E]+)");

    private static HttpResponse<String> get(String url, boolean auth) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (auth) {
            request.header("Authorization", PackagedApp.SANDBOX_AUTH);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static double deliveredFromKafka(PackagedApp app) throws Exception {
        Matcher m = KAFKA_DELIVERED.matcher(get(app.url("/q/metrics"), false).body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String topic(String run) throws Exception {
        String topic = "measurements-" + run;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 4, (short) 1))).all().get();
            // a new topic's partitions get their leader a moment later; producing before that can fail
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> admin.describeTopics(List.of(topic)).allTopicNames().get()
                    .get(topic).partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
        }
        return topic;
    }

    private static void produce(String topic, String run, int count) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, "key-" + i, "{\"type\":\"kpi\",\"id\":31,"
                        + "\"at\":\"2026-09-30\",\"value\":" + i + ",\"description\":\"" + run + "-" + i + "\"}")));
            }
            for (java.util.concurrent.Future<?> future : sent) {
                future.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }

    private static Map<String, String> connectorEnv(PackagedApp api, String topic, String run) {
        Map<String, String> env = new HashMap<>();
        env.put("OGSM_API_BASE_URL", "http://localhost:" + api.port + "/sandbox");
        env.put("OGSM_API_USERNAME", "demo");
        env.put("OGSM_API_PASSWORD", "demo");
        env.put("OGSM_KAFKA_BROKERS", KafkaBroker.bootstrapServers());
        env.put("OGSM_KAFKA_MEASUREMENTS_TOPIC", topic);
        env.put("OGSM_KAFKA_GROUP_ID", "group-" + run);
        env.put("OGSM_KAFKA_DEADLETTER_TOPIC", "deadletter-" + run);
        env.put("OGSM_KAFKA_CONSUMERS", "2");
        // a killed instance's partitions move to the restarted one after this long
        env.put("OGSM_KAFKA_SESSION_TIMEOUT", "8s");
        env.put("OGSM_DELIVERY_INITIAL_BACKOFF", "20ms");
        env.put("OGSM_DELIVERY_MAX_BACKOFF", "200ms");
        return env;
    }

    private static PackagedApp sandboxApi() throws Exception {
        PackagedApp api = PackagedApp.start(Map.of(
                "OGSM_SANDBOX_FAULTS_LATENCY", "30ms",
                "OGSM_SANDBOX_FAULTS_DROP_AFTER_COMMIT_RATE", "0.05",
                "OGSM_SANDBOX_FAULTS_SERVER_ERROR_RATE", "0.05",
                "OGSM_SANDBOX_FAULTS_SEED", "5"));
        await().atMost(Duration.ofSeconds(60)).until(() -> api.isReady());
        return api;
    }

    @Test
    void aKilledConsumerRestartedOnItsDataLosesAndDuplicatesNothing() throws Exception {
        String run = "kill" + System.nanoTime();
        int count = 400;
        try (PackagedApp api = sandboxApi()) {
            String topic = topic(run);
            produce(topic, run, count);
            Map<String, String> env = connectorEnv(api, topic, run);
            Path data = Files.createTempDirectory("ogsm-kafka-crash");
            PackagedApp first = PackagedApp.start(env, data);
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                        .until(() -> api.storedKpiMeasurements(run + "-").size() >= count / 6);
            } finally {
                first.kill();
            }
            assertTrue(api.storedKpiMeasurements(run + "-").size() < count, "killed mid-stream");
            try (PackagedApp second = PackagedApp.start(env, data)) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                        .until(() -> api.storedKpiMeasurements(run + "-").size() == count);
                Map<String, Long> counts = api.storedKpiMeasurements(run + "-");
                assertTrue(counts.values().stream().allMatch(c -> c == 1), () -> "stored twice: "
                        + counts.entrySet().stream().filter(e -> e.getValue() > 1).toList());
            }
        }
    }

    @Test
    void twoInstancesInOneGroupSplitThePartitionsAndDeliverEachMessageOnce() throws Exception {
        String run = "pair" + System.nanoTime();
        int count = 400;
        try (PackagedApp api = sandboxApi()) {
            String topic = topic(run);
            Map<String, String> env = connectorEnv(api, topic, run);
            try (PackagedApp one = PackagedApp.start(env); PackagedApp two = PackagedApp.start(env)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> one.isReady() && two.isReady());
                // both consumers have joined the group before the messages come
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()))) {
                    // all four consumers joined and each holds one of the four partitions
                    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                        var group = admin.describeConsumerGroups(List.of("group-" + run)).all().get().get("group-" + run);
                        return group.members().size() == 4 && group.members().stream()
                                .allMatch(m -> m.assignment().topicPartitions().size() == 1);
                    });
                }
                produce(topic, run, count);
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                        .until(() -> api.storedKpiMeasurements(run + "-").size() == count);
                Map<String, Long> counts = api.storedKpiMeasurements(run + "-");
                assertTrue(counts.values().stream().allMatch(c -> c == 1), "each message stored once");
                double byOne = deliveredFromKafka(one);
                double byTwo = deliveredFromKafka(two);
                assertTrue(byOne > 0 && byTwo > 0, "both instances delivered: " + byOne + " and " + byTwo);
                assertEquals(count, (int) (byOne + byTwo));
            }
        }
    }
}
