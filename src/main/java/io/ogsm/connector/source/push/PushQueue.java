package io.ogsm.connector.source.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ogsm.connector.delivery.DeliveryHeaders;
import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.ogsm.OgsmJson;
import org.apache.camel.Exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The durable queue between {@code POST /api/measurements} and the deliver route: one JSON file per measurement in
 * {@code <data-dir>/queue/}, written to a hidden temporary file, synced and renamed, so that once the push is
 * answered 202 the measurement survives a crash. The {@code push-queue} route ({@code routes/push.yaml}) reads the
 * files, delivers them, and deletes each only after it was delivered or dead-lettered.
 */
public class PushQueue {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");

    private final Path folder;
    private final Clock clock;

    public PushQueue(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the push queue folder " + folder, e);
        }
    }

    /** Writes the measurement durably under its key; returns when it is on disk. */
    public void enqueue(String key, Measurement measurement, String remote) {
        Path target = file(key);
        Path temp = folder.resolve("." + key + ".tmp");
        ObjectNode entry = OgsmJson.mapper().createObjectNode();
        entry.set("measurement", OgsmJson.mapper().valueToTree(measurement));
        entry.put("received_at", clock.instant().toString());
        entry.put("remote", remote);
        try {
            Files.write(temp, OgsmJson.mapper().writeValueAsBytes(entry));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
                dir.force(true);
            } catch (IOException e) {
                // some file systems cannot sync a folder; the rename is still atomic
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot queue measurement " + key, e);
        }
    }

    /** Measurements waiting in the queue (counted up to 1,000,000): the push source's backlog. */
    public long depth() {
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            return files.limit(1_000_000).filter(f -> f.getFileName().toString().endsWith(".json")).count();
        } catch (IOException e) {
            return -1;
        }
    }

    public boolean isQueued(String key) {
        return KEY.matcher(key).matches() && Files.exists(file(key));
    }

    /** The push-queue route's step: a queue file becomes the Measurement and the headers the deliver route reads. */
    public void read(Exchange exchange) throws IOException {
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String key = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        JsonNode entry = OgsmJson.mapper().readTree(exchange.getIn().getBody(byte[].class));
        Map<String, String> source = new LinkedHashMap<>();
        source.put("kind", "push");
        source.put("key", key);
        source.put("received_at", entry.path("received_at").asText());
        source.put("remote", entry.path("remote").asText());
        exchange.getIn().setHeader(DeliveryHeaders.SOURCE, source);
        exchange.getIn().setHeader(DeliveryHeaders.TRACKING_KEY, key);
        exchange.getIn().setBody(OgsmJson.mapper().treeToValue(entry.get("measurement"), Measurement.class));
    }

    private Path file(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a measurement key: " + key);
        }
        return folder.resolve(key + ".json");
    }
}
