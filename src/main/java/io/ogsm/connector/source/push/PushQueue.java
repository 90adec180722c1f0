package io.ogsm.connector.source.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ogsm.connector.delivery.DeliveryHeaders;
import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.ogsm.OgsmJson;
import org.apache.camel.Exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
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

    /**
     * Writes the measurements durably, each under its key; returns when all are on disk. Each is written to a hidden
     * temporary file and synced, then all are renamed and the folder is synced once.
     */
    public void enqueue(Map<String, Measurement> byKey, String remote) {
        Map<Path, Path> written = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Measurement> item : byKey.entrySet()) {
                Path target = file(item.getKey());
                Path temp = folder.resolve("." + item.getKey() + ".tmp");
                ObjectNode entry = OgsmJson.mapper().createObjectNode();
                entry.set("measurement", OgsmJson.mapper().valueToTree(item.getValue()));
                entry.put("received_at", clock.instant().toString());
                entry.put("remote", remote);
                written.put(temp, target);
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                    ByteBuffer bytes = ByteBuffer.wrap(OgsmJson.mapper().writeValueAsBytes(entry));
                    while (bytes.hasRemaining()) {
                        channel.write(bytes);
                    }
                    channel.force(true);
                }
            }
            for (Map.Entry<Path, Path> move : written.entrySet()) {
                Files.move(move.getKey(), move.getValue(), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
                dir.force(true);
            } catch (IOException e) {
                // some file systems cannot sync a folder; the renames are still atomic
            }
        } catch (IOException e) {
            for (Path temp : written.keySet()) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover hidden temporary file is never read
                }
            }
            throw new UncheckedIOException("cannot queue " + byKey.size() + " measurement(s)", e);
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
