package io.ogsm.connector.delivery;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.ogsm.connector.measurement.IdempotencyKey;
import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.ogsm.OgsmJson;
import io.ogsm.connector.pipeline.Changes;
import io.ogsm.connector.pipeline.DeliveryLedger;
import io.ogsm.connector.pipeline.SourceRef;
import io.ogsm.connector.store.EmbeddedStore;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The delivery ledger of one instance, in an {@link EmbeddedStore} in {@code <data-dir>/state/delivery}: a column each
 * for delivered keys, in-flight claims, tracking entries, each slot's latest change and the events identified
 * ({@link Changes}), their values JSON as the API mapper writes the records.
 * Settling a POST (delivered mark, tracking state, in-flight claim dropped) is one atomic write.
 */
public class EmbeddedLedger implements DeliveryLedger {

    /** The folder of the store, under the state folder. */
    static final String FOLDER = "delivery";

    private final EmbeddedStore store;
    private final Entries<Delivered> delivered;
    private final Entries<InFlight> inFlight;
    private final Entries<Tracking> tracking;
    private final Entries<Changes.Mark> latest;
    private final Entries<Changes.Mark> events;
    private final Duration retention;
    private final long maxKeys;
    private final Clock clock;

    public EmbeddedLedger(Path stateDir, Duration retention, long maxKeys, Clock clock) {
        this.store = new EmbeddedStore(stateDir.resolve(FOLDER), "delivery state",
                List.of("delivered", "in-flight", "tracking", "latest", "events"));
        this.delivered = new Entries<>(store.column("delivered"), Delivered.class, Delivered::at);
        this.inFlight = new Entries<>(store.column("in-flight"), InFlight.class, InFlight::since);
        this.tracking = new Entries<>(store.column("tracking"), Tracking.class, Tracking::at);
        this.latest = new Entries<>(store.column("latest"), Changes.Mark.class, Changes.Mark::at);
        this.events = new Entries<>(store.column("events"), Changes.Mark.class, Changes.Mark::at);
        this.retention = retention;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    @Override
    public Optional<Delivered> delivered(String key) {
        return delivered.get(key);
    }

    @Override
    public Changes.Identity identify(Measurement resolved, SourceRef source) {
        String content = IdempotencyKey.of(resolved);
        Optional<String> event = Changes.event(source, content);
        String slot = Changes.slot(resolved, source);
        synchronized (lock(slot)) {
            Optional<Changes.Mark> seen = event.flatMap(events::get);
            if (seen.isPresent()) {
                return seen.get().identity();
            }
            Changes.Identity identity = Changes.next(content, latest.get(slot));
            byte[] mark = latest.json(new Changes.Mark(content, identity.change(), clock.instant()));
            store.write(batch -> {
                batch.put(latest.column, slot, mark);
                event.ifPresent(e -> batch.put(events.column, e, mark));
            });
            return identity;
        }
    }

    @Override
    public Changes.Identity peek(Measurement resolved, SourceRef source) {
        String content = IdempotencyKey.of(resolved);
        return Changes.event(source, content).flatMap(events::get).map(Changes.Mark::identity)
                .orElseGet(() -> Changes.next(content, latest.get(Changes.slot(resolved, source))));
    }

    @Override
    public void markInFlight(String key, Measurement measurement) {
        store.put(inFlight.column, key, inFlight.json(new InFlight(key, measurement, clock.instant())));
    }

    @Override
    public Optional<InFlight> inFlight(String key) {
        return inFlight.get(key);
    }

    @Override
    public void clearInFlight(String key) {
        store.delete(inFlight.column, key);
    }

    @Override
    public void markDelivered(String key, Long ogsmId, String trackingKey, Tracking state) {
        byte[] mark = delivered.json(new Delivered(ogsmId, clock.instant()));
        if (trackingKey == null) {
            store.write(batch -> {
                batch.put(delivered.column, key, mark);
                batch.delete(inFlight.column, key);
            });
            return;
        }
        synchronized (lock(trackingKey)) {
            byte[] tracked = tracking.json(state.after(tracking.get(trackingKey).orElse(null)));
            store.write(batch -> {
                batch.put(delivered.column, key, mark);
                batch.put(tracking.column, trackingKey, tracked);
                batch.delete(inFlight.column, key);
            });
        }
    }

    @Override
    public void track(String trackingKey, Tracking state) {
        synchronized (lock(trackingKey)) {
            store.put(tracking.column, trackingKey, tracking.json(state.after(tracking.get(trackingKey).orElse(null))));
        }
    }

    @Override
    public void trackAll(Map<String, Tracking> states) {
        // a push's keys are each queued once per request: the merge with what each key had is per key
        Map<String, byte[]> merged = new java.util.LinkedHashMap<>();
        states.forEach((key, state) -> {
            synchronized (lock(key)) {
                merged.put(key, tracking.json(state.after(tracking.get(key).orElse(null))));
            }
        });
        store.write(batch -> merged.forEach((key, json) -> batch.put(tracking.column, key, json)));
    }

    /** Tracking states of one key, and the latest change of one slot, are read and written under one of these. */
    private final Object[] locks = java.util.stream.IntStream.range(0, 64).mapToObj(i -> new Object()).toArray();

    private Object lock(String trackingKey) {
        return locks[Math.floorMod(trackingKey.hashCode(), locks.length)];
    }

    @Override
    public Optional<Tracking> tracking(String trackingKey) {
        return tracking.get(trackingKey);
    }

    @Override
    public synchronized int prune() {
        Instant cutoff = clock.instant().minus(retention);
        int removed = pruneOlderThan(delivered, cutoff) + pruneOlderThan(tracking, cutoff)
                + pruneOlderThan(inFlight, cutoff) + pruneOlderThan(latest, cutoff) + pruneOlderThan(events, cutoff);
        // beyond the key limit (rare): the oldest go; an event forgotten is read again as a re-send
        removed += pruneOldestBeyond(delivered, maxKeys) + pruneOldestBeyond(events, maxKeys);
        return removed;
    }

    /** Removes the oldest entries beyond {@code limit}, in a second pass over the column. */
    private int pruneOldestBeyond(Entries<?> entries, long limit) {
        long excess = store.count(entries.column) - limit;
        if (excess <= 0) {
            return 0;
        }
        List<Map.Entry<String, Instant>> byAge = new ArrayList<>();
        store.forEach(entries.column, "", (key, json) -> byAge.add(Map.entry(key, entries.at(json))));
        byAge.sort(Map.Entry.comparingByValue());
        List<String> oldest = byAge.subList(0, (int) Math.min(excess, byAge.size())).stream()
                .map(Map.Entry::getKey).toList();
        removeAll(entries, oldest);
        return oldest.size();
    }

    /** Removes the entries older than the cutoff, in one write. */
    private int pruneOlderThan(Entries<?> entries, Instant cutoff) {
        List<String> old = new ArrayList<>();
        store.forEach(entries.column, "", (key, json) -> {
            if (entries.at(json).isBefore(cutoff)) {
                old.add(key);
            }
        });
        removeAll(entries, old);
        return old.size();
    }

    private void removeAll(Entries<?> entries, List<String> keys) {
        store.write(batch -> keys.forEach(key -> batch.delete(entries.column, key)));
    }

    @Override
    public void forgetAll() {
        store.clear(delivered.column);
        store.clear(inFlight.column);
        store.clear(tracking.column);
        store.clear(latest.column);
        store.clear(events.column);
    }

    @Override
    public synchronized void close() {
        store.close();
    }

    /** One column of the ledger: its records as JSON, and when each was written (for pruning). */
    private final class Entries<T> {
        final EmbeddedStore.Column column;
        private final ObjectReader reader;
        private final ObjectWriter writer;
        private final Function<T, Instant> at;

        Entries(EmbeddedStore.Column column, Class<T> type, Function<T, Instant> at) {
            this.column = column;
            this.reader = OgsmJson.mapper().readerFor(type);
            this.writer = OgsmJson.mapper().writerFor(type);
            this.at = at;
        }

        Optional<T> get(String key) {
            return store.get(column, key).map(this::read);
        }

        byte[] json(T value) {
            try {
                return writer.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new IllegalStateException("cannot write the delivery state: " + e.getMessage(), e);
            }
        }

        Instant at(byte[] json) {
            return at.apply(read(json));
        }

        private T read(byte[] json) {
            try {
                return reader.readValue(json);
            } catch (IOException e) {
                throw new IllegalStateException("unreadable delivery state: " + e.getMessage(), e);
            }
        }
    }
}
