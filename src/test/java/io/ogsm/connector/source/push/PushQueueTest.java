package io.ogsm.connector.source.push;

import com.fasterxml.jackson.databind.JsonNode;
import io.ogsm.connector.delivery.EmbeddedLedger;
import io.ogsm.connector.pipeline.DeliveryHeaders;
import io.ogsm.connector.pipeline.SourceRef;
import io.ogsm.connector.pipeline.DeliveryLedger;
import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.measurement.MeasurementType;
import io.ogsm.connector.ogsm.OgsmJson;
import io.ogsm.connector.testing.MutableClock;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PushQueueTest {

    private static final Measurement FIRST = new Measurement(MeasurementType.KPI, 31L, null,
            LocalDate.of(2026, 10, 1), new BigDecimal("1.5"), null, "first");
    private static final Measurement SECOND = new Measurement(MeasurementType.GOAL, null, "Grow revenue",
            LocalDate.of(2026, 10, 2), new BigDecimal("2"), new BigDecimal("3"), null);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private final CamelContext camel = new DefaultCamelContext();
    private DeliveryLedger store;

    @BeforeEach
    void open() {
        store = new EmbeddedLedger(dir.resolve("state"), Duration.ofDays(30), 100_000, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aRequestIsOneSyncedFileWithAllItsMeasurementsAndTheirKeys() throws Exception {
        PushQueue queue = new PushQueue(dir.resolve("queue"), store, clock);

        queue.enqueue(items(), "10.0.0.7");

        List<Path> files = files();
        assertEquals(1, files.size());
        assertTrue(files.get(0).getFileName().toString().matches("[0-9a-f]{32}\\.json"), files.toString());
        JsonNode file = OgsmJson.mapper().readTree(files.get(0).toFile());
        assertEquals("10.0.0.7", file.path("remote").asText());
        assertEquals(MutableClock.START.toString(), file.path("received_at").asText());
        assertEquals("k1", file.path("items").get(0).path("key").asText());
        assertEquals(FIRST, OgsmJson.mapper().treeToValue(file.path("items").get(0).get("measurement"), Measurement.class));
        assertEquals(SECOND, OgsmJson.mapper().treeToValue(file.path("items").get(1).get("measurement"), Measurement.class));
        assertEquals(2, queue.depth());
    }

    @Test
    void itsMeasurementsAreTrackedAsQueued() {
        PushQueue queue = new PushQueue(dir.resolve("queue"), store, clock);

        queue.enqueue(items(), "10.0.0.7");

        assertEquals(Optional.of(new DeliveryLedger.Tracking(DeliveryHeaders.QUEUED, "k1", null, null, MutableClock.START)
                .after(null)), store.tracking("k1"));
        assertEquals(DeliveryHeaders.QUEUED, store.tracking("k2").orElseThrow().state());
    }

    @Test
    void filesAreNamedInTheOrderTheyWereWritten() throws Exception {
        PushQueue queue = new PushQueue(dir.resolve("queue"), store, clock);
        for (int i = 0; i < 20; i++) {
            queue.enqueue(Map.of("k" + i, FIRST), "here");
        }

        List<String> keys = files().stream().sorted().map(f -> {
            try {
                return OgsmJson.mapper().readTree(f.toFile()).path("items").get(0).path("key").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();

        assertEquals(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "k" + i).toList(), keys);
    }

    @Test
    void theRouteReadsAFileAsItsItemsWithTheirSourceAndCountsThemSettled() throws Exception {
        PushQueue queue = new PushQueue(dir.resolve("queue"), store, clock);
        queue.enqueue(items(), "10.0.0.7");
        Path file = files().get(0);

        Exchange exchange = fileExchange(file);
        queue.read(exchange);
        @SuppressWarnings("unchecked")
        List<PushQueue.Item> read = exchange.getIn().getBody(List.class);
        assertEquals(List.of(new PushQueue.Item("k1", FIRST), new PushQueue.Item("k2", SECOND)), read);

        exchange.getIn().setBody(read.get(1));
        queue.item(exchange);
        assertEquals(SECOND, exchange.getIn().getBody());
        assertEquals("k2", exchange.getIn().getHeader(DeliveryHeaders.TRACKING_KEY));
        assertEquals(Map.of("kind", "push", "key", "k2", "received_at", MutableClock.START.toString(),
                "remote", "10.0.0.7"), exchange.getIn().getHeader(DeliveryHeaders.SOURCE, SourceRef.class).asMap());

        queue.settled(exchange);
        assertEquals(1, queue.depth());
        queue.settled(exchange);
        assertEquals(0, queue.depth());
    }

    @Test
    void aFileDeletedByTheExchangeThatSettledItIsReadAsNoItems() throws Exception {
        PushQueue queue = new PushQueue(dir.resolve("queue"), store, clock);
        queue.enqueue(items(), "10.0.0.7");
        Path file = files().get(0);
        Exchange exchange = fileExchange(file);
        Files.delete(file); // what another exchange does between this poll's listing and this read

        queue.read(exchange);

        assertEquals(List.of(), exchange.getIn().getBody(List.class));
        assertEquals(2, queue.depth(), "the depth is the settling exchange's business");
    }

    @Test
    void countsTheMeasurementsLeftInTheQueueAfterARestart() {
        new PushQueue(dir.resolve("queue"), store, clock).enqueue(items(), "10.0.0.7");
        new PushQueue(dir.resolve("queue"), store, clock).enqueue(Map.of("k3", FIRST), "10.0.0.7");

        assertEquals(3, new PushQueue(dir.resolve("queue"), store, clock).depth());
    }

    private Exchange fileExchange(Path file) throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getIn().setHeader(Exchange.FILE_NAME_ONLY, file.getFileName().toString());
        exchange.getIn().setBody(Files.readAllBytes(file));
        return exchange;
    }

    private static Map<String, Measurement> items() {
        Map<String, Measurement> items = new LinkedHashMap<>();
        items.put("k1", FIRST);
        items.put("k2", SECOND);
        return items;
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("queue"))) {
            return files.toList();
        }
    }
}
