package io.ogsm.connector.source.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ogsm.connector.pipeline.DeliveryHeaders;
import io.ogsm.connector.pipeline.DeliveryLedger;
import io.ogsm.connector.pipeline.SourceRef;
import io.ogsm.connector.files.DurableFiles;
import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.ogsm.OgsmJson;
import org.apache.camel.Exchange;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The durable queue between {@code POST /api/measurements} and the deliver route: one JSON file per accepted request
 * in {@code <data-dir>/queue/}, holding its measurements with their keys. The file is written durably
 * ({@link DurableFiles}), so that once the push is answered 202 its measurements survive a crash (one sync per
 * request, not per measurement). The {@code push-queue} route ({@code routes/push.yaml}) reads a file, delivers its
 * measurements, and deletes it only once every one of them was delivered or dead-lettered; a file read again after
 * a crash posts nothing twice (delivery state).
 * <p>
 * A pushed measurement's status ({@code GET /api/measurements/{key}}) is its tracking state in the delivery state:
 * {@code queued} is recorded before the file becomes visible to the route, so the route's later states win.
 */
public class PushQueue {

    private static final Logger LOG = Logger.getLogger(PushQueue.class);
    private static final Pattern NAME = Pattern.compile("[0-9a-f]{32}\\.json");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Makes names of files written in the same millisecond distinct and in order. */
    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** Headers of a queue file's exchange, copied to each item: when and from where the push came. */
    private static final String RECEIVED_AT = "OgsmPushReceivedAt";
    private static final String REMOTE = "OgsmPushRemote";

    /** One queued measurement: its key (the submitter's handle) and the measurement. */
    public record Item(String key, Measurement measurement) {
    }

    private final Path folder;
    private final DeliveryLedger store;
    private final Clock clock;
    /** Measurements not yet settled, per queue file: the queue's depth. */
    private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();

    public PushQueue(Path folder, DeliveryLedger store, Clock clock) {
        this.folder = folder;
        this.store = store;
        this.clock = clock;
        try {
            DurableFiles.createFolders(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the push queue folder " + folder, e);
        }
        countQueued();
    }

    /**
     * Writes the measurements durably in one file; returns when it is on disk and visible to the route. Their
     * tracking state {@code queued} is recorded first.
     */
    public void enqueue(Map<String, Measurement> byKey, String remote) {
        String name = newName();
        ObjectNode file = OgsmJson.mapper().createObjectNode();
        file.put("received_at", clock.instant().toString());
        file.put("remote", remote);
        ArrayNode items = file.putArray("items");
        byKey.forEach((key, m) -> items.addObject().put("key", key)
                .set("measurement", OgsmJson.mapper().valueToTree(m)));
        Map<String, DeliveryLedger.Tracking> queued = new LinkedHashMap<>();
        byKey.keySet().forEach(key -> queued.put(key,
                new DeliveryLedger.Tracking(DeliveryHeaders.QUEUED, key, null, null, null, null, clock.instant())));
        store.trackAll(queued);
        pending.put(name, new AtomicLong(byKey.size()));
        try {
            DurableFiles.write(folder.resolve(name), OgsmJson.mapper().writeValueAsBytes(file));
        } catch (IOException e) {
            pending.remove(name);
            throw new UncheckedIOException("cannot queue " + byKey.size() + " measurement(s)", e);
        }
    }

    /** Measurements waiting in the queue: the push source's backlog. */
    public long depth() {
        return pending.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /**
     * The push-queue route's first step: a queue file becomes its list of {@link Item}s. A file already gone becomes
     * none: a poll that listed it before the exchange that settled it deleted it picks it up once more (Camel frees
     * a file's in-progress mark after deleting it), and its measurements were settled by that exchange.
     */
    public void read(Exchange exchange) throws IOException {
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(folder.resolve(name));
        } catch (NoSuchFileException settledMeanwhile) {
            LOG.debugf("Push queue file %s was settled and deleted meanwhile", name);
            exchange.getIn().setBody(List.of());
            return;
        }
        JsonNode file = OgsmJson.mapper().readTree(bytes);
        List<Item> items = items(file);
        pending.put(name, new AtomicLong(items.size()));
        exchange.getIn().setHeader(RECEIVED_AT, file.path("received_at").asText());
        exchange.getIn().setHeader(REMOTE, file.path("remote").asText());
        exchange.getIn().setBody(items);
    }

    /** For each item: the Measurement and the headers the deliver route reads. */
    public void item(Exchange exchange) {
        Item item = exchange.getIn().getBody(Item.class);
        exchange.getIn().setHeader(DeliveryHeaders.SOURCE, SourceRef.push(item.key(),
                exchange.getIn().getHeader(RECEIVED_AT, String.class), exchange.getIn().getHeader(REMOTE, String.class)));
        exchange.getIn().setHeader(DeliveryHeaders.TRACKING_KEY, item.key());
        exchange.getIn().setBody(item.measurement());
    }

    /** An item was delivered or dead-lettered: one less in the queue. */
    public void settled(Exchange exchange) {
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        AtomicLong left = pending.get(name);
        if (left != null && left.decrementAndGet() <= 0) {
            pending.remove(name);
        }
    }

    /** A file's items: {@code {"items": [{"key", "measurement"}]}}. */
    private static List<Item> items(JsonNode file) throws IOException {
        List<Item> items = new ArrayList<>();
        for (JsonNode item : file.path("items")) {
            items.add(new Item(item.path("key").asText(),
                    OgsmJson.mapper().treeToValue(item.get("measurement"), Measurement.class)));
        }
        return items;
    }

    /** The depth after a restart: the items of the files left in the queue. */
    private void countQueued() {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(f -> NAME.matcher(f.getFileName().toString()).matches()).toList()) {
                String name = f.getFileName().toString();
                try {
                    pending.put(name, new AtomicLong(items(OgsmJson.mapper().readTree(f.toFile())).size()));
                } catch (IOException | RuntimeException e) {
                    LOG.warnf("Push queue file %s is unreadable: %s", f, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the push queue folder " + folder, e);
        }
    }

    /** 32 hex digits, in the order written: the time in milliseconds, a sequence, and random bits. */
    private static String newName() {
        return String.format("%012x%04x%016x.json", System.currentTimeMillis(), SEQUENCE.incrementAndGet() & 0xFFFF,
                RANDOM.nextLong());
    }
}
