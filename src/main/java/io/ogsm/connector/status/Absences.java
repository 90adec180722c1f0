package io.ogsm.connector.status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which entities missing from a good read of a list are gone. One read that lacks an entity proves nothing (a list cut
 * short, a workspace that answered empty during an outage): an entity is deleted only once it is missing from
 * {@code confirmations} good polls in a row ({@code ogsm.status.delete-confirmations}), and seen again before that it
 * is simply still there. Measurements never leave the snapshot: they cannot change, so one announced is known for
 * good and never announced again, whatever the lists read in between.
 *
 * @param deleted the ids whose absence is confirmed by this poll: to announce as deleted and drop from the snapshot
 * @param missing every id of the snapshot still missing after this poll, with the number of good polls in a row it was
 *                missing from (ids seen again are not in it)
 */
public record Absences(List<Long> deleted, Map<Long, Integer> missing) {

    /**
     * @param snapshot the ids in the list's snapshot before this poll
     * @param seen     the ids this poll read
     * @param before   the missing counts after the previous poll
     * @param confirmations good polls in a row an entity must be missing from to be deleted (at least 1)
     * @param measurements whether the list holds measurements, which are never deleted
     */
    public static Absences of(Collection<Long> snapshot, Set<Long> seen, Map<Long, Integer> before, int confirmations,
            boolean measurements) {
        List<Long> deleted = new ArrayList<>();
        Map<Long, Integer> missing = new TreeMap<>();
        if (measurements) {
            return new Absences(deleted, missing);
        }
        for (Long id : snapshot) {
            if (seen.contains(id)) {
                continue;
            }
            int count = before.getOrDefault(id, 0) + 1;
            if (count >= confirmations) {
                deleted.add(id);
            } else {
                missing.put(id, count);
            }
        }
        return new Absences(List.copyOf(deleted), missing);
    }
}
