package io.ogsm.connector.status;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A delete only after consecutive good polls miss the entity; a measurement never leaves the snapshot. */
class AbsencesTest {

    private static Set<Long> ids(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().collect(Collectors.toSet());
    }

    /** Polls a list: each read in turn, starting from the snapshot; the deletes of each poll. */
    private static List<List<Long>> polls(Set<Long> snapshot, int confirmations, boolean measurements,
            List<Set<Long>> reads) {
        Set<Long> current = new java.util.TreeSet<>(snapshot);
        Map<Long, Integer> missing = new HashMap<>();
        List<List<Long>> deletes = new java.util.ArrayList<>();
        for (Set<Long> read : reads) {
            Absences absences = Absences.of(current, read, missing, confirmations, measurements);
            deletes.add(absences.deleted());
            absences.deleted().forEach(current::remove);
            current.addAll(read);
            missing = absences.missing();
        }
        return deletes;
    }

    @Test
    void anEmptyReadOfASmallListThenTheListAgainDeletesNothing() {
        List<List<Long>> deletes = polls(ids(1, 3), 2, false, List.of(Set.of(), ids(1, 3), Set.of(), ids(1, 3)));
        assertTrue(deletes.stream().allMatch(List::isEmpty), deletes.toString());
    }

    @Test
    void aShortReadOfALargeListThenTheListAgainDeletesNothing() {
        List<List<Long>> deletes = polls(ids(1, 50_000), 2, false, List.of(ids(1, 40_000), ids(1, 50_000)));
        assertTrue(deletes.stream().allMatch(List::isEmpty));
    }

    @Test
    void aRealDeleteIsAnnouncedOnceWhenTheSecondPollInARowMissesIt() {
        Set<Long> without2 = Set.of(1L, 3L);
        List<List<Long>> deletes = polls(ids(1, 3), 2, false, List.of(without2, without2, without2));
        assertEquals(List.of(List.of(), List.of(2L), List.of()), deletes);
    }

    @Test
    void missingPollsMustBeInARow() {
        Set<Long> without2 = Set.of(1L, 3L);
        List<List<Long>> deletes = polls(ids(1, 3), 3, false,
                List.of(without2, without2, ids(1, 3), without2, without2, without2));
        assertEquals(List.of(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(2L)), deletes);
    }

    @Test
    void oneConfirmationDeletesAtTheFirstMiss() {
        assertEquals(List.of(List.of(2L)), polls(ids(1, 3), 1, false, List.of(Set.of(1L, 3L))));
    }

    @Test
    void aMeasurementNeverLeavesTheSnapshotSoItIsNeverAnnouncedTwice() {
        List<List<Long>> deletes = polls(ids(1, 5), 2, true, List.of(Set.of(), Set.of(), Set.of(), ids(1, 5)));
        assertTrue(deletes.stream().allMatch(List::isEmpty));
        assertEquals(Map.of(), Absences.of(ids(1, 5), Set.of(), Map.of(), 2, true).missing());
    }

    @Test
    void theMissingCountsNameOnlyWhatIsStillMissing() {
        Absences first = Absences.of(ids(1, 4), Set.of(1L, 2L), Map.of(), 3, false);
        assertEquals(Map.of(3L, 1, 4L, 1), first.missing());
        Absences second = Absences.of(ids(1, 4), Set.of(1L, 2L, 3L), first.missing(), 3, false);
        assertEquals(Map.of(4L, 2), second.missing());
    }
}
