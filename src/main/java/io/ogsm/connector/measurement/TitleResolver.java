package io.ogsm.connector.measurement;

import io.ogsm.connector.ogsm.Goal;
import io.ogsm.connector.ogsm.Kpi;
import io.ogsm.connector.ogsm.OgsmClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns a goal or KPI title into its id, from the API's own lists. Titles match case-insensitively, trimmed, with
 * runs of white space folded. The lists are cached and read again on a miss, at most once per
 * {@code minRefreshInterval}, so a file full of unknown titles does not flood the API. A title that names nothing, or
 * several entries, is an {@link UnresolvedTitleException}: never a guess.
 */
public class TitleResolver {

    private record Entry(long id, String title) {
    }

    private final Supplier<List<Goal>> goals;
    private final Supplier<List<Kpi>> kpis;
    private final Duration minRefreshInterval;
    private final Clock clock;
    private final Map<MeasurementType, Map<String, List<Entry>>> cache = new HashMap<>();
    private final Map<MeasurementType, Map<Long, Entry>> ids = new HashMap<>();
    private final Map<MeasurementType, Instant> loadedAt = new HashMap<>();

    public TitleResolver(Supplier<List<Goal>> goals, Supplier<List<Kpi>> kpis, Duration minRefreshInterval,
            Clock clock) {
        this.goals = goals;
        this.kpis = kpis;
        this.minRefreshInterval = minRefreshInterval;
        this.clock = clock;
    }

    public static TitleResolver of(OgsmClient client, Duration minRefreshInterval) {
        return new TitleResolver(client::goals, client::kpis, minRefreshInterval, Clock.systemUTC());
    }

    /**
     * The measurement naming its goal/KPI by id; unchanged if it already does. With both an id and a title, they must
     * name the same entry (the lists are read again once if they do not, in case of a rename); an id the lists do not
     * hold is left to the API to answer.
     */
    public Measurement resolve(Measurement m) {
        if (m.id() != null) {
            if (m.title() != null && !m.title().isBlank()) {
                check(m.type(), m.id(), m.title());
            }
            return m;
        }
        return m.withId(resolve(m.type(), m.title()));
    }

    private synchronized void check(MeasurementType type, long id, String title) {
        String key = normalize(title);
        Entry named = byId(type, false, id);
        if ((named == null || !normalize(named.title()).equals(key)) && mayRefresh(type)) {
            named = byId(type, true, id);
        }
        if (named == null || normalize(named.title()).equals(key)) {
            return;
        }
        String kind = type == MeasurementType.KPI ? "KPI" : "goal";
        List<Entry> titled = lists(type, false).getOrDefault(key, List.of());
        String other = titled.isEmpty() ? "no " + kind + " has that title"
                : "that is the title of " + kind + " " + titled.stream().map(e -> Long.toString(e.id()))
                        .collect(Collectors.joining(", "));
        throw new UnresolvedTitleException("id and title name different " + kind + "s: " + kind + " " + id
                + " is '" + named.title() + "', not '" + title.trim() + "' (" + other + "); correct one of them, or give"
                + " only the id", true);
    }

    private Entry byId(MeasurementType type, boolean refresh, long id) {
        lists(type, refresh);
        return ids.get(type).get(id);
    }

    /** The workspace's title of a resolved measurement's goal or KPI, from the lists as read; empty if they lack it. */
    public synchronized java.util.Optional<String> title(Measurement resolved) {
        Entry entry = resolved.id() == null ? null : byId(resolved.type(), false, resolved.id());
        return java.util.Optional.ofNullable(entry).map(Entry::title);
    }

    public synchronized long resolve(MeasurementType type, String title) {
        String key = normalize(title);
        List<Entry> found = lists(type, false).get(key);
        if (found == null && mayRefresh(type)) {
            found = lists(type, true).get(key);
        }
        String kind = type == MeasurementType.KPI ? "KPI" : "goal";
        if (found == null) {
            throw new UnresolvedTitleException("unknown " + kind + " title '" + title.trim() + "'", false);
        }
        if (found.size() > 1) {
            throw new UnresolvedTitleException(kind + " title '" + title.trim() + "' is ambiguous: ids "
                    + found.stream().map(e -> Long.toString(e.id())).toList() + "; name it by id", true);
        }
        return found.get(0).id();
    }

    /**
     * Forgets the lists read so far: the next title is resolved against lists read then. A replay does this first, so
     * that a goal or KPI renamed in the workspace to fix a dead letter is seen at once.
     */
    public synchronized void forget() {
        cache.clear();
        ids.clear();
        loadedAt.clear();
    }

    static String normalize(String title) {
        return title == null ? "" : title.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private boolean mayRefresh(MeasurementType type) {
        Instant last = loadedAt.get(type);
        return last == null || !clock.instant().isBefore(last.plus(minRefreshInterval));
    }

    private Map<String, List<Entry>> lists(MeasurementType type, boolean refresh) {
        if (refresh || !cache.containsKey(type)) {
            List<Entry> entries = new ArrayList<>();
            if (type == MeasurementType.GOAL) {
                goals.get().forEach(g -> entries.add(new Entry(g.id(), g.title())));
            } else {
                kpis.get().forEach(k -> entries.add(new Entry(k.id(), k.title())));
            }
            Map<String, List<Entry>> byTitle = new HashMap<>();
            Map<Long, Entry> byId = new HashMap<>();
            for (Entry entry : entries) {
                if (entry.title() != null) {
                    byTitle.computeIfAbsent(normalize(entry.title()), t -> new ArrayList<>()).add(entry);
                    byId.put(entry.id(), entry);
                }
            }
            cache.put(type, byTitle);
            ids.put(type, byId);
            loadedAt.put(type, clock.instant());
        }
        return cache.get(type);
    }
}
