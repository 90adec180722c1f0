package io.ogsm.connector.delivery;

import io.ogsm.connector.testing.MutableClock;

import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.measurement.MeasurementType;
import io.ogsm.connector.ogsm.OgsmJson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryStoreTest {

    private static final Duration RETENTION = Duration.ofDays(30);
    private static final Instant START = MutableClock.START;

    private static final Measurement MEASUREMENT = new Measurement(MeasurementType.KPI, 31L, "Revenue",
            LocalDate.of(2024, 10, 9), new BigDecimal("45.6"), new BigDecimal("50"), "monthly close");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private DeliveryStore store;

    private DeliveryStore open(long maxKeys) {
        store = new DeliveryStore(dir.resolve("state"), RETENTION, maxKeys, clock);
        return store;
    }

    private DeliveryStore reopen() {
        store.close();
        return open(100_000);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void createsItsDatabaseInTheStateFolder() {
        open(100_000);

        assertTrue(Files.isRegularFile(dir.resolve("state").resolve("delivery").resolve("CURRENT")));
    }

    @Test
    void importsTheStateFileOfEarlierVersionsOnce() throws Exception {
        Path old = dir.resolve("state").resolve("delivery.mv.db");
        Files.createDirectories(old.getParent());
        DeliveryStore.Tracking queued = new DeliveryStore.Tracking("queued", "pending", null, null, START);
        MVStore mv = new MVStore.Builder().fileName(old.toString()).open();
        mv.<String, String>openMap("delivered").put("done", "{\"ogsmId\":4711,\"at\":\"" + START + "\"}");
        mv.<String, String>openMap("in-flight").put("pending", OgsmJson.mapper().writeValueAsString(
                new DeliveryStore.InFlight("pending", MEASUREMENT, START)));
        mv.<String, String>openMap("tracking").put("t1", OgsmJson.mapper().writeValueAsString(queued));
        mv.close();

        DeliveryStore s = open(100_000);

        assertEquals(Optional.of(new DeliveryStore.Delivered(4711L, START)), s.delivered("done"));
        assertEquals(Optional.of(new DeliveryStore.InFlight("pending", MEASUREMENT, START)), s.inFlight("pending"));
        assertEquals(Optional.of(queued), s.tracking("t1"));
        assertFalse(Files.exists(old));
        assertTrue(Files.isRegularFile(old.resolveSibling("delivery.mv.db.imported")));

        // not again: a key delivered since stays delivered after a restart
        s.markDelivered("pending", 4712L);
        DeliveryStore again = reopen();
        assertEquals(Optional.empty(), again.inFlight("pending"));
        assertEquals(Optional.of(new DeliveryStore.Delivered(4712L, START)), again.delivered("pending"));
    }

    @Test
    void remembersAPostUnderWay() {
        DeliveryStore s = open(100_000);

        s.markInFlight("k1", MEASUREMENT);

        assertEquals(Optional.of(new DeliveryStore.InFlight("k1", MEASUREMENT, START)), s.inFlight("k1"));
        assertEquals(List.of(new DeliveryStore.InFlight("k1", MEASUREMENT, START)), s.allInFlight());
        assertEquals(Optional.empty(), s.inFlight("k2"));
        assertEquals(Optional.empty(), s.delivered("k1"));
    }

    @Test
    void settlesAPostWhenMarkedDelivered() {
        DeliveryStore s = open(100_000);
        s.markInFlight("k1", MEASUREMENT);
        clock.advance(Duration.ofSeconds(2));

        s.markDelivered("k1", 4711L);

        assertEquals(Optional.empty(), s.inFlight("k1"));
        assertEquals(List.of(), s.allInFlight());
        assertEquals(Optional.of(new DeliveryStore.Delivered(4711L, START.plusSeconds(2))), s.delivered("k1"));
        assertEquals(1, s.deliveredCount());
    }

    @Test
    void recordsADeliveryWhoseIdIsUnknown() {
        DeliveryStore s = open(100_000);

        s.markDelivered("k1", null);

        assertEquals(Optional.of(new DeliveryStore.Delivered(null, START)), s.delivered("k1"));
    }

    @Test
    void forgetsAPostThatSurelyStoredNothing() {
        DeliveryStore s = open(100_000);
        s.markInFlight("k1", MEASUREMENT);
        s.markInFlight("k2", MEASUREMENT);

        s.clearInFlight("k1");
        s.clearInFlight("never-there");

        assertEquals(Optional.empty(), s.inFlight("k1"));
        assertTrue(s.inFlight("k2").isPresent());
        assertEquals(Optional.empty(), s.delivered("k1"));
    }

    @Test
    void keepsItsStateAcrossCloseAndReopen() {
        DeliveryStore s = open(100_000);
        s.markInFlight("pending", MEASUREMENT);
        s.markInFlight("done", MEASUREMENT);
        s.markDelivered("done", 4711L);
        DeliveryStore.Tracking queued = new DeliveryStore.Tracking("queued", "done", null, null, START);
        s.track("t1", queued);

        DeliveryStore reopened = reopen();

        assertEquals(Optional.of(new DeliveryStore.InFlight("pending", MEASUREMENT, START)),
                reopened.inFlight("pending"));
        assertEquals(Optional.empty(), reopened.inFlight("done"));
        assertEquals(Optional.of(new DeliveryStore.Delivered(4711L, START)), reopened.delivered("done"));
        assertEquals(Optional.of(queued), reopened.tracking("t1"));
        assertEquals(1, reopened.deliveredCount());
    }

    @Test
    void roundTripsTrackingEntriesAndTheirUpdates() {
        DeliveryStore s = open(100_000);
        DeliveryStore.Tracking queued = new DeliveryStore.Tracking("queued", "d1", null, null, START);
        DeliveryStore.Tracking dead = new DeliveryStore.Tracking("dead_lettered", "d2", null, "validation",
                START.plusSeconds(5));

        s.track("t1", queued);
        s.track("t2", dead);

        assertEquals(Optional.of(queued), s.tracking("t1"));
        assertEquals(Optional.of(dead), s.tracking("t2"));
        assertEquals(Optional.empty(), s.tracking("t3"));

        DeliveryStore.Tracking delivered = new DeliveryStore.Tracking("delivered", "d1", 4711L, null,
                START.plusSeconds(9));
        s.track("t1", delivered);

        assertEquals(Optional.of(delivered), s.tracking("t1"));
    }

    @Test
    void prunesDeliveredKeysAndTrackingOlderThanTheRetention() {
        DeliveryStore s = open(100_000);
        s.markDelivered("old", 1L);
        s.track("old-tracking", new DeliveryStore.Tracking("delivered", "old", 1L, null, clock.instant()));
        clock.advance(Duration.ofDays(10));
        s.markDelivered("recent", 2L);
        s.track("recent-tracking", new DeliveryStore.Tracking("queued", "recent", null, null, clock.instant()));
        s.markInFlight("in-flight", MEASUREMENT);

        clock.advance(RETENTION.minusDays(5));
        int removed = s.prune();

        assertEquals(2, removed);
        assertEquals(Optional.empty(), s.delivered("old"));
        assertEquals(Optional.empty(), s.tracking("old-tracking"));
        assertTrue(s.delivered("recent").isPresent());
        assertTrue(s.tracking("recent-tracking").isPresent());
        assertTrue(s.inFlight("in-flight").isPresent(), "a POST of unknown outcome is kept within the retention");
        assertEquals(1, s.deliveredCount());

        // an in-flight mark whose measurement never came again goes once it is older than the retention
        clock.advance(Duration.ofDays(6));
        s.prune();
        assertEquals(Optional.empty(), s.inFlight("in-flight"));
    }

    @Test
    void keepsAKeyExactlyAsOldAsTheRetention() {
        DeliveryStore s = open(100_000);
        s.markDelivered("k1", 1L);
        clock.advance(RETENTION);

        assertEquals(0, s.prune());
        assertTrue(s.delivered("k1").isPresent());
    }

    @Test
    void prunesTheOldestKeysBeyondTheKeyLimit() {
        DeliveryStore s = open(3);
        for (String key : List.of("k1", "k2", "k3", "k4", "k5")) {
            s.markDelivered(key, null);
            clock.advance(Duration.ofMinutes(1));
        }

        int removed = s.prune();

        assertEquals(2, removed);
        assertEquals(3, s.deliveredCount());
        assertEquals(Optional.empty(), s.delivered("k1"));
        assertEquals(Optional.empty(), s.delivered("k2"));
        assertTrue(s.delivered("k3").isPresent());
        assertTrue(s.delivered("k4").isPresent());
        assertTrue(s.delivered("k5").isPresent());
    }

    @Test
    void pruneSurvivesReopening() {
        DeliveryStore s = open(100_000);
        s.markDelivered("old", 1L);
        clock.advance(RETENTION.plusDays(1));
        s.markDelivered("new", 2L);
        s.prune();

        DeliveryStore reopened = reopen();

        assertEquals(Optional.empty(), reopened.delivered("old"));
        assertTrue(reopened.delivered("new").isPresent());
    }

    @Test
    void prunesNothingWithinRetentionAndLimit() {
        DeliveryStore s = open(3);
        s.markDelivered("k1", 1L);
        s.markDelivered("k2", 2L);
        s.markDelivered("k3", 3L);

        assertEquals(0, s.prune());
        assertEquals(3, s.deliveredCount());
    }

    @Test
    void marksDeliveredAndTracksAPushedMeasurementTogether() {
        DeliveryStore s = open(100_000);
        s.markInFlight("k1", MEASUREMENT);
        DeliveryStore.Tracking delivered = new DeliveryStore.Tracking("delivered", "k1", 4711L, null, START);

        s.markDelivered("k1", 4711L, "t1", delivered);
        DeliveryStore again = reopen();

        assertEquals(Optional.of(new DeliveryStore.Delivered(4711L, START)), again.delivered("k1"));
        assertEquals(Optional.of(delivered), again.tracking("t1"));
        assertEquals(Optional.empty(), again.inFlight("k1"));
    }

    @Test
    void anInFlightMarkIsInTheFileWhenItsCallReturnsAlsoWhenManyThreadsCommitTogether() throws Exception {
        DeliveryStore s = open(100_000);
        int threads = 8;
        int perThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String key = "k-" + thread + "-" + i;
                        s.markInFlight(key, MEASUREMENT);
                        if (i % 2 == 0) {
                            s.markDelivered(key, (long) i);
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // the file as it is now is what a killed process leaves: no key may be missing from both maps, or its
        // measurement, read again, would be posted a second time
        try (DeliveryStore killed = copyOfTheFile("killed")) {
            for (int t = 0; t < threads; t++) {
                for (int i = 0; i < perThread; i++) {
                    String key = "k-" + t + "-" + i;
                    assertTrue(killed.delivered(key).isPresent() || killed.inFlight(key).isPresent(), key);
                }
            }
        }
    }

    @Test
    void everyChangeIsInTheFilesWhenItsCallReturns() throws Exception {
        DeliveryStore s = open(100_000);
        s.markInFlight("k1", MEASUREMENT);
        s.markDelivered("k1", 4711L, "t1", new DeliveryStore.Tracking("delivered", "k1", 4711L, null, START));
        s.markInFlight("k2", MEASUREMENT);
        s.clearInFlight("k2");
        s.track("t2", new DeliveryStore.Tracking("queued", "k3", null, null, START));

        try (DeliveryStore killed = copyOfTheFile("killed")) {
            assertEquals(Optional.of(new DeliveryStore.Delivered(4711L, START)), killed.delivered("k1"));
            assertEquals(List.of(), killed.allInFlight());
            assertTrue(killed.tracking("t1").isPresent());
            assertTrue(killed.tracking("t2").isPresent());
        }
    }

    /** The database's files as they are now, while it is open: what a killed process leaves behind. */
    private DeliveryStore copyOfTheFile(String name) throws Exception {
        Path copy = dir.resolve(name);
        Path folder = dir.resolve("state").resolve("delivery");
        Files.createDirectories(copy.resolve("delivery"));
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve("delivery").resolve(f.getFileName()));
            }
        }
        return new DeliveryStore(copy, RETENTION, 100_000, clock);
    }
}
