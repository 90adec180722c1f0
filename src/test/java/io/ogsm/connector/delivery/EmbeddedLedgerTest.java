package io.ogsm.connector.delivery;

import io.ogsm.connector.testing.MutableClock;

import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.measurement.MeasurementType;
import io.ogsm.connector.measurement.IdempotencyKey;
import io.ogsm.connector.pipeline.DeliveryLedger;
import io.ogsm.connector.pipeline.SourceRef;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedLedgerTest {

    private static final Duration RETENTION = Duration.ofDays(30);
    private static final Instant START = MutableClock.START;

    private static final Measurement MEASUREMENT = new Measurement(MeasurementType.KPI, 31L, "Revenue",
            LocalDate.of(2024, 10, 9), new BigDecimal("45.6"), new BigDecimal("50"), "monthly close");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private DeliveryLedger store;

    private DeliveryLedger open(long maxKeys) {
        store = new EmbeddedLedger(dir.resolve("state"), RETENTION, maxKeys, clock);
        return store;
    }

    private DeliveryLedger reopen() {
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
    void remembersAPostUnderWay() {
        DeliveryLedger s = open(100_000);

        s.markInFlight("k1", MEASUREMENT);

        assertEquals(Optional.of(new DeliveryLedger.InFlight("k1", MEASUREMENT, START)), s.inFlight("k1"));
        assertEquals(Optional.empty(), s.inFlight("k2"));
        assertEquals(Optional.empty(), s.delivered("k1"));
    }

    @Test
    void settlesAPostWhenMarkedDelivered() {
        DeliveryLedger s = open(100_000);
        s.markInFlight("k1", MEASUREMENT);
        clock.advance(Duration.ofSeconds(2));

        s.markDelivered("k1", 4711L, null, null);

        assertEquals(Optional.empty(), s.inFlight("k1"));
        assertEquals(Optional.of(new DeliveryLedger.Delivered(4711L, START.plusSeconds(2))), s.delivered("k1"));
    }

    @Test
    void recordsADeliveryWhoseIdIsUnknown() {
        DeliveryLedger s = open(100_000);

        s.markDelivered("k1", null, null, null);

        assertEquals(Optional.of(new DeliveryLedger.Delivered(null, START)), s.delivered("k1"));
    }

    @Test
    void forgetsAPostThatSurelyStoredNothing() {
        DeliveryLedger s = open(100_000);
        s.markInFlight("k1", MEASUREMENT);
        s.markInFlight("k2", MEASUREMENT);

        s.clearInFlight("k1");
        s.clearInFlight("never-there");

        assertEquals(Optional.empty(), s.inFlight("k1"));
        assertTrue(s.inFlight("k2").isPresent());
        assertEquals(Optional.empty(), s.delivered("k1"));
    }

    @Test
    void forgetsEverythingAtOnceForTheSandboxAndStaysUsable() {
        DeliveryLedger s = open(100_000);
        s.markInFlight("pending", MEASUREMENT);
        s.markDelivered("done", 4711L, "t1", new DeliveryLedger.Tracking("delivered", "done", 4711L, null, START));
        s.markDelivered("\u00fcber", 1L, null, null);

        s.forgetAll();

        assertEquals(Optional.empty(), s.inFlight("pending"));
        assertEquals(Optional.empty(), s.delivered("done"));
        assertEquals(Optional.empty(), s.delivered("\u00fcber"));
        assertEquals(Optional.empty(), s.tracking("t1"));
        s.markDelivered("done", 4712L, null, null);
        assertEquals(Optional.of(new DeliveryLedger.Delivered(4712L, START)), reopen().delivered("done"));
    }

    @Test
    void keepsItsStateAcrossCloseAndReopen() {
        DeliveryLedger s = open(100_000);
        s.markInFlight("pending", MEASUREMENT);
        s.markInFlight("done", MEASUREMENT);
        s.markDelivered("done", 4711L, null, null);
        DeliveryLedger.Tracking queued = new DeliveryLedger.Tracking("queued", "done", null, null, START);
        s.track("t1", queued);

        DeliveryLedger reopened = reopen();

        assertEquals(Optional.of(new DeliveryLedger.InFlight("pending", MEASUREMENT, START)),
                reopened.inFlight("pending"));
        assertEquals(Optional.empty(), reopened.inFlight("done"));
        assertEquals(Optional.of(new DeliveryLedger.Delivered(4711L, START)), reopened.delivered("done"));
        assertEquals(Optional.of(queued.after(null)), reopened.tracking("t1"), "accepted when first queued");
        assertEquals(Optional.empty(), reopened.delivered("pending"));
    }

    @Test
    void roundTripsTrackingEntriesAndTheirUpdates() {
        DeliveryLedger s = open(100_000);
        DeliveryLedger.Tracking queued = new DeliveryLedger.Tracking("queued", "d1", null, null, START);
        DeliveryLedger.Tracking dead = new DeliveryLedger.Tracking("dead_lettered", "d2", null, "validation",
                START.plusSeconds(5));

        s.track("t1", queued);
        s.track("t2", dead);

        assertEquals(Optional.of(queued.after(null)), s.tracking("t1"));
        assertEquals(Optional.of(dead.after(null)), s.tracking("t2"));
        assertEquals(Optional.empty(), s.tracking("t3"));

        DeliveryLedger.Tracking delivered = new DeliveryLedger.Tracking("delivered", "d1", 4711L, null,
                START.plusSeconds(9));
        s.track("t1", delivered);

        assertEquals(Optional.of(delivered.after(queued.after(null))), s.tracking("t1"));
        assertEquals(START, s.tracking("t1").orElseThrow().acceptedAt(), "still accepted when first queued");
    }

    @Test
    void prunesDeliveredKeysAndTrackingOlderThanTheRetention() {
        DeliveryLedger s = open(100_000);
        s.markDelivered("old", 1L, null, null);
        s.track("old-tracking", new DeliveryLedger.Tracking("delivered", "old", 1L, null, clock.instant()));
        clock.advance(Duration.ofDays(10));
        s.markDelivered("recent", 2L, null, null);
        s.track("recent-tracking", new DeliveryLedger.Tracking("queued", "recent", null, null, clock.instant()));
        s.markInFlight("in-flight", MEASUREMENT);

        clock.advance(RETENTION.minusDays(5));
        int removed = s.prune();

        assertEquals(2, removed);
        assertEquals(Optional.empty(), s.delivered("old"));
        assertEquals(Optional.empty(), s.tracking("old-tracking"));
        assertTrue(s.delivered("recent").isPresent());
        assertTrue(s.tracking("recent-tracking").isPresent());
        assertTrue(s.inFlight("in-flight").isPresent(), "a POST of unknown outcome is kept within the retention");

        // an in-flight mark whose measurement never came again goes once it is older than the retention
        clock.advance(Duration.ofDays(6));
        s.prune();
        assertEquals(Optional.empty(), s.inFlight("in-flight"));
    }

    @Test
    void keepsAKeyExactlyAsOldAsTheRetention() {
        DeliveryLedger s = open(100_000);
        s.markDelivered("k1", 1L, null, null);
        clock.advance(RETENTION);

        assertEquals(0, s.prune());
        assertTrue(s.delivered("k1").isPresent());
    }

    @Test
    void prunesTheOldestKeysBeyondTheKeyLimit() {
        DeliveryLedger s = open(3);
        for (String key : List.of("k1", "k2", "k3", "k4", "k5")) {
            s.markDelivered(key, null, null, null);
            clock.advance(Duration.ofMinutes(1));
        }

        int removed = s.prune();

        assertEquals(2, removed);
        assertEquals(Optional.empty(), s.delivered("k1"));
        assertEquals(Optional.empty(), s.delivered("k2"));
        assertTrue(s.delivered("k3").isPresent());
        assertTrue(s.delivered("k4").isPresent());
        assertTrue(s.delivered("k5").isPresent());
    }

    @Test
    void pruneSurvivesReopening() {
        DeliveryLedger s = open(100_000);
        s.markDelivered("old", 1L, null, null);
        clock.advance(RETENTION.plusDays(1));
        s.markDelivered("new", 2L, null, null);
        s.prune();

        DeliveryLedger reopened = reopen();

        assertEquals(Optional.empty(), reopened.delivered("old"));
        assertTrue(reopened.delivered("new").isPresent());
    }

    @Test
    void prunesNothingWithinRetentionAndLimit() {
        DeliveryLedger s = open(3);
        s.markDelivered("k1", 1L, null, null);
        s.markDelivered("k2", 2L, null, null);
        s.markDelivered("k3", 3L, null, null);

        assertEquals(0, s.prune());
        for (String key : List.of("k1", "k2", "k3")) {
            assertTrue(s.delivered(key).isPresent(), key);
        }
    }

    @Test
    void marksDeliveredAndTracksAPushedMeasurementTogether() {
        DeliveryLedger s = open(100_000);
        s.markInFlight("k1", MEASUREMENT);
        DeliveryLedger.Tracking delivered = new DeliveryLedger.Tracking("delivered", "k1", 4711L, null, START);

        s.markDelivered("k1", 4711L, "t1", delivered);
        DeliveryLedger again = reopen();

        assertEquals(Optional.of(new DeliveryLedger.Delivered(4711L, START)), again.delivered("k1"));
        assertEquals(Optional.of(delivered.after(null)), again.tracking("t1"));
        assertEquals(Optional.empty(), again.inFlight("k1"));
    }

    @Test
    void anInFlightMarkIsInTheFileWhenItsCallReturnsAlsoWhenManyThreadsCommitTogether() throws Exception {
        DeliveryLedger s = open(100_000);
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
                            s.markDelivered(key, (long) i, null, null);
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
        try (DeliveryLedger killed = copyOfTheFile("killed")) {
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
        DeliveryLedger s = open(100_000);
        s.markInFlight("k1", MEASUREMENT);
        s.markDelivered("k1", 4711L, "t1", new DeliveryLedger.Tracking("delivered", "k1", 4711L, null, START));
        s.markInFlight("k2", MEASUREMENT);
        s.clearInFlight("k2");
        s.track("t2", new DeliveryLedger.Tracking("queued", "k3", null, null, START));

        try (DeliveryLedger killed = copyOfTheFile("killed")) {
            assertEquals(Optional.of(new DeliveryLedger.Delivered(4711L, START)), killed.delivered("k1"));
            assertEquals(Optional.empty(), killed.inFlight("k1"));
            assertEquals(Optional.empty(), killed.inFlight("k2"));
            assertTrue(killed.tracking("t1").isPresent());
            assertTrue(killed.tracking("t2").isPresent());
        }
    }

    /** The database's files as they are now, while it is open: what a killed process leaves behind. */
    private DeliveryLedger copyOfTheFile(String name) throws Exception {
        Path copy = dir.resolve(name);
        Path folder = dir.resolve("state").resolve("delivery");
        Files.createDirectories(copy.resolve("delivery"));
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve("delivery").resolve(f.getFileName()));
            }
        }
        return new EmbeddedLedger(copy, RETENTION, 100_000, clock);
    }

    private static Measurement valued(String value) {
        return new Measurement(MeasurementType.KPI, 31L, null, LocalDate.of(2024, 10, 9), new BigDecimal(value), null,
                null);
    }

    private static SourceRef offset(long offset) {
        return SourceRef.kafka("measurements", 0, offset);
    }

    /** Delivers the measurement as Delivery does: under the key identify gives. */
    private static String deliver(DeliveryLedger s, Measurement m, SourceRef source, long ogsmId) {
        String key = s.identify(m, source).key();
        if (s.delivered(key).isPresent()) {
            return "duplicate";
        }
        s.markDelivered(key, ogsmId, null, null);
        return "posted";
    }

    /** 45, 46, 45 for one KPI and date: the correction back to 45 is posted; an unchanged re-send never is. */
    @Test
    void aValueGoingBackToAnEarlierOneIsPostedAgainAndAnUnchangedResendIsNot() {
        DeliveryLedger s = open(100_000);
        assertEquals("posted", deliver(s, valued("45"), offset(1), 1));
        assertEquals("duplicate", deliver(s, valued("45.0"), offset(2), 2), "the same value, written otherwise");
        assertEquals("posted", deliver(s, valued("46"), offset(3), 3));
        assertEquals("posted", deliver(s, valued("45"), offset(4), 4), "back to 45: the workspace's latest again");
        assertEquals("duplicate", deliver(s, valued("45"), offset(5), 5));
        DeliveryLedger reopened = reopen();
        assertEquals("duplicate", deliver(reopened, valued("45"), offset(6), 6), "after a restart too");
        assertEquals("posted", deliver(reopened, valued("46"), offset(7), 7));
    }

    /** A crash after 45 and 46 were delivered: the records read again keep their keys and are not posted again. */
    @Test
    void recordsReadAgainKeepTheirKeysHoweverTheFigureMovedSince() {
        DeliveryLedger s = open(100_000);
        assertEquals("posted", deliver(s, valued("45"), offset(1), 1));
        assertEquals("posted", deliver(s, valued("46"), offset(2), 2));
        DeliveryLedger reopened = reopen();
        assertEquals("duplicate", deliver(reopened, valued("45"), offset(1), 3), "offset 1 read again");
        assertEquals("duplicate", deliver(reopened, valued("46"), offset(2), 4), "offset 2 read again");
        assertEquals("posted", deliver(reopened, valued("45"), offset(3), 5), "a new record back to 45");
    }

    @Test
    void anEventIdentifiedButNotYetDeliveredIsTheSameChangeWhenReadAgain() {
        DeliveryLedger s = open(100_000);
        String first = s.identify(valued("45"), offset(1)).key();
        s.identify(valued("46"), offset(2));
        assertEquals(first, reopen().identify(valued("45"), offset(1)).key(),
                "the key the in-flight claim and the look-up go by");
    }

    @Test
    void peekingRecordsNothing() {
        DeliveryLedger s = open(100_000);
        deliver(s, valued("45"), offset(1), 1);
        assertEquals(1, s.peek(valued("46"), offset(2)).change());
        assertEquals(1, s.peek(valued("46"), offset(2)).change());
        assertEquals(0, s.peek(valued("45"), offset(3)).change());
        assertEquals(1, s.identify(valued("46"), offset(2)).change());
    }

    @Test
    void aKeyDeliveredBeforeCorrectionsWereKeptIsStillADuplicate() {
        DeliveryLedger s = open(100_000);
        s.markDelivered(IdempotencyKey.of(valued("45")), 1L, null, null);
        assertEquals("duplicate", deliver(s, valued("45"), offset(9), 2));
    }

    @Test
    void eventsAndLatestChangesAreForgottenWithTheirRetention() {
        DeliveryLedger s = open(100_000);
        deliver(s, valued("45"), offset(1), 1);
        deliver(s, valued("46"), offset(2), 2);
        clock.advance(RETENTION.plusDays(1));
        assertTrue(s.prune() >= 4, "two keys, two events, one latest change");
        assertEquals(0, s.peek(valued("45"), offset(1)).change(), "all forgotten: a figure seen for the first time");
    }

    @Test
    void eventsBeyondTheKeyLimitAreForgottenOldestFirst() {
        DeliveryLedger s = open(2);
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofSeconds(1));
            s.identify(valued("4" + i), offset(i));
        }
        s.prune();
        assertEquals(4, s.peek(valued("40"), offset(0)).change(), "offset 0 forgotten: identified anew");
        assertEquals(3, s.peek(valued("43"), offset(3)).change(), "offset 3 kept");
        assertEquals(2, s.peek(valued("42"), offset(2)).change(), "offset 2 kept");
    }

    private static Measurement described(String value, String description) {
        return new Measurement(MeasurementType.KPI, 31L, null, LocalDate.of(2024, 10, 9), new BigDecimal(value), null,
                description);
    }

    /** A file with two rows of one KPI and date dropped again: its rows settle in any order, and none is posted again. */
    @Test
    void rowsOfOtherDescriptionsAreDuplicatesInWhateverOrderTheyComeAgain() {
        DeliveryLedger s = open(100_000);
        assertEquals("posted", deliver(s, described("1", "a"), SourceRef.csv("f.csv", START, 2), 1));
        assertEquals("posted", deliver(s, described("2", "b"), SourceRef.csv("f.csv", START, 3), 2));
        Instant again = START.plusSeconds(60);
        assertEquals("duplicate", deliver(s, described("2", "b"), SourceRef.csv("f.csv", again, 3), 3));
        assertEquals("duplicate", deliver(s, described("1", "a"), SourceRef.csv("f.csv", again, 2), 4));
    }
}
