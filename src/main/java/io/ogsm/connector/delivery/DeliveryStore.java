package io.ogsm.connector.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.ogsm.OgsmJson;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the delivery route remembers across restarts, in an H2 MVStore file under {@code <data-dir>/state}:
 * <ul>
 *   <li>{@code delivered}: idempotency key to OGSM id and time, so a measurement is posted once;</li>
 *   <li>{@code in-flight}: keys whose POST was started but not settled, recorded <em>before</em> the POST, so that
 *       after a crash or an ambiguous failure the API's list is checked before posting again;</li>
 *   <li>{@code tracking}: the state of measurements pushed over HTTP, by the key their submitter got.</li>
 * </ul>
 * In-flight and delivered marks are in the file when {@link #markInFlight} and {@link #markDelivered} return (they
 * survive a killed process); changes made at the same time by several threads share one commit. Dropped in-flight
 * marks and tracking states are written lazily, within {@link #SETTLE_DELAY}: losing one to a crash costs at most a
 * lookup in the API, never a second POST. Delivered keys and tracking entries older than
 * the retention, or beyond the key limit (oldest first), are pruned by {@link #prune()}.
 */
public class DeliveryStore implements AutoCloseable {

    /** A delivered measurement: its OGSM id (null when the API's answer was unreadable) and when. */
    public record Delivered(Long ogsmId, Instant at) {
    }

    /** A POST under way or of unknown outcome. */
    public record InFlight(String key, Measurement measurement, Instant since) {
    }

    /** The state of a pushed measurement: {@code queued}, {@code delivered} or {@code dead_lettered}. */
    public record Tracking(String state, String deliveryKey, Long ogsmId, String reason, Instant at) {
    }

    /** How soon a lazy change (a dropped in-flight mark, a tracking state) is in the file, at the latest. */
    static final Duration SETTLE_DELAY = Duration.ofMillis(200);

    private final MVStore store;
    private final MVMap<String, String> delivered;
    private final MVMap<String, String> inFlight;
    private final MVMap<String, String> tracking;
    private final Object commitMonitor = new Object();
    /** The last version written to the file, and whether a thread is writing one; guarded by commitMonitor. */
    private long storedVersion = -1;
    private boolean committing;
    private final Duration retention;
    private final long maxKeys;
    private final Clock clock;

    public DeliveryStore(Path stateDir, Duration retention, long maxKeys, Clock clock) {
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the state folder " + stateDir, e);
        }
        this.store = new MVStore.Builder()
                .fileName(stateDir.resolve("delivery.mv.db").toString())
                // small pages: a commit rewrites the pages it changed, whole (the default is 16 KB)
                .pageSplitSize(4096)
                .open();
        // MVStore's background thread writes lazy changes within this delay, and keeps the file compact
        store.setAutoCommitDelay((int) SETTLE_DELAY.toMillis());
        this.delivered = store.openMap("delivered");
        this.inFlight = store.openMap("in-flight");
        this.tracking = store.openMap("tracking");
        this.retention = retention;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    public Optional<Delivered> delivered(String key) {
        return Optional.ofNullable(delivered.get(key)).map(json -> read(json, Delivered.class));
    }

    /** Written before this returns: the POST that follows may store the measurement. */
    public void markInFlight(String key, Measurement measurement) {
        inFlight.put(key, write(new InFlight(key, measurement, clock.instant())));
        commitChanges();
    }

    public Optional<InFlight> inFlight(String key) {
        return Optional.ofNullable(inFlight.get(key)).map(json -> read(json, InFlight.class));
    }

    /** Every POST whose outcome is unknown, e.g. after a crash: to verify against the API. */
    public List<InFlight> allInFlight() {
        List<InFlight> all = new ArrayList<>();
        inFlight.values().forEach(json -> all.add(read(json, InFlight.class)));
        return all;
    }

    /** The POST surely stored nothing (the API answered an error): no lookup needed next time. Written lazily. */
    public void clearInFlight(String key) {
        inFlight.remove(key);
    }

    public void markDelivered(String key, Long ogsmId) {
        markDelivered(key, ogsmId, null, null);
    }

    /**
     * Delivered, and the pushed measurement's tracking state with it (when trackingKey is set): in the file when this
     * returns. Only then is the in-flight mark dropped (written lazily): a commit takes each map as it finds it, one
     * after the other, so dropping both at once could let a commit of another thread hold the key as neither.
     */
    public void markDelivered(String key, Long ogsmId, String trackingKey, Tracking state) {
        delivered.put(key, write(new Delivered(ogsmId, clock.instant())));
        if (trackingKey != null) {
            tracking.put(trackingKey, write(state));
        }
        commitChanges();
        inFlight.remove(key);
    }

    /** A pushed measurement's state, written lazily (it is a report, not what keeps a measurement from a second POST). */
    public void track(String trackingKey, Tracking state) {
        tracking.put(trackingKey, write(state));
    }

    public Optional<Tracking> tracking(String trackingKey) {
        return Optional.ofNullable(tracking.get(trackingKey)).map(json -> read(json, Tracking.class));
    }

    public long deliveredCount() {
        return delivered.sizeAsLong();
    }

    /**
     * Drops delivered keys, tracking entries and in-flight marks past the retention (a mark whose measurement never
     * came again), then the oldest delivered keys beyond the key limit.
     */
    public synchronized int prune() {
        Instant cutoff = clock.instant().minus(retention);
        int removed = pruneOlderThan(delivered, cutoff, Delivered.class) + pruneOlderThan(tracking, cutoff, Tracking.class)
                + pruneOlderThan(inFlight, cutoff, InFlight.class);
        long excess = delivered.sizeAsLong() - maxKeys;
        if (excess > 0) {
            List<Map.Entry<String, Instant>> byAge = new ArrayList<>();
            delivered.forEach((key, json) -> byAge.add(Map.entry(key, read(json, Delivered.class).at())));
            byAge.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
            for (int i = 0; i < excess; i++) {
                delivered.remove(byAge.get(i).getKey());
                removed++;
            }
        }
        commitChanges();
        return removed;
    }

    /**
     * Returns once the calling thread's changes are written to the file. A group commit: one thread commits while
     * the others that changed the store meanwhile wait, and the next commit stores all their changes at once instead
     * of one chunk each. A change made while the store was at version {@code v} (read after the change) is stored by
     * any commit that begins at version {@code v} or later; {@code commit()} answers the next version, one more than
     * the version it stored, or -1 when nothing was unsaved.
     */
    private void commitChanges() {
        long mine = store.getCurrentVersion();
        boolean interrupted = false;
        synchronized (commitMonitor) {
            while (committing && storedVersion < mine) {
                try {
                    commitMonitor.wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the change must still be stored before this returns
                }
            }
            if (storedVersion >= mine) {
                restoreInterrupt(interrupted);
                return;
            }
            committing = true;
        }
        long next = -1;
        try {
            next = store.commit(); // begins after this thread's change, so it stores it (or finds it stored)
        } finally {
            synchronized (commitMonitor) {
                committing = false;
                if (next > 0) {
                    storedVersion = Math.max(storedVersion, next - 1);
                }
                commitMonitor.notifyAll();
            }
            restoreInterrupt(interrupted);
        }
    }

    private static void restoreInterrupt(boolean interrupted) {
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private <T> int pruneOlderThan(MVMap<String, String> map, Instant cutoff, Class<T> type) {
        List<String> old = new ArrayList<>();
        map.forEach((key, json) -> {
            Instant at = type == Delivered.class ? read(json, Delivered.class).at()
                    : type == InFlight.class ? read(json, InFlight.class).since() : read(json, Tracking.class).at();
            if (at.isBefore(cutoff)) {
                old.add(key);
            }
        });
        old.forEach(map::remove);
        return old.size();
    }

    private static String write(Object value) {
        try {
            return OgsmJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write delivery state", e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return OgsmJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable delivery state: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void close() {
        store.close();
    }

}
