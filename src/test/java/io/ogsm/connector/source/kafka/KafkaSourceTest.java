package io.ogsm.connector.source.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.ogsm.connector.ogsm.OgsmJson;
import io.ogsm.connector.ogsm.OgsmResource;
import io.ogsm.connector.sandbox.Sandbox;
import io.ogsm.connector.testing.Api;
import io.ogsm.connector.testing.KafkaBroker;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Measurements from a topic of the in-process broker, delivered to the sandbox; poison goes to the dead-letter topic. */
@QuarkusTest
class KafkaSourceTest {

    @Inject
    Sandbox sandbox;

    private String run;

    @BeforeEach
    void setUp() {
        Api.resetSandbox();
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() {
        Api.resetSandbox();
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void send(String key, byte[] value) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(KafkaBroker.MEASUREMENTS,
                    key == null ? null : key.getBytes(StandardCharsets.UTF_8), value)).get();
        }
    }

    private static void send(String key, String value) throws Exception {
        send(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** Stored measurements of this run, in the order the API stored them: description -> value. */
    private List<String> storedDescriptions(OgsmResource list) {
        JsonNode all = sandbox.workspace().list(list);
        return StreamSupport.stream(all.spliterator(), false)
                .map(m -> m.path("description").asText(""))
                .filter(d -> d.startsWith(run))
                .toList();
    }

    /** Records on the dead-letter topic whose headers or value mention this run. */
    private static <T> java.util.function.Predicate<T> distinctBy(java.util.function.Function<T, String> identity) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return t -> seen.add(identity.apply(t));
    }

    private List<ConsumerRecord<byte[], byte[]>> deadLetterRecords(String marker) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(KafkaBroker.DEADLETTERS));
            long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < end) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
                    String value = r.value() == null ? "" : new String(r.value(), 0, Math.min(r.value().length, 4096),
                            StandardCharsets.UTF_8);
                    if (key.contains(marker) || value.contains(marker)) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void deliversTheCanonicalFormAnArrayAndTheApisOwnBody() throws Exception {
        send("k1", "{\"type\":\"kpi\",\"id\":31,\"at\":\"2026-10-01\",\"value\":1,\"description\":\"" + run + "-a\"}");
        send("k2", "[{\"type\":\"goal\",\"title\":\"Revenue, net\",\"at\":\"2026-10-01\",\"value\":2,\"description\":\""
                + run + "-b\"},{\"type\":\"kpi\",\"id\":32,\"at\":\"2026-10-01\",\"value\":\"3.5\",\"description\":\""
                + run + "-c\"}]");
        send("k3", "{\"goal_report\":{\"goal\":{\"id\":12},\"at\":\"2026-10-01\",\"current_value\":40,\"description\":\""
                + run + "-d\"}}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals(List.of(run + "-a", run + "-c").stream().sorted().toList(),
                    storedDescriptions(OgsmResource.KPI_MEASUREMENTS).stream().sorted().toList());
            assertEquals(List.of(run + "-b", run + "-d").stream().sorted().toList(),
                    storedDescriptions(OgsmResource.GOAL_MEASUREMENTS).stream().sorted().toList());
        });
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAsTheyWereAndThePartitionMovesOn() throws Exception {
        String key = "poison-" + run;
        send(key, "this is not JSON " + run);
        send(key, "{\"unexpected\":\"shape\",\"run\":\"" + run + "\"}");
        send(key, (String) null);
        byte[] huge = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'x');
        System.arraycopy(run.getBytes(StandardCharsets.UTF_8), 0, huge, 0, run.length());
        send(key, huge);
        // the same key, so the same partition: it must not be blocked by the poison before it
        send(key, "{\"type\":\"kpi\",\"id\":31,\"at\":\"2026-10-02\",\"value\":9,\"description\":\"" + run + "-after\"}");

        await().atMost(Duration.ofSeconds(30)).until(() -> storedDescriptions(OgsmResource.KPI_MEASUREMENTS)
                .equals(List.of(run + "-after")));
        // at least once: a record read again before its offset was committed (a rebalance while the consumers start)
        // is dead-lettered again, as the same record
        List<ConsumerRecord<byte[], byte[]>> records = deadLetterRecords(run).stream()
                .filter(distinctBy(r -> header(r, "ogsm.deadletter.format") + "|" + Arrays.toString(r.key()) + "|"
                        + header(r, "ogsm.error.offset")))
                .toList();
        assertEquals(4, records.size(), () -> "dead-letter records: " + records.size());
        ConsumerRecord<byte[], byte[]> notJson = records.stream()
                .filter(r -> r.value() != null && new String(r.value(), StandardCharsets.UTF_8).startsWith("this is not JSON"))
                .findFirst().orElseThrow();
        assertArrayEquals(("this is not JSON " + run).getBytes(StandardCharsets.UTF_8), notJson.value());
        assertEquals(key, new String(notJson.key(), StandardCharsets.UTF_8));
        assertEquals(KafkaBroker.MEASUREMENTS, header(notJson, "ogsm.error.topic"));
        assertTrue(header(notJson, "ogsm.error.partition").matches("\\d+"));
        assertTrue(header(notJson, "ogsm.error.offset").matches("\\d+"));
        assertEquals("mapping", header(notJson, "ogsm.error.reason"));
        assertEquals("com.fasterxml.jackson.core.JsonParseException", header(notJson, "ogsm.error.exception.class"));
        assertTrue(records.stream().anyMatch(r -> r.value() == null), "the null value is passed on as null");
        assertTrue(records.stream().anyMatch(r -> String.valueOf(huge.length).equals(header(r, "ogsm.error.value.truncated-from"))));
        // valid JSON of the wrong shape is read, found wanting, and goes back as it came too, saying why
        ConsumerRecord<byte[], byte[]> shape = records.stream().filter(r -> r.value() != null
                && new String(r.value(), StandardCharsets.UTF_8).startsWith("{\"unexpected\"")).findFirst().orElseThrow();
        assertEquals("mapping", header(shape, "ogsm.error.reason"));
        assertTrue(header(shape, "ogsm.error.message").contains("is missing"), header(shape, "ogsm.error.message"));
        assertEquals(4, records.stream().filter(r -> "original".equals(header(r, "ogsm.deadletter.format"))).count());
    }

    /**
     * Every failure of a record of the measurements topic reaches the dead-letter topic as the record itself (key,
     * value, its own headers) with the error headers, once per record; a push's dead letter stays a document.
     */
    @Test
    void failedRecordsGoBackAsTheyCameOncePerRecordAndOtherDeadLettersAsDocuments() throws Exception {
        List<String> bodies = List.of(
                "{\"type\": \"kpi\", \"run\": \"" + run + "\"}",
                "{\"goal_report\": \"x\", \"run\": \"" + run + "\"}",
                "[1, 2, 3, \"" + run + "\"]",
                "{\"type\":\"kpi\",\"id\":99999,\"at\":\"2026-10-01\",\"value\":1,\"description\":\"" + run + "-404\"}",
                "[{\"type\":\"kpi\",\"id\":31,\"at\":\"2026-10-03\",\"value\":5,\"description\":\"" + run + "-ok\"},"
                        + "{\"type\":\"kpi\",\"id\":31,\"at\":\"31-02-2025\",\"value\":5},"
                        + "{\"type\":\"kpi\",\"id\":99998,\"at\":\"2026-10-03\",\"value\":6}]");
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (int i = 0; i < bodies.size(); i++) {
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(KafkaBroker.MEASUREMENTS,
                        ("bad-" + i + "-" + run).getBytes(StandardCharsets.UTF_8),
                        bodies.get(i).getBytes(StandardCharsets.UTF_8));
                record.headers().add("traceparent", ("trace-" + i).getBytes(StandardCharsets.UTF_8));
                producer.send(record).get();
            }
        }
        String pushed = Api.push("{\"type\":\"kpi\",\"id\":99997,\"at\":\"2026-10-01\",\"value\":1,"
                + "\"description\":\"" + run + "-push\"}").statusCode(202).extract().path("items[0].key");

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterRecords(run).stream()
                .filter(distinctBy(r -> Arrays.toString(r.key()))).count() == bodies.size() + 1);
        List<ConsumerRecord<byte[], byte[]>> records = deadLetterRecords(run).stream()
                .filter(distinctBy(r -> Arrays.toString(r.key()))).toList();
        for (int i = 0; i < bodies.size(); i++) {
            String key = "bad-" + i + "-" + run;
            List<ConsumerRecord<byte[], byte[]>> ofRecord = deadLetterRecords(run).stream()
                    .filter(r -> key.equals(new String(r.key(), StandardCharsets.UTF_8)))
                    .filter(distinctBy(r -> header(r, "ogsm.error.offset"))).toList();
            assertEquals(1, ofRecord.size(), "once per record: " + key);
            ConsumerRecord<byte[], byte[]> r = ofRecord.get(0);
            assertEquals("original", header(r, "ogsm.deadletter.format"), key);
            assertArrayEquals(bodies.get(i).getBytes(StandardCharsets.UTF_8), r.value(), key);
            assertEquals("trace-" + i, header(r, "traceparent"), "its own headers go with it: " + key);
            assertEquals(KafkaBroker.MEASUREMENTS, header(r, "ogsm.error.topic"));
            assertTrue(header(r, "ogsm.error.partition").matches("\\d+") && header(r, "ogsm.error.offset").matches("\\d+"));
            assertTrue(header(r, "ogsm.error.reason") != null && header(r, "ogsm.error.message") != null, key);
        }
        ConsumerRecord<byte[], byte[]> notFound = byKey(records, "bad-3-" + run);
        assertEquals("not_found", header(notFound, "ogsm.error.reason"));
        assertEquals("404", header(notFound, "ogsm.error.response.status"));
        ConsumerRecord<byte[], byte[]> mixed = byKey(records, "bad-4-" + run);
        assertEquals("1,2", header(mixed, "ogsm.error.items"), "the failed items of the three");
        assertEquals("mapping", header(mixed, "ogsm.error.reason"), "the first failed item's reason");
        assertTrue(header(mixed, "ogsm.error.message").startsWith("item 1: ")
                && header(mixed, "ogsm.error.message").contains("; item 2: "), header(mixed, "ogsm.error.message"));
        assertEquals(2, header(mixed, "ogsm.error.dead-letters").split(",").length);
        assertEquals(List.of(run + "-ok"), storedDescriptions(OgsmResource.KPI_MEASUREMENTS).stream()
                .filter(d -> d.endsWith("-ok")).toList(), "the good item of the record was delivered");

        ConsumerRecord<byte[], byte[]> document = byKey(records, pushed);
        assertEquals("document", header(document, "ogsm.deadletter.format"));
        JsonNode letter = OgsmJson.mapper().readTree(document.value());
        assertEquals("not_found", letter.path("reason").asText());
        assertEquals("push", letter.path("source").path("kind").asText());
    }

    private static ConsumerRecord<byte[], byte[]> byKey(List<ConsumerRecord<byte[], byte[]>> records, String key) {
        return records.stream().filter(r -> r.key() != null && key.equals(new String(r.key(), StandardCharsets.UTF_8)))
                .findFirst().orElseThrow(() -> new AssertionError("no dead-letter record with key " + key));
    }

    @Test
    void keepsTheOrderOfOneKeyAndCommitsOnlyWhatWasSettled() throws Exception {
        String key = "ordered-" + run;
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (int i = 0; i < 40; i++) {
                producer.send(new ProducerRecord<>(KafkaBroker.MEASUREMENTS, key.getBytes(StandardCharsets.UTF_8),
                        ("{\"type\":\"kpi\",\"id\":33,\"at\":\"2026-10-01\",\"value\":" + i + ",\"description\":\""
                                + run + "-" + i + "\"}").getBytes(StandardCharsets.UTF_8)));
            }
        }
        List<String> expected = java.util.stream.IntStream.range(0, 40).mapToObj(i -> run + "-" + i).toList();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> storedDescriptions(OgsmResource.KPI_MEASUREMENTS).size() == 40);
        assertEquals(expected, storedDescriptions(OgsmResource.KPI_MEASUREMENTS), "stored in the order produced");

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("ogsm-connector")
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                Map<TopicPartition, Long> ends = admin.listOffsets(latest).all().get().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
                committed.forEach((tp, offset) -> assertEquals(ends.get(tp), offset.offset(), "committed " + tp));
            });
        }
    }

    /** 45, 46, 45, 45 produced for one KPI and date: the correction back to 45 is posted, the re-send not. */
    @Test
    void aCorrectionBackToAnEarlierValueIsPostedAgainAndAnUnchangedResendIsNot() throws Exception {
        String key = "corrected-" + run;
        for (String value : List.of("45", "46", "45", "45")) {
            send(key, "{\"type\":\"kpi\",\"id\":33,\"at\":\"2026-09-29\",\"value\":" + value
                    + ",\"description\":\"" + run + "-c\"}");
        }
        // one key, one partition, in order: once the record after them is stored, they are all settled
        send(key, "{\"type\":\"kpi\",\"id\":33,\"at\":\"2026-09-29\",\"value\":1,\"description\":\""
                + run + "-end\"}");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> storedDescriptions(OgsmResource.KPI_MEASUREMENTS).contains(run + "-end"));
        List<Double> values = StreamSupport.stream(sandbox.workspace().list(OgsmResource.KPI_MEASUREMENTS)
                .spliterator(), false).filter(m -> m.path("description").asText().equals(run + "-c"))
                .map(m -> m.path("current_value").asDouble()).toList();
        assertEquals(List.of(45.0, 46.0, 45.0), values);
    }
}
