package io.ogsm.connector.testing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.util.List;
import java.util.Map;

/**
 * A real single-node KRaft broker, started in the test JVM from Maven artifacts (no Docker), shared by every Quarkus
 * test: {@code ogsm.kafka.brokers} points at it. The measurement topic has 4 partitions. Its data lives under
 * {@code target/kafka-*}.
 */
@QuarkusTestResource(value = KafkaBroker.class, restrictToAnnotatedClass = false)
public class KafkaBroker implements QuarkusTestResourceLifecycleManager {

    public static final String MEASUREMENTS = "ogsm.measurements";
    public static final String DEADLETTERS = "ogsm.deadletter";

    private static KafkaClusterTestKit cluster;

    /** Starts the broker once per JVM; later calls answer the same one. */
    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            try {
                java.nio.file.Path base = java.nio.file.Files.createDirectories(
                        java.nio.file.Path.of("target", "kafka-" + java.util.UUID.randomUUID()).toAbsolutePath());
                KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setBaseDirectory(base)
                        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("offsets.topic.num.partitions", "4")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("num.partitions", "4")
                        .setConfigProp("message.max.bytes", "10485760")
                        .build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kit.bootstrapServers()))) {
                    admin.createTopics(List.of(new NewTopic(MEASUREMENTS, 4, (short) 1),
                            new NewTopic(DEADLETTERS, 1, (short) 1))).all().get();
                }
                // Deliberately never closed: closing it from a shutdown hook raced with the JVM's exit, and a broker
                // that sees its log directory fail halts the JVM with a non-zero code after every test passed. The
                // broker's threads end with the test JVM; its files stay under target/ until mvn clean.
                cluster = kit;
            } catch (Exception e) {
                throw new IllegalStateException("the in-process Kafka broker did not start", e);
            }
        }
        return cluster.bootstrapServers();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("ogsm.kafka.brokers", bootstrapServers());
    }

    @Override
    public void stop() {
        // shared by every test of the JVM; closed at JVM exit
    }
}
